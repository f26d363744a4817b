"""Golden values for RaggedTensorTest and EyeTest: tf.strings.split of a vector as a RaggedTensor
(printing, shape, to_list) and tf.eye with batch_shape, in TF 2.21. Run: python ragged_and_eye.py > ragged_and_eye.json"""
import json

import tensorflow as tf

words = tf.strings.split(tf.constant(["hello world", "", "a b c"]))
numbers = tf.RaggedTensor.from_row_splits(tf.constant([1.5, 2.0, 0.1]), [0, 2, 2, 3])
ints = tf.RaggedTensor.from_row_splits(tf.constant([1, 2, 3]), [0, 1, 3])
batch = tf.eye(2, batch_shape=[3])
wide = tf.eye(2, 3, batch_shape=[2, 1], dtype=tf.int32)
print(json.dumps({
    "split_str": str(words),
    "split_repr": repr(words),
    "split_shape": str(words.shape),
    "split_row_splits": words.row_splits.numpy().tolist(),
    "split_to_list": [[w.decode() for w in row] for row in words.to_list()],
    "floats_str": str(numbers),
    "ints_str": str(ints),
    "eye_batch_shape": batch.shape.as_list(),
    "eye_batch": batch.numpy().ravel().tolist(),
    "eye_wide_batch_shape": wide.shape.as_list(),
    "eye_wide_batch": wide.numpy().ravel().tolist(),
    "eye_wide_batch_dtype": wide.dtype.name,
}, indent=1))
