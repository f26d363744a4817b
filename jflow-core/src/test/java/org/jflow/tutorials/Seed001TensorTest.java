package org.jflow.tutorials;

import org.jflow.Index;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.format.NumpyFormat;
import org.jflow.format.TensorFormat;
import org.jflow.math.TopK;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.jflow.tutorials.Printed.print;
import static org.jflow.tutorials.Printed.tfPrint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 001 ("30 days of TensorFlow 2", TF 2.1), tensor chapters: the golden cases of inventory
 * 001a.md section 3 (G-T, G-C, G-I, G-S, G-M, G-E, G-V, G-L, G-B), translated line by line, their
 * printed text ({@code tf.print}, {@code print}, notebook repr) compared exactly.
 */
class Seed001TensorTest {

    // ---- 3.1 dtypes, rank, conversion ----

    @Test
    void gT1_defaultDtypes() {
        Tensor i = tf.constant(1);
        Tensor l = tf.constant(1, tf.int64);
        Tensor f = tf.constant(1.23f);
        Tensor d = tf.constant(3.14, tf.double_);
        Tensor s = tf.constant("hello world");
        Tensor b = tf.constant(true);
        assertEquals("<dtype: 'int32'> <dtype: 'int64'> <dtype: 'float32'> <dtype: 'float64'> <dtype: 'string'> <dtype: 'bool'>\n",
                print(i.dtype(), l.dtype(), f.dtype(), d.dtype(), s.dtype(), b.dtype()));
    }

    @Test
    void gT2_rank() {
        assertEquals("tf.Tensor(0, shape=(), dtype=int32)\n", print(tf.rank(tf.constant(true))));
        assertEquals("tf.Tensor(1, shape=(), dtype=int32)\n", print(tf.rank(tf.constant(new float[] {1.0f, 2.0f, 3.0f, 4.0f}))));
        assertEquals(2, tf.rank(tf.constant(new float[][] {{1.0f, 2.0f}, {3.0f, 4.0f}})).intValue());
        Tensor tensor3 = tf.constant(new float[][][] {{{1.0f, 2.0f}, {3.0f, 4.0f}}, {{5.0f, 6.0f}, {7.0f, 8.0f}}});
        assertEquals("tf.Tensor(\n[[[1. 2.]\n  [3. 4.]]\n\n [[5. 6.]\n  [7. 8.]]], shape=(2, 2, 2), dtype=float32)\n"
                + "tf.Tensor(3, shape=(), dtype=int32)\n", print(tensor3) + print(tf.rank(tensor3)));
        Tensor tensor4 = tf.constant(new float[][][][] {{{{1.0f, 1.0f}, {2.0f, 2.0f}}, {{3.0f, 3.0f}, {4.0f, 4.0f}}},
                {{{5.0f, 5.0f}, {6.0f, 6.0f}}, {{7.0f, 7.0f}, {8.0f, 8.0f}}}});
        assertEquals("tf.Tensor(\n[[[[1. 1.]\n   [2. 2.]]\n\n  [[3. 3.]\n   [4. 4.]]]\n\n\n [[[5. 5.]\n   [6. 6.]]\n\n  [[7. 7.]\n   [8. 8.]]]], shape=(2, 2, 2, 2), dtype=float32)\n"
                + "tf.Tensor(4, shape=(), dtype=int32)\n", print(tensor4) + print(tf.rank(tensor4)));
    }

    @Test
    void gT3_castNumpyShape() {
        Tensor h = tf.constant(new int[] {123, 456}, tf.int32);
        Tensor f = tf.cast(h, tf.float32);
        assertEquals("<dtype: 'int32'> <dtype: 'float32'>\n", print(h.dtype(), f.dtype()));
        Tensor y = tf.constant(new float[][] {{1.0f, 2.0f}, {3.0f, 4.0f}});
        assertEquals("[[1. 2.]\n [3. 4.]]\n", print(NumpyFormat.str(y)));
        assertEquals("(2, 2)\n", print(y.shape()));
    }

    @Test
    void gT4_unicodeStrings() {
        Tensor u = tf.constant("你好 世界");
        assertEquals("b'\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd \\xe4\\xb8\\x96\\xe7\\x95\\x8c'\n", print(NumpyFormat.str(u)));
        assertEquals("你好 世界\n", print(u.stringValue()));
    }

