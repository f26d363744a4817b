"""Golden values for NumpyStringTest: NumPy's str of x.numpy() for TF 2.21 tensors (what
Tensor.numpyString() returns). Run: python numpy_string.py > numpy_string.json"""
import json

import numpy as np
import tensorflow as tf

cases = {
    "float_matrix": tf.constant([[1., 2.], [3., 4.]]),
    "int_vector": tf.constant([1, 2, 3]),
    "bool_vector": tf.constant([True, False]),
    "string_vector": tf.constant(["a", "bc"]),
    "float64_fractions": tf.constant([0.1, 1 / 3], tf.float64),
    "float_cube": tf.reshape(tf.range(8, dtype=tf.float32) / 4, [2, 2, 2]),
    "long_vector": tf.range(2000),
    "float_scalar": tf.constant(1.5),
    "int_scalar": tf.constant(7),
}
print(json.dumps({k: str(v.numpy()) for k, v in cases.items()} | {"numpy": np.__version__}, indent=1))
