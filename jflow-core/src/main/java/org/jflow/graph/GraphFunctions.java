package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.errors.TypeError;
import org.jflow.format.TensorFormat;
import org.jflow.engine.TensorSpec;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code tf.function} and {@code tf.TensorSpec}. A Java lambda of 0 to 3 tensors is traced:
 * <pre>{@code
 * var add = tf.function((Tensor a, Tensor b) -> a.add(b));
 * Tensor c = add.call(tf.constant(1), tf.constant(2));
 * var call = tf.function(x -> tf.nn.relu(x), f -> f.inputSignature(tf.TensorSpec(new int[] {-1, 2}, tf.float32)));
 * }</pre>
 * Java statements in the lambda run only while it is traced (once per input signature); use
 * {@code tf.print} for output on every call, and {@code tf.cond}/{@code tf.whileLoop} for branches
 * and loops that depend on tensor values.
 */
public interface GraphFunctions {
    /** A function of three tensors, for {@link #function(Function3)}. */
    @FunctionalInterface
    interface Function3<R> {
        R apply(Tensor a, Tensor b, Tensor c);
    }

    default <R> PolymorphicFunction<R> function(Supplier<R> fn) { return function(fn, o -> o); }

    default <R> PolymorphicFunction<R> function(Supplier<R> fn, UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(args -> fn.get(), 0, fn, options.apply(new FunctionOptions()));
    }

    /** A function with no result (it acts through variables or {@code tf.print}); {@code call} returns null. */
    default PolymorphicFunction<Void> function(Runnable fn) { return function(fn, o -> o); }

    default PolymorphicFunction<Void> function(Runnable fn, UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(args -> {
            fn.run();
            return null;
        }, 0, fn, options.apply(new FunctionOptions()));
    }

    default <R> PolymorphicFunction<R> function(Function<Tensor, R> fn) { return function(fn, o -> o); }

    default <R> PolymorphicFunction<R> function(Function<Tensor, R> fn, UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(args -> fn.apply(tensor(args[0])), 1, fn,
                options.apply(new FunctionOptions()));
    }

    default <R> PolymorphicFunction<R> function(BiFunction<Tensor, Tensor, R> fn) { return function(fn, o -> o); }

    default <R> PolymorphicFunction<R> function(BiFunction<Tensor, Tensor, R> fn,
                                                UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(args -> fn.apply(tensor(args[0]), tensor(args[1])), 2, fn,
                options.apply(new FunctionOptions()));
    }

    default <R> PolymorphicFunction<R> function(Function3<R> fn) { return function(fn, o -> o); }

    default <R> PolymorphicFunction<R> function(Function3<R> fn, UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(args -> fn.apply(tensor(args[0]), tensor(args[1]), tensor(args[2])), 3, fn,
                options.apply(new FunctionOptions()));
    }

    /**
     * A function of any arguments, as Python's {@code *args}: tensors, Java values, and lists, maps,
     * records or {@code Object[]} tuples of them, which reach {@code fn} with the same structure
     * (tensors as placeholders while tracing):
     * {@code tf.functionOfArgs(args -> { List<?> xs = (List<?>) args[0]; ... })}.
     */
    default <R> PolymorphicFunction<R> functionOfArgs(PolymorphicFunction.Body<R> fn) {
        return functionOfArgs(fn, o -> o);
    }

    default <R> PolymorphicFunction<R> functionOfArgs(PolymorphicFunction.Body<R> fn,
                                                      UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(fn, options.apply(new FunctionOptions()));
    }

    /**
     * An argument of a lambda that takes tensors: a tensor as is, a variable as its value (read
     * where the function runs, as TF reads a variable passed to a function).
     */
    private static Tensor tensor(Object arg) {
        if (arg instanceof TensorLike t) return t.value();
        throw new TypeError("This tf.function's Java lambda takes tensors, but got " + TensorFormat.repr(arg)
                + "; use tf.functionOfArgs for lists, maps and records of tensors.");
    }

    /** {@code tf.TensorSpec(shape, dtype)}; -1 is Python's None (an unknown dimension). */
    default TensorSpec TensorSpec(int[] shape, DType dtype) { return new TensorSpec(dtype, Shape.of(shape)); }

    /** {@code tf.TensorSpec(shape, dtype, name)}. */
    default TensorSpec TensorSpec(int[] shape, DType dtype, String name) { return new TensorSpec(dtype, Shape.of(shape), name); }
}
