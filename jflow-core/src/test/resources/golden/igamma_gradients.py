"""Golden values for IgammaGradientTest: TF 2.21's gradients of tf.math.igamma and igammac with respect to
both a (TF's IgammaGradA kernel) and x, in float32 and float64, over the power-series region (x <= 1 or
x <= a) and the continued-fraction region, with a broadcast scalar a.
Run: python igamma_gradients.py > igamma_gradients.json"""
import json

import tensorflow as tf

A = [0.5, 2.0, 3.0, 0.1, 10.0, 1.5, 30.0, 0.9]
X = [1.0, 1.5, 2.5, 0.05, 25.0, 0.7, 29.0, 4.0]


def grads(f, a, x):
    with tf.GradientTape() as tape:
        tape.watch([a, x])
        y = f(a, x)
    da, dx = tape.gradient(y, [a, x])
    return {"da": da.numpy().tolist(), "dx": dx.numpy().tolist()}


out = {"a": A, "x": X}
for dtype in [tf.float32, tf.float64]:
    a, x = tf.constant(A, dtype), tf.constant(X, dtype)
    out[f"igamma_{dtype.name}"] = grads(tf.math.igamma, a, x)
    out[f"igammac_{dtype.name}"] = grads(tf.math.igammac, a, x)
    out[f"grad_a_{dtype.name}"] = tf.raw_ops.IgammaGradA(a=a, x=x).numpy().tolist()
out["broadcast_scalar_a"] = grads(tf.math.igamma, tf.constant(2.5), tf.constant(X))
print(json.dumps(out, indent=1))
