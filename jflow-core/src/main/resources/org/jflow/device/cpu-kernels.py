"""Writes cpu-kernels.txt: TF 2.21's CPU kernel registrations per op, as TF prints them after
"All kernels registered for op X:" in its NotFoundError (its XLA_* JIT registrations left out: JFlow
has no XLA device). JFlow's KernelTable reads the file (KernelTable.registeredFor / cpuNotFound).

Op names come on standard input, one a line; to regenerate for the ops already listed:
  grep '^op ' cpu-kernels.txt | cut -c4- | ~/.cache/jflow-python-oracle/bin/python cpu-kernels.py > cpu-kernels.txt
"""
import sys

import tensorflow as tf
from tensorflow.core.framework import types_pb2
from tensorflow.python.framework import kernels

print("# TF " + tf.__version__ + " CPU kernel registrations, written by cpu-kernels.py: 'op NAME', then TF's lines")
for name in sorted({line.strip() for line in sys.stdin if line.strip()}):
    try:
        registered = kernels.get_registered_kernels_for_op(name).kernel
    except Exception:  # not an op of TF's registry
        continue
    lines = []
    for k in registered:
        if k.device_type.startswith("XLA_"):
            continue
        line = "  device='" + k.device_type + "'"
        if k.label:
            line += "; label='" + k.label + "'"
        for c in k.constraint:
            line += "; " + c.name + " in [" + ", ".join(types_pb2.DataType.Name(t) for t in c.allowed_values.list.type) + "]"
        lines.append(line)
    if lines:
        print("op " + name)
        for line in lines:
            print(line)