    @Test
    void gT5_constantVersusVariable() {
        Tensor c = tf.constant(new float[] {1.0f, 2.0f});
        assertEquals("tf.Tensor([1. 2.], shape=(2,), dtype=float32)\n", print(c));
        Tensor before = c;
        c = c.add(tf.constant(new float[] {1.0f, 1.0f}));
        assertEquals("tf.Tensor([2. 3.], shape=(2,), dtype=float32)\n", print(c));
        assertTrue(before != c);
        Variable v = tf.Variable(new float[] {1.0f, 2.0f}, "v");
        assertEquals("<tf.Variable 'v:0' shape=(2,) dtype=float32, numpy=array([1., 2.], dtype=float32)>\n", print(v));
        Variable before2 = v;
        v.assignAdd(new float[] {1.0f, 1.0f});
        assertEquals("<tf.Variable 'v:0' shape=(2,) dtype=float32, numpy=array([2., 3.], dtype=float32)>\n", print(v));
        assertTrue(before2 == v);
    }

    // ---- 3.4 tensor creation ----

    @Test
    void gC1toC6_creation() {
        assertEquals("[1 2 3]\n", tfPrint(tf.constant(new int[] {1, 2, 3}, tf.float32)));
        assertEquals("[1 3 5 7 9]\n", tfPrint(tf.range(1, 10, 2)));
        assertEquals("[0 0.0634343475 0.126868695 ... 6.15313148 6.21656609 6.28]\n", tfPrint(tf.linspace(0.0, 2 * 3.14, 100)));
        assertEquals("[[0 0 0]\n [0 0 0]\n [0 0 0]]\n", tfPrint(tf.zeros(3, 3)));
        Tensor a = tf.ones(3, 3);
        Tensor b = tf.zerosLike(a, tf.float32);
        assertEquals("[[1 1 1]\n [1 1 1]\n [1 1 1]]\n[[0 0 0]\n [0 0 0]\n [0 0 0]]\n", tfPrint(a) + tfPrint(b));
        assertEquals("[[5 5]\n [5 5]\n [5 5]]\n", tfPrint(tf.fill(new int[] {3, 2}, 5)));
    }

    @Test
    void gC10_eyeAndDiag() {
        assertEquals("[[1 0 0]\n [0 1 0]\n [0 0 1]]\n \n", tfPrint(tf.eye(3, 3)) + tfPrint(" "));
    }

    // ---- 3.5 indexing and slicing ----

    /** {@code tf.random.set_seed(3); tf.random.uniform([5,5],minval=0,maxval=10,dtype=tf.int32)} as printed (L4144). */
    private static final Tensor T = tf.constant(new int[][] {{4, 7, 4, 2, 9}, {9, 1, 2, 4, 7}, {7, 2, 7, 4, 0}, {9, 6, 9, 7, 2}, {3, 7, 0, 0, 3}});

    @Test
    void gI1toI5_indexing() {
        assertEquals("[4 7 4 2 9]\n", tfPrint(T.get(0)));
        assertEquals("[3 7 0 0 3]\n", tfPrint(T.get(-1)));
        assertEquals("4\n4\n", tfPrint(T.get(1, 3)) + tfPrint(T.get(1).get(3)));
        String rows = "[[9 1 2 4 7]\n [7 2 7 4 0]\n [9 6 9 7 2]]\n";
        assertEquals(rows, tfPrint(T.slice("1:4, :")));
        assertEquals(rows, tfPrint(tf.slice(T, new int[] {1, 0}, new int[] {3, 5})));
        assertEquals("[[9 2]\n [7 7]\n [9 9]]\n", tfPrint(T.slice("1:4, :4:2")));
    }

    @Test
    void gI6_variableSliceAssign() {
        Variable x = tf.Variable(new int[][] {{1, 2}, {3, 4}}, o -> o.dtype(tf.float32));
        x.at(1, Index.all()).assign(tf.constant(new float[] {0.0f, 0.0f}));
        assertEquals("[[1 2]\n [0 0]]\n", tfPrint(x));
    }

    @Test
    void gI7_ellipsis() {
        Tensor a = tf.constant(new int[][][] {{{7, 3, 9}, {9, 0, 7}, {9, 6, 7}}, {{1, 3, 3}, {0, 8, 1}, {3, 1, 0}}, {{4, 0, 6}, {6, 2, 2}, {7, 9, 5}}});
        assertEquals("[[3 0 6]\n [3 8 1]\n [0 2 9]]\n", tfPrint(a.slice("..., 1")));
    }

    /** The gradebook of L4215: every printed value, arbitrary values elsewhere. */
    private static final Tensor SCORES = gradebook();

