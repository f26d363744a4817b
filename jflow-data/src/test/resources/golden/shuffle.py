"""Golden orders for ShuffleOrderTest: tf.data's shuffle in TF 2.21 for fixed seeds (op seeds, the
global seed, reshuffling passes). Run from this folder: python shuffle.py > shuffle.json"""
import json

import tensorflow as tf


def passes(ds, n):
    return [[int(x) for x in ds.as_numpy_iterator()] for _ in range(n)]


cases = {
    "op_seed_reshuffle": passes(tf.data.Dataset.range(12).shuffle(5, seed=42), 3),
    "op_seed_fixed": passes(tf.data.Dataset.range(12).shuffle(5, seed=42, reshuffle_each_iteration=False), 2),
    "buffer_larger_than_data": passes(tf.data.Dataset.range(30).shuffle(100, seed=7), 2),
    "buffer_one": passes(tf.data.Dataset.range(5).shuffle(1, seed=1), 1),
    "batched_after": [[int(x) for x in b] for b in tf.data.Dataset.range(20).shuffle(8, seed=123).batch(5).as_numpy_iterator()],
}
tf.random.set_seed(3)
cases["global_seed"] = passes(tf.data.Dataset.range(10).shuffle(4), 2)
cases["global_seed_second_op"] = passes(tf.data.Dataset.range(10).shuffle(4), 1)
tf.random.set_seed(3)
cases["global_and_op_seed"] = passes(tf.data.Dataset.range(10).shuffle(4, seed=9), 1)
print(json.dumps(cases))
