package org.jflow.autodiff;

import org.jflow.DType;
import org.jflow.GradientTape;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Gradient;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.opinfo.GradientSample;
import org.jflow.opinfo.GradientSample.In;
import org.jflow.opinfo.OpInfo;
import org.jflow.opinfo.OpInfos;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.jflow.TF.tf;
import static org.jflow.opinfo.GradientSample.any;
import static org.jflow.opinfo.GradientSample.pos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every registered op's gradient against central finite differences in float64, on the gradient
 * samples of the sample table ({@link OpInfos}: random inputs of a few shapes, broadcasting
 * included), and second-order gradients (a tape around a tape) for the smooth ones. An op with a
 * gradient but no gradient sample fails; so does an op that declares neither a gradient nor
 * notDifferentiable().
 */
class GradientCheckTest {
    private static final double EPS = 1e-6;
    private static final double TOLERANCE = 2e-5;
    /** Float32 gradient samples (ops TF has no float64 kernel for): a step and a tolerance that float32's rounding allows. */
    private static final double EPS_FLOAT32 = 1e-3;
    private static final double TOLERANCE_FLOAT32 = 2e-3;

    /**
     * Ops whose gradient a dedicated test checks: Cholesky and SelfAdjointEigV2 below (their inputs need a structure random
     * values lack), Svd below (its u and v only up to sign), Eig below (its v only up to phase), CustomGradient in
     * GradientTapeTest (its gradient is the caller's), RandomGamma in random.GammaGradientTest (its samples move with alpha only in the implicit, CDF-preserving sense), the complex
     * ops in {@link #complexGradients} (complex values in and out, through real parts), the control-flow ops in
     * graph.ControlFlowTest (their inputs are traced branch functions).
     */
    private static final List<String> CHECKED_ELSEWHERE = List.of("Cholesky", "SelfAdjointEigV2", "CustomGradient", "Svd", "Eig", "RandomGamma",
            "Complex", "Real", "Imag", "Conj", "ComplexAbs", "Angle",
            "If", "StatelessIf", "While", "StatelessWhile", "WhileGrad");

    /**
     * Ops TF registers neither a gradient nor NotDifferentiable for: its tapes raise LookupError, and
     * so do JFlow's (checked in gradientLookupErrorsAsInTF); not counted as missing.
     */
    private static final List<String> NO_GRADIENT_IN_TF = List.of("RandomShuffle", "RandomPoissonV2", "TruncateMod");

    @Test
    void gradientLookupErrorsAsInTF() {
        Tensor x = tf.constant(new double[] {1, 2, 3});
        try (var tape = new GradientTape(o -> o.persistent(true))) {
            tape.watch(x);
            Tensor shuffled = tf.random.shuffle(x);
            Tensor counts = tf.random.poisson(new int[] {4}, x, DType.FLOAT64, 3L);
            Tensor remainders = tf.truncatemod(x, 2.0);
            String[] names = {"RandomShuffle", "RandomPoissonV2", "TruncateMod"};
            Tensor[] targets = {shuffled, counts, remainders};
            for (int i = 0; i < names.length; i++) {
                Tensor y = targets[i];
                var e = org.junit.jupiter.api.Assertions.assertThrows(org.jflow.errors.LookupError.class, () -> tape.gradient(y, x));
                assertEquals("gradient registry has no entry for: " + names[i], e.getMessage());
            }
        }
    }