    private static Tensor gradebook() {
        int[][][] s = new int[4][10][7];
        for (int c = 0; c < 4; c++) for (int st = 0; st < 10; st++) for (int j = 0; j < 7; j++) s[c][st][j] = (c * 31 + st * 7 + j * 3) % 100;
        s[0][0] = new int[] {52, 82, 66, 55, 17, 86, 14};
        s[2][4] = new int[] {99, 94, 46, 70, 1, 63, 41};
        s[3][6] = new int[] {46, 83, 70, 80, 90, 85, 17};
        // first 3 and last 3 of the summarised rows; column 3 from q (L4271-L4285)
        s[0][5] = new int[] {24, 80, 70, 46, 72, 63, 96};
        s[0][9] = new int[] {24, 99, 38, 58, 97, 44, 74};
        s[1][0] = new int[] {79, 73, 73, 48, 35, 3, 81};
        s[1][5] = new int[] {46, 10, 94, 38, 23, 18, 92};
        s[1][9] = new int[] {0, 21, 89, 86, 53, 10, 90};
        s[2][0] = new int[] {52, 80, 22, 57, 29, 25, 60};
        s[2][5] = new int[] {19, 12, 23, 34, 87, 86, 25};
        s[2][9] = new int[] {61, 78, 70, 71, 7, 59, 21};
        s[3][0] = new int[] {56, 57, 45, 75, 23, 15, 3};
        s[3][5] = new int[] {6, 41, 79, 47, 97, 43, 13};
        s[3][9] = new int[] {71, 27, 44, 96, 0, 52, 16};
        return tf.constant(s);
    }

    private static final String P_PRINTED = "[[[52 82 66 ... 17 86 14]\n  [24 80 70 ... 72 63 96]\n  [24 99 38 ... 97 44 74]]\n\n"
            + " [[79 73 73 ... 35 3 81]\n  [46 10 94 ... 23 18 92]\n  [0 21 89 ... 53 10 90]]\n\n"
            + " [[52 80 22 ... 29 25 60]\n  [19 12 23 ... 87 86 25]\n  [61 78 70 ... 7 59 21]]\n\n"
            + " [[56 57 45 ... 23 15 3]\n  [6 41 79 ... 97 43 13]\n  [71 27 44 ... 0 52 16]]]\n";

    @Test
    void gI8_gatherStudents() {
        Tensor p = tf.gather(SCORES, new int[] {0, 5, 9}, 1);
        assertEquals("(4, 3, 7)\n", print(p.shape()));
        assertEquals(P_PRINTED, tfPrint(p));
    }

    @Test
    void gI9_gatherStudentsThenSubjects() {
        Tensor q = tf.gather(tf.gather(SCORES, new int[] {0, 5, 9}, 1), new int[] {1, 3, 6}, 2);
        assertEquals("[[[82 55 14]\n  [80 46 96]\n  [99 58 74]]\n\n [[73 48 81]\n  [10 38 92]\n  [21 86 90]]\n\n"
                + " [[80 57 60]\n  [12 34 25]\n  [78 71 21]]\n\n [[57 75 3]\n  [41 47 13]\n  [27 96 16]]]\n", tfPrint(q));
    }

    @Test
    void gI10_gatherNd() {
        Tensor s = tf.gatherNd(SCORES, new int[][] {{0, 0}, {2, 4}, {3, 6}});
        assertEquals("<tf.Tensor: shape=(3, 7), dtype=int32, numpy=\narray([[52, 82, 66, 55, 17, 86, 14],\n"
                + "       [99, 94, 46, 70,  1, 63, 41],\n       [46, 83, 70, 80, 90, 85, 17]], dtype=int32)>", s.repr());
    }

    @Test
    void gI11_booleanMaskOnAxis1() {
        Tensor p = tf.booleanMask(SCORES, new boolean[] {true, false, false, false, false, true, false, false, false, true}, 1);
        assertEquals(P_PRINTED, tfPrint(p));
    }

    @Test
    void gI12_booleanMaskOf2dMask() {
        boolean[][] m = new boolean[4][10];
        m[0][0] = true;
        m[2][4] = true;
        m[3][6] = true;
        Tensor s = tf.booleanMask(SCORES, m);
        assertEquals("[[52 82 66 ... 17 86 14]\n [99 94 46 ... 1 63 41]\n [46 83 70 ... 90 85 17]]\n", tfPrint(s));
    }

    private static final Tensor C = tf.constant(new float[][] {{-1, 1, -1}, {2, 2, -2}, {3, -3, 3}}, tf.float32);

