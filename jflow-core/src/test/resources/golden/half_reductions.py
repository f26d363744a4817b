"""Golden values for HalfReductionTest: tf.reduce_sum, tf.reduce_mean and tf.math.reduce_euclidean_norm of float16 and bfloat16 tensors along
one axis (inner, outer and middle; results of at most 4096 elements) in TF 2.21, bit for bit. Element i of an input is the float32
(s % 2048) / 2048 ("uniform") or (s % 4096 - 2048) / 256 ("signed"), s = ((i * 2654435761 + 12345) mod 2^32) >> 12,
cast to the dtype; results are the dtype's 16-bit patterns as hex, four digits per element.
Run: python half_reductions.py > half_reductions.json"""
import json

import numpy as np
import tensorflow as tf

tf.config.threading.set_intra_op_parallelism_threads(2)


def values(n, dist):
    s = ((np.arange(n, dtype=np.uint64) * np.uint64(2654435761) + np.uint64(12345)) % np.uint64(2 ** 32)) >> np.uint64(12)
    v = (s % 2048) / 2048.0 if dist == "uniform" else ((s % 4096).astype(np.float64) - 2048) / 256.0
    return v.astype(np.float32)


def hexbits(t):
    return tf.bitcast(t, tf.uint16).numpy().ravel().astype(">u2").tobytes().hex()


CASES = {}
for shape in [(300, 70), (70, 300), (9, 1000), (1000, 9), (20, 30, 40), (4, 4096), (2, 20000), (20000, 2), (5000,), (300000,)]:
    for dist in ["uniform", "signed"]:
        v = values(int(np.prod(shape)), dist).reshape(shape)
        for dtype in [tf.float16, tf.bfloat16]:
            x = tf.cast(tf.constant(v), dtype)
            for axis in range(len(shape)):
                if np.prod(shape) // shape[axis] > 4096:
                    continue
                CASES[f"{dtype.name}_{'x'.join(map(str, shape))}_{dist}_axis{axis}"] = {
                    "dtype": dtype.name, "shape": list(shape), "dist": dist, "axis": axis,
                    "sum": hexbits(tf.reduce_sum(x, axis=axis)), "mean": hexbits(tf.reduce_mean(x, axis=axis)),
                    "norm": hexbits(tf.math.reduce_euclidean_norm(x, axis=axis))}
print(json.dumps(CASES))
