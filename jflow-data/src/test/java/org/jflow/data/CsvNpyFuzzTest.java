package org.jflow.data;

import org.jflow.errors.OpError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 100,000 mutated inputs each for the CSV reader (with make_csv_dataset's type inference on every
 * field) and the NPY header reader: anything but a TF error ({@link OpError}) fails, as does a pass
 * over the time limit (a hang) or an OutOfMemoryError. The seeds are fixed, so a failure repeats.
 */
class CsvNpyFuzzTest {
    private static final int CASES = 100_000;
    private static final byte[] SPECIAL = {'"', ',', '\n', '\r', ' ', 0, (byte) 0x93, '\'', '(', ')', ':', '9', '-', 'e'};

    private static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(8);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b[at] = SPECIAL[r.nextInt(SPECIAL.length)];
                case 2 -> b = java.util.Arrays.copyOf(b, at);                        // truncate
                case 3 -> {                                                          // insert a special byte
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = SPECIAL[r.nextInt(SPECIAL.length)];
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                default -> b[at] = (byte) ('0' + r.nextInt(10));
            }
        }
        return b;
    }

    @Test
    void csvReaderSurvivesMutatedInput() throws Exception {
        org.jflow.data.SharedData.assume();
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(Files.readAllBytes(CsvTest.QUOTED));
        seeds.add("a,b,c\n1,\"x,\"\"y\"\"\",2.5\r\n3,,nan\n".getBytes(StandardCharsets.UTF_8));
        seeds.add(java.util.Arrays.copyOf(Files.readAllBytes(DatasetPipelinesTest.DATA.resolve("titanic/train.csv")), 600));
        SplittableRandom r = new SplittableRandom(14);
        int[] records = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] input = mutate(seeds.get(i % seeds.size()), r);
                CsvParser p = new CsvParser(new ByteArrayInputStream(input), "fuzz.csv", ',', true);
                int guard = input.length + 2;
                while (guard-- > 0) {
                    try {
                        List<byte[]> row = p.next();
                        if (row == null) break;
                        records[0]++;
                        for (byte[] f : row) Csv.inferType(new String(f, StandardCharsets.UTF_8), "", -1);
                    } catch (OpError expected) {
                        // TF's error for a malformed record; reading goes on, as with ignore_errors
                    } catch (RuntimeException | OutOfMemoryError e) {
                        fail("input " + i + " " + java.util.Arrays.toString(input) + ": " + e, e);
                    }
                }
                assertTrue(guard >= 0, "the reader made no progress on input " + i);
            }
        });
        assertTrue(records[0] > CASES, "most mutated inputs still hold records: " + records[0]);
    }

    /** 3,000 mutated files through CsvDataset's typed conversion (int32, string, float32, int64 columns). */
    @Test
    void csvDatasetSurvivesMutatedFiles() throws Exception {
        byte[] seed = "a,b,c,d\n1,\"x,\"\"y\"\"\",2.5,7\r\n3,,nan,-8\n-4,z,1e3,9\n".getBytes(StandardCharsets.UTF_8);
        java.nio.file.Path file = Files.createTempFile("fuzz", ".csv");
        SplittableRandom r = new SplittableRandom(16);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3_000; i++) {
                byte[] input = mutate(seed, r);
                Files.write(file, input);
                CsvDataset ds = new CsvDataset(List.of(file.toString()), List.of(0, "", 0f, 0L), true, null, "", ',', true, "");
                try {
                    ds.ignoreErrors().toList();
                    ds.toList();
                } catch (OpError expected) {
                    assertTrue(expected.getMessage().contains("(file " + file + ", line "), expected.getMessage());
                } catch (RuntimeException | OutOfMemoryError e) {
                    fail("input " + i + " " + java.util.Arrays.toString(input) + ": " + e, e);
                }
            }
        });
        Files.delete(file);
    }

    @Test
    void npyReaderSurvivesMutatedHeaders() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String f : List.of("float32.npy", "string_f.npy", "complex128.npy", "bool.npy")) {
            seeds.add(Files.readAllBytes(NpyTest.DIR.resolve(f)));
        }
        seeds.add(NpyTest.npy("{'descr': '<U3', 'fortran_order': True, 'shape': (2, 1), }", 24));
        SplittableRandom r = new SplittableRandom(15);
        int[] read = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] seed = seeds.get(i % seeds.size());
                // mutate the magic, version, length and header dict (the first 128 bytes), keep the data
                int headerEnd = Math.min(seed.length, 128);
                byte[] head = mutate(java.util.Arrays.copyOf(seed, headerEnd), r);
                byte[] input = new byte[head.length + seed.length - headerEnd];
                System.arraycopy(head, 0, input, 0, head.length);
                System.arraycopy(seed, headerEnd, input, head.length, seed.length - headerEnd);
                try {
                    Npy.read(input, "fuzz.npy");
                    read[0]++;
                } catch (OpError expected) {
                    // InvalidArgumentError or DataLossError naming the file
                    assertTrue(expected.getMessage().startsWith("fuzz.npy: "), expected.getMessage());
                } catch (RuntimeException | OutOfMemoryError e) {
                    fail("input " + i + " " + java.util.Arrays.toString(input) + ": " + e, e);
                }
            }
        });
        assertTrue(read[0] > 0, "some mutations (spaces, digits in the data-size slack) still read");
    }
}