    @Test
    void gI13_booleanMaskOfNegatives() {
        assertEquals("[[-1 1 -1]\n [2 2 -2]\n [3 -3 3]] \n\n", tfPrint(C, "\n"));
        assertEquals("[-1 -1 -2 -3] \n\n", tfPrint(tf.booleanMask(C, C.lt(0)), "\n"));
        assertEquals("[-1 -1 -2 -3]\n", tfPrint(C.mask(C.lt(0))));
    }

    @Test
    void gI14_whereReplacesNegativesWithNan() {
        Tensor d = tf.where(C.lt(0), tf.fill(C.shape(), Float.NaN), C);
        assertEquals("<tf.Tensor: shape=(3, 3), dtype=float32, numpy=\narray([[nan,  1., nan],\n       [ 2.,  2., nan],\n"
                + "       [ 3., nan,  3.]], dtype=float32)>", d.repr());
    }

    @Test
    void gI15_whereCoordinates() {
        assertEquals("<tf.Tensor: shape=(4, 2), dtype=int64, numpy=\narray([[0, 0],\n       [0, 2],\n       [1, 2],\n       [2, 1]])>",
                tf.where(C.lt(0)).repr());
    }

    @Test
    void gI16_scatterNdSubtract() {
        Tensor d = C.sub(tf.scatterNd(new int[][] {{0, 0}, {2, 1}}, List.of(C.get(0, 0), C.get(2, 1)), C.shape()));
        assertEquals("<tf.Tensor: shape=(3, 3), dtype=float32, numpy=\narray([[ 0.,  1., -1.],\n       [ 2.,  2., -2.],\n"
                + "       [ 3.,  0.,  3.]], dtype=float32)>", d.repr());
    }

    @Test
    void gI17_scatterNdOfGatherNd() {
        Tensor indices = tf.where(C.lt(0));
        Tensor d = tf.scatterNd(indices, tf.gatherNd(C, indices), C.shape());
        assertEquals("<tf.Tensor: shape=(3, 3), dtype=float32, numpy=\narray([[-1.,  0., -1.],\n       [ 0.,  0., -2.],\n"
                + "       [ 0., -3.,  0.]], dtype=float32)>", d.repr());
    }

    // ---- 3.6 dimension transforms ----

    private static final Tensor A = tf.constant(new int[][][][] {{{{135, 178}, {26, 116}, {29, 224}}, {{179, 219}, {153, 209}, {111, 215}},
            {{39, 7}, {138, 129}, {59, 205}}}});

    @Test
    void gS1toS3_reshape() {
        assertEquals("TensorShape([1, 3, 3, 2])\n", tfPrint(A.shape()));
        Tensor b = tf.reshape(A, 3, 6);
        assertEquals("TensorShape([3, 6])\n", tfPrint(b.shape()));
        assertEquals("[[135 178 26 116 29 224]\n [179 219 153 209 111 215]\n [39 7 138 129 59 205]]\n", tfPrint(b));
        assertEquals(tfPrint(A), tfPrint(tf.reshape(b, 1, 3, 3, 2)));
        assertEquals("[[[[135 178]\n   [26 116]\n   [29 224]]\n\n  [[179 219]\n   [153 209]\n   [111 215]]\n\n"
                + "  [[39 7]\n   [138 129]\n   [59 205]]]]\n", tfPrint(A));
    }

    @Test
    void gS4S5_squeezeAndExpandDims() {
        Tensor s = tf.squeeze(A);
        assertEquals("TensorShape([3, 3, 2])\n", tfPrint(s.shape()));
        assertEquals("[[[135 178]\n  [26 116]\n  [29 224]]\n\n [[179 219]\n  [153 209]\n  [111 215]]\n\n [[39 7]\n  [138 129]\n  [59 205]]]\n",
                tfPrint(s));
        assertEquals("<tf.Tensor: shape=(1, 3, 3, 2), dtype=int32, numpy=\narray([[[[135, 178],\n         [ 26, 116],\n         [ 29, 224]],\n\n"
                + "        [[179, 219],\n         [153, 209],\n         [111, 215]],\n\n"
                + "        [[ 39,   7],\n         [138, 129],\n         [ 59, 205]]]], dtype=int32)>", tf.expandDims(s, 0).repr());
    }

    // ---- 3.7 merge and split ----

    private static final float[][] MA = {{1.f, 2.f}, {3.f, 4.f}};
    private static final float[][] MB = {{5.f, 6.f}, {7.f, 8.f}};
    private static final float[][] MC = {{9.f, 10.f}, {11.f, 12.f}};

