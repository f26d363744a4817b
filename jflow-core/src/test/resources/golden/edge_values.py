"""Golden values for EdgeValuesTest: max pooling over NaN and -inf (TF's CPU kernel starts from the
dtype's lowest value and takes an element only when greater), its gradient routing, and tf.stack of
an empty list, in TF 2.21. Run: python edge_values.py > edge_values.json"""
import json

import tensorflow as tf

nan, inf = float("nan"), float("inf")


def error(f):
    try:
        f()
    except Exception as e:  # the type and message TF raises
        return {"type": type(e).__name__, "message": str(e)}


def pool_gradient(pool, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = pool(x)
    return tape.gradient(y, x).numpy().ravel().tolist()


mixed = tf.constant([[1., nan], [3., 2.]])[None, :, :, None]
all_nan = tf.constant([[nan, nan], [nan, nan]])[None, :, :, None]
nan_first = tf.constant([[nan, 1.], [nan, nan]])[None, :, :, None]
pool2 = lambda x: tf.nn.max_pool2d(x, 2, 1, "VALID")
empty = tf.stack([])
print(json.dumps({
    "max_pool2d_mixed": tf.nn.max_pool2d(mixed, 2, 1, "VALID").numpy().ravel().tolist(),
    "max_pool2d_all_nan": tf.nn.max_pool2d(all_nan, 2, 1, "VALID").numpy().ravel().tolist(),
    "max_pool2d_nan_first_1x1": tf.nn.max_pool2d(nan_first, 1, 1, "VALID").numpy().ravel().tolist(),
    "max_pool2d_float64_mixed": tf.nn.max_pool2d(tf.cast(mixed, tf.float64), 2, 1, "VALID").numpy().ravel().tolist(),
    "max_pool1d": tf.nn.max_pool1d(tf.constant([nan, 1., 2., nan])[None, :, None], 2, 2, "VALID").numpy().ravel().tolist(),
    "max_pool1d_minus_inf": tf.nn.max_pool1d(tf.constant([-inf, 1.])[None, :, None], 1, 1, "VALID").numpy().ravel().tolist(),
    "max_pool3d": tf.nn.max_pool3d(tf.constant([nan, 1.])[None, :, None, None, None], [2, 1, 1], 1, "VALID").numpy().ravel().tolist(),
    "max_pool2d_grad_mixed": pool_gradient(pool2, mixed),
    "max_pool2d_grad_all_nan": pool_gradient(pool2, all_nan),
    "max_pool2d_grad_nan_first": pool_gradient(pool2, nan_first),
    "stack_empty": {"shape": empty.shape.as_list(), "dtype": empty.dtype.name},
    "stack_empty_axis_1": error(lambda: tf.stack([], axis=1)),
}, indent=1))
