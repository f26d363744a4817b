"""Golden values for TanCrossErrorsTest: TF 2.21's eager errors for tf.math.tan of an int32 tensor (the dtype is not
in Tan's allowed list) and for tf.linalg.cross of bad shapes and dtypes: class and message, less the
"{{function_node ...}} " prefix and the " name: " suffix Python adds (JFlow's text, like TF's, ends at [Op:X]).
Run: python tan_cross_errors.py > tan_cross_errors.json"""
import json
import re

import tensorflow as tf


def error(f):
    try:
        f()
    except Exception as e:
        message = re.sub(r"^\{\{function_node [^}]*\}\} ", "", str(e))
        return {"error": type(e).__name__, "message": re.sub(r" name: $", "", message)}
    raise AssertionError("no error")


print(json.dumps({
    "tan_int32": error(lambda: tf.math.tan(tf.constant([1, 2]))),
    "cross_two_elements": error(lambda: tf.linalg.cross(tf.constant([1., 2.]), tf.constant([3., 4.]))),
    "cross_shapes_differ": error(lambda: tf.linalg.cross(tf.constant([1., 2., 3.]), tf.constant([3., 4., 5., 6.]))),
    "cross_ranks_differ": error(lambda: tf.linalg.cross(tf.constant([[1., 2., 3.]]), tf.constant([3., 4., 5.]))),
    "cross_scalar": error(lambda: tf.linalg.cross(tf.constant(1.), tf.constant(2.))),
    "cross_bool": error(lambda: tf.linalg.cross(tf.constant([True, False, True]), tf.constant([True, False, True]))),
    "cross_dtypes_differ": error(lambda: tf.linalg.cross(tf.constant([1., 2., 3.]), tf.constant([1, 2, 3]))),
}, indent=1))
