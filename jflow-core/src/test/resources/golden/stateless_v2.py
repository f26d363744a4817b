"""Golden values for StatelessV2Test: the random ops TF 2.21's tf.random.stateless_* run (traced in a tf.function,
the Stateless* ops in order), their draws, and StatelessRandomGetKeyCounter's key and counter (uint64 as int64 bits).
Integers are written as decimal strings (JSON numbers are doubles).
Run: python stateless_v2.py > stateless_v2.json"""
import json

import numpy as np
import tensorflow as tf

FUNCTIONS = {
    "uniform": lambda: tf.random.stateless_uniform([5], seed=[1, 2]),
    "uniform_bounds": lambda: tf.random.stateless_uniform([5], seed=[7, -3], minval=-2., maxval=3.),
    "uniform_int": lambda: tf.random.stateless_uniform([5], seed=[1, 2], minval=0, maxval=10, dtype=tf.int32),
    "uniform_full_int": lambda: tf.random.stateless_uniform([5], seed=[1, 2], minval=None, maxval=None, dtype=tf.int64),
    "normal": lambda: tf.random.stateless_normal([5], seed=[1, 2]),
    "truncated_normal": lambda: tf.random.stateless_truncated_normal([5], seed=[3, 4], mean=1., stddev=2.),
}
CASES = {}
for name, f in FUNCTIONS.items():
    graph = tf.function(f).get_concrete_function().graph
    CASES[name] = {"ops": [o.type for o in graph.get_operations() if o.type.startswith("Stateless")],
                   "values": [str(v) if isinstance(v, int) else v for v in f().numpy().tolist()]}
for s0, s1 in [(1, 2), (-7, 2 ** 40), (0, 0)]:
    key, counter = tf.raw_ops.StatelessRandomGetKeyCounter(seed=tf.constant([s0, s1], tf.int64))
    CASES[f"key_counter_{s0}_{s1}"] = {"seed": [s0, s1], "key": [str(v) for v in key.numpy().astype(np.int64).tolist()],
                                       "counter": [str(v) for v in counter.numpy().astype(np.int64).tolist()]}
print(json.dumps(CASES))