    @Test
    void gM1M2_concat() {
        assertEquals("<tf.Tensor: shape=(6, 2), dtype=float32, numpy=\narray([[ 1.,  2.],\n       [ 3.,  4.],\n       [ 5.,  6.],\n"
                + "       [ 7.,  8.],\n       [ 9., 10.],\n       [11., 12.]], dtype=float32)>", tf.concat(List.of(MA, MB, MC), 0).repr());
        assertEquals("<tf.Tensor: shape=(2, 6), dtype=float32, numpy=\narray([[ 1.,  2.,  5.,  6.,  9., 10.],\n"
                + "       [ 3.,  4.,  7.,  8., 11., 12.]], dtype=float32)>", tf.concat(List.of(MA, MB, MC), 1).repr());
    }

    @Test
    void gM3M4_stack() {
        assertEquals("<tf.Tensor: shape=(3, 2, 2), dtype=float32, numpy=\narray([[[ 1.,  2.],\n        [ 3.,  4.]],\n\n"
                + "       [[ 5.,  6.],\n        [ 7.,  8.]],\n\n       [[ 9., 10.],\n        [11., 12.]]], dtype=float32)>",
                tf.stack(List.of(MA, MB, MC)).repr());
        assertEquals("<tf.Tensor: shape=(2, 3, 2), dtype=float32, numpy=\narray([[[ 1.,  2.],\n        [ 5.,  6.],\n        [ 9., 10.]],\n\n"
                + "       [[ 3.,  4.],\n        [ 7.,  8.],\n        [11., 12.]]], dtype=float32)>", tf.stack(List.of(MA, MB, MC), 1).repr());
    }

    private static final String SPLIT_DISPLAY = "[<tf.Tensor: shape=(2, 2), dtype=float32, numpy=\n array([[1., 2.],\n        [3., 4.]], dtype=float32)>,\n"
            + " <tf.Tensor: shape=(2, 2), dtype=float32, numpy=\n array([[5., 6.],\n        [7., 8.]], dtype=float32)>,\n"
            + " <tf.Tensor: shape=(2, 2), dtype=float32, numpy=\n array([[ 9., 10.],\n        [11., 12.]], dtype=float32)>]";

    @Test
    void gM5M6_split() {
        Tensor c = tf.concat(List.of(MA, MB, MC), 0);
        assertEquals(SPLIT_DISPLAY, TensorFormat.prettyList(tf.split(c, 3, 0)));
        assertEquals(SPLIT_DISPLAY, TensorFormat.prettyList(tf.split(c, new int[] {2, 2, 2}, 0)));
    }

    // ---- 3.8 scalar and element-wise math ----

    private static final Tensor EA = tf.constant(new float[][] {{1.0f, 2}, {-3, 4.0f}});
    private static final Tensor EB = tf.constant(new float[][] {{5.0f, 6}, {7.0f, 8.0f}});

    private static String repr22(String body) { return "<tf.Tensor: shape=(2, 2), dtype=float32, numpy=\n" + body + ">"; }

    @Test
    void gE1toE4_arithmetic() {
        assertEquals(repr22("array([[ 6.,  8.],\n       [ 4., 12.]], dtype=float32)"), EA.add(EB).repr());
        assertEquals(repr22("array([[ -4.,  -4.],\n       [-10.,  -4.]], dtype=float32)"), EA.sub(EB).repr());
        assertEquals(repr22("array([[  5.,  12.],\n       [-21.,  32.]], dtype=float32)"), EA.mul(EB).repr());
        assertEquals(repr22("array([[ 0.2       ,  0.33333334],\n       [-0.42857143,  0.5       ]], dtype=float32)"), EA.div(EB).repr());
    }

    @Test
    void gE5E6E13_powersAndSqrt() {
        assertEquals(repr22("array([[ 1.,  4.],\n       [ 9., 16.]], dtype=float32)"), EA.pow(2).repr());
        String sqrt = repr22("array([[1.       , 1.4142135],\n       [      nan, 2.       ]], dtype=float32)");
        assertEquals(sqrt, EA.pow(0.5).repr());
        assertEquals(sqrt, tf.sqrt(EA).repr());
    }

    @Test
    void gE7E12_onTheVectorTheBookUsed() {
        Tensor a = tf.constant(new int[] {1, 2, 3});
        assertEquals("<tf.Tensor: shape=(3,), dtype=int32, numpy=array([1, 2, 0], dtype=int32)>", a.mod(3).repr());
        assertEquals("<tf.Tensor: shape=(3,), dtype=bool, numpy=array([False, False, False])>", a.eq(5).repr());
        // [ext] value only: TF's float FloorMod keeps fmod's -0. for -3 % 3, which prints "-0."
        assertArrayEquals(new float[] {1, 2, 0, 1}, EA.mod(3).toFloatArray(), 0f);
    }

