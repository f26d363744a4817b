package org.jflow.format;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Halfs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** NumPy's str and repr of tensors' values, against NumPy's own output. */
class NumpyFormatTest {
    static Tensor range(DType dtype, int n, int... dims) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return reshape(tf.constant(v, DType.FLOAT64), dtype, dims);
    }

    static Tensor reshape(Tensor t, DType dtype, int... dims) {
        Shape s = dims.length == 0 ? t.shape() : Shape.of(dims);
        Object buf = org.jflow.engine.Buffers.convert(t.data(), t.dtype(), dtype);
        return Tensor.wrap(dtype, s, buf);
    }

    static Tensor halfs(DType dtype, float... v) {
        short[] b = new short[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Halfs.fromFloat(v[i], dtype);
        return Tensor.wrap(dtype, Shape.of(v.length), b);
    }

    @Test
    void wholeFloatsPrintWithTrailingPoint() {
        Tensor y = tf.constant(new float[][] {{1, 2}, {3, 4}});
        assertEquals("[[1. 2.]\n [3. 4.]]", NumpyFormat.str(y)); // G-T3
        assertEquals("array([[1., 2.],\n       [3., 4.]], dtype=float32)", NumpyFormat.repr(y));
    }

    @Test
    void columnsShareWidthAndSignPadding() {
        assertEquals("array([[ 6.,  8.],\n       [ 4., 12.]], dtype=float32)",
                NumpyFormat.repr(tf.constant(new float[][] {{6, 8}, {4, 12}}))); // G-E1
        assertEquals("array([[ -4.,  -4.],\n       [-10.,  -4.]], dtype=float32)",
                NumpyFormat.repr(tf.constant(new float[][] {{-4, -4}, {-10, -4}}))); // G-E2
        assertEquals("array([[  5.,  12.],\n       [-21.,  32.]], dtype=float32)",
                NumpyFormat.repr(tf.constant(new float[][] {{5, 12}, {-21, 32}}))); // G-E3
        assertEquals("array([[ 0.,  0.],\n       [-1.,  1.]], dtype=float32)",
                NumpyFormat.repr(tf.constant(new float[][] {{0, 0}, {-1, 1}}))); // G-E8
    }

    @Test
    void float32ValuesUseFloat32ShortestDigits() {
        Tensor q = tf.constant(new float[][] {{1f / 5, 2f / 6}, {-3f / 7, 4f / 8}});
        assertEquals("array([[ 0.2       ,  0.33333334],\n       [-0.42857143,  0.5       ]], dtype=float32)",
                NumpyFormat.repr(q)); // G-E4
        Tensor sqrt = tf.constant(new float[][] {{1, (float) Math.sqrt(2)}, {Float.NaN, 2}});
        assertEquals("array([[1.       , 1.4142135],\n       [      nan, 2.       ]], dtype=float32)",
                NumpyFormat.repr(sqrt)); // G-E6
        Tensor inv = tf.constant(new float[][] {{-2.0000002f, 1.0000001f}, {1.5000001f, -0.50000006f}});
        assertEquals("array([[-2.0000002 ,  1.0000001 ],\n       [ 1.5000001 , -0.50000006]], dtype=float32)",
                NumpyFormat.repr(inv)); // G-L3
        Tensor nan = tf.constant(new float[][] {{Float.NaN, 1, Float.NaN}, {2, 2, Float.NaN}, {3, Float.NaN, 3}});
        assertEquals("array([[nan,  1., nan],\n       [ 2.,  2., nan],\n       [ 3., nan,  3.]], dtype=float32)",
                NumpyFormat.repr(nan)); // G-I14
    }

    @Test
    void fractionsPadOnTheRight() {
        assertEquals("array([22. , 28.5, 36. ], dtype=float32)", NumpyFormat.repr(tf.constant(new float[] {22, 28.5f, 36})));
        assertEquals("array([ 49.5   ,   7.2292, 120.    ], dtype=float32)",
                NumpyFormat.repr(tf.constant(new float[] {49.5f, 7.2292f, 120})));
        assertEquals("array([ 8.6625, 15.2458, 12.    ], dtype=float32)",
                NumpyFormat.repr(tf.constant(new float[] {8.6625f, 15.2458f, 12})));
        assertEquals("array([[ 1.7707386 ],\n       [-0.29716542],\n       [-0.8635539 ]], dtype=float32)",
                NumpyFormat.repr(tf.constant(new float[][] {{1.7707386f}, {-0.29716542f}, {-0.8635539f}})));
        assertEquals("[5.  3.6 1.4 0.2]", NumpyFormat.str(tf.constant(new double[] {5, 3.6, 1.4, 0.2})));
        assertEquals("[4.9 3.  1.4 0.2]", NumpyFormat.str(tf.constant(new double[] {4.9, 3, 1.4, 0.2})));
        assertEquals("[-1.1491745 -0.509263 ]", NumpyFormat.str(tf.constant(new float[] {-1.1491745f, -0.509263f})));
        assertEquals("[1.1228833  0.50430834]", NumpyFormat.str(tf.constant(new float[] {1.1228833f, 0.50430834f})));
    }

    @Test
    void float64ReprOmitsDtypeAndCutsAtEightDigits() {
        double[] tenths = new double[11];
        for (int i = 0; i <= 10; i++) tenths[i] = i / 10.0;
        assertEquals("array([0. , 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1. ])", NumpyFormat.repr(tf.constant(tenths)));
        assertEquals("array([1.23456789])", NumpyFormat.repr(tf.constant(new double[] {1.23456789012345})));
        assertEquals("array([0.00195312])", NumpyFormat.repr(tf.constant(new double[] {0.001953125}))); // half-even at the cutoff
        assertEquals("array([-0.,  1.])", NumpyFormat.repr(tf.constant(new double[] {-0.0, 1})));
    }

    @Test
    void scientificWhenRangeIsWide() {
        assertEquals("array([1.e-05, 1.e+00])", NumpyFormat.repr(tf.constant(new double[] {1e-5, 1})));
        assertEquals("array([1.0e-05, 1.5e+10])", NumpyFormat.repr(tf.constant(new double[] {1e-5, 1.5e10})));
        assertEquals("array([1.e+100])", NumpyFormat.repr(tf.constant(new double[] {1e100})));
        assertEquals("array([1.5e+08])", NumpyFormat.repr(tf.constant(new double[] {1.5e8})));
        assertEquals("array([ 1.e-04, -1.e+03,     nan])", NumpyFormat.repr(tf.constant(new double[] {1e-4, -1e3, Double.NaN})));
        assertEquals("[1.0e+00 1.5e-05]", NumpyFormat.str(tf.constant(new float[] {1, 1.5e-5f})));
    }

    @Test
    void nonFiniteValuesPadToTheColumn() {
        assertEquals("array([nan,  1.])", NumpyFormat.repr(tf.constant(new double[] {Double.NaN, 1})));
        assertEquals("array([-inf,   1.])", NumpyFormat.repr(tf.constant(new double[] {Double.NEGATIVE_INFINITY, 1})));
        assertEquals("array([inf])", NumpyFormat.repr(tf.constant(new double[] {Double.POSITIVE_INFINITY})));
        assertEquals("[ nan -inf]", NumpyFormat.str(tf.constant(new double[] {Double.NaN, Double.NEGATIVE_INFINITY})));
    }

    @Test
    void integersAlignRight() {
        assertEquals("array([[52, 82, 66, 55, 17, 86, 14],\n       [99, 94, 46, 70,  1, 63, 41],\n"
                + "       [46, 83, 70, 80, 90, 85, 17]], dtype=int32)",
                NumpyFormat.repr(tf.constant(new int[][] {{52, 82, 66, 55, 17, 86, 14}, {99, 94, 46, 70, 1, 63, 41},
                        {46, 83, 70, 80, 90, 85, 17}}))); // G-I10
        assertEquals("array([[0, 0],\n       [0, 2],\n       [1, 2],\n       [2, 1]])",
                NumpyFormat.repr(tf.constant(new long[][] {{0, 0}, {0, 2}, {1, 2}, {2, 1}}))); // G-I15
        assertEquals("array([540,  58, 764], dtype=int32)", NumpyFormat.repr(tf.constant(new int[] {540, 58, 764})));
        assertEquals("[ 8  9 10 11]", NumpyFormat.str(tf.constant(new long[] {8, 9, 10, 11})));
        assertEquals("array([-128,    5,  127], dtype=int8)", NumpyFormat.repr(reshape(tf.constant(new int[] {-128, 5, 127}), DType.INT8)));
        assertEquals("array([255,   0], dtype=uint8)", NumpyFormat.repr(reshape(tf.constant(new int[] {255, 0}), DType.UINT8)));
    }

    @Test
    void boolsPadTrue() {
        assertEquals("array([[False,  True],\n       [False,  True]])",
                NumpyFormat.repr(tf.constant(new boolean[][] {{false, true}, {false, true}}))); // G-E9
        assertEquals("array([[ True,  True],\n       [ True,  True]])",
                NumpyFormat.repr(tf.constant(new boolean[][] {{true, true}, {true, true}}))); // G-E11
        assertEquals("[False  True]", NumpyFormat.str(tf.constant(new boolean[] {false, true})));
        assertEquals("True", NumpyFormat.str(tf.constant(true)));
    }

    @Test
    void bytesPrintAsPythonReprsWithoutPadding() {
        Tensor u = tf.constant("你好 世界");
        assertEquals("b'\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd \\xe4\\xb8\\x96\\xe7\\x95\\x8c'", NumpyFormat.str(u)); // G-T4
        assertEquals("[b'hello' b'world']", NumpyFormat.str(tf.constant(new String[] {"hello", "world"})));
        assertEquals("array([b'B39', b'', b'B96 B98'], dtype=object)", NumpyFormat.repr(tf.constant(new String[] {"B39", "", "B96 B98"})));
        assertEquals("array([b'Frolicher, Miss. Hedwig Margaritha', b'Novel, Mr. Mansouer',\n"
                + "       b'Carter, Mrs. William Ernest (Lucile Polk)'], dtype=object)",
                NumpyFormat.repr(tf.constant(new String[] {"Frolicher, Miss. Hedwig Margaritha", "Novel, Mr. Mansouer",
                        "Carter, Mrs. William Ernest (Lucile Polk)"})));
        assertEquals("b\"it's\"", NumpyFormat.str(tf.constant("it's")));
        assertEquals("b'a\\tb\\n\\\\'", NumpyFormat.str(tf.constant("a\tb\n\\")));
        byte[][] raw = {{(byte) 0xff, 0x00, 0x7f}};
        assertEquals("[b'\\xff\\x00\\x7f']", NumpyFormat.str(Tensor.wrap(DType.STRING, Shape.of(1), raw)));
        assertEquals("b'x'", NumpyFormat.str(org.jflow.raw.Raw.scalarString("x".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void blocksOfRankThreeAndMoreAreSeparatedByBlankLines() {
        Tensor s = tf.constant(new int[][][][] {{{{135, 178}, {26, 116}, {29, 224}}, {{179, 219}, {153, 209}, {111, 215}},
                {{39, 7}, {138, 129}, {59, 205}}}});
        assertEquals("array([[[[135, 178],\n         [ 26, 116],\n         [ 29, 224]],\n\n"
                + "        [[179, 219],\n         [153, 209],\n         [111, 215]],\n\n"
                + "        [[ 39,   7],\n         [138, 129],\n         [ 59, 205]]]], dtype=int32)", NumpyFormat.repr(s)); // G-S5
        Tensor t4 = tf.constant(new float[][][][] {{{{1, 1}, {2, 2}}, {{3, 3}, {4, 4}}}, {{{5, 5}, {6, 6}}, {{7, 7}, {8, 8}}}});
        assertEquals("[[[[1. 1.]\n   [2. 2.]]\n\n  [[3. 3.]\n   [4. 4.]]]\n\n\n [[[5. 5.]\n   [6. 6.]]\n\n  [[7. 7.]\n   [8. 8.]]]]",
                NumpyFormat.str(t4)); // G-T2
    }

    @Test
    void longRowsWrapAtSeventyFiveColumns() {
        assertEquals("[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n 24 25 26 27 28 29]",
                NumpyFormat.str(range(DType.INT64, 30)));
        assertEquals("array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n"
                + "       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])", NumpyFormat.repr(range(DType.INT64, 30)));
        assertEquals("array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n"
                + "       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29], dtype=int32)",
                NumpyFormat.repr(range(DType.INT32, 30)));
    }

    @Test
    void dtypeMovesToItsOwnLineWhenTheLastLineIsFull() {
                int[] v = new int[16];
        for (int i = 0; i < 16; i++) v[i] = 100 + i;
        assertEquals("array([100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112,\n"
                + "       113, 114, 115], dtype=int32)", NumpyFormat.repr(tf.constant(v)));
        // Here the last line reaches 73 columns, and " dtype=int32)" would pass 75.
        assertEquals("array([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010,\n"
                + "       1011, 1012, 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1020, 1021,\n"
                + "       1022, 1023, 1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 1032],\n"
                + "      dtype=int32)", NumpyFormat.repr(tf.constant(java.util.stream.IntStream.range(1000, 1033).toArray())));
    }

    @Test
    void largeArraysAreSummarized() {
        assertEquals("[   0    1    2 ... 1997 1998 1999]", NumpyFormat.str(range(DType.INT64, 2000)));
        assertEquals("array([   0,    1,    2, ..., 1997, 1998, 1999], dtype=int32)", NumpyFormat.repr(range(DType.INT32, 2000)));
        assertEquals("[   0.    1.    2. ...  998.  999. 1000.]", NumpyFormat.str(range(DType.FLOAT64, 1001)));
        assertEquals("[[   0    1    2 ...   47   48   49]\n [  50   51   52 ...   97   98   99]\n"
                + " [ 100  101  102 ...  147  148  149]\n ...\n [1850 1851 1852 ... 1897 1898 1899]\n"
                + " [1900 1901 1902 ... 1947 1948 1949]\n [1950 1951 1952 ... 1997 1998 1999]]",
                NumpyFormat.str(range(DType.INT64, 2000, 40, 50)));
        assertEquals("array([[   0,    1,    2, ...,   47,   48,   49],\n       [  50,   51,   52, ...,   97,   98,   99],\n"
                + "       [ 100,  101,  102, ...,  147,  148,  149],\n       ...,\n"
                + "       [1850, 1851, 1852, ..., 1897, 1898, 1899],\n       [1900, 1901, 1902, ..., 1947, 1948, 1949],\n"
                + "       [1950, 1951, 1952, ..., 1997, 1998, 1999]])", NumpyFormat.repr(range(DType.INT64, 2000, 40, 50)));
        // Only the shown elements set the width: the hidden middle value 999999 does not widen columns.
        double[] v = new double[1001];
        v[500] = 999999;
        assertEquals("[0. 0. 0. ... 0. 0. 0.]", NumpyFormat.str(tf.constant(v)));
    }

    @Test
    void summarizedBlocksKeepBlankLines() {
        assertEquals("[[[   0    1]\n  [   2    3]\n  [   4    5]]\n\n [[   6    7]\n  [   8    9]\n  [  10   11]]\n\n"
                + " [[  12   13]\n  [  14   15]\n  [  16   17]]\n\n ...\n\n"
                + " [[2982 2983]\n  [2984 2985]\n  [2986 2987]]\n\n [[2988 2989]\n  [2990 2991]\n  [2992 2993]]\n\n"
                + " [[2994 2995]\n  [2996 2997]\n  [2998 2999]]]", NumpyFormat.str(range(DType.INT64, 3000, 500, 3, 2)));
    }

    @Test
    void emptyArrays() {
        assertEquals("[]", NumpyFormat.str(tf.constant(new float[0])));
        assertEquals("array([], dtype=float32)", NumpyFormat.repr(tf.constant(new float[0])));
        assertEquals("array([], dtype=float64)", NumpyFormat.repr(tf.constant(new double[0])));
        assertEquals("array([], shape=(2, 0), dtype=int32)", NumpyFormat.repr(Tensor.wrap(DType.INT32, Shape.of(2, 0), new int[0])));
    }

    @Test
    void halfPrecisionTypes() {
        assertEquals("array([0.1, 1. ], dtype=float16)", NumpyFormat.repr(halfs(DType.FLOAT16, 0.1f, 1)));
        assertEquals("array([0.3333], dtype=float16)", NumpyFormat.repr(halfs(DType.FLOAT16, 1f / 3)));
        assertEquals("array([0.5, 1, 2], dtype=bfloat16)", NumpyFormat.repr(halfs(DType.BFLOAT16, 0.5f, 1, 2)));
        assertEquals("[0.333984 nan]", NumpyFormat.str(halfs(DType.BFLOAT16, 1f / 3, Float.NaN)));
    }

    @Test
    void dragon4DigitsPastTheShortest() {
        // Columns of scientific values continue with the exact binary value's digits, not zeros.
        assertEquals("array([-1.8397186e+08,  8.7814231e+05], dtype=float32)",
                NumpyFormat.repr(tf.constant(new float[] {-1.8397186e8f, 878142.3125f})));
        assertEquals("array([6.0e-08, 1.8e-07, 2.4e-07], dtype=float16)",
                NumpyFormat.repr(halfs(DType.FLOAT16, 0x1p-24f, 3 * 0x1p-24f, 4 * 0x1p-24f)));
        // Arrays print all integer digits; scalars stop at the shortest.
        assertEquals("array([12448. ,    20.5], dtype=float16)", NumpyFormat.repr(halfs(DType.FLOAT16, 12448, 20.5f)));
        assertEquals("array([99999992.], dtype=float32)", NumpyFormat.repr(tf.constant(new float[] {99999992f})));
        assertEquals("99999990.0", NumpyFormat.str(tf.constant(99999992f)));
        assertEquals("11700.0", NumpyFormat.str(Tensor.wrap(DType.FLOAT16, Shape.scalar(), new short[] {Halfs.fromFloat(11696, DType.FLOAT16)})));
    }

    @Test
    void scalarsPrintAsNumpyScalars() {
        assertEquals("5.477226", NumpyFormat.repr(tf.constant((float) Math.sqrt(30)))); // G-L5
        assertEquals("5.0", NumpyFormat.str(tf.constant(5f)));
        assertEquals("-2.0", NumpyFormat.str(tf.constant(-2f)));
        assertEquals("1e-05", NumpyFormat.str(tf.constant(1e-5f)));
        assertEquals("1.5e+16", NumpyFormat.str(tf.constant(1.5e16, DType.FLOAT64)));
        assertEquals("0.1", NumpyFormat.str(tf.constant(0.1, DType.FLOAT64)));
        assertEquals("nan", NumpyFormat.str(tf.constant(Float.NaN)));
        assertEquals("-inf", NumpyFormat.str(tf.constant(Float.NEGATIVE_INFINITY)));
        assertEquals("3", NumpyFormat.str(tf.constant(3)));
        assertEquals("False", NumpyFormat.repr(tf.constant(false)));
    }
}
