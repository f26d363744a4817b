"""PyTorch and TensorFlow (CPU, 2 threads each) side of bench/elementwise: the ops of
org.jflow.bench.Elementwise, eagerly, on 1M float32 elements uniform in [0.1, 2).

Prints one line per op: op<TAB>torch microseconds<TAB>tf microseconds. Arguments filter the ops
by substring. Timing matches the Java harness: a warm-up, then repetitions for a second (at least
five), and the best repetition counts. Inputs with a narrower domain are mapped as JFlow's are:
u = x / 2.1 (asin, acos, atanh), w = x + 1 (acosh).
"""
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(2)
tf.config.threading.set_intra_op_parallelism_threads(2)
tf.config.threading.set_inter_op_parallelism_threads(2)

N = 1 << 20


def seconds_per_call(fn, warmup=0.5, budget=1.0, min_reps=5):
    def repeat(seconds, reps_at_least):
        end = time.perf_counter() + seconds
        best = float("inf")
        rep = 0
        while rep < reps_at_least or time.perf_counter() < end:
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
            rep += 1
        return best

    repeat(warmup, 1)
    return repeat(budget, min_reps)


rng = np.random.default_rng(42)
a = (0.1 + 1.9 * rng.random((N // 1024, 1024))).astype(np.float32)
b = (0.1 + 1.9 * rng.random((N // 1024, 1024))).astype(np.float32)
T = {"x": torch.from_numpy(a), "y": torch.from_numpy(b)}
T.update(u=T["x"] / 2.1, w=T["x"] + 1, x64=T["x"].double(), ints=(T["x"] * 1000).int())
with tf.device("/CPU:0"):
    F = {"x": tf.constant(a), "y": tf.constant(b)}
    F.update(u=F["x"] / 2.1, w=F["x"] + 1, x64=tf.cast(F["x"], tf.float64), ints=tf.cast(F["x"] * 1000, tf.int32))

tnn, fnn = torch.nn.functional, tf.nn

# name: (torch call, tf call), each on the input dict
OPS = {
    "abs": (lambda t: torch.abs(t["x"]), lambda f: tf.abs(f["x"])),
    "neg": (lambda t: torch.neg(t["x"]), lambda f: tf.negative(f["x"])),
    "sign": (lambda t: torch.sign(t["x"]), lambda f: tf.sign(f["x"])),
    "square": (lambda t: torch.square(t["x"]), lambda f: tf.square(f["x"])),
    "sqrt": (lambda t: torch.sqrt(t["x"]), lambda f: tf.sqrt(f["x"])),
    "rsqrt": (lambda t: torch.rsqrt(t["x"]), lambda f: tf.math.rsqrt(f["x"])),
    "reciprocal": (lambda t: torch.reciprocal(t["x"]), lambda f: tf.math.reciprocal(f["x"])),
    "exp": (lambda t: torch.exp(t["x"]), lambda f: tf.exp(f["x"])),
    "expm1": (lambda t: torch.expm1(t["x"]), lambda f: tf.math.expm1(f["x"])),
    "log": (lambda t: torch.log(t["x"]), lambda f: tf.math.log(f["x"])),
    "log1p": (lambda t: torch.log1p(t["x"]), lambda f: tf.math.log1p(f["x"])),
    "sin": (lambda t: torch.sin(t["x"]), lambda f: tf.sin(f["x"])),
    "cos": (lambda t: torch.cos(t["x"]), lambda f: tf.cos(f["x"])),
    "tan": (lambda t: torch.tan(t["x"]), lambda f: tf.tan(f["x"])),
    "asin": (lambda t: torch.asin(t["u"]), lambda f: tf.asin(f["u"])),
    "acos": (lambda t: torch.acos(t["u"]), lambda f: tf.acos(f["u"])),
    "atan": (lambda t: torch.atan(t["x"]), lambda f: tf.atan(f["x"])),
    "sinh": (lambda t: torch.sinh(t["x"]), lambda f: tf.sinh(f["x"])),
    "cosh": (lambda t: torch.cosh(t["x"]), lambda f: tf.cosh(f["x"])),
    "tanh": (lambda t: torch.tanh(t["x"]), lambda f: tf.tanh(f["x"])),
    "asinh": (lambda t: torch.asinh(t["x"]), lambda f: tf.asinh(f["x"])),
    "acosh": (lambda t: torch.acosh(t["w"]), lambda f: tf.acosh(f["w"])),
    "atanh": (lambda t: torch.atanh(t["u"]), lambda f: tf.atanh(f["u"])),
    "erf": (lambda t: torch.erf(t["x"]), lambda f: tf.math.erf(f["x"])),
    "erfc": (lambda t: torch.erfc(t["x"]), lambda f: tf.math.erfc(f["x"])),
    "floor": (lambda t: torch.floor(t["x"]), lambda f: tf.floor(f["x"])),
    "ceil": (lambda t: torch.ceil(t["x"]), lambda f: tf.math.ceil(f["x"])),
    "round": (lambda t: torch.round(t["x"]), lambda f: tf.round(f["x"])),
    "sigmoid": (lambda t: torch.sigmoid(t["x"]), lambda f: tf.sigmoid(f["x"])),
    "softplus": (lambda t: tnn.softplus(t["x"]), lambda f: fnn.softplus(f["x"])),
    "relu": (lambda t: torch.relu(t["x"]), lambda f: fnn.relu(f["x"])),
    "relu6": (lambda t: tnn.relu6(t["x"]), lambda f: fnn.relu6(f["x"])),
    "elu": (lambda t: tnn.elu(t["x"]), lambda f: fnn.elu(f["x"])),
    "selu": (lambda t: tnn.selu(t["x"]), lambda f: fnn.selu(f["x"])),
    "leaky_relu": (lambda t: tnn.leaky_relu(t["x"], 0.2), lambda f: fnn.leaky_relu(f["x"], 0.2)),
    "softsign": (lambda t: tnn.softsign(t["x"]), lambda f: fnn.softsign(f["x"])),
    "gelu": (lambda t: tnn.gelu(t["x"]), lambda f: fnn.gelu(f["x"])),
    "gelu_tanh": (lambda t: tnn.gelu(t["x"], approximate="tanh"), lambda f: fnn.gelu(f["x"], approximate=True)),
    "silu": (lambda t: tnn.silu(t["x"]), lambda f: fnn.silu(f["x"])),
    "add": (lambda t: torch.add(t["x"], t["y"]), lambda f: tf.add(f["x"], f["y"])),
    "sub": (lambda t: torch.sub(t["x"], t["y"]), lambda f: tf.subtract(f["x"], f["y"])),
    "mul": (lambda t: torch.mul(t["x"], t["y"]), lambda f: tf.multiply(f["x"], f["y"])),
    "div": (lambda t: torch.div(t["x"], t["y"]), lambda f: tf.divide(f["x"], f["y"])),
    "maximum": (lambda t: torch.maximum(t["x"], t["y"]), lambda f: tf.maximum(f["x"], f["y"])),
    "minimum": (lambda t: torch.minimum(t["x"], t["y"]), lambda f: tf.minimum(f["x"], f["y"])),
    "pow": (lambda t: torch.pow(t["x"], t["y"]), lambda f: tf.pow(f["x"], f["y"])),
    "squared_difference": (lambda t: torch.square(t["x"] - t["y"]), lambda f: tf.math.squared_difference(f["x"], f["y"])),
    "floordiv": (lambda t: torch.floor_divide(t["x"], t["y"]), lambda f: tf.math.floordiv(f["x"], f["y"])),
    "floormod": (lambda t: torch.remainder(t["x"], t["y"]), lambda f: tf.math.floormod(f["x"], f["y"])),
    "atan2": (lambda t: torch.atan2(t["x"], t["y"]), lambda f: tf.atan2(f["x"], f["y"])),
    "div_no_nan": (lambda t: torch.where(t["y"] == 0, 0.0, t["x"] / t["y"]), lambda f: tf.math.divide_no_nan(f["x"], f["y"])),
    "equal": (lambda t: torch.eq(t["x"], t["y"]), lambda f: tf.equal(f["x"], f["y"])),
    "not_equal": (lambda t: torch.ne(t["x"], t["y"]), lambda f: tf.not_equal(f["x"], f["y"])),
    "less": (lambda t: torch.lt(t["x"], t["y"]), lambda f: tf.less(f["x"], f["y"])),
    "less_equal": (lambda t: torch.le(t["x"], t["y"]), lambda f: tf.less_equal(f["x"], f["y"])),
    "greater": (lambda t: torch.gt(t["x"], t["y"]), lambda f: tf.greater(f["x"], f["y"])),
    "greater_equal": (lambda t: torch.ge(t["x"], t["y"]), lambda f: tf.greater_equal(f["x"], f["y"])),
    "cast_f32_f64": (lambda t: t["x"].double(), lambda f: tf.cast(f["x"], tf.float64)),
    "cast_f64_f32": (lambda t: t["x64"].float(), lambda f: tf.cast(f["x64"], tf.float32)),
    "cast_f32_i32": (lambda t: t["x"].int(), lambda f: tf.cast(f["x"], tf.int32)),
    "cast_i32_f32": (lambda t: t["ints"].float(), lambda f: tf.cast(f["ints"], tf.float32)),
    "is_nan": (lambda t: torch.isnan(t["x"]), lambda f: tf.math.is_nan(f["x"])),
    "is_inf": (lambda t: torch.isinf(t["x"]), lambda f: tf.math.is_inf(f["x"])),
    "is_finite": (lambda t: torch.isfinite(t["x"]), lambda f: tf.math.is_finite(f["x"])),
    # gradient kernels: (upstream gradient y, features or forward output x), PyTorch's aten backward ops where it
    # has one (rsqrt, sqrt and reciprocal have none: their autograd formulas)
    "relu_grad": (lambda t: torch.ops.aten.threshold_backward(t["y"], t["x"], 0.0),
                  lambda f: tf.raw_ops.ReluGrad(gradients=f["y"], features=f["x"])),
    "relu6_grad": (lambda t: torch.ops.aten.hardtanh_backward(t["y"], t["x"], 0.0, 6.0),
                   lambda f: tf.raw_ops.Relu6Grad(gradients=f["y"], features=f["x"])),
    "elu_grad": (lambda t: torch.ops.aten.elu_backward(t["y"], 1.0, 1.0, 1.0, True, t["x"]),
                 lambda f: tf.raw_ops.EluGrad(gradients=f["y"], outputs=f["x"])),
    "selu_grad": (lambda t: torch.ops.aten.elu_backward(t["y"], 1.6732632423543772, 1.0507009873554805, 1.0, True, t["x"]),
                  lambda f: tf.raw_ops.SeluGrad(gradients=f["y"], outputs=f["x"])),
    "softplus_grad": (lambda t: torch.ops.aten.softplus_backward(t["y"], t["x"], 1.0, 20.0),
                      lambda f: tf.raw_ops.SoftplusGrad(gradients=f["y"], features=f["x"])),
    "leaky_relu_grad": (lambda t: torch.ops.aten.leaky_relu_backward(t["y"], t["x"], 0.2, False),
                        lambda f: tf.raw_ops.LeakyReluGrad(gradients=f["y"], features=f["x"], alpha=0.2)),
    "sigmoid_grad": (lambda t: torch.ops.aten.sigmoid_backward(t["y"], t["x"]),
                     lambda f: tf.raw_ops.SigmoidGrad(y=f["x"], dy=f["y"])),
    "tanh_grad": (lambda t: torch.ops.aten.tanh_backward(t["y"], t["x"]),
                  lambda f: tf.raw_ops.TanhGrad(y=f["x"], dy=f["y"])),
    "rsqrt_grad": (lambda t: t["y"] * -0.5 * t["x"] * t["x"] * t["x"], lambda f: tf.raw_ops.RsqrtGrad(y=f["x"], dy=f["y"])),
    "sqrt_grad": (lambda t: t["y"] / (2 * t["x"]), lambda f: tf.raw_ops.SqrtGrad(y=f["x"], dy=f["y"])),
    "reciprocal_grad": (lambda t: -t["y"] * t["x"] * t["x"], lambda f: tf.raw_ops.ReciprocalGrad(y=f["x"], dy=f["y"])),
}


def main(filters):
    for name, (torch_call, tf_call) in OPS.items():
        if filters and not any(f in name for f in filters):
            continue
        torch_us = seconds_per_call(lambda: torch_call(T)) * 1e6
        with tf.device("/CPU:0"):
            tf_us = seconds_per_call(lambda: tf_call(F)) * 1e6
        print(f"{name}\t{torch_us:.4g}\t{tf_us:.4g}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
