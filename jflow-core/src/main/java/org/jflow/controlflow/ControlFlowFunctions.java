package org.jflow.controlflow;

import org.jflow.Tensor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code tf.cond}, {@code tf.case}, {@code tf.while_loop} and a {@code for i in tf.range(n)} with Java lambdas:
 * <pre>{@code
 * Tensor y = tf.cond(x.gt(0f), () -> tf.square(x), () -> tf.negative(x));
 * List<Tensor> r = tf.whileLoop(v -> tf.less(v.get(0), 10), v -> List.of(tf.add(v.get(0), 1)), List.of(tf.constant(0)));
 * tf.forRange(3, i -> tf.print(i));
 * }</pre>
 * Eagerly they run as Java code; inside {@code tf.function} they become one {@code If} or
 * {@code While} node whose branches or body run (with their side effects) only when taken.
 */
public interface ControlFlowFunctions {
    /** {@code tf.cond(pred, true_fn, false_fn)}: {@code pred} a bool scalar tensor or a Java boolean. */
    default <R> R cond(Object pred, Supplier<R> trueFn, Supplier<R> falseFn) { return Cond.cond(pred, trueFn, falseFn); }

    /** {@code tf.case(pred_fn_pairs, default, exclusive)} ({@code case} is a Java keyword): pairs as {@code Map.entry(pred, fn)}. */
    default <R> R case_(List<? extends Map.Entry<?, ? extends Supplier<R>>> pairs, Supplier<R> defaultFn, boolean exclusive) {
        return Cond.case_(pairs, defaultFn, exclusive);
    }

    /** {@code tf.case(pred_fn_pairs, default)}: the first pair whose predicate holds. */
    default <R> R case_(List<? extends Map.Entry<?, ? extends Supplier<R>>> pairs, Supplier<R> defaultFn) {
        return Cond.case_(pairs, defaultFn, false);
    }

    /** {@code tf.while_loop(cond, body, loop_vars)}: loop variables a tensor, a {@code List}, a {@code Tensor[]} or a nested structure. */
    default <T> T whileLoop(Function<T, ?> cond, UnaryOperator<T> body, T loopVars) {
        return WhileLoop.run(cond, body, loopVars, new WhileOptions());
    }

    /** With {@code maximum_iterations} and {@code shape_invariants}: {@code o -> o.maximumIterations(5)}. */
    default <T> T whileLoop(Function<T, ?> cond, UnaryOperator<T> body, T loopVars, UnaryOperator<WhileOptions> options) {
        return WhileLoop.run(cond, body, loopVars, options.apply(new WhileOptions()));
    }

    /** {@code for i in tf.range(n): body(i)} for a body with side effects only. */
    default void forRange(Object n, Consumer<Tensor> body) { forRange(0, n, 1, body); }

    /** {@code for i in tf.range(start, limit, delta): body(i)}. */
    default void forRange(Object start, Object limit, Object delta, Consumer<Tensor> body) {
        ForRange.run(start, limit, delta, null, (i, s) -> {
            body.accept(i);
            return null;
        });
    }

    /** {@code for i in tf.range(n): state = body(i, state)}; returns the final state (a structure of tensors). */
    default <S> S forRange(Object n, S state, BiFunction<Tensor, S, S> body) { return ForRange.run(0, n, 1, state, body); }

    /** {@code for i in tf.range(start, limit, delta): state = body(i, state)}. */
    default <S> S forRange(Object start, Object limit, Object delta, S state, BiFunction<Tensor, S, S> body) {
        return ForRange.run(start, limit, delta, state, body);
    }
}
