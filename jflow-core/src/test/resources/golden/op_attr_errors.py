"""TF 2.21's eager errors for attributes that break an op's declaration (unknown, wrong type, not allowed,
missing) and for inputs that break TF's op definition (their number, a number attribute's minimum, a dtype
outside the allowed list, dtypes disagreeing under one type attribute), written to op_attr_errors.json for
OpSignatureTest. Run with the Python oracle:
~/.cache/jflow-python-oracle/bin/python op_attr_errors.py"""
import json
import tensorflow as tf
from tensorflow.python.eager import context, execute

tf.config.threading.set_intra_op_parallelism_threads(2)
F, I = tf.float32.as_datatype_enum, tf.int32.as_datatype_enum
x = tf.constant([[1., 2.], [3., 4.]])
image = tf.zeros([1, 4, 4, 1])


def error(op, inputs, attrs):
    try:
        execute.execute(op, 1, inputs=inputs, attrs=attrs, ctx=context.context())
    except Exception as e:  # the class and TF's text
        return {"class": type(e).__name__, "message": str(e)}
    raise AssertionError(op + " raised nothing")


cases = {
    "unknown_attribute": error("Sum", [x, tf.constant([0])], ("keep_dims", False, "T", F, "Tidx", I, "foo", 1)),
    "bool_given_an_int": error("Sum", [x, tf.constant([0])], ("keep_dims", 3, "T", F, "Tidx", I)),
    "string_given_an_int": error("MaxPool", [image], ("ksize", [1, 2, 2, 1], "strides", [1, 1, 1, 1],
                                                       "padding", 3, "T", F)),
    "int_given_a_float": error("LRN", [image], ("depth_radius", 2.5, "T", F)),
    "float_given_a_string": error("LRN", [image], ("depth_radius", 2, "bias", "x", "T", F)),
    "type_given_a_string": error("Cast", [x], ("DstT", "x", "SrcT", F)),
    "list_given_an_int": error("MaxPool", [image], ("ksize", 3, "strides", [1, 1, 1, 1], "padding", "SAME",
                                                     "T", F)),
    "value_not_allowed": error("StringLength", [tf.constant(["a"])], ("unit", "BYTES")),
    "required_missing": error("MaxPool", [image], ("strides", [1, 1, 1, 1], "padding", "SAME", "T", F)),
    "too_few_inputs": error("AddV2", [x], ("T", F)),
    "list_below_minimum": error("ConcatV2", [x, tf.constant(0)], ("N", 1, "T", F, "Tidx", I)),
    "dtype_not_allowed": error("Relu", [tf.constant(["a"])], ("T", tf.string.as_datatype_enum)),
    "reduction_dtype_not_allowed": error("Sum", [tf.constant([True]), tf.constant([0])],
                                         ("keep_dims", False, "T", tf.bool.as_datatype_enum, "Tidx", I)),
    "index_dtype_not_allowed": error("GatherV2", [x, tf.constant([0.]), tf.constant(0)],
                                     ("batch_dims", 0, "Tparams", F, "Tindices", F, "Taxis", I)),
    "dtypes_disagree": error("AddV2", [x, tf.constant([[1, 2], [3, 4]])], ("T", F)),
    "list_dtypes_disagree": error("Pack", [x, tf.constant([[1, 2], [3, 4]])], ("N", 2, "T", F, "axis", 0)),
    "fixed_dtype_disagrees": error("SelectV2", [tf.constant([1]), x, x], ("T", F)),
}
with open(__file__.replace(".py", ".json"), "w") as f:
    json.dump(cases, f, indent=1)
