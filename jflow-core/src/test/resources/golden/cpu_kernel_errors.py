"""Golden values for CpuKernelErrorsTest: TF 2.21's NotFoundError for calls whose dtype TF's op
allows but no CPU kernel takes. The message is kept as TF's eager op error shows it, without the
" name: " suffix Python adds. Run: python cpu_kernel_errors.py > cpu_kernel_errors.json"""
import json
import re

import tensorflow as tf

R = tf.raw_ops


def zeros(dtype, shape):
    return tf.zeros(shape, dtype) if dtype != tf.string else tf.fill(shape, "a")


def error(f):
    try:
        f()
    except Exception as e:  # the type and message TF raises
        return {"type": type(e).__name__, "message": re.sub(r" name: .*$", "", str(e), flags=re.S)}
    raise AssertionError("no error")


cases = {
    "RealDiv int32": lambda: R.RealDiv(x=zeros(tf.int32, [2]), y=zeros(tf.int32, [2])),
    "Round int8": lambda: R.Round(x=zeros(tf.int8, [2])),
    "Rint half": lambda: R.Rint(x=zeros(tf.half, [2])),
    "TruncateMod half": lambda: R.TruncateMod(x=zeros(tf.half, [2]), y=zeros(tf.half, [2])),
    "Reciprocal int32": lambda: R.Reciprocal(x=zeros(tf.int32, [2])),
    "MatMul uint8": lambda: R.MatMul(a=zeros(tf.uint8, [2, 2]), b=zeros(tf.uint8, [2, 2])),
    "BatchMatMulV3 half": lambda: R.BatchMatMulV3(x=zeros(tf.half, [2, 2]), y=zeros(tf.half, [2, 2]), Tout=tf.half),
    "TensorScatterAdd bool": lambda: R.TensorScatterAdd(tensor=zeros(tf.bool, [2]), indices=tf.constant([[0]]),
                                                        updates=zeros(tf.bool, [1])),
    "TensorScatterAdd string": lambda: R.TensorScatterAdd(tensor=zeros(tf.string, [2]), indices=tf.constant([[0]]),
                                                          updates=zeros(tf.string, [1])),
    "LinSpace half": lambda: R.LinSpace(start=tf.constant(0, tf.half), stop=tf.constant(1, tf.half), num=3),
    "MatrixDiagV3 string": lambda: R.MatrixDiagV3(diagonal=zeros(tf.string, [2]), k=0, num_rows=-1, num_cols=-1,
                                                  padding_value=tf.constant("")),
    "LRN bfloat16": lambda: R.LRN(input=zeros(tf.bfloat16, [1, 1, 1, 2])),
    "AvgPool3D half": lambda: R.AvgPool3D(input=zeros(tf.half, [1, 2, 2, 2, 1]), ksize=[1, 1, 1, 1, 1],
                                          strides=[1, 1, 1, 1, 1], padding="VALID"),
}
print(json.dumps({k: error(f) for k, f in cases.items()}, indent=1))
