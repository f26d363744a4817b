package org.jflow.bench;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;
import org.jflow.math.ElementwiseGradient;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.jflow.TF.tf;

/**
 * JFlow's side of {@code bench/elementwise}: every element-wise op once, eagerly, on 1M float32
 * elements uniform in [0.1, 2) (ordinary values, no edge cases), one line per op:
 * {@code op<TAB>microseconds per call<TAB>bytes allocated per call<TAB>kernel microseconds per call} (see {@link #main}). The peers ({@code
 * bench/elementwise_peer.py}) run the same ops on the same kind of inputs; arguments filter the
 * ops by substring. Ops with a narrower domain get their input mapped into it, as the peer does:
 * {@code u} is x / 2.1 (in (0, 1), for asin, acos, atanh) and {@code w} is x + 1 (above 1, for acosh).
 */
public final class Elementwise {
    /** One op: its name (shared with the peer) and the call on the row's inputs. */
    record Row(String name, Function<Inputs, Tensor> call) {}

    /** The inputs every row draws from: two float32 tensors of {@link #N} elements and derived ones. */
    record Inputs(Tensor x, Tensor y, Tensor u, Tensor w, Tensor x64, Tensor ints) {}

    static final int N = 1 << 20;
    private static final Timer TIMER = new Timer(0.5, 1.0, 5);
    /** The longest warm-up per timing while the JIT is still making the op faster (see {@link Timer#secondsPerCallSettled}). */
    private static final double WARMUP_LIMIT = 8;

