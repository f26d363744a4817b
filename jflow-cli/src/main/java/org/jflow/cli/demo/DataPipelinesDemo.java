package org.jflow.cli.demo;

import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.data.Dataset;

import java.util.List;

import static org.jflow.tensorflow.TensorFlow.tf;

/**
 * The data pipeline chapter's transformations (001b's tf.data section): map, flat_map, interleave,
 * filter, zip, concatenate, reduce, batch, padded_batch, window, repeat, shard and take, each printed
 * element by element as the tutorial prints them. Shuffle is seeded here, so its order is TF's own for
 * that seed.
 */
final class DataPipelinesDemo implements Demo {
    @Override
    public String name() { return "data"; }

    @Override
    public String summary() { return "tf.data: the tutorial's map, flat_map, interleave, filter, zip, batch, window... printed as TF prints them"; }

    @Override
    public void run(Transcript t) {
        Dataset<Tensor> words = tf.data.Dataset.fromTensorSlices(new String[] {"hello world", "hello China", "hello Beijing"});
        t.section("map");
        each(t, words.map(x -> tf.strings.split(x, " ")));
        t.section("flat_map");
        each(t, words.flatMap(x -> tf.data.Dataset.fromTensorSlices(tf.strings.<Tensor>split(x, " "))));
        t.section("interleave");
        each(t, words.interleave(x -> tf.data.Dataset.fromTensorSlices(tf.strings.<Tensor>split(x, " ")), 3, 1));
        t.section("filter");
        each(t, words.filter(x -> tf.strings.regexFullMatch(x, ".*[a|B].*")));
        t.section("zip");
        for (Tuple<Object> e : tf.data.Dataset.zip(tf.data.Dataset.range(0, 3), tf.data.Dataset.range(3, 6), tf.data.Dataset.range(6, 9))) {
            t.print(((Tensor) e.get(0)).numpy(), ((Tensor) e.get(1)).numpy(), ((Tensor) e.get(2)).numpy());
        }
        t.section("concatenate");
        each(t, tf.data.Dataset.range(0, 3).concatenate(tf.data.Dataset.range(3, 6)));
        t.section("reduce");
        t.print(org.jflow.format.TensorFormat.repr(tf.data.Dataset.<Tensor>fromTensorSlices(new float[] {1, 2, 3, 4, 5})
                .reduce(0.0f, (Tensor s, Tensor x) -> tf.add(s, x))));
        t.section("batch");
        each(t, tf.data.Dataset.range(12).batch(4));
        t.section("padded_batch");
        List<int[]> elements = List.of(new int[] {1, 2}, new int[] {3, 4, 5}, new int[] {6, 7}, new int[] {8});
        each(t, tf.data.Dataset.<Tensor>fromGenerator(elements::iterator, tf.int32).paddedBatch(2, new int[] {4}, null, false));
        t.section("window");
        each(t, tf.data.Dataset.range(12).window(3, 1).flatMap(w -> w.batch(3, true)));
        t.section("shuffle (seed 42)");
        each(t, tf.data.Dataset.range(12).shuffle(5, 42L, true));
        t.section("repeat");
        each(t, tf.data.Dataset.range(3).repeat(3));
        t.section("shard");
        each(t, tf.data.Dataset.range(12).shard(3, 1));
        t.section("take");
        t.print(tf.data.Dataset.range(12).take(3).toList().stream().map(Tensor::numpy).toList());
    }

    private static void each(Transcript t, Dataset<?> ds) {
        for (Object e : ds) t.print(e);
    }
}
