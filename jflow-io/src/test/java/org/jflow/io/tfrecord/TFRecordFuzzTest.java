package org.jflow.io.tfrecord;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.DataLossError;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.io.parsing.FixedLenFeature;
import org.jflow.io.parsing.Parsing;
import org.jflow.io.parsing.RaggedFeature;
import org.jflow.io.parsing.VarLenFeature;
import org.jflow.io.train.Example;
import org.jflow.io.train.Feature;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100,000 mutated TFRecord files (byte flips, truncations, inserted bytes, length fields rewritten with a valid CRC;
 * uncompressed, GZIP and ZLIB) and 100,000 mutated serialized Examples: every one reads or parses, or raises TF's
 * error (DataLossError for files, InvalidArgumentError for Examples); any other exception, a hang or an
 * out-of-memory fails the test.
 */
class TFRecordFuzzTest {
    private static final int FILES = 100_000;
    private static final int EXAMPLES = 100_000;

    @Test
    void mutatedFilesReadOrRaiseDataLoss() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random rnd = new Random(42);
            byte[][] bases = new byte[3][];
            String[] compressions = {"", "GZIP", "ZLIB"};
            byte[] plain = framed(rnd);
            for (int c = 0; c < 3; c++) bases[c] = TFRecordTest.compress(plain, compressions[c]);
            int records = 0, losses = 0;
            for (int i = 0; i < FILES; i++) {
                int c = i % 3;
                // Compressed files get their mutations before compression half of the time, to reach the framing.
                boolean inner = c > 0 && rnd.nextBoolean();
                byte[] file = inner ? TFRecordTest.compress(mutate(plain, rnd), compressions[c]) : mutate(bases[c], rnd);
                try (TFRecordReader r = new TFRecordReader("fuzz" + i, new TFRecordReader.Opened(
                        new ByteArrayInputStream(file), file.length), compressions[c], 4096)) {
                    while (r.next() != null) records++;
                } catch (DataLossError e) {
                    assertTrue(e.getMessage().contains("fuzz" + i), e.getMessage());
                    losses++;
                }
            }
            assertTrue(records > 0 && losses > FILES / 2, records + " records, " + losses + " losses");
        });
    }

    @Test
    void mutatedExamplesParseOrRaiseInvalidArgument() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random rnd = new Random(7);
            byte[] base = Example.of(Map.of("label", Feature.int64List(3), "img", Feature.bytesList(new byte[40]),
                    "w", Feature.floatList(0.5f, 1.5f), "v", Feature.int64List(1, 2, 3, 4))).serializeToString();
            Map<String, Object> spec = Map.of("label", new FixedLenFeature(new int[] {}, DType.INT64),
                    "img", new FixedLenFeature(new int[] {}, DType.STRING, "x"),
                    "w", new VarLenFeature(DType.FLOAT32), "v", new RaggedFeature(DType.INT64));
            int parsed = 0, rejected = 0;
            for (int i = 0; i < EXAMPLES; i++) {
                byte[] mutated = mutate(base, rnd);
                try {
                    // Alternately one example (TF's single-example path) and a batch of two (its batch path).
                    if (i % 2 == 0) Parsing.parseSingleExample(org.jflow.raw.Raw.scalarString(mutated), spec);
                    else Parsing.parseExample(Tensor.wrap(DType.STRING, Shape.of(2), new byte[][] {base, mutated}), spec);
                    parsed++;
                } catch (InvalidArgumentError e) {
                    rejected++;
                }
                try {
                    Example.fromString(mutated);
                } catch (DataLossError e) {
                    rejected++;
                }
            }
            assertTrue(parsed > 0 && rejected > 0, parsed + " parsed, " + rejected + " rejected");
        });
    }

    /** A file of 1 to 8 random records, framed by JFlow's writer's framing. */
    private static byte[] framed(Random rnd) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            byte[] data = new byte[rnd.nextInt(64)];
            rnd.nextBytes(data);
            byte[] header = new byte[12], footer = new byte[4];
            Framing.writeLong(header, 0, data.length);
            Framing.writeInt(header, 8, Framing.maskedCrc(header, 0, 8));
            Framing.writeInt(footer, 0, Framing.maskedCrc(data, 0, data.length));
            out.write(header);
            out.write(data);
            out.write(footer);
        }
        return out.toByteArray();
    }

    /** One to three of: flipped bytes, a truncation, inserted bytes, or a length field rewritten with its CRC. */
    static byte[] mutate(byte[] b, Random rnd) {
        byte[] m = b.clone();
        int steps = 1 + rnd.nextInt(3);
        for (int s = 0; s < steps && m.length > 0; s++) {
            switch (rnd.nextInt(4)) {
                case 0 -> m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> m = java.util.Arrays.copyOf(m, rnd.nextInt(m.length));
                case 2 -> {
                    int at = rnd.nextInt(m.length + 1);
                    byte[] ins = new byte[1 + rnd.nextInt(8)];
                    rnd.nextBytes(ins);
                    List<Byte> l = new ArrayList<>();
                    for (byte x : m) l.add(x);
                    for (int k = ins.length - 1; k >= 0; k--) l.add(at, ins[k]);
                    m = new byte[l.size()];
                    for (int k = 0; k < m.length; k++) m[k] = l.get(k);
                }
                default -> {
                    if (m.length >= 12) {
                        long[] lengths = {1L << 60, -1L, Integer.MAX_VALUE, rnd.nextInt(1 << 20), rnd.nextLong()};
                        Framing.writeLong(m, 0, lengths[rnd.nextInt(lengths.length)]);
                        Framing.writeInt(m, 8, Framing.maskedCrc(m, 0, 8));
                    }
                }
            }
        }
        return m;
    }
}
