"""Writes the NPY/NPZ fixtures NpyTest reads, with NumPy 2.4 (and ml_dtypes for bfloat16). Each array is
arange(6) reshaped to (2, 3) and cast to the dtype (bools: arange % 2 == 0; complex: arange - 1j * arange;
strings: [b'', b'a', b'bc', b'def', b'ghij', b'k']), saved in C order as <dtype>.npy and in Fortran order
as <dtype>_f.npy; big-endian <i4 as int32_be.npy; two arrays in stored.npz (np.savez) and deflated.npz
(np.savez_compressed). Run from this folder: python make_fixtures.py"""
import ml_dtypes
import numpy as np

base = np.arange(6).reshape(2, 3)
arrays = {
    "float16": base.astype(np.float16), "bfloat16": base.astype(ml_dtypes.bfloat16),
    "float32": base.astype(np.float32), "float64": base.astype(np.float64), "int8": base.astype(np.int8),
    "int16": base.astype(np.int16), "int32": base.astype(np.int32), "int64": base.astype(np.int64),
    "uint8": base.astype(np.uint8), "bool": base % 2 == 0, "complex64": (base - 1j * base).astype(np.complex64),
    "complex128": (base - 1j * base).astype(np.complex128),
    "string": np.array([b"", b"a", b"bc", b"def", b"ghij", b"k"]).reshape(2, 3),
}
for name, a in arrays.items():
    np.save(name + ".npy", a)
    np.save(name + "_f.npy", np.asfortranarray(a))
np.save("int32_be.npy", base.astype(">i4"))
np.save("unicode.npy", np.array(["héllo", "wörld"]))
np.savez("stored.npz", x=arrays["float32"], y=arrays["int64"])
np.savez_compressed("deflated.npz", x=arrays["float32"], y=arrays["int64"])
for name in ("float32", "bfloat16", "string"):
    print(name, np.load(name + ".npy").dtype, open(name + ".npy", "rb").read()[:80])
