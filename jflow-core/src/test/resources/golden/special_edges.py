"""Golden values for SpecialFunctionEdgesTest: TF 2.21's special functions at their edges (igamma and igammac
with a = 0 or inf, lgamma at 1 and 2, zeta and polygamma at infinities) and Lgamma/Digamma's missing bfloat16 kernel.
Run: python special_edges.py > special_edges.json"""
import json
import math
import re

import tensorflow as tf

INF = float("inf")


def outcome(f):
    try:
        v = f()
    except Exception as e:  # the class and message TF raises
        message = re.sub(r"^\{\{function_node [^}]*\}\} ", "", str(e))
        return {"error": type(e).__name__, "message": re.sub(r" name: .*$", "", message)}
    return [None if math.isnan(x) else ("-0" if x == 0 and math.copysign(1, x) < 0 else x)
            for x in tf.cast(v, tf.float64).numpy().tolist()]


CASES = {
    "igamma_a0": lambda: tf.math.igamma(tf.constant([0., 0., -1.]), tf.constant([1., 0., 0.])),
    "igammac_a0": lambda: tf.math.igammac(tf.constant([0., 0.]), tf.constant([1., 0.])),
    "lgamma_1_2": lambda: tf.math.lgamma(tf.constant([1., 2.])),
    "zeta_q_inf": lambda: tf.math.zeta(tf.constant([2., 3.]), tf.constant([INF, INF])),
    "polygamma_x_inf": lambda: tf.math.polygamma(tf.constant([2., 3.]), tf.constant([INF, INF])),
    "igamma_infinities": lambda: tf.math.igamma(tf.constant([INF, INF, INF, 2.]), tf.constant([0.5, 2., INF, INF])),
    "igammac_infinities": lambda: tf.math.igammac(tf.constant([INF, INF, INF, 2.]), tf.constant([0.5, 2., INF, INF])),
    "zeta_s_inf": lambda: tf.math.zeta(tf.constant([INF] * 4), tf.constant([0.5, 1., 2., 3.])),
    "lgamma_bfloat16": lambda: tf.math.lgamma(tf.constant([1.5], tf.bfloat16)),
    "digamma_bfloat16": lambda: tf.math.digamma(tf.constant([1.5], tf.bfloat16)),
}
print(json.dumps({k: outcome(f) for k, f in CASES.items()}, indent=1))
