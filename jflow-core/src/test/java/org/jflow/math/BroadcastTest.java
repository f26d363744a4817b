package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Broadcasting (G-B1, G-B5 of inventory 001a section 3.11) and the kernels' run layouts: every
 * fast path (same shape, scalar, row, column, general) checked against a plain per-element
 * reference, at sizes that run single-threaded and multi-threaded.
 */
class BroadcastTest {
    @Test
    void rowAndColumnBroadcastGB1GB5() {
        Tensor a = tf.constant(new int[] {1, 2, 3});
        Tensor b = tf.constant(new int[][] {{0, 0, 0}, {1, 1, 1}, {2, 2, 2}});
        assertArrayEquals(new int[] {1, 2, 3, 2, 3, 4, 3, 4, 5}, b.add(a).toIntArray());
        Tensor c = tf.constant(new int[] {1, 2, 3}), d = tf.constant(new int[][] {{1}, {2}, {3}});
        Tensor cd = c.add(d);
        assertEquals(Shape.of(3, 3), cd.shape());
        assertEquals(DType.INT32, cd.dtype());
        assertArrayEquals(new int[] {2, 3, 4, 3, 4, 5, 4, 5, 6}, cd.toIntArray());
    }

    @Test
    void scalarsOnEitherSide() {
        Tensor x = tf.constant(new float[] {1, 2, 3});
        assertArrayEquals(new float[] {4, 3, 2}, tf.subtract(5f, x).toFloatArray(), 0f);
        assertArrayEquals(new float[] {0.5f, 1, 1.5f}, x.div(tf.constant(2f)).toFloatArray(), 0f);
        assertEquals(Shape.of(1, 3), x.add(tf.constant(new float[][] {{1}})).shape());
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() * 4 - 2;
        return a;
    }

    /** The expected result of {@code x op y} computed element by element through explicit indices. */
    private static float[] reference(float[] x, Shape sx, float[] y, Shape sy, Shape out, java.util.function.BinaryOperator<Float> op) {
        int n = out.size(), r = out.rank();
        float[] o = new float[n];
        int[] idx = new int[r];
        for (int k = 0; k < n; k++) {
            int rem = k;
            for (int ax = r - 1; ax >= 0; ax--) {
                idx[ax] = rem % out.get(ax);
                rem /= out.get(ax);
            }
            o[k] = op.apply(x[flat(sx, idx, r)], y[flat(sy, idx, r)]);
        }
        return o;
    }

    private static int flat(Shape s, int[] outIdx, int outRank) {
        int f = 0;
        for (int i = 0; i < s.rank(); i++) {
            int d = s.get(i);
            f = f * d + (d == 1 ? 0 : outIdx[i + outRank - s.rank()]);
        }
        return f;
    }

    private static void check(int[] da, int[] db) {
        Shape sa = Shape.of(da), sb = Shape.of(db);
        float[] x = random(sa.size(), 1), y = random(sb.size(), 2);
        Tensor a = Tensor.wrap(DType.FLOAT32, sa, x), b = Tensor.wrap(DType.FLOAT32, sb, y);
        Shape out = a.add(b).shape();
        assertArrayEquals(reference(x, sa, y, sb, out, Float::sum), a.add(b).toFloatArray(), 0f, "add " + sa + sb);
        assertArrayEquals(reference(x, sa, y, sb, out, (p, q) -> p * q), a.mul(b).toFloatArray(), 0f, "mul " + sa + sb);
        assertArrayEquals(reference(x, sa, y, sb, out, (p, q) -> p / q), tf.math.realdiv(a, b).toFloatArray(), 0f, "div " + sa + sb);
        assertArrayEquals(reference(x, sa, y, sb, out, Math::max), tf.maximum(a, b).toFloatArray(), 0f, "max " + sa + sb);
        assertArrayEquals(reference(x, sa, y, sb, out, (p, q) -> (p - q) * (p - q)), tf.squaredDifference(a, b).toFloatArray(), 0f);
        Tensor da64 = tf.cast(a, DType.FLOAT64), db64 = tf.cast(b, DType.FLOAT64);
        float[] sub64 = tf.cast(da64.sub(db64), DType.FLOAT32).toFloatArray();
        assertArrayEquals(reference(x, sa, y, sb, out, (p, q) -> (float) ((double) p - q)), sub64, 0f, "sub64 " + sa + sb);
        float[] min64 = tf.cast(tf.minimum(da64, db64), DType.FLOAT32).toFloatArray();
        assertArrayEquals(reference(x, sa, y, sb, out, Math::min), min64, 0f, "min64 " + sa + sb);
        float[] pow64 = tf.cast(tf.pow(tf.abs(da64), db64), DType.FLOAT32).toFloatArray();
        assertArrayEquals(reference(x, sa, y, sb, out, (p, q) -> (float) Math.pow(Math.abs((double) p), q)), pow64, 0f, "pow64 " + sa + sb);
        int[] i32 = tf.cast(a.mul(100), DType.INT32).add(tf.cast(b.mul(100), DType.INT32)).toIntArray();
        assertArrayEquals(reference(x, sa, y, sb, out, (p, q) -> (float) ((int) (p * 100) + (int) (q * 100))), toFloats(i32), 0f, "int " + sa + sb);
    }

