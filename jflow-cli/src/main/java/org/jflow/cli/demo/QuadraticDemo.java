package org.jflow.cli.demo;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.keras.optimizers.SGD;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.jflow.tensorflow.TensorFlow.tf;

/**
 * The automatic differentiation chapter's {@code f(x) = a*x^2 + b*x + c} (a=1, b=-2, c=1): its
 * derivatives at 0 (with respect to x, to watched constants, the second one), then its minimum with
 * SGD(0.01), first through {@code optimizer.apply_gradients}, then {@code optimizer.minimize}, then
 * the whole loop in one {@code tf.function} (AutoGraph's {@code for _ in tf.range(1000)} is
 * {@code tf.forRange}): 1000 float32 steps from 0 end at x = 0.999998569, where f evaluates to exactly 0.
 */
final class QuadraticDemo implements Demo {
    @Override
    public String name() { return "quadratic"; }

    @Override
    public String summary() { return "derivatives and minimum of a*x^2 + b*x + c: GradientTape, SGD apply_gradients and minimize"; }

    @Override
    public void run(Transcript t) {
        t.section("Derivatives");
        derivatives(t);
        t.section("optimizer.apply_gradients");
        withApplyGradients(t);
        t.section("optimizer.minimize");
        withMinimize(t);
        t.section("tf.function");
        inAFunction(t);
    }

    private static void derivatives(Transcript t) {
        Variable x = tf.Variable(0.0, o -> o.name("x").dtype(tf.float32));
        Tensor a = tf.constant(1.0f), b = tf.constant(-2.0f), c = tf.constant(1.0f);

        GradientTape tape = tf.GradientTape();
        Tensor y;
        try (tape) {
            y = quadratic(a, b, c, x);
        }
        Tensor dyDx = tape.gradient(y, x);
        t.print(dyDx);

        // constants are differentiated too once watched
        GradientTape watching = tf.GradientTape();
        try (watching) {
            watching.watch(List.of(a, b, c));
            y = quadratic(a, b, c, x);
        }
        List<Tensor> grads = watching.gradient(y, List.of(x, a, b, c));
        Tensor dyDa = grads.get(1), dyDc = grads.get(3);
        t.print(dyDa);
        t.print(dyDc);

        // the second derivative: the outer tape records the inner tape's gradient
        GradientTape tape2 = tf.GradientTape();
        try (tape2) {
            GradientTape tape1 = tf.GradientTape();
            try (tape1) {
                y = quadratic(a, b, c, x);
            }
            dyDx = tape1.gradient(y, x);
        }
        Tensor dy2Dx2 = tape2.gradient(dyDx, x);
        t.print(dy2Dx2);

        // @tf.function f(x) returning (dy_dx, y), for a constant x that the tape watches
        var f = tf.function(QuadraticDemo::f);
        t.tfPrint((Object) f.call(tf.constant(0.0f)));
        t.tfPrint((Object) f.call(tf.constant(1.0f)));
    }

    /** {@code a*tf.pow(x,2) + b*x + c}. */
    private static Tensor quadratic(Tensor a, Tensor b, Tensor c, Object x) {
        return tf.add(tf.add(tf.multiply(a, tf.pow(x, 2.0f)), tf.multiply(b, x)), c);
    }

    private static Object[] f(Tensor x) {
        Tensor a = tf.constant(1.0f), b = tf.constant(-2.0f), c = tf.constant(1.0f);
        x = tf.cast(x, tf.float32);
        GradientTape tape = tf.GradientTape();
        Tensor y;
        try (tape) {
            tape.watch(x);
            y = quadratic(a, b, c, x);
        }
        Tensor dyDx = tape.gradient(y, x);
        return new Object[] {dyDx, y};
    }

    private static void withApplyGradients(Transcript t) {
        Variable x = tf.Variable(0.0, o -> o.name("x").dtype(tf.float32));
        Tensor a = tf.constant(1.0f), b = tf.constant(-2.0f), c = tf.constant(1.0f);

        SGD optimizer = tf.keras.optimizers.SGD(0.01);
        Tensor y = null;
        for (int i = 0; i < 1000; i++) {
            GradientTape tape = tf.GradientTape();
            try (tape) {
                y = quadratic(a, b, c, x);
            }
            Tensor dyDx = tape.gradient(y, x);
            optimizer.applyGradients(List.of(Map.entry(dyDx, x)));
        }
        t.tfPrint("y =", y, "; x =", x);
    }

    private static void withMinimize(Transcript t) {
        Variable x = tf.Variable(0.0, o -> o.name("x").dtype(tf.float32));

        // f takes no arguments: minimize calls it under its own tape
        Supplier<Tensor> f = () -> {
            Tensor a = tf.constant(1.0f), b = tf.constant(-2.0f), c = tf.constant(1.0f);
            return quadratic(a, b, c, x);
        };

        SGD optimizer = tf.keras.optimizers.SGD(0.01);
        for (int i = 0; i < 1000; i++) optimizer.minimize(f, List.of(x));

        t.tfPrint("y =", f.get(), "; x =", x);
    }

    private static void inAFunction(Transcript t) {
        Variable x = tf.Variable(0.0, o -> o.name("x").dtype(tf.float32));
        Supplier<Tensor> f = () -> quadratic(tf.constant(1.0f), tf.constant(-2.0f), tf.constant(1.0f), x);
        SGD optimizer = tf.keras.optimizers.SGD(0.01);

        // @tf.function def train(epoch): for _ in tf.range(epoch): optimizer.minimize(f, [x]); return f()
        var train = tf.function((Tensor epoch) -> {
            tf.forRange(epoch, i -> optimizer.minimize(f, List.of(x)));
            return f.get();
        });
        t.tfPrint(train.call(1000));
        t.tfPrint(x);
    }
}