    @Test
    void gE8toE11_floordivAndComparisons() {
        assertEquals(repr22("array([[ 0.,  0.],\n       [-1.,  1.]], dtype=float32)"), EA.floordiv(3).repr());
        assertEquals("<tf.Tensor: shape=(2, 2), dtype=bool, numpy=\narray([[False,  True],\n       [False,  True]])>", EA.ge(2).repr());
        assertEquals("<tf.Tensor: shape=(2, 2), dtype=bool, numpy=\narray([[False,  True],\n       [False, False]])>",
                EA.ge(2).and(EA.le(3)).repr());
        assertEquals("<tf.Tensor: shape=(2, 2), dtype=bool, numpy=\narray([[ True,  True],\n       [ True,  True]])>",
                EA.ge(2).or(EA.le(3)).repr());
    }

    @Test
    void gE14_addN() {
        assertEquals("<tf.Tensor: shape=(2,), dtype=float32, numpy=array([12., 21.], dtype=float32)>",
                tf.addN(List.of(new float[] {1.f, 8.f}, new float[] {5.f, 6.f}, new float[] {6.f, 7.f})).repr());
    }

    @Test
    void gE15toE18_maximumRoundingClipping() {
        Tensor a = tf.constant(new float[] {1.f, 8.f});
        Tensor b = tf.constant(new float[] {5.f, 6.f});
        assertEquals("[5 8]\n[1 6]\n", tfPrint(tf.maximum(a, b)) + tfPrint(tf.minimum(a, b)));
        Tensor x = tf.constant(new float[] {2.6f, -2.7f});
        assertEquals("[3 -3]\n[2 -3]\n[3 -2]\n", tfPrint(tf.round(x)) + tfPrint(tf.floor(x)) + tfPrint(tf.ceil(x)));
        Tensor y = tf.constant(new float[] {0.9f, -0.8f, 100.0f, -20.0f, 0.7f});
        assertEquals("[0.9 -0.8 1 -1 0.7]\n", tfPrint(tf.clipByValue(y, -1, 1)));
        assertEquals("[0.0264732055 -0.0235317405 2.94146752 -0.588293493 0.0205902718]\n", tfPrint(tf.clipByNorm(y, 3)));
    }

    // ---- 3.9 vector ops ----

    @Test
    void gV1toV3_reductions() {
        Tensor a = tf.range(1, 10);
        assertEquals("45\n5\n9\n1\n362880\n", tfPrint(tf.reduceSum(a)) + tfPrint(tf.reduceMean(a)) + tfPrint(tf.reduceMax(a))
                + tfPrint(tf.reduceMin(a)) + tfPrint(tf.reduceProd(a)));
        Tensor b = tf.reshape(a, 3, 3);
        assertEquals("[[6]\n [15]\n [24]]\n", tfPrint(tf.reduceSum(b, 1, true)));
        assertEquals("[[12 15 18]]\n", tfPrint(tf.reduceSum(b, 0, true)));
        assertEquals("0\n1\n", tfPrint(tf.reduceAll(new boolean[] {true, false, false})) + tfPrint(tf.reduceAny(new boolean[] {false, false, true})));
    }

    @Test
    void gV4toV7_foldsScansArgsTopK() {
        assertEquals("45\n", tfPrint(tf.foldr((x, y) -> x.add(y), tf.range(10))));
        assertEquals("[1 3 6 ... 28 36 45]\n[1 2 6 ... 5040 40320 362880]\n",
                tfPrint(tf.math.cumsum(tf.range(1, 10))) + tfPrint(tf.math.cumprod(tf.range(1, 10))));
        assertEquals("8\n0\n", tfPrint(tf.argmax(tf.range(1, 10))) + tfPrint(tf.argmin(tf.range(1, 10))));
        TopK top = tf.math.topK(tf.constant(new int[] {1, 3, 7, 5, 4, 8}), 3, true);
        assertEquals("[8 7 5]\n[5 2 3]\n", tfPrint(top.values()) + tfPrint(top.indices()));
    }

    // ---- 3.10 matrix ops ----

    @Test
    void gL2_transpose() {
        assertEquals("<tf.Tensor: shape=(2, 2), dtype=int32, numpy=\narray([[1, 3],\n       [2, 4]], dtype=int32)>",
                tf.transpose(new int[][] {{1, 2}, {3, 4}}).repr());
    }

    @Test
    void gL1_matmulOperator() {
        Tensor a = tf.constant(new int[][] {{1, 2}, {3, 4}});
        Tensor b = tf.constant(new int[][] {{2, 0}, {0, 2}});
        assertEquals("<tf.Tensor: shape=(2, 2), dtype=int32, numpy=\narray([[2, 4],\n       [6, 8]], dtype=int32)>", tf.matmul(a, b).repr());
    }

