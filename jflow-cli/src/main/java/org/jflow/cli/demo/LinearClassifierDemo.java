package org.jflow.cli.demo;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;

import java.util.List;
import java.util.Locale;

import static org.jflow.tensorflow.TensorFlow.tf;

/**
 * Chollet's linear classifier in pure TensorFlow (Deep Learning with Python, ch. 3): two Gaussian
 * point clouds, an affine model {@code inputs @ W + b} fit to 0/1 targets by full-batch gradient
 * descent on the mean squared error, 40 steps of learning rate 0.1.
 */
final class LinearClassifierDemo implements Demo {
    private final long seed;

    LinearClassifierDemo() { this(42); }

    LinearClassifierDemo(long seed) { this.seed = seed; }

    @Override
    public String name() { return "linear-classifier"; }

    @Override
    public String summary() { return "Chollet's two-class linear classifier: GradientTape, full-batch gradient descent"; }

    @Override
    public void run(Transcript t) {
        tf.random.setSeed(seed);
        int numSamplesPerClass = 1000;
        // two elliptic clouds from lower left to upper right: covariance [[1, 0.5], [0.5, 1]], different means
        Tensor negativeSamples = multivariateNormal(new float[] {0, 3}, new float[][] {{1, 0.5f}, {0.5f, 1}}, numSamplesPerClass);
        Tensor positiveSamples = multivariateNormal(new float[] {3, 0}, new float[][] {{1, 0.5f}, {0.5f, 1}}, numSamplesPerClass);
        Tensor inputs = tf.concat(List.of(negativeSamples, positiveSamples), 0);      // (2000, 2)
        Tensor targets = tf.concat(List.of(tf.zeros(numSamplesPerClass, 1), tf.ones(numSamplesPerClass, 1)), 0); // (2000, 1)

        int inputDim = 2, outputDim = 1;
        Variable W = tf.Variable(tf.random.uniform(new int[] {inputDim, outputDim}));
        Variable b = tf.Variable(tf.zeros(outputDim));

        for (int step = 0; step < 40; step++) {
            Tensor loss = trainingStep(W, b, inputs, targets, 0.1f);
            t.print(String.format(Locale.ROOT, "Loss at step %d: %.4f", step, loss.floatValue()));
        }
        Tensor predictions = model(W, b, inputs);

        t.note("the tutorial plots the points coloured by predictions[:, 0] > 0.5; the share that matches the targets:");
        Tensor correct = tf.cast(tf.equal(tf.cast(predictions.gt(0.5f), tf.float32), targets), tf.float32);
        t.print(String.format(Locale.ROOT, "accuracy: %.4f", tf.reduceMean(correct).floatValue()));
    }

    /** {@code np.random.multivariate_normal(mean, cov, size)}: standard normals through cov's Cholesky factor. */
    private static Tensor multivariateNormal(float[] mean, float[][] cov, int size) {
        Tensor l = tf.linalg.cholesky(tf.constant(cov));
        return tf.random.normal(new int[] {size, mean.length}).matmul(tf.transpose(l)).add(mean);
    }

    /** Forward pass. */
    private static Tensor model(Variable W, Variable b, Tensor inputs) { return tf.matmul(inputs, W).add(b); }

    /** Mean squared error. */
    private static Tensor squareLoss(Tensor targets, Tensor predictions) {
        return tf.reduceMean(tf.square(targets.sub(predictions)));
    }

    private static Tensor trainingStep(Variable W, Variable b, Tensor inputs, Tensor targets, float learningRate) {
        GradientTape tape = tf.GradientTape();
        Tensor loss;
        try (tape) { // one forward pass under the tape
            Tensor predictions = model(W, b, inputs);
            loss = squareLoss(targets, predictions);
        }
        List<Tensor> grads = tape.gradient(loss, List.of(W, b));
        Tensor gradLossWrtW = grads.get(0), gradLossWrtB = grads.get(1);
        W.assignSub(gradLossWrtW.mul(learningRate));
        b.assignSub(gradLossWrtB.mul(learningRate));
        return loss;
    }
}
