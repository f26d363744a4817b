"""Golden values for ErrorTextTest: TF 2.21's error type and message for bad calls. JFlow raises the
message as TF's eager op error shows it without the "{{function_node ...}} " prefix and the
" name: ..." suffix, which the script strips. Run with oneDNN off (its kernels are named _Mkl...):
TF_ENABLE_ONEDNN_OPTS=0 python error_texts.py > error_texts.json"""
import json
import re

import tensorflow as tf


def error(f):
    try:
        f()
    except Exception as e:  # the type and message TF raises
        message = re.sub(r"^\{\{function_node [^}]*\}\} ", "", str(e))
        return {"type": type(e).__name__, "message": re.sub(r" name: .*$", "", message)}
    raise AssertionError("no error")


cases = {
    "add_n_shapes": lambda: tf.add_n([tf.ones([2]), tf.ones([3])]),
    "reflect_padding": lambda: tf.pad(tf.ones([3]), [[3, 3]], "REFLECT"),
    "symmetric_padding": lambda: tf.pad(tf.ones([3]), [[4, 0]], "SYMMETRIC"),
    "relu_bool": lambda: tf.nn.relu(tf.constant([True])),
    "relu6_bool": lambda: tf.nn.relu6(tf.constant([True])),
    "elu_bool": lambda: tf.nn.elu(tf.constant([True])),
    "leaky_relu_bool": lambda: tf.nn.leaky_relu(tf.constant([True])),
    "softmax_int": lambda: tf.nn.softmax(tf.constant([1, 2])),
    "log_softmax_int": lambda: tf.nn.log_softmax(tf.constant([1, 2])),
    "sum_string": lambda: tf.reduce_sum(tf.constant(["a"])),
    "mean_bool": lambda: tf.reduce_mean(tf.constant([True])),
    "max_string": lambda: tf.reduce_max(tf.constant(["a"])),
    "fill_vector_value": lambda: tf.fill([2], [1, 2]),
    "index_scalar": lambda: tf.constant(1)[0],
    "eye_negative_rows": lambda: tf.eye(-1),
    "eye_negative_columns": lambda: tf.eye(2, -1),
    "broadcast_to_incompatible": lambda: tf.broadcast_to(tf.ones([3]), [2, 2]),
    "broadcast_to_rank": lambda: tf.broadcast_to(tf.ones([2, 3]), [3]),
    "broadcast_to_smaller": lambda: tf.broadcast_to(tf.ones([3]), [1]),
    "batch_matmul_sizes": lambda: tf.matmul(tf.ones([2, 3, 4]), tf.ones([2, 5, 4])),
    "batch_matmul_batch_dims": lambda: tf.matmul(tf.ones([2, 3, 4]), tf.ones([3, 4, 5])),
    "batch_matmul_int8": lambda: tf.matmul(tf.ones([2, 2, 2], tf.int8), tf.ones([2, 2, 2], tf.int8)),
    "batch_matmul_bool": lambda: tf.matmul(tf.ones([2, 2, 2], tf.bool), tf.ones([2, 2, 2], tf.bool)),
}
print(json.dumps({k: error(f) for k, f in cases.items()}, indent=1))