    /**
     * SoftmaxCrossEntropyWithLogits w.r.t. labels, as TF's gradient: the loss's derivative (finite differences of the loss
     * alone, broadcast labels summed back), and nothing through the backprop output {@code softmax - labels}, whose path TF
     * leaves out.
     */
    @Test
    void softmaxCrossEntropyLabelsGradientAsTF() {
        Random random = new Random(3);
        Op op = OpRegistry.get("SoftmaxCrossEntropyWithLogits");
        Tensor logits = any(2, 4).random(random);
        for (int[] labelsShape : new int[][] {{2, 4}, {1, 4}}) {
            Tensor labels = GradientSample.range(0, 1, labelsShape).random(random), w = any(2).random(random);
            Tensor fromLoss, fromBackprop;
            try (var tape = new GradientTape(o -> o.persistent(true))) {
                tape.watch(labels);
                Tensor[] out = Dispatcher.execute(op, Attrs.EMPTY, logits, labels);
                fromLoss = tape.gradient(out[0], labels, o -> o.outputGradients(w));
                fromBackprop = tape.gradient(out[1], labels);
            }
            double[] numeric = numericGradient(new Tensor[] {logits, labels}, 1,
                    x -> tf.reduceSum(tf.multiply(Dispatcher.execute(op, Attrs.EMPTY, x)[0], w)).doubleValue());
            assertClose("SoftmaxCrossEntropyWithLogits d/dlabels " + Arrays.toString(labelsShape), numeric, fromLoss);
            assertEquals(Shape.of(labelsShape), fromLoss.shape());
            assertClose("SoftmaxCrossEntropyWithLogits backprop d/dlabels", new double[labels.size()], fromBackprop);
        }
    }

    /**
     * Cholesky reads only the lower triangle of a symmetric matrix, and TF's gradient is the
     * symmetric one: checked through {@code chol((A + A^T) / 2 + 3 I)}, whose finite differences
     * see the symmetrization too.
     */
    @Test
    void choleskyGradientOnSymmetricInputs() {
        Random random = new Random(7);
        Tensor a = new In(new int[] {2, 3, 3}, -1, 1, 0, null).random(random);
        Tensor w = new In(new int[] {2, 3, 3}, -1, 1, 0, null).random(random);
        java.util.function.Function<Tensor, Tensor> f = m -> tf.linalg.cholesky(
                tf.add(tf.multiply(tf.add(m, tf.transpose(m, 0, 2, 1)), 0.5), tf.multiply(tf.eye(3, 3, DType.FLOAT64), 3.0)));
        Tensor grad;
        try (var tape = new GradientTape()) {
            tape.watch(a);
            grad = tape.gradient(f.apply(a), a, o -> o.outputGradients(w));
        }
        double[] numeric = numericGradient(new Tensor[] {a}, 0, x -> {
            double[] l = f.apply(x[0]).toDoubleArray(), ww = w.toDoubleArray();
            double s = 0;
            for (int k = 0; k < l.length; k++) s += l[k] * ww[k];
            return s;
        });
        assertClose("Cholesky", numeric, grad);
    }

    /**
     * Svd with u and v through sign-free functions (s, u^2, v^2; distinct singular values), as TF's
     * tests do: square, tall, wide, and full u/v where |m - n| = 1; s alone is in the case table.
     */
    @Test
    void svdGradientOnSignFreeFunctions() {
        Random random = new Random(13);
        int[][] shapes = {{3, 3}, {2, 4, 3}, {2, 4}, {3, 2}, {2, 3}};
        boolean[] full = {false, false, false, true, true};
        for (int c = 0; c < shapes.length; c++) {
            Tensor a = new In(shapes[c], -1, 1, 2, null).random(random);
            Attrs attrs = Attrs.of("compute_uv", true, "full_matrices", full[c]);
            Tensor[] out = Dispatcher.execute(OpRegistry.get("Svd"), attrs, a);
            Tensor[] w = new Tensor[3];
            for (int j = 0; j < 3; j++) w[j] = new In(out[j].shape().dimsView(), -1, 1, null).random(random);
            java.util.function.Function<Tensor, Tensor> f = x -> {
                Tensor[] suv = Dispatcher.execute(OpRegistry.get("Svd"), attrs, x);
                return tf.addN(tf.reduceSum(tf.multiply(suv[0], w[0])), tf.reduceSum(tf.multiply(tf.square(suv[1]), w[1])),
                        tf.reduceSum(tf.multiply(tf.square(suv[2]), w[2])));
            };
            Tensor grad;
            try (var tape = new GradientTape()) {
                tape.watch(a);
                grad = tape.gradient(f.apply(a), a);
            }
            assertClose("Svd " + Arrays.toString(shapes[c]) + " full " + full[c],
                    numericGradient(new Tensor[] {a}, 0, x -> f.apply(x[0]).doubleValue()), grad);
        }
    }

