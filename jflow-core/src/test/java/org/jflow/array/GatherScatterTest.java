package org.jflow.array;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

/** Golden cases G-I8..G-I17 (001a.md 3.5) and G11..G16 of 000.md. */
class GatherScatterTest {
    /** The gradebook (4 classes, 10 students, 7 subjects) with every printed value of L4215–L4325. */
    static final Tensor SCORES = gradebook();

    private static Tensor gradebook() {
        int[][][] s = new int[4][10][7];
        for (int c = 0; c < 4; c++) for (int st = 0; st < 10; st++) for (int j = 0; j < 7; j++) s[c][st][j] = (c * 70 + st * 7 + j) % 100;
        s[0][0] = new int[] {52, 82, 66, 55, 17, 86, 14};
        s[2][4] = new int[] {99, 94, 46, 70, 1, 63, 41};
        s[3][6] = new int[] {46, 83, 70, 80, 90, 85, 17};
        int[][] known = { // class, student, first three, column 3, last three
                {0, 5, 24, 80, 70, 46, 72, 63, 96}, {0, 9, 24, 99, 38, 58, 97, 44, 74},
                {1, 0, 79, 73, 73, 48, 35, 3, 81}, {1, 5, 46, 10, 94, 38, 23, 18, 92}, {1, 9, 0, 21, 89, 86, 53, 10, 90},
                {2, 0, 52, 80, 22, 57, 29, 25, 60}, {2, 5, 19, 12, 23, 34, 87, 86, 25}, {2, 9, 61, 78, 70, 71, 7, 59, 21},
                {3, 0, 56, 57, 45, 75, 23, 15, 3}, {3, 5, 6, 41, 79, 47, 97, 43, 13}, {3, 9, 71, 27, 44, 96, 0, 52, 16}};
        for (int[] k : known) s[k[0]][k[1]] = new int[] {k[2], k[3], k[4], k[5], k[6], k[7], k[8]};
        return tf.constant(s);
    }

    private static final int[] Q = { // G-I9
            82, 55, 14, 80, 46, 96, 99, 58, 74,
            73, 48, 81, 10, 38, 92, 21, 86, 90,
            80, 57, 60, 12, 34, 25, 78, 71, 21,
            57, 75, 3, 41, 47, 13, 27, 96, 16};

    @Test
    void gatherStudentsThenSubjects() { // G-I8, G-I9
        Tensor p = tf.gather(SCORES, new int[] {0, 5, 9}, 1);
        assertEquals(Shape.of(4, 3, 7), p.shape());
        assertArrayEquals(new int[] {52, 82, 66, 55, 17, 86, 14}, p.get(0, 0).toIntArray());
        assertArrayEquals(new int[] {24, 80, 70}, p.slice("0, 1, :3").toIntArray());
        assertArrayEquals(new int[] {97, 44, 74}, p.slice("0, 2, -3:").toIntArray());
        Tensor q = tf.gather(p, new int[] {1, 3, 6}, 2);
        assertEquals(Shape.of(4, 3, 3), q.shape());
        assertArrayEquals(Q, q.toIntArray());
    }

    @Test
    void gatherNdPicksRows() { // G-I10
        Tensor s = tf.gatherNd(SCORES, List.of(List.of(0, 0), List.of(2, 4), List.of(3, 6)));
        assertEquals(Shape.of(3, 7), s.shape());
        assertEquals(DType.INT32, s.dtype());
        assertArrayEquals(new int[] {52, 82, 66, 55, 17, 86, 14, 99, 94, 46, 70, 1, 63, 41, 46, 83, 70, 80, 90, 85, 17}, s.toIntArray());
    }

    @Test
    void booleanMaskAlongAxisAndOverLeadingDims() { // G-I11, G-I12
        boolean[] m = {true, false, false, false, false, true, false, false, false, true};
        Tensor byAxis = tf.booleanMask(SCORES, m, 1);
        assertEquals(Shape.of(4, 3, 7), byAxis.shape());
        assertArrayEquals(tf.gather(SCORES, new int[] {0, 5, 9}, 1).toIntArray(), byAxis.toIntArray());
        boolean[][] m2 = new boolean[4][10];
        m2[0][0] = m2[2][4] = m2[3][6] = true;
        Tensor lead = tf.booleanMask(SCORES, m2);
        assertEquals(Shape.of(3, 7), lead.shape());
        assertArrayEquals(tf.gatherNd(SCORES, new int[][] {{0, 0}, {2, 4}, {3, 6}}).toIntArray(), lead.toIntArray());
    }

