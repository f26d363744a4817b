"""Writes op-defs.txt: TF 2.21's op definitions (REGISTER_OP) of the ops JFlow registers under TF's names, the
part JFlow's declarations leave to TF: each op's typed inputs and outputs in REGISTER_OP's syntax
(`values: N * T, axis: Tidx -> output: T`), its type and number attributes (`T: {float, double}`,
`Tidx: {int32, int64} = int32`, `N: int >= 2`, `Tin: list(type)`), and the one-line summary TF's errors quote
(SummarizeOpDef in op_def_util.cc). JFlow's Signature reads the file (Signature.tf) and the Dispatcher checks
every call's inputs against it.

Op names come on standard input, one a line; to regenerate for the ops already listed:
  grep '^op ' op-defs.txt | cut -c4- | ~/.cache/jflow-python-oracle/bin/python op-defs.py > op-defs.txt
"""
import sys

import numpy as np
import tensorflow as tf
from tensorflow.core.framework import types_pb2
from tensorflow.python.framework import op_def_registry


def type_name(t):  # DataTypeString: float, half, int32, ...
    return types_pb2.DataType.Name(t)[3:].lower()


def arg_type(a):
    if a.type_list_attr:
        t = a.type_list_attr
    elif a.type_attr:
        t = a.type_attr
    else:
        t = type_name(a.type)
    return t


def declare_arg(a):
    t = arg_type(a)
    if a.number_attr:
        t = a.number_attr + " * " + t
    if a.is_ref:
        t = "Ref(" + t + ")"
    return a.name + ": " + t


def summarize_arg(a):
    t = (a.number_attr + "*" if a.number_attr else "") + arg_type(a)
    return a.name + ":" + ("Ref(" + t + ")" if a.is_ref else t)


def c_escape(s):
    out = []
    for c in s:
        o = ord(c)
        if c == "\n": out.append("\\n")
        elif c == "\r": out.append("\\r")
        elif c == "\t": out.append("\\t")
        elif c == "\"": out.append("\\\"")
        elif c == "'": out.append("\\'")
        elif c == "\\": out.append("\\\\")
        elif o < 32 or o >= 127: out.append("\\%03o" % o)
        else: out.append(c)
    return "".join(out)


def float_text(f):  # FloatToBuffer: %g with FLT_DIG digits, 9 where that does not round-trip
    s = "%.6g" % f
    if np.float32(float(s)) != np.float32(f):
        s = "%.9g" % f
    return s


def shape_text(s):
    if s.unknown_rank:
        return "<unknown>"
    return "[" + ",".join("?" if d.size < 0 else str(d.size) for d in s.dim) + "]"


def value_text(v):  # SummarizeAttrValue
    kind = v.WhichOneof("value")
    if kind == "s": return "\"" + c_escape(v.s.decode("utf-8", "replace")) + "\""
    if kind == "i": return str(v.i)
    if kind == "f": return float_text(v.f)
    if kind == "b": return "true" if v.b else "false"
    if kind == "type": return types_pb2.DataType.Name(v.type)
    if kind == "shape": return shape_text(v.shape)
    if kind == "func": return v.func.name
    if kind == "list":
        l = v.list
        items = ([ "\"" + c_escape(s.decode("utf-8", "replace")) + "\"" for s in l.s] + [str(i) for i in l.i]
                 + [float_text(f) for f in l.f] + ["true" if b else "false" for b in l.b]
                 + [types_pb2.DataType.Name(t) for t in l.type] + [shape_text(s) for s in l.shape]
                 + [f.name for f in l.func])
        return "[" + ", ".join(items) + "]"
    return "<Unknown AttrValue type>"


def summarize(d):
    s = "Op<name=" + d.name + "; signature=" + ", ".join(summarize_arg(a) for a in d.input_arg) + " -> " \
        + ", ".join(summarize_arg(a) for a in d.output_arg)
    for a in d.attr:
        s += "; attr=" + a.name + ":" + a.type
        if a.HasField("default_value"):
            s += ",default=" + value_text(a.default_value)
        if a.has_minimum:
            s += ",min=" + str(a.minimum)
        if a.HasField("allowed_values"):
            s += ",allowed=" + value_text(a.allowed_values)
    for flag in ("is_commutative", "is_aggregate", "is_stateful", "allows_uninitialized_input",
                 "is_distributed_communication"):
        if getattr(d, flag):
            s += "; " + flag + "=true"
    return s + ">"


def declare_attr(a):  # only the type and number attributes: JFlow's declarations hold the others
    if a.type == "type":
        text = a.name + ": " + ("{" + ", ".join(type_name(t) for t in a.allowed_values.list.type) + "}"
                                if a.HasField("allowed_values") else "type")
        if a.HasField("default_value"):
            text += " = " + type_name(a.default_value.type)
        return text
    if a.type == "list(type)":
        return a.name + ": list(type)"
    return None


print("# TF " + tf.__version__ + " op definitions, written by op-defs.py: 'op NAME', its inputs and outputs, its type and"
      " number attributes, its summary")
for name in sorted({line.strip() for line in sys.stdin if line.strip()}):
    d = op_def_registry.get(name)
    if d is None:  # not an op of TF's registry
        continue
    print("op " + name)
    print(("  " + ", ".join(declare_arg(a) for a in d.input_arg) + " -> "
           + ", ".join(declare_arg(a) for a in d.output_arg)).replace("   ->", "  ->").rstrip())
    numbers = {a.number_attr for a in list(d.input_arg) + list(d.output_arg) if a.number_attr}
    for a in d.attr:
        text = declare_attr(a)
        if text is None and a.name in numbers:
            text = a.name + ": int" + (" >= " + str(a.minimum) if a.has_minimum else "")
        if text is not None:
            print("  " + text)
    print("  " + summarize(d))
