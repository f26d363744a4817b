"""Golden values for GradientKernelTest: first and second derivatives of the activations and of Sigmoid, Tanh,
Rsqrt, Sqrt and Reciprocal in float64 in TF 2.21, whose gradients are TF's gradient kernels (ReluGrad,
SigmoidGrad, ...) and whose second derivatives go through those kernels' own gradients (_ReluGradGrad,
_SigmoidGradGrad, ...); with the gradient kernel each traced gradient holds. The upstream gradient dy has a 0.
Run: python gradient_kernels.py > gradient_kernels.json"""
import json

import tensorflow as tf

signed = tf.constant([-1.5, -0.25, 0.0, 0.5, 2.0, 7.0], tf.float64)
positive = tf.constant([0.25, 0.5, 1.0, 2.0, 4.0, 9.0], tf.float64)
dy = tf.constant([0.3, -1.2, 0.7, 0.0, 2.5, -0.4], tf.float64)
w = tf.constant([1.0, -2.0, 0.5, 3.0, -1.0, 0.25], tf.float64)

cases = {
    "relu": (tf.nn.relu, signed),
    "relu6": (tf.nn.relu6, signed),
    "elu": (tf.nn.elu, signed),
    "selu": (tf.nn.selu, signed),
    "softplus": (tf.nn.softplus, signed),
    "leaky_relu": (lambda v: tf.nn.leaky_relu(v, 0.3), signed),
    "sigmoid": (tf.sigmoid, signed),
    "tanh": (tf.tanh, signed),
    "rsqrt": (tf.math.rsqrt, positive),
    "sqrt": (tf.sqrt, positive),
    "reciprocal": (tf.math.reciprocal, positive),
}


def derivatives(f, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
        g = inner.gradient(y, x, output_gradients=dy)
        s = tf.reduce_sum(g * w)
    return g, outer.gradient(s, x)


def gradient_kernel(f, x):
    @tf.function
    def grad(v):
        with tf.GradientTape() as tape:
            tape.watch(v)
            y = f(v)
        return tape.gradient(y, v, output_gradients=dy)
    types = [op.type for op in grad.get_concrete_function(x).graph.get_operations()]
    return [t for t in types if t.endswith("Grad")]


out = {}
for name, (f, x) in cases.items():
    g, h = derivatives(f, x)
    out[name] = {"x": x.numpy().tolist(), "grad": g.numpy().tolist(), "second": h.numpy().tolist(),
                 "kernels": gradient_kernel(f, x)}
print(json.dumps({"dy": dy.numpy().tolist(), "w": w.numpy().tolist(), "cases": out}, indent=1))
