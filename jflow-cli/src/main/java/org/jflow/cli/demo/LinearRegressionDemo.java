package org.jflow.cli.demo;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;

import java.util.List;
import java.util.Random;

import static org.jflow.tensorflow.TensorFlow.tf;
import static org.jflow.cli.demo.PrintBar.printbar;

/**
 * The low-level API linear regression (001a 4.5): 400 noisy points of y = 2*x1 - 3*x2 + 3, a model
 * of raw variables, the gradients from tf.GradientTape and plain gradient descent (lr 0.001,
 * batch 10) for 200 epochs, which recovers w and b; then, as the tutorial's Autograph part, 200
 * more epochs from the trained state with the train step as one {@code tf.function}.
 */
final class LinearRegressionDemo implements Demo {
    static final int EPOCHS = 200;

    private final long seed;

    LinearRegressionDemo() { this(42); }

    LinearRegressionDemo(long seed) { this.seed = seed; }

    @Override
    public String name() { return "linear-regression"; }

    @Override
    public String summary() { return "linear regression from scratch: tf.random data, GradientTape, gradient descent"; }

    /** {@code x@w + b} with its loss {@code mean((y_true - y_pred)**2/2)}. */
    private record LinearRegression(Variable w, Variable b) {
        Tensor call(Tensor x) { return x.matmul(w).add(b); }

        Tensor lossFunc(Tensor yTrue, Tensor yPred) { return tf.reduceMean(yTrue.sub(yPred).pow(2).div(2)); }
    }

    @Override
    public void run(Transcript t) {
        tf.random.setSeed(seed);
        Random npRandom = new Random(seed);

        t.section("Data");
        int n = 400;
        Tensor X = tf.random.uniform(new int[] {n, 2}, -10, 10);
        Tensor w0 = tf.constant(new float[][] {{2.0f}, {-3.0f}});
        Tensor b0 = tf.constant(new float[][] {{3.0f}});
        Tensor Y = X.matmul(w0).add(b0).add(tf.random.normal(new int[] {n, 1}, 0.0, 2.0)); // @ is matmul, plus noise

        DataIter.Batch first = new DataIter(X, Y, 8, npRandom).next();
        t.print(first.features());
        t.print(first.labels());

        t.section("Model");
        Variable w = tf.Variable(tf.random.normal(w0.shape()));
        Variable b = tf.Variable(tf.zerosLike(b0, tf.float32));
        LinearRegression model = new LinearRegression(w, b);

        t.section("Training");
        DataIter.Batch test = new DataIter(X, Y, 10, npRandom).next();
        t.print(trainStep(model, test.features(), test.labels()).repr());

        DataIter dataIter = new DataIter(X, Y, 10, npRandom);
        train(t, model, dataIter, (f, l) -> trainStep(model, f, l));

        t.section("Autograph");
        var tracedStep = tf.function((Tensor features, Tensor labels) -> trainStep(model, features, labels));
        train(t, model, dataIter, tracedStep::call);
    }

    private static void train(Transcript t, LinearRegression model, DataIter dataIter, java.util.function.BinaryOperator<Tensor> step) {
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            Tensor loss = null;
            for (DataIter.Batch batch : dataIter.batches()) loss = step.apply(batch.features(), batch.labels());
            if (epoch % 50 == 0) {
                printbar(t);
                t.tfPrint("epoch =", tf.constant(epoch), "loss = ", loss);
                t.tfPrint("w =", model.w());
                t.tfPrint("b =", model.b());
            }
        }
    }

    private static Tensor trainStep(LinearRegression model, Tensor features, Tensor labels) {
        GradientTape tape = tf.GradientTape();
        Tensor loss;
        try (tape) {
            Tensor predictions = model.call(features);
            loss = model.lossFunc(labels, predictions);
        }
        // backpropagation, then gradient descent on the parameters
        List<Tensor> grads = tape.gradient(loss, List.of(model.w(), model.b()));
        Tensor dlossDw = grads.get(0), dlossDb = grads.get(1);
        model.w().assign(model.w().sub(tf.multiply(0.001f, dlossDw)));
        model.b().assign(model.b().sub(tf.multiply(0.001f, dlossDb)));
        return loss;
    }
}
