"""TF 2.21's TFRecord files and tf.train.Example bytes, parse results and errors, for jflow-io's TFRecord and
Example tests: writes tfrecord.json here and the fixtures ../tfrecord/tf_examples.tfrecord (uncompressed, .gz
GZIP, .zlib ZLIB), all written by TF. Run from this folder with the Python oracle:
    ~/.cache/jflow-python-oracle/bin/python tfrecord.py"""
import json
import os
import re

import tensorflow as tf

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tfrecord")
F = tf.train.Feature


def ints(*v): return F(int64_list=tf.train.Int64List(value=v))
def floats(*v): return F(float_list=tf.train.FloatList(value=v))
def byts(*v): return F(bytes_list=tf.train.BytesList(value=v))
def example(**features): return tf.train.Example(features=tf.train.Features(feature=features))
def ser(m): return m.SerializeToString(deterministic=True)


def tf_text(e):
    """TF's message without the eager runtime's function-node prefix and [Op:...] suffix (JFlow adds its own)."""
    s = re.sub(r"^\{\{function_node [^}]*\}\} ", "", str(e))
    return re.sub(r" \[Op:[A-Za-z0-9]+\]( name: )?$", "", s)


cases = {}
# ---- Example bytes: the same messages are built with JFlow's builders in ExampleTest -------------------------
examples = {
    "ints": example(v=ints(0, 1, -1, 2**62, -2**63, 300)),
    "floats": example(v=floats(1.5, -0.0, float("inf"), float("-inf"), 1e-45, 3.4028235e38)),
    "bytes": example(v=byts(b"", b"abc", "héllo".encode(), bytes(range(256)))),
    "mixed": example(label=ints(1), img_raw=byts(b"\xff\xd8\xff"), weights=floats(0.25, 0.5), zz=ints(), aa=byts()),
    "empty_lists": example(i=ints(), f=floats(), b=byts()),
    "no_features": tf.train.Example(),
    "empty_features": tf.train.Example(features=tf.train.Features()),
    "sequence": tf.train.SequenceExample(
        context=tf.train.Features(feature={"c": floats(2.5), "id": byts(b"x")}),
        feature_lists=tf.train.FeatureLists(feature_list={
            "t": tf.train.FeatureList(feature=[ints(1, 2), ints(3, 4), ints(5, 6)]),
            "v": tf.train.FeatureList(feature=[ints(1), ints(2, 3), ints()])})),
}
cases["serialized"] = {k: ser(v).hex() for k, v in examples.items()}
cases["feature_bytes"] = ser(ints(1, 2, 3)).hex()

# ---- TFRecord framing --------------------------------------------------------------------------------------
records = [b"hello", b"world!!", b"", bytes(range(256)) * 3]
plain = os.path.join(FIXTURES, "framing.tfrecord")
with tf.io.TFRecordWriter(plain) as w:
    for r in records:
        w.write(r)
framing = open(plain, "rb").read()
os.remove(plain)
cases["framing_records"] = [r.hex() for r in records]
cases["framing"] = framing.hex()

# Files JFlow reads back: the Examples above (a sequence example too), in TF's three compressions.
fixture_records = [ser(examples[k]) for k in ("ints", "floats", "bytes", "mixed", "empty_lists", "no_features")]
cases["fixture_records"] = [r.hex() for r in fixture_records]
for suffix, compression in (("", ""), (".gz", "GZIP"), (".zlib", "ZLIB")):
    with tf.io.TFRecordWriter(os.path.join(FIXTURES, "tf_examples.tfrecord" + suffix),
                              tf.io.TFRecordOptions(compression_type=compression)) as w:
        for r in fixture_records:
            w.write(r)


def read_error(data, compression=""):
    path = os.path.join(FIXTURES, "bad.tfrecord")
    open(path, "wb").write(data)
    try:
        return {"records": [x.numpy().hex() for x in tf.data.TFRecordDataset(path, compression_type=compression)]}
    except tf.errors.OpError as e:
        return {"class": type(e).__name__, "message": tf_text(e)}
    finally:
        os.remove(path)


# Record 0 is bytes 0..21 (12 header, 5 data, 4 footer), record 1 starts at 21, its data at 33.
def flip(i):
    b = bytearray(framing)
    b[i] ^= 1
    return bytes(b)


cases["read"] = {
    "length_crc_first": read_error(flip(0)),
    "length_crc_later": read_error(flip(21)),
    "header_crc_first": read_error(flip(9)),
    "data_first": read_error(flip(13)),
    "data_later": read_error(flip(34)),
    "data_crc_later": read_error(flip(41)),
    "truncated_data": read_error(framing[:30]),
    "truncated_footer": read_error(framing[:19]),
    "header_only": read_error(framing[:12]),
    "empty_file": read_error(b""),
    "gzip_not_gzip": read_error(framing, "GZIP"),
}