    static final Tensor C = tf.constant(new float[][] {{-1, 1, -1}, {2, 2, -2}, {3, -3, 3}});
    static final boolean[][] C_NEG = {{true, false, true}, {false, false, true}, {false, true, false}};

    @Test
    void maskAndIndexSugar() { // G-I13 (c < 0 written out, comparison ops live in math)
        assertArrayEquals(new float[] {-1, -1, -2, -3}, tf.booleanMask(C, C_NEG).toFloatArray());
        assertArrayEquals(new float[] {-1, -1, -2, -3}, C.mask(C_NEG).toFloatArray());
    }

    @Test
    void whereSelects() { // G-I14
        Tensor w = tf.where(C_NEG, tf.fill(C.shape(), Float.NaN), C);
        assertEquals(DType.FLOAT32, w.dtype());
        float[] v = w.toFloatArray();
        float nan = Float.NaN;
        assertArrayEquals(new float[] {nan, 1, nan, 2, 2, nan, 3, nan, 3}, v);
        // broadcasting: a scalar else-branch and a row condition
        assertArrayEquals(new float[] {-1, 0, -1, 2, 0, -2, 3, 0, 3}, tf.where(new boolean[] {true, false, true}, C, 0f).toFloatArray());
    }

    @Test
    void whereWithOneArgumentGivesInt64Coordinates() { // G-I15
        Tensor w = tf.where(C_NEG);
        assertEquals(DType.INT64, w.dtype());
        assertEquals(Shape.of(4, 2), w.shape());
        assertArrayEquals(new long[] {0, 0, 0, 2, 1, 2, 2, 1}, w.toLongArray());
        assertEquals(Shape.of(3, 1), tf.where(new int[] {0, 5, 0, 2, 1}).shape());
    }

