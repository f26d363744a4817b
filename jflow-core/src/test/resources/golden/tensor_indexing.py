"""Golden values for TensorIndexTest: x[i] with a scalar int tensor i, eagerly and inside tf.function
(a tf.range loop counter), in TF 2.21. Run: python tensor_indexing.py > tensor_indexing.json"""
import json

import tensorflow as tf

x = tf.constant([[1., 2., 3.], [4., 5., 6.]])


@tf.function
def row_sums(x):
    acc = tf.constant(0.)
    for i in tf.range(2):
        acc += tf.reduce_sum(x[i]) * tf.cast(i + 1, tf.float32)
    return acc


@tf.function
def picks(x, i):
    return x[i], x[:, i], x[-1, i]


def error(f):
    try:
        f()
    except Exception as e:  # the type and message TF raises
        return {"type": type(e).__name__, "message": str(e)}


traced = picks(x, tf.constant(-1))
print(json.dumps({
    "row_1": x[tf.constant(1)].numpy().tolist(),
    "row_minus_1": x[tf.constant(-1)].numpy().tolist(),
    "column_2": x[:, tf.constant(2)].numpy().tolist(),
    "int64_row_1_column_0": float(x[tf.constant(1, tf.int64), 0]),
    "loop_weighted_row_sums": float(row_sums(x)),
    "traced_row": traced[0].numpy().tolist(),
    "traced_column": traced[1].numpy().tolist(),
    "traced_point": float(traced[2]),
    "float_index_error": error(lambda: x[tf.constant(1.0)]),
}, indent=1))
