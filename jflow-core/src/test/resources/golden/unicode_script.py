"""Golden values for UnicodeScriptTest: tf.strings.unicode_script in TF 2.21 of every code point 0..0x10FFFF, as runs
[first code point, script] (a run lasts until the next one starts), of int32 values outside Unicode, of a matrix,
and its error for a non-int32 input (less the " name: " suffix Python adds; JFlow's text, like TF's, ends at [Op:X]).
Run: python unicode_script.py > unicode_script.json"""
import json
import re

import numpy as np
import tensorflow as tf

scripts = tf.strings.unicode_script(tf.constant(np.arange(0, 0x110000, dtype=np.int32))).numpy()
starts = np.concatenate([[0], np.flatnonzero(np.diff(scripts) != 0) + 1])
outside = [-1, -5, 0x110000, 2 ** 31 - 1, -2 ** 31]
try:
    tf.strings.unicode_script(tf.constant([65], tf.int64))
    raise AssertionError("no error")
except tf.errors.InvalidArgumentError as e:
    error = {"error": type(e).__name__, "message": re.sub(r" name: $", "", e.message)}
print(json.dumps({
    "runs": [[int(i), int(scripts[i])] for i in starts],
    "outside": outside,
    "outside_scripts": tf.strings.unicode_script(tf.constant(outside, tf.int32)).numpy().tolist(),
    "matrix_repr": repr(tf.strings.unicode_script(tf.constant([[72, 0x3b1], [0x4e00, -1]]))),
    "int64": error,
}))
