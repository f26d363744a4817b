"""Golden errors for DatasetErrorsTest: the exception class and message TF 2.21 gives for bad
pipelines. Run from this folder: python errors.py > errors.json"""
import json
import re

import tensorflow as tf

cases = {}


def record(name, fn):
    try:
        fn()
        cases[name] = None
    except Exception as e:  # noqa: BLE001 - the class and text are what we record
        # the first line, without eager TF's "{{function_node ...}} " prefix and " [Op:...]" suffix
        first = re.sub(r"^\{\{function_node [^}]*\}\} ", "", str(e).split("\n")[0]).split(" [Op:")[0]
        cases[name] = {"class": type(e).__name__, "message": first}


def iterate(ds):
    for _ in ds:
        pass


record("batch_different_shapes", lambda: iterate(tf.data.Dataset.from_generator(
    lambda: iter([[1, 2], [3, 4, 5]]), output_signature=tf.TensorSpec([None], tf.int32)).batch(2)))
record("generator_wrong_shape", lambda: iterate(tf.data.Dataset.from_generator(
    lambda: iter([[1, 2, 3]]), output_signature=tf.TensorSpec([2], tf.int32))))
record("list_files_no_match", lambda: tf.data.Dataset.list_files("/nonexistent-jflow/*.csv"))
record("text_line_missing_file", lambda: iterate(tf.data.TextLineDataset("/nonexistent-jflow/a.csv")))
record("filter_not_bool", lambda: tf.data.Dataset.range(3).filter(lambda x: x))
record("shard_bad_index", lambda: tf.data.Dataset.range(3).shard(2, 2))
record("window_zero_size", lambda: iterate(tf.data.Dataset.range(3).window(0)))
record("range_zero_step", lambda: tf.data.Dataset.range(0, 3, 0))
record("batch_zero", lambda: iterate(tf.data.Dataset.range(3).batch(0)))
record("shuffle_zero_buffer", lambda: iterate(tf.data.Dataset.range(3).shuffle(0)))
record("slices_unequal", lambda: tf.data.Dataset.from_tensor_slices(([1, 2], [1, 2, 3])))
record("slices_scalar", lambda: tf.data.Dataset.from_tensor_slices(tf.constant(1)))
record("padded_smaller", lambda: iterate(tf.data.Dataset.from_generator(
    lambda: iter([[1, 2, 3]]), output_signature=tf.TensorSpec([None], tf.int32)).padded_batch(1, padded_shapes=[2])))
record("concatenate_incompatible", lambda: tf.data.Dataset.range(3).concatenate(
    tf.data.Dataset.from_tensor_slices(["a"])))
record("unique_float", lambda: tf.data.Dataset.from_tensor_slices([1.0, 2.0]).unique())
record("choose_invalid_index", lambda: iterate(tf.data.Dataset.choose_from_datasets(
    [tf.data.Dataset.range(3)], tf.data.Dataset.from_tensor_slices(tf.constant([0, 4], tf.int64)))))
record("bucket_sizes_mismatch", lambda: tf.data.Dataset.range(3).bucket_by_sequence_length(
    lambda x: x, bucket_boundaries=[2], bucket_batch_sizes=[1]))
print(json.dumps(cases, indent=1))
