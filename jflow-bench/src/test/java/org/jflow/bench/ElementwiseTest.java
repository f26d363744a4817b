package org.jflow.bench;

import org.jflow.DType;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElementwiseTest {
    @Test
    void everyOpHasAPeerOfTheSameName() throws IOException {
        String peer = Files.readString(Path.of("../bench/elementwise_peer.py"));
        for (Elementwise.Row r : Elementwise.rows()) {
            assertTrue(peer.contains("    \"" + r.name() + "\": ("), r.name() + " is not in bench/elementwise_peer.py");
        }
        assertEquals(Elementwise.rows().size(), peer.split("\\n    \"[a-z0-9_]+\": \\(").length - 1,
                "bench/elementwise_peer.py has ops JFlow lacks");
    }

    @Test
    void inputsAreOrdinaryFloat32ValuesInTheirDomains() {
        Elementwise.Inputs in = Elementwise.inputs();
        assertEquals(DType.FLOAT32, in.x().dtype());
        assertEquals(Elementwise.N, in.x().size());
        assertInRange(in.x(), 0.1, 2);
        assertInRange(in.u(), 0, 1); // asin, acos, atanh
        assertInRange(in.w(), 1, 3); // acosh
    }

    private static void assertInRange(Tensor t, double low, double high) {
        for (float v : t.toFloatArray()) assertTrue(v >= low && v < high, "value " + v);
    }
}
