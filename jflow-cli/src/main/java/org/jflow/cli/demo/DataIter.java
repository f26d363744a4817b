package org.jflow.cli.demo;

import org.jflow.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.jflow.tensorflow.TensorFlow.tf;

/**
 * The low-level tutorials' {@code data_iter(features, labels, batch_size)} generator: the row
 * indices shuffled ({@code np.random.shuffle}, here a seeded {@link Random}), then one
 * {@code tf.gather} of features and labels per batch.
 */
record DataIter(Tensor features, Tensor labels, int batchSize, Random random) {
    record Batch(Tensor features, Tensor labels) {}

    /** One epoch: every example once, in a fresh random order. */
    List<Batch> batches() {
        int numExamples = features.shape().get(0);
        List<Integer> indices = new ArrayList<>(numExamples);
        for (int i = 0; i < numExamples; i++) indices.add(i);
        Collections.shuffle(indices, random);
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < numExamples; i += batchSize) {
            int[] indexs = indices.subList(i, Math.min(i + batchSize, numExamples)).stream().mapToInt(Integer::intValue).toArray();
            batches.add(new Batch(tf.gather(features, indexs), tf.gather(labels, indexs)));
        }
        return batches;
    }

    /** {@code next(data_iter(...))}: the first batch of a fresh epoch. */
    Batch next() { return batches().getFirst(); }
}
