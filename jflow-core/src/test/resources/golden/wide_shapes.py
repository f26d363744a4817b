"""Golden values for WideShapeTest: TF 2.21 creates empty tensors whose shape has a dim past 2**31 - 1
(tf.zeros([2**32 + 5, 0])): their shape, size, repr and str; a shape of more than 2**63 - 1 elements is its
InvalidArgumentError (text less the "{{function_node ...}} " prefix and " name: " suffix).
Run: python wide_shapes.py > wide_shapes.json"""
import json
import re

import tensorflow as tf


def describe(t):
    return {"shape": str(t.shape), "size": int(tf.size(t, out_type=tf.int64).numpy()), "repr": repr(t), "str": str(t),
            "dtype": t.dtype.name}


def error(f):
    try:
        f()
    except Exception as e:
        message = re.sub(r"^\{\{function_node [^}]*\}\} ", "", str(e))
        return {"error": type(e).__name__, "message": re.sub(r" name: $", "", message)}
    raise AssertionError("no error")


print(json.dumps({
    "zeros_wide_rows": describe(tf.zeros([2 ** 32 + 5, 0])),
    "ones_wide_cols": describe(tf.ones([0, 2 ** 40], tf.int32)),
    "fill_three_dims": describe(tf.fill([3, 2 ** 31, 0], 1.5)),
    "zeros_overflow": error(lambda: tf.zeros([2 ** 62, 4])),
}, indent=1))