    @Test
    void whereRefusesScalarsAndFloat16AsTfsCpuKernel() { // found by jflow-conformance
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.where(tf.constant(true)));
        assertEquals("WhereOp : Unhandled input dimensions: 0 [Op:Where]", e.getMessage());
        assertThrows(org.jflow.errors.UnimplementedError.class, () -> tf.where(tf.constant(new float[] {1, 0}, DType.FLOAT16)));
        assertEquals(Shape.of(1, 1), tf.where(tf.constant(new float[] {1, 0}, DType.BFLOAT16)).shape());
    }

    @Test
    void scatterNdIsTheInverseOfGatherNd() { // G-I16, G-I17
        Tensor s = tf.scatterNd(new int[][] {{0, 0}, {2, 1}}, List.of(C.get(0, 0), C.get(2, 1)), C.shape());
        assertArrayEquals(new float[] {-1, 0, 0, 0, 0, 0, 0, -3, 0}, s.toFloatArray());
        assertArrayEquals(new float[] {0, 1, -1, 2, 2, -2, 3, 0, 3}, tf.subtract(C, s).toFloatArray());
        Tensor indices = tf.where(C_NEG);
        Tensor back = tf.scatterNd(indices, tf.gatherNd(C, indices), C.shape());
        assertArrayEquals(new float[] {-1, 0, -1, 0, 0, -2, 0, -3, 0}, back.toFloatArray());
    }

    @Test
    void scatterNdAddsDuplicates() {
        Tensor s = tf.scatterNd(new int[][] {{1}, {3}, {1}}, new int[] {5, 7, 2}, new int[] {5});
        assertArrayEquals(new int[] {0, 7, 0, 7, 0}, s.toIntArray());
        Tensor rows = tf.scatterNd(new int[][] {{1}}, new float[][] {{1, 2}}, new int[] {2, 2});
        assertArrayEquals(new float[] {0, 0, 1, 2}, rows.toFloatArray());
    }

    /** As TF (checked against TF 2.18): untouched slots are empty strings, duplicates concatenate in order. */
    @Test
    void scatterNdStrings() {
        Tensor s = tf.scatterNd(new int[][] {{1}, {1}, {3}}, new String[] {"ab", "cd", "ef"}, new int[] {4});
        assertArrayEquals(new String[] {"", "abcd", "", "ef"}, s.toStringArray());
        Tensor rows = tf.scatterNd(new int[][] {{2}}, new String[][] {{"x", "y"}}, new int[] {3, 2});
        assertArrayEquals(new String[] {"", "", "", "", "x", "y"}, rows.toStringArray());
    }

    @Test
    void tensorScatterUpdateAndAdd() {
        Tensor t = tf.constant(new int[] {1, 2, 3, 4});
        assertArrayEquals(new int[] {1, 9, 3, 8}, tf.tensorScatterNdUpdate(t, new int[][] {{1}, {3}}, new int[] {9, 8}).toIntArray());
        assertArrayEquals(new int[] {1, 12, 3, 4}, tf.tensorScatterNdAdd(t, new int[][] {{1}, {1}}, new int[] {9, 1}).toIntArray());
        assertArrayEquals(new int[] {1, 2, 3, 4}, t.toIntArray());
    }

    static final Tensor PARAMS = tf.constant(new float[][] {{0, 1, 2}, {10, 11, 12}, {20, 21, 22}, {30, 31, 32}});

    @Test
    void gatherExamplesOf000() { // 000.md G11, G12, G14
        Tensor p = tf.constant(new float[] {10, 11, 12, 13, 14, 15});
        assertArrayEquals(new float[] {12, 10, 12, 15}, tf.gather(p, new int[] {2, 0, 2, 5}).toFloatArray());
        Tensor nested = tf.gather(p, new int[][] {{2, 0}, {2, 5}});
        assertEquals(Shape.of(2, 2), nested.shape());
        assertArrayEquals(new float[] {12, 10, 12, 15}, nested.toFloatArray());
        assertArrayEquals(new float[] {30, 31, 32, 10, 11, 12}, tf.gather(PARAMS, new int[] {3, 1}).toFloatArray());
        Tensor cols = tf.gather(PARAMS, new int[] {2, 1}, 1);
        assertEquals(Shape.of(4, 2), cols.shape());
        assertArrayEquals(new float[] {2, 1, 12, 11, 22, 21, 32, 31}, cols.toFloatArray());
        Tensor big = tf.zeros(4, 35, 8);
        assertEquals(Shape.of(4, 5, 8), tf.gather(big, new int[] {2, 3, 7, 9, 16}, 1).shape());
        assertEquals(Shape.of(4, 35, 3), tf.gather(big, new int[] {2, 3, 7}, 2).shape());
        assertEquals(Shape.of(4, 35, 2, 3), tf.gather(big, new int[][] {{2, 3, 7}, {0, 1, 2}}, 2).shape());
        assertArrayEquals(new float[] {31, 32}, tf.gather(PARAMS, new long[] {1, 2}, 1).get(3).toFloatArray());
    }

    @Test
    void gatherWithBatchDims() {
        Tensor p = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor g = tf.gather(p, new int[][] {{2, 0}, {1, 1}}, 1, 1);
        assertEquals(Shape.of(2, 2), g.shape());
        assertArrayEquals(new int[] {3, 1, 5, 5}, g.toIntArray());
    }

    @Test
    void outOfRangeIndicesAreErrorsAsOnTfsCpu() {
        Tensor p = tf.constant(new float[] {1, 2, 3, 4, 5});
        assertEquals("indices[1] = 7 is not in [0, 5) [Op:GatherV2]",
                assertThrows(InvalidArgumentError.class, () -> tf.gather(p, new int[] {0, 7})).getMessage());
        assertEquals("indices[1,0] = 4 is not in [0, 4) [Op:GatherV2]",
                assertThrows(InvalidArgumentError.class, () -> tf.gather(PARAMS, new int[][] {{2, 3}, {4, 0}})).getMessage());
        assertEquals("indices[1] = [2, 9] does not index into param shape [4,3] [Op:GatherNd]",
                assertThrows(InvalidArgumentError.class, () -> tf.gatherNd(PARAMS, new int[][] {{0, 0}, {2, 9}})).getMessage());
        assertEquals("indices[0] = [3] does not index into shape [3] [Op:ScatterNd]",
                assertThrows(InvalidArgumentError.class, () -> tf.scatterNd(new int[][] {{3}}, new int[] {1}, new int[] {3})).getMessage());
    }

    @Test
    void booleanMaskShapes() { // 000.md G16
        assertEquals(Shape.of(2, 28, 28, 3), tf.booleanMask(tf.zeros(4, 28, 28, 3), new boolean[] {true, true, false, false}).shape());
        Tensor old = tf.reshape(tf.range(24), 2, 3, 4);
        Tensor a0 = tf.booleanMask(old, new boolean[][] {{true, false, false}, {true, false, false}}, 0);
        assertEquals(Shape.of(2, 4), a0.shape());
        assertArrayEquals(new int[] {0, 1, 2, 3, 12, 13, 14, 15}, a0.toIntArray());
        assertEquals(Shape.of(2, 2, 4), tf.booleanMask(old, new boolean[] {true, false, true}, 1).shape());
        assertEquals(Shape.of(2, 3, 2), tf.booleanMask(old, new boolean[] {true, false, true, false}, 2).shape());
        assertThrows(ValueError.class, () -> tf.booleanMask(old, new boolean[] {true, false}, 1));
        assertThrows(ValueError.class, () -> tf.booleanMask(old, true));
    }
}
