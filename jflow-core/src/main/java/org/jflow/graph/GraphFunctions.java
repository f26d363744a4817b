package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
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
        return new PolymorphicFunction<>(args -> fn.get(), options.apply(new FunctionOptions()));
    }

    /** A function with no result (it acts through variables or {@code tf.print}); {@code call} returns null. */
    default PolymorphicFunction<Void> function(Runnable fn) { return function(fn, o -> o); }

    default PolymorphicFunction<Void> function(Runnable fn, UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(args -> {
            fn.run();
            return null;
        }, options.apply(new FunctionOptions()));
    }

    default <R> PolymorphicFunction<R> function(Function<Tensor, R> fn) { return function(fn, o -> o); }

    default <R> PolymorphicFunction<R> function(Function<Tensor, R> fn, UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(args -> fn.apply((Tensor) args[0]), options.apply(new FunctionOptions()));
    }

    default <R> PolymorphicFunction<R> function(BiFunction<Tensor, Tensor, R> fn) { return function(fn, o -> o); }

    default <R> PolymorphicFunction<R> function(BiFunction<Tensor, Tensor, R> fn, UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(args -> fn.apply((Tensor) args[0], (Tensor) args[1]), options.apply(new FunctionOptions()));
    }

    default <R> PolymorphicFunction<R> function(Function3<R> fn) { return function(fn, o -> o); }

    default <R> PolymorphicFunction<R> function(Function3<R> fn, UnaryOperator<FunctionOptions> options) {
        return new PolymorphicFunction<>(args -> fn.apply((Tensor) args[0], (Tensor) args[1], (Tensor) args[2]),
                options.apply(new FunctionOptions()));
    }

    /** {@code tf.TensorSpec(shape, dtype)}; -1 is Python's None (an unknown dimension). */
    default TensorSpec TensorSpec(int[] shape, DType dtype) { return new TensorSpec(dtype, Shape.of(shape)); }

    /** {@code tf.TensorSpec(shape, dtype, name)}. */
    default TensorSpec TensorSpec(int[] shape, DType dtype, String name) { return new TensorSpec(dtype, Shape.of(shape), name); }
}
