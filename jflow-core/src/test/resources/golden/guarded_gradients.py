"""Golden values for GuardedGradientTest: gradients of tf.where(x > 0, f(x), 0.) at x = [-1, 0, 4] in
TF 2.21. Where the upstream gradient is 0, TF's SqrtGrad, RsqrtGrad and ReciprocalGrad give 0 (not
0 * inf = NaN); other gradients keep their NaN. Run: python guarded_gradients.py > guarded_gradients.json"""
import json

import tensorflow as tf

x = tf.constant([-1.0, 0.0, 4.0])


def guarded_gradient(f):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.where(x > 0, f(x), 0.)
    return tape.gradient(y, x).numpy().tolist()


cases = {
    "sqrt": tf.sqrt,
    "rsqrt": tf.math.rsqrt,
    "reciprocal": tf.math.reciprocal,
    "log": tf.math.log,
    "pow_half": lambda v: tf.pow(v, 0.5),
    "div_one_by_x": lambda v: 1.0 / v,
    "xdivy": lambda v: tf.math.xdivy(v, v),
    "div_no_nan": lambda v: tf.math.divide_no_nan(1.0, v),
    "square_of_sqrt": lambda v: tf.square(tf.sqrt(v)),
    "norm": tf.norm,
    "acosh": lambda v: tf.acosh(v - 3),
    "atanh": lambda v: tf.atanh(v - 3),
}
print(json.dumps({k: guarded_gradient(f) for k, f in cases.items()}, indent=1))