    private static final float[][] M = {{1.0f, 2}, {3, 4}};

    @Test
    void gL3_inverseWithinTolerance() {
        Tensor inv = tf.linalg.inv(M);
        assertEquals("(2, 2) <dtype: 'float32'>\n", print(inv.shape(), inv.dtype()));
        assertArrayEquals(new float[] {-2, 1, 1.5f, -0.5f}, inv.toFloatArray(), 1e-6f);
    }

    @Test
    void gL4toL6_traceNormDet() {
        assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=5.0>", tf.linalg.trace(M).repr());
        assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=5.477226>", tf.norm(M).repr());
        assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=-2.0>", tf.linalg.det(M).repr());
    }

    @Test
    void gL8_qr() {
        var qr = tf.linalg.qr(new float[][] {{1.0f, 2.0f}, {3.0f, 4.0f}});
        assertArrayEquals(new float[] {-0.316227794f, -0.948683321f, -0.948683321f, 0.316227734f}, qr.q().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {-3.1622777f, -4.4271884f, 0f, -0.632455349f}, qr.r().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {1, 2, 3, 4}, tf.matmul(qr.q(), qr.r()).toFloatArray(), 1e-6f);
    }

    @Test
    void gL9_svd() {
        float[][] x = {{1.f, 2.f}, {3.f, 4.f}, {5.f, 6.f}};
        var svd = tf.linalg.svd(x);
        assertArrayEquals(new float[] {9.52551842f, 0.51429987f}, svd.s().toFloatArray(), 1e-5f);
        assertEquals("(3, 2) (2, 2)\n", print(svd.u().shape(), svd.v().shape()));
        assertArrayEquals(new float[] {1, 0, 0, 1}, tf.matmul(svd.u(), svd.u(), o -> o.transposeA(true)).toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {1, 0, 0, 1}, tf.matmul(svd.v(), svd.v(), o -> o.transposeA(true)).toFloatArray(), 1e-5f);
        Tensor recon = tf.matmul(tf.matmul(svd.u(), tf.linalg.diag(svd.s())), tf.transpose(svd.v()));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, recon.toFloatArray(), 1e-5f);
    }

    // ---- seeded random inputs of 3.4 and 3.5: tf.random is bit-exact with TF's Philox ----

    @Test
    void gC7toC9_seededRandom() {
        tf.random.setSeed(1.0);
        assertEquals("[1.65130854 9.01481247 6.30974197 4.34546089 2.9193902]\n", tfPrint(tf.random.uniform(new int[] {5}, 0, 10)));
        assertEquals("[[0.403087884 -1.0880208 -0.0630953535]\n [1.33655667 0.711760104 -0.489286453]\n [-0.764221311 -1.03724861 -1.25193381]]\n",
                tfPrint(tf.random.normal(new int[] {3, 3}, 0.0, 1.0)));
        Tensor c = tf.random.truncatedNormal(new int[] {5, 5}, 0.0, 1.0, tf.float32);
        assertEquals("(5, 5) <dtype: 'float32'>\n", print(c.shape(), c.dtype()));
        assertTrue(tf.reduceMax(tf.abs(c)).floatValue() <= 2.0f);
        assertEquals(1.95951891f, tf.reduceMax(tf.abs(c)).floatValue(), 0f);
    }

    @Test
    void gC10_diag() {
        assertEquals("[[1 0 0]\n [0 2 0]\n [0 0 3]]\n", tfPrint(tf.linalg.diag(new int[] {1, 2, 3})));
    }

    @Test
    void gI_seededInputsAreTheBooksPrintedOnes() {
        tf.random.setSeed(3);
        Tensor t = tf.random.uniform(new int[] {5, 5}, 0, 10, tf.int32);
        assertEquals(tfPrint(T), tfPrint(t));
        Tensor a = tf.random.uniform(new int[] {3, 3, 3}, 0, 10, tf.int32);
        assertEquals("[[[7 3 9]\n  [9 0 7]\n  [9 6 7]]\n\n [[1 3 3]\n  [0 8 1]\n  [3 1 0]]\n\n [[4 0 6]\n  [6 2 2]\n  [7 9 5]]]\n", tfPrint(a));
        Tensor scores = tf.random.uniform(new int[] {4, 10, 7}, 0, 100, tf.int32);
        assertEquals(P_PRINTED, tfPrint(tf.gather(scores, new int[] {0, 5, 9}, 1)));
    }

    // ---- 3.2 graphs: the eager forms ----

    @Test
    void gG2G3_stringsJoinEagerly() {
        assertEquals("hello world\n", tfPrint(tf.strings.join(List.of(tf.constant("hello"), tf.constant("world")), " ")));
        Tensor result = tf.strings.join(List.of(tf.constant("hello"), tf.constant("world")), " ");
        assertEquals("tf.Tensor(b'hello world', shape=(), dtype=string)\n", print(result));
    }

    /** 001b.md 3.15: tf.print of float32 scalars in the training logs and the GPU benchmark. */
    @Test
    void g001b_printOfFloatScalars() {
        assertEquals("2.24953778e+11\n0.625\n2.02051544\n",
                tfPrint(tf.constant(2.24953778e+11f)) + tfPrint(tf.constant(0.625f)) + tfPrint(tf.constant(2.02051544f)));
    }

    // ---- 3.12: the eager (undecorated) cases ----

    @Test
    void gA5_eagerAppendKeepsValues() {
        List<Tensor> tensorList = new java.util.ArrayList<>();
        java.util.function.Consumer<Tensor> appendTensor = x -> tensorList.add(x);
        appendTensor.accept(tf.constant(5.0f));
        appendTensor.accept(tf.constant(6.0f));
        assertEquals("[<tf.Tensor: shape=(), dtype=float32, numpy=5.0>, <tf.Tensor: shape=(), dtype=float32, numpy=6.0>]\n", print(tensorList));
    }

    @Test
    void gA11_stringAddConcatenates() {
        assertEquals("<tf.Tensor: shape=(), dtype=string, numpy=b'helloworld'>", tf.constant("hello").add(tf.constant("world")).repr());
    }

    // ---- 3.17 error cases ----

    @Test
    void errors3_inverseOfIntegersIsRejected() {
        // MatrixInverse's T allows no int32: TF 2.18 and 2.21 refuse it when validating the node
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.linalg.inv(new int[][] {{1, 2}, {3, 4}}));
        assertTrue(e.getMessage().startsWith("Value for attr 'T' of int32 is not in the list of allowed values: double, "
                + "float, half, complex64, complex128\n\t; NodeDef: {{node MatrixInverse}}; Op<name=MatrixInverse;"), e.getMessage());
        assertTrue(e.getMessage().endsWith("[Op:MatrixInverse]"), e.getMessage());
    }

    @Test
    void errors10_matmulOfVectors() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.matmul(new float[] {1, 2}, new float[] {3, 4}));
        assertEquals("In[0] and In[1] ndims must be == 2: 1 [Op:MatMul]", e.getMessage());
    }

    // ---- 3.11 broadcasting ----

    @Test
    void gB1toB5_broadcasting() {
        Tensor a = tf.constant(new int[] {1, 2, 3});
        Tensor b = tf.constant(new int[][] {{0, 0, 0}, {1, 1, 1}, {2, 2, 2}});
        assertEquals("<tf.Tensor: shape=(3, 3), dtype=int32, numpy=\narray([[1, 2, 3],\n       [2, 3, 4],\n       [3, 4, 5]], dtype=int32)>",
                b.add(a).repr());
        assertEquals("<tf.Tensor: shape=(3, 3), dtype=int32, numpy=\narray([[1, 2, 3],\n       [1, 2, 3],\n       [1, 2, 3]], dtype=int32)>",
                tf.broadcastTo(a, b.shape()).repr());
        assertEquals("TensorShape([3, 3])", tf.broadcastStaticShape(a.shape(), b.shape()).toRepr());
        assertEquals("<tf.Tensor: shape=(2,), dtype=int32, numpy=array([3, 3], dtype=int32)>",
                tf.broadcastDynamicShape(tf.shape(new int[] {1, 2, 3}), tf.shape(new int[][] {{1}, {2}, {3}})).repr());
        Tensor c = tf.constant(new int[] {1, 2, 3});
        Tensor d = tf.constant(new int[][] {{1}, {2}, {3}});
        assertEquals("<tf.Tensor: shape=(3, 3), dtype=int32, numpy=\narray([[2, 3, 4],\n       [3, 4, 5],\n       [4, 5, 6]], dtype=int32)>",
                c.add(d).repr());
    }

    @Test
    void gB6_incompatibleShapes() {
        assertEquals("Incompatible shapes: [2,3] vs. [3,2] [Op:AddV2]",
                assertThrows(InvalidArgumentError.class, () -> tf.ones(2, 3).add(tf.ones(3, 2))).getMessage());
    }
}
