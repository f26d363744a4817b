"""TF 2.21's errors importing NodeDefs that break their op's definition, written to graphdef_import_errors.json
for GraphDefValidationTest (the C API's text: TF_GraphImportGraphDef, which tf.graph_util.import_graph_def
raises as ValueError). Run with the Python oracle:
~/.cache/jflow-python-oracle/bin/python graphdef_import_errors.py"""
import json
import tensorflow as tf
from tensorflow.core.framework import graph_pb2, node_def_pb2, types_pb2

tf.config.threading.set_intra_op_parallelism_threads(2)


def const(name, values, dtype):
    n = node_def_pb2.NodeDef(name=name, op="Const")
    n.attr["dtype"].type = dtype.as_datatype_enum
    n.attr["value"].tensor.CopyFrom(tf.make_tensor_proto(values, dtype=dtype))
    return n


def node(name, op, inputs, **attrs):
    n = node_def_pb2.NodeDef(name=name, op=op, input=inputs)
    for k, v in attrs.items():
        if isinstance(v, tf.DType):
            n.attr[k].type = v.as_datatype_enum
        elif isinstance(v, bool):
            n.attr[k].b = v
        elif isinstance(v, int):
            n.attr[k].i = v
        elif isinstance(v, str):
            n.attr[k].s = v.encode()
        else:
            n.attr[k].list.i.extend(v)
    return n


def error(*nodes):
    g = graph_pb2.GraphDef()
    g.node.extend(nodes)
    try:
        with tf.Graph().as_default():
            tf.graph_util.import_graph_def(g, name="")
    except ValueError as e:
        return str(e)
    raise AssertionError("imported")


m = const("m", [[1.0, 2.0], [3.0, 4.0]], tf.float32)
image = const("image", [[[[1.0]]]], tf.float32)
s = const("s", ["a"], tf.string)
cases = {
    "too_few_inputs": error(m, node("mm", "MatMul", ["m"], T=tf.float32)),
    "attr_of_the_wrong_type": error(m, node("mm", "MatMul", ["m", "m"], T=tf.float32, transpose_a=1)),
    "required_attr_missing": error(image, node("mp", "MaxPool", ["image"], T=tf.float32, strides=[1, 1, 1, 1],
                                               padding="SAME")),
    "value_not_allowed": error(s, node("len", "StringLength", ["s"], unit="BYTES")),
}
with open(__file__.replace(".py", ".json"), "w") as f:
    json.dump(cases, f, indent=1)
