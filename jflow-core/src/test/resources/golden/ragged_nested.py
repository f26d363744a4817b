"""Golden values for RaggedNestedTest: tf.RaggedTensor with several ragged dimensions in TF 2.21 (built by
from_nested_row_splits, from_row_splits of a ragged tensor, and tf.strings.split / unicode_decode of rank-2 and
rank-3 inputs, whose outer dimensions are uniform): repr, shape, ragged_rank, to_list, to_tensor, flat_values,
nested_row_splits, and from_row_splits' validation errors.
Run: python ragged_nested.py > ragged_nested.json"""
import json

import tensorflow as tf


def plain(v):
    if isinstance(v, bytes):
        return v.decode()
    if isinstance(v, list):
        return [plain(e) for e in v]
    return v


def describe(r):
    t = r.to_tensor()
    return {"repr": repr(r), "shape": str(r.shape), "ragged_rank": r.ragged_rank, "to_list": plain(r.to_list()),
            "to_tensor": plain(t.numpy().ravel().tolist()), "to_tensor_shape": t.shape.as_list(),
            "flat_values": plain(r.flat_values.numpy().ravel().tolist()),
            "nested_row_splits": [s.numpy().tolist() for s in r.nested_row_splits]}


def describe_without_tensor(r):
    return {"repr": repr(r), "shape": str(r.shape), "ragged_rank": r.ragged_rank, "to_list": plain(r.to_list()),
            "flat_values": plain(r.flat_values.numpy().ravel().tolist()),
            "nested_row_splits": [s.numpy().tolist() for s in r.nested_row_splits]}


def error(f):
    try:
        f()
    except Exception as e:
        return {"error": type(e).__name__, "message": str(e)}
    raise AssertionError("no error")


CASES = {
    "nested_ints": describe(tf.RaggedTensor.from_nested_row_splits([1, 2, 3, 4, 5], [[0, 2, 3], [0, 2, 2, 5]])),
    "nested_uniform_outer": describe(tf.RaggedTensor.from_nested_row_splits([1, 2, 3, 4, 5, 6], [[0, 2, 4], [0, 1, 2, 4, 6]])),
    "nested_all_uniform": describe(tf.RaggedTensor.from_nested_row_splits([1, 2, 3, 4, 5, 6, 7, 8], [[0, 2, 4], [0, 2, 4, 6, 8]])),
    "nested_floats": describe(tf.RaggedTensor.from_nested_row_splits(tf.constant([1.5, 2., 0.1], tf.float32), [[0, 1, 3], [0, 2, 2, 3]])),
    "three_levels": describe(tf.RaggedTensor.from_nested_row_splits([1, 2, 3, 4], [[0, 1, 2], [0, 2, 3], [0, 1, 3, 4]])),
    "empty_inner": describe(tf.RaggedTensor.from_nested_row_splits(tf.constant([], tf.int32), [[0, 2, 3], [0, 0, 0, 0]])),
    "empty_outer": describe(tf.RaggedTensor.from_nested_row_splits(tf.constant([], tf.int32), [[0, 0, 0], [0]])),
    "matrix_values": describe(tf.RaggedTensor.from_nested_row_splits(tf.constant([[1, 2], [3, 4], [5, 6]]), [[0, 2, 3]])),
    "matrix_values_nested": describe(tf.RaggedTensor.from_nested_row_splits(tf.constant([[1, 2], [3, 4], [5, 6]]), [[0, 1, 2], [0, 2, 3]])),
    "long_rows": describe(tf.RaggedTensor.from_nested_row_splits(tf.range(60), [[0, 3, 7, 12], list(range(0, 61, 5))])),
    "row_splits_of_ragged": describe(tf.RaggedTensor.from_row_splits(
        tf.RaggedTensor.from_row_splits([1, 2, 3, 4, 5], [0, 2, 2, 5]), [0, 1, 3])),
    "split_rank2": describe(tf.strings.split(tf.constant([["a b", "c"], ["d e f", ""]]))),
    "split_rank2_three_rows": describe(tf.strings.split(tf.constant([["a b", "c"], ["d e f", ""], ["x", "y z"]]))),
    "split_rank3": describe(tf.strings.split(tf.constant([[["a b", "c"], ["d", ""]], [["e", "f g h"], ["i", "j"]]]))),
    "split_empty_columns": describe(tf.strings.split(tf.reshape(tf.constant([], tf.string), [2, 0]))),
    # TF's to_tensor of this one fails on its own static shape, so it is left out
    "split_no_rows": describe_without_tensor(tf.strings.split(tf.reshape(tf.constant([], tf.string), [0, 3]))),
    "decode_rank2": describe(tf.strings.unicode_decode(tf.constant([["hé", "x"], ["", "ab"]]), "UTF-8")),
    "error_zero": error(lambda: tf.RaggedTensor.from_row_splits([1, 2, 3], [1, 3])),
    "error_monotonic": error(lambda: tf.RaggedTensor.from_row_splits([1, 2, 3], [0, 3, 2, 3])),
    "error_monotonic_long": error(lambda: tf.RaggedTensor.from_row_splits([1, 2, 3], [0, 3, 2, 3, 3, 1, 2, 3, 3])),
    "error_nvals": error(lambda: tf.RaggedTensor.from_row_splits([1, 2, 3], [0, 2])),
    "error_empty": error(lambda: tf.RaggedTensor.from_row_splits([1, 2, 3], [])),
}
print(json.dumps(CASES, indent=1, ensure_ascii=False))
