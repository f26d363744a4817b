package org.jflow.cli.demo;

import org.jflow.GradientTape;
import org.jflow.Module;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.graph.PolymorphicFunction;

import java.util.List;
import java.util.Random;

import static org.jflow.tensorflow.TensorFlow.tf;
import static org.jflow.cli.demo.PrintBar.printbar;

/**
 * The low-level API DNN binary classifier (001a 4.6): positives on a ring of radius 5, negatives on
 * one of radius 8, a 2-4-8-1 network of raw variables, binary cross-entropy written out, and plain
 * gradient descent (lr 0.001, batch 100) with the gradients of tf.GradientTape. As in the
 * tutorial, the model is a {@code tf.Module} whose forward pass is a {@code tf.function} with the
 * input signature {@code [None, 2]}, and the train step is a {@code tf.function} too.
 */
final class DnnClassifierDemo implements Demo {
    private final long seed;
    private final int epochs;

    DnnClassifierDemo() { this(42, 600); }

    DnnClassifierDemo(long seed, int epochs) {
        this.seed = seed;
        this.epochs = epochs;
    }

    @Override
    public String name() { return "dnn-classifier"; }

    @Override
    public String summary() { return "DNN binary classifier from scratch on ring-shaped data: raw variables, GradientTape"; }

    /** The tutorial's {@code DNNModel(tf.Module)}: three dense layers as raw variables. */
    private static final class DNNModel extends Module {
        final Variable w1 = tf.Variable(tf.random.truncatedNormal(new int[] {2, 4}), o -> o.dtype(tf.float32));
        final Variable b1 = tf.Variable(tf.zeros(1, 4), o -> o.dtype(tf.float32));
        final Variable w2 = tf.Variable(tf.random.truncatedNormal(new int[] {4, 8}), o -> o.dtype(tf.float32));
        final Variable b2 = tf.Variable(tf.zeros(1, 8), o -> o.dtype(tf.float32));
        final Variable w3 = tf.Variable(tf.random.truncatedNormal(new int[] {8, 1}), o -> o.dtype(tf.float32));
        final Variable b3 = tf.Variable(tf.zeros(1, 1), o -> o.dtype(tf.float32));

        /** Forward pass: {@code @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32)])}. */
        final PolymorphicFunction<Tensor> call = tf.function((Tensor x) -> {
            x = tf.nn.relu(x.matmul(w1).add(b1));
            x = tf.nn.relu(x.matmul(w2).add(b2));
            return tf.nn.sigmoid(x.matmul(w3).add(b3));
        }, f -> f.inputSignature(tf.TensorSpec(new int[] {-1, 2}, tf.float32)));

        /** Binary cross-entropy, predictions kept within [1e-7, 1 - 1e-7] to avoid log(0). */
        Tensor lossFunc(Tensor yTrue, Tensor yPred) {
            float eps = 1e-7f;
            yPred = tf.clipByValue(yPred, eps, 1.0f - eps);
            Tensor bce = yTrue.neg().mul(tf.math.log(yPred)).sub(tf.subtract(1, yTrue).mul(tf.math.log(tf.subtract(1, yPred))));
            return tf.reduceMean(bce);
        }

        /** Accuracy. */
        Tensor metricFunc(Tensor yTrue, Tensor yPred) {
            yPred = tf.where(yPred.gt(0.5f), tf.onesLike(yPred, tf.float32), tf.zerosLike(yPred, tf.float32));
            return tf.reduceMean(tf.subtract(1, tf.abs(yTrue.sub(yPred))));
        }
    }

    @Override
    public void run(Transcript t) {
        tf.random.setSeed(seed);
        Random npRandom = new Random(seed);

        t.section("Data");
        int nPositive = 2000, nNegative = 2000;
        // positives on the small ring
        Tensor rP = tf.add(5.0f, tf.random.truncatedNormal(new int[] {nPositive, 1}, 0.0, 1.0));
        Tensor thetaP = tf.random.uniform(new int[] {nPositive, 1}, 0.0, 2 * Math.PI);
        Tensor Xp = tf.concat(List.of(rP.mul(tf.cos(thetaP)), rP.mul(tf.sin(thetaP))), 1);
        Tensor Yp = tf.onesLike(rP);
        // negatives on the big ring
        Tensor rN = tf.add(8.0f, tf.random.truncatedNormal(new int[] {nNegative, 1}, 0.0, 1.0));
        Tensor thetaN = tf.random.uniform(new int[] {nNegative, 1}, 0.0, 2 * Math.PI);
        Tensor Xn = tf.concat(List.of(rN.mul(tf.cos(thetaN)), rN.mul(tf.sin(thetaN))), 1);
        Tensor Yn = tf.zerosLike(rN);
        Tensor X = tf.concat(List.of(Xp, Xn), 0);
        Tensor Y = tf.concat(List.of(Yp, Yn), 0);

        DataIter.Batch first = new DataIter(X, Y, 10, npRandom).next();
        t.print(first.features());
        t.print(first.labels());

        t.section("Model");
        DNNModel model = new DNNModel();
        DataIter.Batch test = new DataIter(X, Y, 10, npRandom).next();
        Tensor predictions = model.call.call(test.features());
        t.tfPrint("init loss:", model.lossFunc(test.labels(), predictions));
        t.tfPrint("init metric", model.metricFunc(test.labels(), predictions));
        t.print(model.trainableVariables().size());

        t.section("Training");
        DataIter dataIter = new DataIter(X, Y, 100, npRandom);
        var trainStep = tf.function((Tensor features, Tensor labels) -> trainStep(model, features, labels));
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Tensor[] lossAndMetric = null;
            for (DataIter.Batch batch : dataIter.batches()) lossAndMetric = trainStep.call(batch.features(), batch.labels());
            if (epoch % 100 == 0) {
                printbar(t);
                t.tfPrint("epoch =", tf.constant(epoch), "loss = ", lossAndMetric[0], "accuracy = ", lossAndMetric[1]);
            }
        }
    }

    private static Tensor[] trainStep(DNNModel model, Tensor features, Tensor labels) {
        GradientTape tape = tf.GradientTape();
        Tensor predictions, loss;
        try (tape) {
            predictions = model.call.call(features);
            loss = model.lossFunc(labels, predictions);
        }
        List<Tensor> grads = tape.gradient(loss, model.trainableVariables());
        // gradient descent
        for (int i = 0; i < grads.size(); i++) {
            Variable p = model.trainableVariables().get(i);
            p.assign(p.sub(tf.multiply(0.001f, grads.get(i))));
        }
        Tensor metric = model.metricFunc(labels, predictions);
        return new Tensor[] {loss, metric};
    }
}
