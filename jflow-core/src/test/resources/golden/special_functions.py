"""Golden values for SpecialFunctionsTest: tf.math.lgamma, digamma, polygamma, zeta, igamma, igammac
(values and x gradients) and tf.linalg.pinv in TF 2.21. Run: python special_functions.py > special_functions.json"""
import json

import tensorflow as tf

x = tf.constant([-2.5, -1.0, 0.0, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 30.5, 1e4])
xd = tf.cast(x, tf.float64)
a = tf.constant([0.5, 1.0, 2.0, 5.0, 0.1, 3.0])
t = tf.constant([0.2, 1.0, 3.0, 4.0, 2.0, 0.0])
huge = tf.constant([1e30, 1e20, 1e10], tf.float64)  # a + 1 == a: the series stops only at Eigen's 2000-term cap


def gradient(f, v):
    with tf.GradientTape() as tape:
        tape.watch(v)
        y = f(v)
    return tape.gradient(y, v).numpy().tolist()


m = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
singular = tf.constant([[1., 2.], [2., 4.]], tf.float64)
print(json.dumps({
    "lgamma": tf.math.lgamma(x).numpy().tolist(),
    "lgamma_float64": tf.math.lgamma(xd).numpy().tolist(),
    "digamma": tf.math.digamma(x).numpy().tolist(),
    "digamma_float64": tf.math.digamma(xd).numpy().tolist(),
    "polygamma_1": tf.math.polygamma(tf.ones_like(x), x).numpy().tolist(),
    "polygamma_3_float64": tf.math.polygamma(3 * tf.ones_like(xd), xd).numpy().tolist(),
    "zeta_2": tf.math.zeta(2 * tf.ones_like(x), x).numpy().tolist(),
    "igamma": tf.math.igamma(a, t).numpy().tolist(),
    "igammac": tf.math.igammac(a, t).numpy().tolist(),
    "igamma_float64": tf.math.igamma(tf.cast(a, tf.float64), tf.cast(t, tf.float64)).numpy().tolist(),
    "igamma_huge_float64": tf.math.igamma(huge, huge).numpy().tolist(),
    "igammac_huge_float64": tf.math.igammac(huge, huge).numpy().tolist(),
    "lgamma_gradient": gradient(tf.math.lgamma, tf.constant([0.5, 1.0, 3.7, 10.0])),
    "digamma_gradient": gradient(tf.math.digamma, tf.constant([0.5, 1.0, 3.7, 10.0])),
    "igamma_x_gradient": gradient(lambda v: tf.math.igamma(a, v), tf.constant([0.2, 1.0, 3.0, 4.0, 2.0, 0.5])),
    "pinv": tf.linalg.pinv(m).numpy().tolist(),
    "pinv_singular_float64": tf.linalg.pinv(singular).numpy().tolist(),
}, indent=1))
