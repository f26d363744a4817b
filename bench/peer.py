"""PyTorch 2.13 (CPU, 2 threads, from the Python oracle venv) side of bench/run: the same cases as org.jflow.bench.Bench.

Prints one line per case: case<TAB>value<TAB>unit. Arguments filter the cases by substring.
The traced JFlow rows (tf.function) are compared with the same PyTorch eager code: PyTorch's
graph compiler (torch.compile) needs a C++ toolchain at run time, which the peer setup does not
install. Rows with no PyTorch counterpart (allocation, executor overhead) print no peer value.
Timing matches the Java harness: a warm-up second, then repetitions for two seconds (at least
three), and the best repetition counts.
"""
import sys
import time

import torch

torch.set_num_threads(2)
torch.manual_seed(42)

SCALAR_CALLS = 1_000  # short repetitions: on a busy machine some run undisturbed
CHAIN = 1_000  # scalar multiplies per autograd case


def seconds_per_call(fn, calls=1, warmup=1.0, budget=2.0, min_reps=3):
    def repeat(seconds, reps_at_least):
        end = time.perf_counter() + seconds
        best = float("inf")
        rep = 0
        while rep < reps_at_least or time.perf_counter() < end:
            t0 = time.perf_counter()
            for _ in range(calls):
                fn()
            best = min(best, time.perf_counter() - t0)
            rep += 1
        return best

    repeat(warmup, 1)
    return repeat(budget, min_reps) / calls


def matrix(rows, cols):
    return torch.rand(rows, cols, dtype=torch.float32)


def gb_per_second(nbytes, fn):
    return nbytes / seconds_per_call(fn) / 1e9


def eager_add_scalar():
    a, b = torch.tensor(1.5), torch.tensor(2.5)
    return seconds_per_call(lambda: torch.add(a, b), calls=SCALAR_CALLS) * 1e6


def add(n):
    x, y = matrix(n // 1024, 1024), matrix(n // 1024, 1024)
    return gb_per_second(3 * 4 * n, lambda: torch.add(x, y))


def exp(n):
    x = matrix(n // 1024, 1024)
    return gb_per_second(2 * 4 * n, lambda: torch.exp(x))


def reduce_sum_axis1(n):
    x = matrix(n, n)
    return gb_per_second(4 * n * n, lambda: torch.sum(x, dim=1))


def matmul(n):
    a, b = matrix(n, n), matrix(n, n)
    return 2.0 * n ** 3 / seconds_per_call(lambda: torch.matmul(a, b)) / 1e9


def chain(x, c):
    y = x
    for _ in range(CHAIN):
        y = y * c
    return y


def tape_overhead_per_op():
    """Autograd's recording cost per op: the chain on a requires_grad input minus under no_grad."""
    x, c = torch.tensor(1.0001, requires_grad=True), torch.tensor(0.9999)

    def plain():
        with torch.no_grad():
            return chain(x, c)

    return (seconds_per_call(lambda: chain(x, c)) - seconds_per_call(plain)) / CHAIN * 1e6


def backward_per_op():
    x, c = torch.tensor(1.0001, requires_grad=True), torch.tensor(0.9999)

    def with_backward():
        return torch.autograd.grad(chain(x, c), x)

    return (seconds_per_call(with_backward) - seconds_per_call(lambda: chain(x, c))) / CHAIN * 1e6


def mlp_step(batch=128, inputs=784, hidden=128, outputs=10, learning_rate=0.01):
    """One SGD step of the MLP that Bench.Mlp trains: relu, softmax cross entropy on one-hot labels."""
    linear1, linear2 = torch.nn.Linear(inputs, hidden), torch.nn.Linear(hidden, outputs)
    weights = [linear1.weight, linear1.bias, linear2.weight, linear2.bias]
    x = matrix(batch, inputs)
    labels = torch.nn.functional.one_hot(torch.randint(outputs, (batch,)), outputs).float()

    def step():
        h = torch.relu(linear1(x))
        logits = linear2(h)
        loss = torch.nn.functional.cross_entropy(logits, labels)
        grads = torch.autograd.grad(loss, weights)
        with torch.no_grad():
            for w, g in zip(weights, grads):
                w.sub_(g * learning_rate)
        return loss

    return seconds_per_call(step) * 1e3


def elementwise_chain(x):
    """The same ten element-wise ops as Bench.elementwiseChain."""
    t = x * 1.5
    t = t + 0.5
    t = torch.tanh(t)
    t = t * x
    t = t - 0.25
    t = torch.exp(t)
    t = t * 0.5
    t = t + x
    t = torch.abs(t)
    return torch.sqrt(t)


def chain10(n=1 << 20):
    x = matrix(n // 1024, 1024) - 0.5
    return seconds_per_call(lambda: elementwise_chain(x)) * 1e3


CASES = [
    ("eager add scalar", "us/op", eager_add_scalar),
    ("add 1M f32", "GB/s", lambda: add(1 << 20)),
    ("exp 1M f32", "GB/s", lambda: exp(1 << 20)),
    ("add 16M f32", "GB/s", lambda: add(1 << 24)),
    ("exp 16M f32", "GB/s", lambda: exp(1 << 24)),
    ("reduce_sum axis=1 4096x4096 f32", "GB/s", lambda: reduce_sum_axis1(4096)),
    ("matmul 256 f32", "GFLOPS", lambda: matmul(256)),
    ("matmul 512 f32", "GFLOPS", lambda: matmul(512)),
    ("matmul 1024 f32", "GFLOPS", lambda: matmul(1024)),
    ("matmul 2048 f32", "GFLOPS", lambda: matmul(2048)),
    ("tape overhead per op", "us/op", tape_overhead_per_op),
    ("backward per op", "us/op", backward_per_op),
    ("mlp 784-128-10 step b128", "ms/step", mlp_step),
    ("mlp 784-128-10 step b128 traced", "ms/step", mlp_step),
    ("chain10 1M f32 eager", "ms/op", chain10),
    ("chain10 1M f32 traced", "ms/op", chain10),
    ("chain10 1M f32 traced unfused", "ms/op", chain10),
    # JFlow-only rows: no PyTorch counterpart, listed so that both sides name the same cases
    ("mlp step allocated eager", "MB/step", None),
    ("mlp step allocated traced", "MB/step", None),
    ("chain10 1M f32 traced/eager speedup", "x", None),
    ("chain10 allocated eager", "MB/op", None),
    ("chain10 allocated traced", "MB/op", None),
    ("executor overhead per node", "us/op", None),
]


def main(filters):
    for name, unit, measure in CASES:
        if filters and not any(f in name for f in filters):
            continue
        value = "-" if measure is None else f"{measure():.4g}"
        print(f"{name}\t{value}\t{unit}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
