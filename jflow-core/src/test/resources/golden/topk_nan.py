"""Golden values for TopKNaNTest: tf.math.top_k with k below the row length in TF 2.21, rows holding NaN,
+-inf, +-0 and repeats, sorted and unsorted, in float32, float64, float16 and bfloat16. TF's CPU TopKV2
takes k == 1 from Eigen's maximum reduction (AVX packets, NaN skipped inside packets, kept by the scalar
tail) and the first position equal to it, and other k from gtl::TopN, a heap under the stable
"greater" comparison, which NaN (equal to everything) steers; unsorted results come in heap order.
Run: python topk_nan.py > topk_nan.json"""
import json

import numpy as np
import tensorflow as tf

rng = np.random.default_rng(17)
POOL = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, 2.0, -3.0, 7.0, 5.0], np.float64)


def row(n, nan_share):
    x = rng.integers(-20, 20, n).astype(np.float64)
    pick = rng.random(n)
    x[pick < 0.3] = rng.choice(POOL, size=int((pick < 0.3).sum()))
    x[rng.random(n) < nan_share] = np.nan
    return x


def enc(v):
    return [None if np.isnan(a) else ("inf" if a == np.inf else "-inf" if a == -np.inf else float(a)) for a in v]


CASES = {}
for n, share in [(4, 0.3), (5, 0.3), (6, 0.3), (9, 0.2), (12, 0.2), (17, 0.2), (40, 0.15), (100, 0.1), (100, 0.0)]:
    for dtype in [tf.float32, tf.float64, tf.float16, tf.bfloat16]:
        x = tf.constant(row(n, share), dtype)
        for k in sorted({1, 2, 3, n // 2, n - 1}):
            for s in [True, False]:
                r = tf.math.top_k(x, k, sorted=s)
                CASES[f"n{n}_nan{share}_{dtype.name}_k{k}_{'sorted' if s else 'unsorted'}"] = {
                    "x": enc(tf.cast(x, tf.float64).numpy()), "k": k, "sorted": s, "dtype": dtype.name,
                    "values": enc(tf.cast(r.values, tf.float64).numpy()), "indices": r.indices.numpy().tolist()}
m = tf.constant(row(60, 0.2).reshape(3, 20), tf.float32)
for k in [1, 4]:
    r = tf.math.top_k(m, k)
    CASES[f"matrix_k{k}"] = {"x": enc(tf.cast(m, tf.float64).numpy().ravel()), "k": k, "sorted": True, "dtype": "float32",
                             "values": enc(tf.cast(r.values, tf.float64).numpy().ravel()),
                             "indices": r.indices.numpy().ravel().tolist()}
print(json.dumps(CASES))
