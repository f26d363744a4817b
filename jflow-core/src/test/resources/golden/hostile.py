"""Goldens for the hostile-input tests: TF 2.21's error class and text (or result) per case.

Run with the Python oracle, oneDNN off (its allocator is named "mklcpu"; TF's plain CPU allocator is "cpu"):
TF_ENABLE_ONEDNN_OPTS=0 python hostile.py > hostile.json
"""
import json
import re
import numpy as np
import tensorflow as tf

tf.config.threading.set_intra_op_parallelism_threads(2)
x = tf.ones([1, 4, 4, 1])
ramp = tf.reshape(tf.range(16.0), [1, 4, 4, 1])
CASES = {
    "zeros2^40": lambda: tf.zeros(tf.constant([2**40], tf.int64)),
    "zeros2^40x2^40": lambda: tf.zeros(tf.constant([2**40, 2**40], tf.int64)),
    "rangeMinMax": lambda: tf.range(tf.constant(-2**63, tf.int64), tf.constant(2**63 - 1, tf.int64)),
    "tileMax": lambda: tf.tile(tf.ones([2, 2]), [2**31 - 1, 2**31 - 1]),
    "segmentSum2^62": lambda: tf.math.segment_sum(tf.ones([2]), tf.constant([0, 2**62], tf.int64)),
    "confusion2^40": lambda: tf.math.confusion_matrix(tf.constant([0, 2**40], tf.int64), tf.constant([1, 0], tf.int64)),
    "depthToSpace65536": lambda: tf.nn.depth_to_space(tf.ones([1, 1, 1, 4]), 2**16),
    "lrnRadius-1": lambda: tf.nn.local_response_normalization(x, depth_radius=-1),
    "conv0x0": lambda: tf.nn.conv2d(x, tf.ones([0, 0, 1, 1]), 1, "VALID"),
    "convStrideMaxSame": lambda: tf.nn.conv2d(ramp, tf.ones([1, 1, 1, 1]), 2**31 - 1, "SAME"),
    "convDilationMaxValid": lambda: tf.nn.conv2d(x, tf.ones([2, 2, 1, 1]), 1, "VALID", dilations=2**31 - 1),
    "convDilationMaxSame": lambda: tf.nn.conv2d(ramp, tf.ones([2, 2, 1, 1]), 1, "SAME", dilations=2**31 - 1),
    "maxPoolHugeSame": lambda: tf.nn.max_pool2d(ramp, 1000000, 1, "SAME"),
    "avgPoolHugeSame": lambda: tf.nn.avg_pool2d(ramp, 1000000, 1, "SAME"),
    "avgPoolHugeStrided": lambda: tf.nn.avg_pool2d(ramp, [1000000, 3], [1, 2], "SAME"),
    "sequenceMask-5": lambda: tf.sequence_mask([1, 2], -5),
    "sequenceMask50000": lambda: tf.reduce_sum(tf.cast(tf.sequence_mask([50000, 3]), tf.int32)),
    "splitNegative": lambda: tf.split(tf.ones([6]), [8, -2]),
    "unstack-5": lambda: tf.unstack(tf.ones([2, 3]), axis=-5),
    "scatterNdNegativeShape": lambda: tf.scatter_nd([[0]], [1.], [-3]),
    "castFloatz": lambda: tf.cast(tf.ones([2]), "floatz"),
    "sliceNone": lambda: tf.ones([2])[None],
    "substrHugeLength": lambda: tf.strings.substr("hello", 1, 2**31 - 1),
    "substrHugeLength64": lambda: tf.strings.substr("hello", tf.constant(1, tf.int64), tf.constant(2**62, tf.int64)),
    "substrMaxLength64": lambda: tf.strings.substr("hello", tf.constant(1, tf.int64), tf.constant(2**63 - 1, tf.int64)),
    "substrNegativePosMaxLength64": lambda: tf.strings.substr("hello", tf.constant(-2, tf.int64), tf.constant(2**63 - 1, tf.int64)),
    "substrCharsMaxLength64": lambda: tf.strings.substr("h\u00e9llo", tf.constant(1, tf.int64), tf.constant(2**63 - 1, tf.int64),
                                                       unit="UTF8_CHAR"),
    "substrCharsNegativePosMaxLength64": lambda: tf.strings.substr("h\u00e9llo", tf.constant(-4, tf.int64),
                                                                   tf.constant(2**63 - 1, tf.int64), unit="UTF8_CHAR"),
    "substrMinPos64": lambda: tf.strings.substr("hello", tf.constant(-2**63, tf.int64), tf.constant(1, tf.int64)),
    "reshapePastInt32": lambda: tf.reshape(tf.ones([5]), tf.constant([2**32 + 5], tf.int64)),
    "reshapeUnknownPastInt32": lambda: tf.reshape(tf.ones([5]), tf.constant([-1, 2**32 + 5], tf.int64)),
    "uniform2^40": lambda: tf.random.uniform(tf.constant([2**40], tf.int64)),
    "normal2^40": lambda: tf.random.normal(tf.constant([2**40], tf.int64)),
    "truncatedNormal2^40": lambda: tf.random.truncated_normal(tf.constant([2**40], tf.int64)),
    "uniformInt2^40": lambda: tf.random.uniform(tf.constant([2**40], tf.int64), maxval=10, dtype=tf.int32),
    "svdInf": lambda: tf.linalg.svd(tf.constant([[1., float("inf")], [2., 3.]])),
}


def plain(v):
    if isinstance(v, (list, tuple)):
        return [plain(e) for e in v]
    a = np.asarray(v)
    if a.dtype == object:
        return {"shape": list(a.shape), "values": [e.decode() for e in a.ravel()]}
    return {"shape": list(a.shape), "values": [None if np.isnan(e) else float(e) for e in a.astype(float).ravel()]}


out = {}
for name, f in CASES.items():
    try:
        out[name] = {"result": plain(f())}
    except Exception as e:  # TF's eager prefix and the trailing " name: ..." are not part of JFlow's text
        text = e.message if isinstance(e, tf.errors.OpError) else str(e)
        text = re.sub(r"^\{\{function_node [^}]*\}\} ", "", text)
        text = re.sub(r" name: \S*$", "", text)
        out[name] = {"error": type(e).__name__, "message": text}
print(json.dumps(out, indent=1))
