package org.jflow.cli.demo;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;

import java.util.Locale;

import static org.jflow.tensorflow.TensorFlow.tf;

/**
 * Solving {@code 3*X = 6} by descending the gradient of {@code |A*X - B|} from X = 20, line by line
 * as the tutorial writes it: the gradient is {@code A*sign(A*X - B)}, so X falls by 3 a step and
 * stops at 2, where sign(0) = 0.
 */
final class AbsEquationDemo implements Demo {
    @Override
    public String name() { return "abs-equation"; }

    @Override
    public String summary() { return "3*X = 6 by gradient descent on |A*X - B| with tf.GradientTape"; }

    @Override
    public void run(Transcript t) {
        t.note("A, B = tf.constant(3.0), tf.constant(6.0); X = tf.Variable(20.0)");
        Tensor a = tf.constant(3.0f), b = tf.constant(6.0f);
        Variable x = tf.Variable(20.0f);
        t.note("for i in range(7): train_step()   # prints X and dX, then X.assign(X - dX)");
        for (int i = 0; i < 7; i++) trainStep(t, a, b, x);
    }

    private static void trainStep(Transcript t, Tensor a, Tensor b, Variable x) {
        GradientTape tape = tf.GradientTape();
        Tensor loss;
        try (tape) {
            loss = tf.math.abs(tf.subtract(tf.multiply(a, x), b));
        }
        Tensor dX = tape.gradient(loss, x);
        // Python's '{:.2f}' and '{:2f}' (width 2, precision 6)
        t.print(String.format(Locale.ROOT, "X = %.2f, dX = %2f", x.value().floatValue(), dX.floatValue()));
        x.assign(tf.subtract(x, dX));
    }
}
