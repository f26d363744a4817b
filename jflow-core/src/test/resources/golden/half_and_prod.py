"""Golden values for HalfMeanAndProdTest: TF 2.21's reduce_mean of float16/bfloat16 (the MeanReducer
divides in the dtype, by the count rounded to it), reduce_prod of many float32 values, and sums and
products over a non-innermost axis whose results do not fill whole packets (Eigen reduces those in order).
Run: python half_and_prod.py > half_and_prod.json"""
import json

import numpy as np
import tensorflow as tf

tf.config.threading.set_intra_op_parallelism_threads(2)
rng = np.random.default_rng(21)
near_one = rng.uniform(0.9, 1.1, 1000).astype(np.float32)
wide = rng.uniform(0.8, 1.25, 3000).astype(np.float32)
out = {
    "near_one": near_one.tolist(),
    "wide": wide.tolist(),
    "prod_near_one": float(tf.reduce_prod(near_one).numpy()),
    "prod_wide": float(tf.reduce_prod(wide).numpy()),
    "prod_rows": tf.reduce_prod(tf.reshape(wide, [30, 100]), axis=1).numpy().tolist(),
    "prod_cols": tf.reduce_prod(tf.reshape(wide, [100, 30]), axis=0).numpy().tolist(),
    "sum_cols": tf.reduce_sum(tf.reshape(wide, [100, 30]), axis=0).numpy().tolist(),
    "sum_middle": tf.reduce_sum(tf.reshape(wide[:2600], [4, 50, 13]), axis=1).numpy().ravel().tolist(),
    "prod_middle": tf.reduce_prod(tf.reshape(wide[:2600], [4, 50, 13]), axis=1).numpy().ravel().tolist(),
}
for name, dtype in [("f16", tf.float16), ("bf16", tf.bfloat16)]:
    tenth = tf.fill([100000], tf.constant(0.1, dtype))
    out[f"mean_{name}_100000_tenths"] = float(tf.cast(tf.reduce_mean(tenth), tf.float32).numpy())
    out[f"sum_{name}_100000_tenths"] = float(tf.cast(tf.reduce_sum(tenth), tf.float32).numpy())
    small = tf.constant([1.0, 2.0, 3.0, 4.5], dtype)
    out[f"mean_{name}_small"] = float(tf.cast(tf.reduce_mean(small), tf.float32).numpy())
print(json.dumps(out))
