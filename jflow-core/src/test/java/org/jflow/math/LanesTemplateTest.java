package org.jflow.math;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanesTemplateTest {
    private static final Path SOURCES = Path.of("src/main/java/org/jflow/math");

    @Test
    void floatAndDoubleLanesAreTheTemplatesOutput() throws IOException {
        for (LanesTemplate.Precision p : new LanesTemplate.Precision[] {LanesTemplate.FLOAT, LanesTemplate.DOUBLE}) {
            Path file = SOURCES.resolve(p.className() + ".java");
            String expected = LanesTemplate.generate(p);
            if (Boolean.getBoolean("lanes.regenerate")) Files.writeString(file, expected);
            assertEquals(expected, Files.readString(file), file + " was edited by hand: change LanesTemplate and regenerate");
        }
    }

    @Test
    void everyLaneConstantHasALoop() {
        assertEquals(UnaryLane.values().length, LanesTemplate.UNARY.size());
        for (UnaryLane op : UnaryLane.values()) assertEquals(true, LanesTemplate.UNARY.containsKey(op.name()), op.name());
        for (BinaryLane op : BinaryLane.values()) assertEquals(true, LanesTemplate.BINARY.containsKey(op.name()), op.name());
        for (CompareLane op : CompareLane.values()) assertEquals(true, LanesTemplate.COMPARE.containsKey(op.name()), op.name());
    }
}
