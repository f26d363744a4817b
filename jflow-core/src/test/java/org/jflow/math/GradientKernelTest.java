package org.jflow.math;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.UnimplementedError;
import org.jflow.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The gradients of the activations and of Sigmoid, Tanh, Rsqrt, Sqrt and Reciprocal run TF's gradient kernels
 * (ReluGrad, SigmoidGrad, ...; a traced gradient holds the same kernel node TF's does), and their second
 * derivatives go through those kernels' own gradients. Expected values: golden/gradient_kernels.py (TF 2.21,
 * float64, an upstream gradient with a 0).
 */
class GradientKernelTest {
    private static final Golden TF = Golden.load("gradient_kernels");
    private static final Map<String, UnaryOperator<Tensor>> FORWARD = Map.ofEntries(
            Map.entry("relu", tf.nn::relu),
            Map.entry("relu6", tf.nn::relu6),
            Map.entry("elu", tf.nn::elu),
            Map.entry("selu", tf.nn::selu),
            Map.entry("softplus", tf.nn::softplus),
            Map.entry("leaky_relu", v -> tf.nn.leakyRelu(v, 0.3f)),
            Map.entry("sigmoid", tf::sigmoid),
            Map.entry("tanh", tf::tanh),
            Map.entry("rsqrt", tf::rsqrt),
            Map.entry("sqrt", tf::sqrt),
            Map.entry("reciprocal", tf::reciprocal));

    private static Tensor vector(String key) { return tf.constant(TF.doubles(key)); }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> golden(String op) { return (Map<String, Object>) TF.map("cases").get(op); }

    private static Tensor gradient(UnaryOperator<Tensor> f, Tensor x, Tensor dy) {
        try (var tape = tf.GradientTape()) {
            tape.watch(x);
            Tensor y = f.apply(x);
            return tape.gradient(y, x, o -> o.outputGradients(dy));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "relu6", "elu", "selu", "softplus", "leaky_relu", "sigmoid", "tanh", "rsqrt",
            "sqrt", "reciprocal"})
    void firstAndSecondDerivativesMatchTf(String op) {
        Map<String, Object> c = golden(op);
        UnaryOperator<Tensor> f = FORWARD.get(op);
        Tensor x = tf.constant(Golden.flatten(c.get("x"))), dy = vector("dy"), w = vector("w");
        Tensor first, second;
        try (var outer = tf.GradientTape()) {
            outer.watch(x);
            first = gradient(f, x, dy);
            second = outer.gradient(tf.reduceSum(tf.multiply(first, w)), x);
        }
        assertClose(Golden.flatten(c.get("grad")), first, op + " first");
        assertClose(Golden.flatten(c.get("second")), second, op + " second");
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "relu6", "elu", "selu", "softplus", "leaky_relu", "sigmoid", "tanh", "rsqrt",
            "sqrt", "reciprocal"})
    void tracedGradientHoldsTfsKernel(String op) {
        Map<String, Object> c = golden(op);
        Tensor x = tf.constant(Golden.flatten(c.get("x"))), dy = vector("dy");
        UnaryOperator<Tensor> f = FORWARD.get(op);
        List<String> kernels = tf.function((Tensor v) -> gradient(f, v, dy)).getConcreteFunction(x).graph().operations()
                .stream().map(Node::type).filter(t -> t.endsWith("Grad")).toList();
        assertEquals(c.get("kernels"), kernels, op);
    }

    @Test
    void float32KernelsAgreeWithTheirFloat64FormulaOverManyElements() {
        // whole vectors and a partial last vector, through the parallel chunks
        int n = 100_003;
        float[] a = new float[n], b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) Math.sin(i * 0.37) * 3;
            b[i] = (float) Math.cos(i * 0.11) * 3;
        }
        Tensor ta = tf.constant(a), tb = tf.constant(b);
        float[] relu = ElementwiseGradient.RELU_GRAD.call(ta, tb).toFloatArray();
        float[] tanh = ElementwiseGradient.TANH_GRAD.call(ta, tb).toFloatArray();
        for (int i = 0; i < n; i++) {
            assertEquals(b[i] > 0 ? a[i] : a[i] * 0f, relu[i], "ReluGrad at " + i);
            assertEquals(b[i] * (1 - a[i] * a[i]), tanh[i], "TanhGrad at " + i);
        }
    }

    @Test
    void guardedKernelsGiveZeroWhereTheUpstreamGradientIsZero() {
        Tensor y = tf.constant(new float[] {0, Float.POSITIVE_INFINITY, 2}), dy = tf.constant(new float[] {0, 0, 0});
        for (ElementwiseGradient op : List.of(ElementwiseGradient.SQRT_GRAD, ElementwiseGradient.RSQRT_GRAD,
                ElementwiseGradient.RECIPROCAL_GRAD)) {
            assertArrayEquals(new float[] {0, 0, 0}, op.call(y, dy).toFloatArray(), op.name());
        }
    }

    @Test
    void halfTypesComputeThroughFloat32() {
        Tensor g = tf.cast(tf.constant(new float[] {1.5f, -2f}), DType.FLOAT16);
        Tensor features = tf.cast(tf.constant(new float[] {-1f, 3f}), DType.FLOAT16);
        Tensor r = ElementwiseGradient.RELU_GRAD.call(g, features);
        assertEquals(DType.FLOAT16, r.dtype());
        assertArrayEquals(new float[] {0f, -2f}, tf.cast(r, DType.FLOAT32).toFloatArray());
    }

    @Test
    void refusesMismatchedShapesAsTfAndHasNoComplexKernelYet() {
        Tensor a = tf.zeros(Shape.of(2, 3)), b = tf.zeros(Shape.of(3));
        assertThrows(InvalidArgumentError.class, () -> ElementwiseGradient.RELU_GRAD.call(a, b));
        assertThrows(InvalidArgumentError.class, () -> ElementwiseGradient.SIGMOID_GRAD.call(a, b));
        Tensor z = tf.cast(a, DType.COMPLEX64);
        // TF 2.21 has complex SigmoidGrad kernels; JFlow's are real only
        assertThrows(UnimplementedError.class, () -> ElementwiseGradient.SIGMOID_GRAD.call(z, z));
    }

    private static void assertClose(double[] expected, Tensor actual, String what) {
        double[] got = actual.toDoubleArray();
        assertEquals(expected.length, got.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12 * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }
}
