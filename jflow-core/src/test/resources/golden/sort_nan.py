"""Golden values for SortNaNTest: tf.sort, tf.argsort and tf.math.top_k of rows holding NaN in TF 2.21,
whose CPU TopKV2 orders a whole row with std::sort under x[b] < x[a] (NaN lands where that sort's steps
put it) and smaller k with a heap. Inputs are seeded random rows of numbers, NaN, +-inf, +-0 and repeats.
Run: python sort_nan.py > sort_nan.json"""
import json

import numpy as np
import tensorflow as tf

rng = np.random.default_rng(13)
POOL = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, 2.0, -3.5, 7.25, 1e30], np.float64)


def row(n, nan_share):
    x = rng.standard_normal(n)
    pick = rng.random(n)
    x[pick < 0.3] = rng.choice(POOL, size=int((pick < 0.3).sum()))
    x[rng.random(n) < nan_share] = np.nan
    return x


def enc(v):
    return [None if np.isnan(a) else ("inf" if a == np.inf else "-inf" if a == -np.inf else float(a)) for a in v]


CASES = {}
for n, share in [(6, 0.3), (16, 0.2), (17, 0.2), (40, 0.15), (100, 0.1), (1000, 0.05), (1000, 0.5)]:
    for dtype in [tf.float32, tf.float64]:
        x = tf.constant(row(n, share), dtype)
        name = f"n{n}_nan{share}_{dtype.name}"
        CASES[name] = {
            "x": enc(x.numpy()),
            "sort_asc": enc(tf.sort(x).numpy()),
            "sort_desc": enc(tf.sort(x, direction="DESCENDING").numpy()),
            "argsort_asc": tf.argsort(x).numpy().tolist(),
            "argsort_desc": tf.argsort(x, direction="DESCENDING").numpy().tolist(),
            "top_k_all": tf.math.top_k(x, n).indices.numpy().tolist(),
        }
m = tf.constant(row(60, 0.2).reshape(20, 3), tf.float32)
CASES["matrix_axis0"] = {"x": enc(m.numpy().ravel()), "argsort_asc": tf.argsort(m, axis=0).numpy().ravel().tolist(),
                         "argsort_desc": tf.argsort(m, axis=0, direction="DESCENDING").numpy().ravel().tolist()}
print(json.dumps(CASES))