    private static float[] toFloats(int[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = v[i];
        return f;
    }

    @Test
    void everyRunLayoutMatchesThePerElementReference() {
        check(new int[] {7, 5}, new int[] {7, 5});
        check(new int[] {7, 5}, new int[] {5});
        check(new int[] {7, 1}, new int[] {1, 5});
        check(new int[] {3, 1, 4}, new int[] {2, 1});
        check(new int[] {1}, new int[] {6, 3});
        check(new int[] {2, 3, 4, 5}, new int[] {3, 1, 5});
        check(new int[] {}, new int[] {});
    }

    @Test
    void bigTensorsSplitAcrossThreadsGiveTheSameResult() {
        check(new int[] {300, 257}, new int[] {300, 257});
        check(new int[] {300, 257}, new int[] {257});
        check(new int[] {300, 1}, new int[] {257});
        check(new int[] {100_003}, new int[] {1});
        check(new int[] {40, 30, 50}, new int[] {40, 1, 50});
    }

    @Test
    void bigUnaryOpsMatchScalarFormulas() {
        float[] x = random(100_003, 3);
        Tensor t = tf.constant(x);
        float[] exp = tf.exp(t).toFloatArray(), sig = tf.sigmoid(t).toFloatArray(), tanh = tf.tanh(t).toFloatArray();
        float[] sq = tf.square(t).toFloatArray(), ab = tf.abs(t).toFloatArray(), sin = tf.sin(t).toFloatArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals((float) Math.exp(x[i]), exp[i], Math.ulp(exp[i]) * 2);
            // Eigen's logistic approximation, TF's kernel: TF 2.21's sigmoid is within 6 ulps of the exact value
            assertEquals((float) (1 / (1 + Math.exp(-x[i]))), sig[i], Math.ulp(sig[i]) * 6);
            // Eigen's tanh approximation, TF's kernel: TF 2.21's tanh is within 5 ulps of the exact value
            assertEquals((float) Math.tanh(x[i]), tanh[i], Math.ulp(tanh[i]) * 5);
            assertEquals(x[i] * x[i], sq[i]);
            assertEquals(Math.abs(x[i]), ab[i]);
            // Vector API sin: SVML/SLEEF once compiled, Java's fallback before, within an ulp of each other
            assertEquals((float) Math.sin(x[i]), sin[i], Math.ulp(sin[i]) * 2);
        }
        float[] pos = tf.abs(t).toFloatArray();
        float[] log = tf.log(pos).toFloatArray(), sqrt = tf.sqrt(pos).toFloatArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals((float) Math.log(pos[i]), log[i], Math.ulp(log[i]) * 2);
            assertEquals((float) Math.sqrt(pos[i]), sqrt[i]);
        }
    }

    @Test
    void bigFloat64UnaryOpsMatchScalarFormulas() {
        int n = 50_001;
        double[] x = new double[n];
        Random r = new Random(5);
        for (int i = 0; i < n; i++) x[i] = r.nextDouble() * 8 - 4;
        Tensor t = tf.constant(x);
        double[] exp = tf.exp(t).toDoubleArray(), sig = tf.sigmoid(t).toDoubleArray(), tanh = tf.tanh(t).toDoubleArray();
        double[] sq = tf.square(t).toDoubleArray(), neg = t.neg().toDoubleArray(), log = tf.log(tf.abs(t)).toDoubleArray();
        for (int i = 0; i < n; i++) {
            assertEquals(Math.exp(x[i]), exp[i], Math.ulp(exp[i]) * 2);
            assertEquals(1 / (1 + Math.exp(-x[i])), sig[i], Math.ulp(sig[i]) * 4);
            assertEquals(Math.tanh(x[i]), tanh[i], Math.ulp(tanh[i]) * 2);
            assertEquals(x[i] * x[i], sq[i]);
            assertEquals(-x[i], neg[i]);
            assertEquals(Math.log(Math.abs(x[i])), log[i], Math.ulp(log[i]) * 2);
        }
    }
}
