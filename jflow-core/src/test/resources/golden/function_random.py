# Golden values for FunctionRandomSeedTest: seeded random ops inside tf.function (TF 2.21).
# In graph mode TF takes the op seed of an op given none from a per-graph counter (0, 1, 2...),
# not from the eager context's Python random; a function's kernels keep their streams across calls.
# Run: ~/.cache/jflow-python-oracle/bin/python function_random.py > function_random.tsv
import tensorflow as tf

rows = []
def emit(name, t):
    rows.append(name + "\t" + " ".join(repr(float(v)) if t.dtype.is_floating else str(int(v)) for v in t.numpy().ravel()))

tf.random.set_seed(1)
@tf.function
def f():
    return tf.random.uniform([3]), tf.random.normal([2]), tf.random.uniform([2], 0, 10, dtype=tf.int32)
for call in ("first", "second"):
    u, n, i = f()
    emit(call + " uniform", u); emit(call + " normal", n); emit(call + " uniform int", i)

tf.random.set_seed(1)
@tf.function
def g(x):
    return x + tf.random.uniform([3], seed=7)
emit("op seed 7", g(tf.zeros(3)))

tf.random.set_seed(5)
tf.random.uniform([2])  # an eager draw takes an eager op seed; the function's counter is its own
@tf.function
def h():
    return tf.random.uniform([2])
emit("after an eager draw", h())

print("\n".join(rows))
