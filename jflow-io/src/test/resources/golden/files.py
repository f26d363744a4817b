"""Golden errors for FilesTest: tf.io.read_file and tf.io.gfile in TF 2.21 on missing paths, a folder,
a non-scalar and a non-string filename. Run: python files.py > files.json"""
import json
import re

import tensorflow as tf

cases = {}


def record(name, fn):
    try:
        fn()
        cases[name] = None
    except Exception as e:  # noqa: BLE001 - the class and text are what we record
        first = re.sub(r"^\{\{function_node [^}]*\}\} ", "", str(e).split("\n")[0]).split(" [Op:")[0]
        cases[name] = {"class": type(e).__name__, "message": first}


record("read_missing", lambda: tf.io.read_file("/nonexistent-jflow/a.txt"))
record("read_vector", lambda: tf.io.read_file(tf.constant(["a", "b"])))
record("read_int", lambda: tf.io.read_file(tf.constant(1)))
record("read_directory", lambda: tf.io.read_file("/tmp"))
record("listdir_missing", lambda: tf.io.gfile.listdir("/nonexistent-jflow"))
record("mkdir_missing_parent", lambda: tf.io.gfile.mkdir("/nonexistent-jflow/a/b"))
record("remove_missing", lambda: tf.io.gfile.remove("/nonexistent-jflow/zz"))
record("copy_missing", lambda: tf.io.gfile.copy("/nonexistent-jflow/zz", "/tmp/jflow-never"))
record("rmtree_missing", lambda: tf.io.gfile.rmtree("/nonexistent-jflow/zz"))
record("makedirs_over_a_file", lambda: tf.io.gfile.makedirs("/bin/sh"))
record("mkdir_existing", lambda: tf.io.gfile.mkdir("/tmp"))
print(json.dumps(cases, indent=1))