    /**
     * Eig through phase-free functions, as TF's tests do (eigenvectors are unit columns only up to a complex phase):
     * weighted eigenvalues and weighted |v|^2. Real matrices with Gershgorin-separated real eigenvalues take weights per
     * eigenvalue; random real matrices (complex-conjugate pairs, whose order may swap) and complex matrices take
     * functions symmetric in the eigenpairs (|e|^2, Re e, and |v|^2 weighted by row); eigvals (compute_v false) too.
     */
    @Test
    void eigGradientOnPhaseFreeFunctions() {
        Random random = new Random(17);
        Tensor separated = tf.add(new In(new int[] {2, 3, 3}, -0.6, 0.6, 0, null).random(random),
                tf.linalg.diag(tf.constant(new double[] {-4, 0.5, 5})));
        Tensor we = any(2, 3).random(random), wv = any(2, 3, 3).random(random);
        checkEig("Eig real eigenvalues", new Tensor[] {separated}, in -> in[0], (e, v) -> tf.add(
                tf.reduceSum(tf.multiply(tf.math.real(e), we)), tf.reduceSum(tf.multiply(squaredModulus(v), wv))));
        Tensor rowWeights = any(2, 3, 1).random(random);
        java.util.function.BinaryOperator<Tensor> symmetric = (e, v) -> tf.addN(tf.reduceSum(squaredModulus(e)),
                tf.reduceSum(tf.math.real(e)), tf.reduceSum(tf.multiply(squaredModulus(v), rowWeights)));
        Tensor general = any(2, 3, 3).random(random);
        checkEig("Eig real input", new Tensor[] {general}, in -> in[0], symmetric);
        checkEig("Eig complex input", new Tensor[] {general, any(2, 3, 3).random(random)},
                in -> tf.complex(in[0], in[1]), symmetric);
        for (Tensor a : new Tensor[] {separated, general}) {
            java.util.function.ToDoubleFunction<Tensor[]> f = in -> tf.reduceSum(squaredModulus(tf.linalg.eigvals(in[0]))).doubleValue();
            Tensor grad;
            try (var tape = new GradientTape()) {
                tape.watch(a);
                grad = tape.gradient(tf.reduceSum(squaredModulus(tf.linalg.eigvals(a))), a);
            }
            assertClose("Eig values only", numericGradient(new Tensor[] {a}, 0, f), grad);
        }
    }

    private static Tensor squaredModulus(Tensor z) { return tf.math.real(tf.multiply(z, tf.math.conj(z))); }

    private static void checkEig(String what, Tensor[] x, java.util.function.Function<Tensor[], Tensor> matrix,
                                 java.util.function.BinaryOperator<Tensor> loss) {
        java.util.function.Function<Tensor[], Tensor> f = in -> {
            var ev = tf.linalg.eig(matrix.apply(in));
            return loss.apply(ev.e(), ev.v());
        };
        List<Tensor> grads;
        try (var tape = new GradientTape()) {
            tape.watch(List.of(x));
            grads = tape.gradient(f.apply(x), List.of(x));
        }
        for (int i = 0; i < x.length; i++) {
            assertClose(what + " input " + i, numericGradient(x, i, in -> f.apply(in).doubleValue()), grads.get(i));
        }
    }