    private Elementwise() {}

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        unary(rows, "abs", tf::abs);
        unary(rows, "neg", tf::negative);
        unary(rows, "sign", tf::sign);
        unary(rows, "square", tf::square);
        unary(rows, "sqrt", tf::sqrt);
        unary(rows, "rsqrt", tf::rsqrt);
        unary(rows, "reciprocal", tf::reciprocal);
        unary(rows, "exp", tf::exp);
        unary(rows, "expm1", tf::expm1);
        unary(rows, "log", tf::log);
        unary(rows, "log1p", tf::log1p);
        unary(rows, "sin", tf::sin);
        unary(rows, "cos", tf::cos);
        unary(rows, "tan", tf::tan);
        rows.add(new Row("asin", in -> tf.asin(in.u())));
        rows.add(new Row("acos", in -> tf.acos(in.u())));
        unary(rows, "atan", tf::atan);
        unary(rows, "sinh", tf::sinh);
        unary(rows, "cosh", tf::cosh);
        unary(rows, "tanh", tf::tanh);
        unary(rows, "asinh", tf::asinh);
        rows.add(new Row("acosh", in -> tf.acosh(in.w())));
        rows.add(new Row("atanh", in -> tf.atanh(in.u())));
        unary(rows, "erf", tf::erf);
        unary(rows, "erfc", tf::erfc);
        unary(rows, "floor", tf::floor);
        unary(rows, "ceil", tf::ceil);
        unary(rows, "round", tf::round);
        unary(rows, "sigmoid", tf::sigmoid);
        unary(rows, "softplus", tf.nn::softplus);
        unary(rows, "relu", tf.nn::relu);
        unary(rows, "relu6", tf.nn::relu6);
        unary(rows, "elu", tf.nn::elu);
        unary(rows, "selu", tf.nn::selu);
        unary(rows, "leaky_relu", tf.nn::leakyRelu);
        unary(rows, "softsign", tf.nn::softsign);
        unary(rows, "gelu", tf.nn::gelu);
        unary(rows, "gelu_tanh", x -> tf.nn.gelu(x, true));
        unary(rows, "silu", tf.nn::silu);
        binary(rows, "add", tf::add);
        binary(rows, "sub", tf::subtract);
        binary(rows, "mul", tf::multiply);
        binary(rows, "div", tf::divide);
        binary(rows, "maximum", tf::maximum);
        binary(rows, "minimum", tf::minimum);
        binary(rows, "pow", tf::pow);
        binary(rows, "squared_difference", tf::squaredDifference);
        binary(rows, "floordiv", tf::floordiv);
        binary(rows, "floormod", tf::floormod);
        binary(rows, "atan2", tf::atan2);
        binary(rows, "div_no_nan", tf::divNoNan);
        binary(rows, "equal", tf::equal);
        binary(rows, "not_equal", tf::notEqual);
        binary(rows, "less", tf::less);
        binary(rows, "less_equal", tf::lessEqual);
        binary(rows, "greater", tf::greater);
        binary(rows, "greater_equal", tf::greaterEqual);
        unary(rows, "cast_f32_f64", x -> tf.cast(x, DType.FLOAT64));
        rows.add(new Row("cast_f64_f32", in -> tf.cast(in.x64(), DType.FLOAT32)));
        unary(rows, "cast_f32_i32", x -> tf.cast(x, DType.INT32));
        rows.add(new Row("cast_i32_f32", in -> tf.cast(in.ints(), DType.FLOAT32)));
        unary(rows, "is_nan", tf::isNan);
        unary(rows, "is_inf", tf::isInf);
        unary(rows, "is_finite", tf::isFinite);
        // TF's gradient kernels on (upstream gradient y, features or forward output x), as the peer calls them
        gradient(rows, "relu_grad", ElementwiseGradient.RELU_GRAD, true);
        gradient(rows, "relu6_grad", ElementwiseGradient.RELU6_GRAD, true);
        gradient(rows, "elu_grad", ElementwiseGradient.ELU_GRAD, true);
        gradient(rows, "selu_grad", ElementwiseGradient.SELU_GRAD, true);
        gradient(rows, "softplus_grad", ElementwiseGradient.SOFTPLUS_GRAD, true);
        rows.add(new Row("leaky_relu_grad", in -> ElementwiseGradient.LEAKY_RELU_GRAD.call(in.y(), in.x(),
                org.jflow.engine.Attrs.of("alpha", 0.2))));
        gradient(rows, "sigmoid_grad", ElementwiseGradient.SIGMOID_GRAD, false);
        gradient(rows, "tanh_grad", ElementwiseGradient.TANH_GRAD, false);
        gradient(rows, "rsqrt_grad", ElementwiseGradient.RSQRT_GRAD, false);
        gradient(rows, "sqrt_grad", ElementwiseGradient.SQRT_GRAD, false);
        gradient(rows, "reciprocal_grad", ElementwiseGradient.RECIPROCAL_GRAD, false);
        return rows;
    }

    private static void unary(List<Row> rows, String name, Function<Tensor, Tensor> op) {
        rows.add(new Row(name, in -> op.apply(in.x())));
    }

    /** A gradient op: the upstream gradient first for the nn ops (ReluGrad...), second for the math ones (SigmoidGrad...). */
    private static void gradient(List<Row> rows, String name, ElementwiseGradient op, boolean upstreamFirst) {
        rows.add(new Row(name, in -> upstreamFirst ? op.call(in.y(), in.x()) : op.call(in.x(), in.y())));
    }

    private static void binary(List<Row> rows, String name, java.util.function.BiFunction<Tensor, Tensor, Tensor> op) {
        rows.add(new Row(name, in -> op.apply(in.x(), in.y())));
    }

    /** Inputs uniform in [0.1, 2), from a fixed seed. */
    static Inputs inputs() {
        Random random = new Random(42);
        float[][] a = new float[N / 1024][1024], b = new float[N / 1024][1024];
        for (int i = 0; i < N / 1024; i++) {
            for (int j = 0; j < 1024; j++) {
                a[i][j] = 0.1f + 1.9f * random.nextFloat();
                b[i][j] = 0.1f + 1.9f * random.nextFloat();
            }
        }
        Tensor x = tf.constant(a), y = tf.constant(b);
        return new Inputs(x, y, tf.divide(x, 2.1f), tf.add(x, 1f), tf.cast(x, DType.FLOAT64),
                tf.cast(tf.multiply(x, 1000f), DType.INT32));
    }

    /** Bytes allocated per call on all threads, after the timing's warm-up. */
    private static double allocatedPerCall(Supplier<?> body) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int calls = 20;
        long before = threads.getTotalThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) body.get();
        return (double) (threads.getTotalThreadAllocatedBytes() - before) / calls;
    }

    /**
     * Prints per op: microseconds per eager call, bytes allocated per call, and microseconds per call of
     * the same eager call with its output written into one buffer reused across calls ({@link Buffers#into}):
     * the kernel's own speed, without the fresh 4 MB output array that a JVM hands out zeroed and cold.
     */
    public static void main(String[] args) {
        Inputs in = inputs();
        for (Row r : rows()) {
            if (args.length > 0 && List.of(args).stream().noneMatch(r.name()::contains)) continue;
            Supplier<Tensor> call = () -> r.call().apply(in);
            double us = TIMER.secondsPerCallSettled(WARMUP_LIMIT, call) * 1e6;
            double allocated = allocatedPerCall(call);
            Object target = call.get().data();
            Supplier<Tensor> reusing = () -> Buffers.into(target, call);
            if (reusing.get().data() != target) throw new IllegalStateException(r.name() + " did not write into the offered buffer");
            double kernelUs = TIMER.secondsPerCallSettled(WARMUP_LIMIT, reusing) * 1e6;
            System.out.println(r.name() + "\t" + String.format(Locale.ROOT, "%.4g", us) + "\t"
                    + String.format(Locale.ROOT, "%.0f", allocated) + "\t" + String.format(Locale.ROOT, "%.4g", kernelUs));
        }
    }
}
