"""Golden values for ReductionAccuracyTest: TF 2.21's float reductions (Eigen's tree-reduced sums)
and integer means. Run with the Python oracle: python reductions.py > reductions.json"""
import json

import numpy as np
import tensorflow as tf

tf.config.threading.set_intra_op_parallelism_threads(2)

ramp = (np.arange(100003, dtype=np.float32) % 1000) * np.float32(0.001)  # 0, 0.001, ..., 0.999 repeated
grid = np.arange(1000 * 37, dtype=np.float32).reshape(1000, 37) % 97 * np.float32(0.01)
out = {
    "sum_1e7_tenths": float(tf.reduce_sum(tf.fill([10**7], 0.1))),
    "mean_1e7_tenths": float(tf.reduce_mean(tf.fill([10**7], 0.1))),
    "sum_rows_1000x10000_tenths": float(tf.reduce_sum(tf.fill([1000, 10000], 0.1), 1)[0]),
    "sum_columns_1000x10000_tenths": float(tf.reduce_sum(tf.fill([1000, 10000], 0.1), 0)[0]),
    "sum_ramp": float(tf.reduce_sum(ramp)),
    "sum_ramp_float64": float(tf.reduce_sum(ramp.astype(np.float64) * 1.1)),
    "sum_columns_grid": tf.reduce_sum(grid, 0).numpy().tolist(),
    "euclidean_norm_1e7_tenths": float(tf.math.reduce_euclidean_norm(tf.fill([10**7], 0.1))),
    "average_loss_1e6_tenths": float(tf.nn.compute_average_loss(tf.fill([10**6], 0.1))),
    "average_loss_empty_batch": float(tf.nn.compute_average_loss(tf.zeros([0]))),
    "mean_int8_100_100": int(tf.reduce_mean(tf.constant([100, 100], tf.int8))),
    "mean_int8_neg3_neg4": int(tf.reduce_mean(tf.constant([-3, -4], tf.int8))),
    "mean_int16_30000_30000": int(tf.reduce_mean(tf.constant([30000, 30000], tf.int16))),
    "mean_int32_max_max": int(tf.reduce_mean(tf.constant([2**31 - 1, 2**31 - 1], tf.int32))),
    "mean_uint8_200_200": int(tf.reduce_mean(tf.constant([200, 200], tf.uint8))),
    "mean_int64_2e62_2e62": int(tf.reduce_mean(tf.constant([2**62, 2**62], tf.int64))),
    "sum_int8_100_100": int(tf.reduce_sum(tf.constant([100, 100], tf.int8))),
}
print(json.dumps(out, indent=1))