    /** Products with zeros, where dividing the product by x would fail: the gradient is the product of the others. */
    @Test
    void productGradientsWithZeros() {
        Tensor x = tf.constant(new float[] {2, 0, 3, 0, 5, 4, 0, 0, 7});
        Tensor ids = tf.constant(new int[] {0, 0, 0, 1, 1, 2, 3, 3, 3});
        try (var tape = new GradientTape(o -> o.persistent(true))) {
            tape.watch(x);
            Tensor segments = tf.unsortedSegmentProd(x, ids, 4);
            Tensor sorted = tf.segmentProd(x, ids);
            Tensor rows = tf.reduceProd(tf.reshape(x, 3, 3), 1);
            float[] expected = {0, 6, 0, 5, 0, 1, 0, 0, 0};
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, tape.gradient(segments, x).toFloatArray());
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, tape.gradient(sorted, x).toFloatArray());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 6, 0, 20, 0, 0, 0, 0, 0}, tape.gradient(rows, x).toFloatArray());
        }
    }

    /**
     * The complex ops through real functions of real inputs: {@code z = complex(x, y)}, then the op,
     * then a weighted sum of the result's real and imaginary parts (conj, Mul and Exp included, as
     * TF's complex gradients conjugate).
     */
    @Test
    void complexGradients() {
        Random random = new Random(5);
        Tensor x = any(2, 3).random(random), y = pos(2, 3).random(random);
        Tensor wr = any(2, 3).random(random), wi = any(2, 3).random(random);
        Tensor c = tf.complex(any(2, 3).random(random), any(2, 3).random(random));
        Map<String, java.util.function.Function<Tensor, Tensor>> ops = Map.of(
                "Real", z -> tf.math.real(z), "Imag", z -> tf.math.imag(z), "Conj", z -> tf.math.conj(z),
                "ComplexAbs", z -> tf.abs(z), "Angle", z -> tf.math.angle(z),
                "Mul", z -> tf.multiply(z, c), "Exp", z -> tf.exp(z), "RealDiv", z -> tf.divide(c, z));
        for (var op : ops.entrySet()) {
            java.util.function.Function<Tensor[], Tensor> f = in -> {
                Tensor out = op.getValue().apply(tf.complex(in[0], in[1]));
                return tf.add(tf.reduceSum(tf.multiply(tf.math.real(out), wr)), tf.reduceSum(tf.multiply(tf.math.imag(out), wi)));
            };
            List<Tensor> grads;
            try (var tape = new GradientTape()) {
                tape.watch(List.of(x, y));
                grads = tape.gradient(f.apply(new Tensor[] {x, y}), List.of(x, y));
            }
            for (int i = 0; i < 2; i++) {
                assertClose(op.getKey() + " input " + i, numericGradient(new Tensor[] {x, y}, i, in -> f.apply(in).doubleValue()), grads.get(i));
            }
        }
    }

    /**
     * Eigenvalues and (sign-free) squared eigenvectors of {@code (A + A^T) / 2}: the kernel reads a
     * symmetric matrix and TF's gradient assumes one.
     */
    @Test
    void symmetricEigenGradientOnSymmetricInputs() {
        Random random = new Random(11);
        Tensor a = new In(new int[] {2, 3, 3}, -1, 1, 0, null).random(random);
        Tensor we = new In(new int[] {2, 3}, -1, 1, 0, null).random(random);
        Tensor wv = new In(new int[] {2, 3, 3}, -1, 1, 0, null).random(random);
        java.util.function.Function<Tensor, Tensor> f = m -> {
            Tensor[] ev = Dispatcher.execute(OpRegistry.get("SelfAdjointEigV2"), Attrs.of("compute_v", true),
                    tf.multiply(tf.add(m, tf.transpose(m, 0, 2, 1)), 0.5));
            return tf.add(tf.reduceSum(tf.multiply(ev[0], we)), tf.reduceSum(tf.multiply(tf.square(ev[1]), wv)));
        };
        Tensor grad;
        try (var tape = new GradientTape()) {
            tape.watch(a);
            grad = tape.gradient(f.apply(a), a);
        }
        assertClose("SelfAdjointEigV2", numericGradient(new Tensor[] {a}, 0, x -> f.apply(x[0]).doubleValue()), grad);
        Tensor valuesOnly;
        try (var tape = new GradientTape()) {
            tape.watch(a);
            Tensor e = Dispatcher.execute(OpRegistry.get("SelfAdjointEigV2"), Attrs.of("compute_v", false),
                    tf.multiply(tf.add(a, tf.transpose(a, 0, 2, 1)), 0.5))[0];
            valuesOnly = tape.gradient(tf.reduceSum(tf.multiply(e, we)), a);
        }
        assertClose("SelfAdjointEigV2 values only", numericGradient(new Tensor[] {a}, 0, x -> {
            Tensor e = Dispatcher.execute(OpRegistry.get("SelfAdjointEigV2"), Attrs.of("compute_v", false),
                    tf.multiply(tf.add(x[0], tf.transpose(x[0], 0, 2, 1)), 0.5))[0];
            return tf.reduceSum(tf.multiply(e, we)).doubleValue();
        }), valuesOnly);
    }

    @Test
    void everyGradientMatchesFiniteDifferences() {
        Random random = new Random(42);
        List<String> missing = new ArrayList<>(), uncovered = new ArrayList<>();
        int checked = 0, notDifferentiable = 0;
        Set<String> opsChecked = new TreeSet<>();
        StringBuilder failures = new StringBuilder();
        for (Op op : OpRegistry.all()) {
            Gradient g = op.gradient();
            if (g == null) {
                if (!NO_GRADIENT_IN_TF.contains(op.name())) missing.add(op.name());
                continue;
            }
            if (g == Gradient.NONE) { notDifferentiable++; continue; }
            if (CHECKED_ELSEWHERE.contains(op.name())) continue;
            OpInfo info = OpInfos.get(op.name());
            if (info == null || info.gradientSamples().isEmpty()) { uncovered.add(op.name()); continue; }
            for (GradientSample c : info.gradientSamples()) {
                try {
                    checkCase(op, info.gradientDType(), c, random);
                    checked++;
                    opsChecked.add(op.name());
                } catch (AssertionError | RuntimeException e) {
                    failures.append(op.name()).append(' ').append(c.attrs()).append(": ").append(e.getMessage()).append('\n');
                }
            }
        }
        System.out.println("Gradient check: " + checked + " cases of " + opsChecked.size() + " ops passed; " + notDifferentiable + " ops not differentiable");
        assertTrue(uncovered.isEmpty(), "ops with a gradient but no finite-difference case: " + uncovered);
        assertTrue(missing.isEmpty(), "every op declares a gradient or notDifferentiable(); these have neither: " + missing);
        assertEquals("", failures.toString());
    }

    private static void checkCase(Op op, DType dtype, GradientSample c, Random random) {
        boolean float32 = dtype == DType.FLOAT32;
        double eps = float32 ? EPS_FLOAT32 : EPS, tolerance = float32 ? TOLERANCE_FLOAT32 : TOLERANCE;
        Tensor[] x = new Tensor[c.inputs().size()];
        for (int i = 0; i < x.length; i++) {
            In in = c.inputs().get(i);
            x[i] = in.fixed() != null ? in.fixed() : tf.cast(in.random(random), dtype);
        }
        Tensor[] out = Dispatcher.execute(op, c.attrs(), x);
        Tensor[] w = new Tensor[out.length];
        for (int j = 0; j < out.length; j++) w[j] = tf.cast(new In(out[j].shape().dimsView(), -1, 1, null).random(random), out[j].dtype());
        Tensor[] analytic = gradients(op, c, x, w);
        for (int i = 0; i < x.length; i++) {
            if (c.inputs().get(i).fixed() != null) continue;
            double[] numeric = numericGradient(x, i, v -> loss(op, c, v, w), eps);
            assertClose(op.name() + " d/dinput" + i, numeric, analytic[i], tolerance);
        }
        if (c.secondOrder()) checkSecondOrder(op, c, x, w, random, eps, tolerance);
    }

    /** The tape's gradient of sum_j sum(w_j * out_j) w.r.t. each differentiable input. */
    private static Tensor[] gradients(Op op, GradientSample c, Tensor[] x, Tensor[] w) {
        try (var tape = new GradientTape()) {
            List<Tensor> sources = new ArrayList<>();
            for (int i = 0; i < x.length; i++) if (c.inputs().get(i).fixed() == null) sources.add(x[i]);
            tape.watch(sources);
            Tensor[] out = Dispatcher.execute(op, c.attrs(), x);
            List<Tensor> g = tape.gradient(Arrays.asList(out), sources, o -> o.outputGradients(Arrays.asList(w)));
            Tensor[] result = new Tensor[x.length];
            for (int i = 0, k = 0; i < x.length; i++) if (c.inputs().get(i).fixed() == null) result[i] = g.get(k++);
            return result;
        }
    }

    private static double loss(Op op, GradientSample c, Tensor[] x, Tensor[] w) {
        Tensor[] out = Dispatcher.execute(op, c.attrs(), x);
        double sum = 0;
        for (int j = 0; j < out.length; j++) {
            double[] o = out[j].toDoubleArray(), ww = w[j].toDoubleArray();
            for (int k = 0; k < o.length; k++) sum += o[k] * ww[k];
        }
        return sum;
    }

    /**
     * Second order: for each differentiable input, the gradient of sum(v * grad) w.r.t. it (a tape
     * around the tape), against finite differences of that same sum.
     */
    private static void checkSecondOrder(Op op, GradientSample c, Tensor[] x, Tensor[] w, Random random, double eps, double tolerance) {
        for (int input = 0; input < x.length; input++) {
            if (c.inputs().get(input).fixed() != null) continue;
            int i = input;
            Tensor v = tf.cast(new In(x[i].shape().dimsView(), -1, 1, null).random(random), x[i].dtype());
            Tensor second;
            try (var outer = new GradientTape()) {
                outer.watch(x[i]);
                Tensor first = gradients(op, c, x, w)[i];
                second = outer.gradient(first, x[i], o -> o.outputGradients(v));
            }
            double[] numeric = numericGradient(x, i, p -> {
                double[] g = gradients(op, c, p, w)[i].toDoubleArray(), vv = v.toDoubleArray();
                double s = 0;
                for (int k = 0; k < g.length; k++) s += g[k] * vv[k];
                return s;
            }, eps);
            assertClose(op.name() + " second order d/dinput" + i, numeric, second, tolerance);
        }
    }

    private static double[] numericGradient(Tensor[] x, int input, java.util.function.ToDoubleFunction<Tensor[]> f) {
        return numericGradient(x, input, f, EPS);
    }

    /** Central differences with step {@code eps}, the input perturbed in its own dtype. */
    private static double[] numericGradient(Tensor[] x, int input, java.util.function.ToDoubleFunction<Tensor[]> f, double eps) {
        double[] base = x[input].toDoubleArray(), grad = new double[base.length];
        for (int k = 0; k < base.length; k++) {
            double[] plus = base.clone(), minus = base.clone();
            plus[k] += eps;
            minus[k] -= eps;
            Tensor[] xPlus = replaced(x, input, plus), xMinus = replaced(x, input, minus);
            // the step actually taken, once rounded to the input's dtype
            double step = xPlus[input].toDoubleArray()[k] - xMinus[input].toDoubleArray()[k];
            grad[k] = (f.applyAsDouble(xPlus) - f.applyAsDouble(xMinus)) / step;
        }
        return grad;
    }

    private static Tensor[] replaced(Tensor[] x, int input, double[] values) {
        Tensor[] copy = x.clone();
        copy[input] = tf.cast(Tensor.wrap(DType.FLOAT64, x[input].shape(), values), x[input].dtype());
        return copy;
    }

    private static void assertClose(String what, double[] expected, Tensor actual) { assertClose(what, expected, actual, TOLERANCE); }

    private static void assertClose(String what, double[] expected, Tensor actual, double tolerance) {
        if (actual == null) {
            for (double e : expected) if (Math.abs(e) > tolerance) fail(what + ": no gradient, finite differences " + Arrays.toString(expected));
            return;
        }
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length, what + ": gradient size");
        for (int k = 0; k < a.length; k++) {
            if (!(Math.abs(a[k] - expected[k]) <= tolerance * Math.max(1, Math.abs(expected[k])))) {
                fail(what + ": tape " + Arrays.toString(a) + " vs finite differences " + Arrays.toString(expected));
            }
        }
    }
}
