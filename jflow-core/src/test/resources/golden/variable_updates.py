"""TF 2.21's results and errors for variable updates; writes variable_updates.json beside this file.

Run with the Python oracle: ~/.cache/jflow-python-oracle/bin/python variable_updates.py
Each case maps to "ok <values as a flat list>" or "<ErrorClass>: <message>", the message without
TF's eager "{{function_node ...}} " prefix and " name: " suffix (JFlow, like TF's text, ends at [Op:X]).
"""
import json
import os
import re

import tensorflow as tf


def outcome(f):
    try:
        v = f()
        return "ok " + json.dumps(tf.reshape(v.read_value(), [-1]).numpy().tolist())
    except Exception as e:  # noqa: BLE001 - the error is the result
        msg = re.sub(r"^\{\{function_node [^}]*\}\} ", "", str(e))
        msg = re.sub(r" name: $", "", msg)
        return f"{type(e).__name__}: {msg}"


def vec():
    return tf.Variable([1., 2., 3., 4.])


def mat():
    return tf.Variable([[1., 2.], [3., 4.], [5., 6.]])


def rows(values, indices):
    return tf.IndexedSlices(tf.constant(values), tf.constant(indices))


# Left out: scalar updates for scatter_nd_update, where TF reads past the buffer and prints garbage, and
# scatter_update with a scalar value, an IndexedSlices JFlow does not construct (its values need rank >= 1).
cases = {
    "assignAdd same shape": lambda: tf.Variable([[1., 2.], [3., 4.]]).assign_add([[1., 1.], [1., 1.]]),
    "assignAdd broadcast refused": lambda: tf.Variable([[1., 2.], [3., 4.]]).assign_add([1., 1.]),
    "assignSub broadcast refused": lambda: tf.Variable([[1., 2.], [3., 4.]]).assign_sub([1., 1.]),
    "assignAdd int": lambda: tf.Variable([1, 2]).assign_add([1, 1]),
    "scatterNdUpdate": lambda: vec().scatter_nd_update([[1], [3]], [10., 20.]),
    "scatterNdAdd duplicates": lambda: vec().scatter_nd_add([[1], [1]], [10., 20.]),
    "scatterNdSub": lambda: vec().scatter_nd_sub([[0]], [5.]),
    "scatterNdUpdate slices": lambda: mat().scatter_nd_update([[0], [2]], [[0., 0.], [9., 9.]]),
    "scatterNdUpdate elements": lambda: mat().scatter_nd_update([[0, 1], [2, 0]], [7., 8.]),
    "scatterNdUpdate index vector": lambda: mat().scatter_nd_update(tf.constant([1]), [[1., 2.]]),
    "scatterNdUpdate int64 indices": lambda: mat().scatter_nd_update(tf.constant([[1]], tf.int64), [[0., 0.]]),
    "scatterNdUpdate out of range": lambda: vec().scatter_nd_update([[7]], [1.]),
    "scatterNdAdd negative index": lambda: vec().scatter_nd_add([[-1]], [1.]),
    "scatterNdUpdate inner out of range": lambda: mat().scatter_nd_update([[0, 5]], [1.]),
    "scatterNdUpdate outer mismatch": lambda: vec().scatter_nd_update([[1]], [1., 2.]),
    "scatterNdUpdate slice mismatch": lambda: mat().scatter_nd_update([[0]], [[1., 2., 3.]]),
    "scatterNdUpdate index too deep": lambda: mat().scatter_nd_update([[0, 1, 0]], [1.]),
    "scatterNdUpdate float indices": lambda: mat().scatter_nd_update(tf.constant([[0.]]), [[1., 2.]]),
    "scatterUpdate": lambda: mat().scatter_update(rows([[7., 7.]], [2])),
    "scatterAdd duplicates": lambda: mat().scatter_add(rows([[1., 1.], [1., 1.]], [0, 0])),
    "scatterSub": lambda: mat().scatter_sub(rows([[1., 1.]], [1])),
    "scatterUpdate out of range": lambda: mat().scatter_update(rows([[7., 7.]], [5])),
    "scatterSub negative index": lambda: mat().scatter_sub(rows([[7., 7.]], [-1])),
}

out = {name: outcome(f) for name, f in cases.items()}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "variable_updates.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
