package org.jflow.data;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.TensorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad pipelines raise TF's exception class with TF's first message line ({@code golden/errors.py}). */
class DatasetErrorsTest {
    private static final Golden GOLDEN = Golden.load("errors");

    private static void check(String name, Executable pipeline) {
        Map<String, Object> expected = GOLDEN.map(name);
        Throwable e = assertThrows(Throwable.class, pipeline, name);
        assertEquals(expected.get("class"), e.getClass().getSimpleName(), name + ": " + e);
        String first = e.getMessage().split("\n")[0];
        assertEquals(expected.get("message"), first, name);
    }

    private static void iterate(Dataset<?> ds) {
        for (Object ignored : ds) { /* pulls every element */ }
    }

    @Test
    void elementsThatDoNotFit() {
        TensorSpec vector = new TensorSpec(DType.INT32, Shape.of(-1));
        List<int[]> ragged = List.of(new int[] {1, 2}, new int[] {3, 4, 5});
        check("batch_different_shapes", () -> iterate(Dataset.fromGenerator(ragged::iterator, vector).batch(2)));
        check("generator_wrong_shape", () -> iterate(Dataset.fromGenerator(List.of(new int[] {1, 2, 3})::iterator,
                new TensorSpec(DType.INT32, Shape.of(2)))));
        check("padded_smaller", () -> iterate(Dataset.fromGenerator(List.of(new int[] {1, 2, 3})::iterator, vector)
                .paddedBatch(1, new int[] {2}, null, false)));
        check("slices_unequal", () -> Dataset.fromTensorSlices(new int[] {1, 2}, new int[] {1, 2, 3}));
        check("slices_scalar", () -> Dataset.fromTensorSlices(tf.constant(1)));
        check("concatenate_incompatible", () -> Dataset.range(3).concatenate(
                Dataset.fromTensorSlices(new String[] {"a"})));
        check("filter_not_bool", () -> Dataset.range(3).filter(x -> x));
    }

    @Test
    void badArguments() {
        check("shard_bad_index", () -> Dataset.range(3).shard(2, 2));
        check("window_zero_size", () -> iterate(Dataset.range(3).window(0)));
        check("range_zero_step", () -> Dataset.range(0, 3, 0));
        check("batch_zero", () -> iterate(Dataset.range(3).batch(0)));
        check("shuffle_zero_buffer", () -> iterate(Dataset.range(3).shuffle(0)));
    }

    @Test
    void moreTransformations() {
        check("unique_float", () -> Dataset.fromTensorSlices(new float[] {1, 2}).unique());
        check("choose_invalid_index", () -> iterate(Dataset.chooseFromDatasets(List.of(Dataset.range(3)),
                Dataset.fromTensorSlices(new long[] {0, 4}))));
        check("bucket_sizes_mismatch", () -> Dataset.range(3).bucketBySequenceLength(x -> x, new int[] {2}, new int[] {1}));
    }

    @Test
    void missingFiles() {
        check("list_files_no_match", () -> Dataset.listFiles("/nonexistent-jflow/*.csv"));
        check("text_line_missing_file", () -> iterate(new TextLineDataset("/nonexistent-jflow/a.csv")));
    }

    @Test
    void errorsInsideAMapReachTheConsumerThroughParallelismAndPrefetch() {
        Tensor table = tf.constant(new int[] {10, 11, 12, 13, 14});
        Dataset<Tensor> ds = Dataset.range(10).map(x -> tf.gather(table, x), 3).prefetch(2);
        var it = ds.iterator();
        for (int i = 0; i < 5; i++) it.next();
        assertThrows(org.jflow.errors.InvalidArgumentError.class, it::next);
    }
}