# ---- parsing -----------------------------------------------------------------------------------------------
e = ser(example(i=ints(1, 2, 3), f=floats(1.5), s=byts(b"ab", b"c")))
e2 = ser(example(i=ints(5), q=ints(7)))
FL, VL, RF, FS = tf.io.FixedLenFeature, tf.io.VarLenFeature, tf.io.RaggedFeature, tf.io.FixedLenSequenceFeature


def show(d): return {k: str(v) for k, v in d.items()}


def parse(fn):
    try:
        r = fn()
        return {"keys": list(r.keys()), "values": show(r)} if isinstance(r, dict) else \
            {"parts": [{"keys": list(p.keys()), "values": show(p)} for p in r]}
    except tf.errors.OpError as err:
        return {"class": type(err).__name__, "message": tf_text(err)}


se = ser(examples["sequence"])
cases["parse"] = {
    "single": parse(lambda: tf.io.parse_single_example(e, {
        "i": FL([3], tf.int64), "f": FL([], tf.float32), "s": VL(tf.string), "r": RF(tf.int64),
        "d": FL([2], tf.float32, default_value=[7., 8.]), "m": FL([1, 2], tf.string, default_value=[["x", "y"]])})),
    "batch": parse(lambda: tf.io.parse_example([e, e2], {
        "i": VL(tf.int64), "r": RF(tf.int64), "q": FL([], tf.int64, default_value=-1), "s": VL(tf.string)})),
    "missing": parse(lambda: tf.io.parse_single_example(e, {"x": FL([], tf.int64)})),
    "missing_batch": parse(lambda: tf.io.parse_example([e, e2], {"f": FL([], tf.float32)})),
    "wrong_type": parse(lambda: tf.io.parse_single_example(e, {"i": FL([3], tf.float32)})),
    "wrong_type_batch": parse(lambda: tf.io.parse_example([e, e], {"i": FL([3], tf.string)})),
    "varlen_wrong_type": parse(lambda: tf.io.parse_single_example(e, {"i": VL(tf.string)})),
    "varlen_wrong_type_batch": parse(lambda: tf.io.parse_example([e, e], {"i": VL(tf.float32)})),
    "ragged_wrong_type": parse(lambda: tf.io.parse_single_example(e, {"i": RF(tf.float32)})),
    "too_few_int64": parse(lambda: tf.io.parse_single_example(e, {"i": FL([4], tf.int64)})),
    "too_many_int64": parse(lambda: tf.io.parse_single_example(e, {"i": FL([2], tf.int64)})),
    "too_many_float": parse(lambda: tf.io.parse_single_example(ser(example(f=floats(1., 2.))), {"f": FL([], tf.float32)})),
    "too_many_bytes": parse(lambda: tf.io.parse_single_example(e, {"s": FL([1], tf.string)})),
    "too_few_batch": parse(lambda: tf.io.parse_example([e, e], {"i": FL([4], tf.int64)})),
    "too_many_float_batch": parse(lambda: tf.io.parse_example([ser(example(f=floats(1., 2.)))], {"f": FL([], tf.float32)})),
    "too_many_bytes_batch": parse(lambda: tf.io.parse_example([e], {"s": FL([], tf.string)})),
    "not_a_proto": parse(lambda: tf.io.parse_single_example(b"\x0a\x05\x0a", {"i": FL([3], tf.int64)})),
    "sequence_single": parse(lambda: tf.io.parse_single_sequence_example(
        se, {"c": FL([], tf.float32), "id": VL(tf.string)}, {"t": FS([2], tf.int64), "v": VL(tf.int64)})),
    "sequence_batch": parse(lambda: tf.io.parse_sequence_example(
        [se, ser(tf.train.SequenceExample(feature_lists=tf.train.FeatureLists(feature_list={
            "t": tf.train.FeatureList(feature=[ints(9, 9)])})))],
        {"c": FL([], tf.float32, default_value=0.5)}, {"t": FS([2], tf.int64), "v": VL(tf.int64)})),
    "sequence_missing": parse(lambda: tf.io.parse_single_sequence_example(se, {}, {"x": FS([2], tf.int64)})),
    "sequence_missing_allowed": parse(lambda: tf.io.parse_single_sequence_example(
        se, {}, {"x": FS([2], tf.int64, allow_missing=True)})),
    "sequence_wrong_size": parse(lambda: tf.io.parse_single_sequence_example(se, {}, {"v": FS([1], tf.int64)})),
    "sequence_wrong_type": parse(lambda: tf.io.parse_single_sequence_example(se, {}, {"t": FS([2], tf.float32)})),
    "sequence_context_missing": parse(lambda: tf.io.parse_single_sequence_example(se, {"q": FL([], tf.float32)}, {})),
}
sp = tf.sparse.SparseTensor(indices=[[0, 1], [2, 0]], values=[3, 4], dense_shape=[3, 2])
cases["sparse_str"] = str(sp)
cases["sparse_to_dense"] = str(tf.sparse.to_dense(sp))

with open(os.path.join(HERE, "tfrecord.json"), "w") as f:
    json.dump(cases, f, indent=1, ensure_ascii=False)
