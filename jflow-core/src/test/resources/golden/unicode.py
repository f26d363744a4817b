"""Golden values for UnicodeTest: tf.strings.split, unicode_decode, unicode_split, unicode_encode and
unicode_transcode in TF 2.21: a scalar gives a dense result, a vector a RaggedTensor (its repr, row
splits and flat values), bad input per the errors option, and the error texts.
Run: python unicode.py > unicode.json"""
import base64
import json
import re

import tensorflow as tf

BAD = b"a\xffb\xe2\x82c\xf0\x9f\x98"
LINES = ["the quick brown fox jumps over the lazy dog again and again and again", "x", "y z"]
CASES = {
    "splitScalar": lambda: tf.strings.split("hello  world"),
    "splitVector": lambda: tf.strings.split(["hello world", "", "a b c"]),
    "splitUniformRows": lambda: tf.strings.split(["a b", "c d"]),
    "splitNoRows": lambda: tf.strings.split(tf.constant([], tf.string)),
    "splitEmptyRows": lambda: tf.strings.split(["", ""]),
    "splitOneRow": lambda: tf.strings.split(["a b"]),
    "splitLongRows": lambda: tf.strings.split(LINES),
    "splitSepMaxsplit": lambda: tf.strings.split(["a,b,c", "d"], ",", 1),
    "decodeScalar": lambda: tf.strings.unicode_decode("h\u00e9llo", "UTF-8"),
    "decodeVector": lambda: tf.strings.unicode_decode(["h\u00e9llo", "", "\u8a9e\u8a00"], "UTF-8"),
    "decodeUniformRows": lambda: tf.strings.unicode_decode(["ab", "cd"], "UTF-8"),
    "decodeLongRows": lambda: tf.strings.unicode_decode(["the quick brown fox", "x", "y z", "hello world",
                                                         "another one", "more rows here"], "UTF-8"),
    "decodeBadReplace": lambda: tf.strings.unicode_decode(BAD, "UTF-8"),
    "decodeBadIgnore": lambda: tf.strings.unicode_decode(BAD, "UTF-8", errors="ignore"),
    "decodeBadReplacementChar": lambda: tf.strings.unicode_decode(BAD, "UTF-8", replacement_char=63),
    "decodeBadStrict": lambda: tf.strings.unicode_decode(BAD, "UTF-8", errors="strict"),
    "decodeSurrogatesOverlong": lambda: tf.strings.unicode_decode(b"\xed\xa0\x80x\xc0\x80\xe0\x80\x80", "UTF-8"),
    "decodeTruncatedThenAscii": lambda: tf.strings.unicode_decode(b"\xf0\x9fa\xf4\x90\x80\x80", "UTF-8"),
    "decodeControl": lambda: tf.strings.unicode_decode("a\x01\x7f\tb\u0085", "UTF-8", replace_control_characters=True),
    "decodeUtf16be": lambda: tf.strings.unicode_decode(b"\x00a\xd8\x3d\xde\x00\xd8\x3d\x00b\xdc\x00\x00", "UTF-16-BE"),
    "decodeUtf16Bom": lambda: tf.strings.unicode_decode(b"\xff\xfea\x00\x3d\xd8\x00\xde", "UTF-16"),
    "decodeUtf16NoBom": lambda: tf.strings.unicode_decode(b"\x00a", "UTF-16"),
    "decodeUtf16le": lambda: tf.strings.unicode_decode(b"a\x00", "utf-16le"),
    "decodeUtf32be": lambda: tf.strings.unicode_decode(b"\x00\x00\x00a\x00\x01\xf6\x00\x00\x11\x00\x00\x00\x00\xd8\x00\x00",
                                                       "UTF-32-BE"),
    "decodeUtf32Bom": lambda: tf.strings.unicode_decode(b"\xff\xfe\x00\x00a\x00\x00\x00", "UTF-32"),
    "decodeLatin1": lambda: tf.strings.unicode_decode(b"\xe9a", "ISO-8859-1"),
    "decodeAscii": lambda: tf.strings.unicode_decode(b"a\xe9", "US-ASCII"),
    "decodeAlias": lambda: tf.strings.unicode_decode(b"a", "utf8"),
    "decodeUnknownEncoding": lambda: tf.strings.unicode_decode(b"a", "BOGUS"),
    "decodeReplacementOutOfRange": lambda: tf.strings.unicode_decode(b"\xff", "UTF-8", replacement_char=0x110000),
    "decodeSurrogateReplacement": lambda: tf.strings.unicode_decode(b"\xff", "UTF-8", replacement_char=0xD800),
    "decodeEmptyScalar": lambda: tf.strings.unicode_decode("", "UTF-8"),
    "splitCharsScalar": lambda: tf.strings.unicode_split("h\u00e9llo", "UTF-8"),
    "splitCharsVector": lambda: tf.strings.unicode_split(["h\u00e9llo", "", "\u8a9e\u8a00"], "UTF-8"),
    "splitCharsBad": lambda: tf.strings.unicode_split(BAD, "UTF-8"),
    "splitCharsBadIgnore": lambda: tf.strings.unicode_split(BAD, "UTF-8", errors="ignore"),
    "splitCharsUtf16be": lambda: tf.strings.unicode_split(b"\xd8\x3d\x00a\xd8\x3d\xde\x00", "UTF-16-BE"),
    "encodeVector": lambda: tf.strings.unicode_encode([104, 233, 0x8a9e], "UTF-8"),
    "encodeMatrix": lambda: tf.strings.unicode_encode([[104, 233], [65, 66]], "UTF-8"),
    "encode3d": lambda: tf.strings.unicode_encode([[[65, 66]], [[67, 68]]], "UTF-8"),
    "encodeEmptyRows": lambda: tf.strings.unicode_encode(tf.zeros([2, 0], tf.int32), "UTF-8"),
    "encodeRagged": lambda: tf.strings.unicode_encode(tf.RaggedTensor.from_row_splits([104, 233, 0x8a9e], [0, 2, 2, 3]),
                                                      "UTF-8"),
    "encodeUtf16be": lambda: tf.strings.unicode_encode([104, 0x1f600], "UTF-16-BE"),
    "encodeUtf32be": lambda: tf.strings.unicode_encode([104, 0x1f600], "UTF-32-BE"),
    "encodeInvalid": lambda: tf.strings.unicode_encode([104, -1, 0x110000, 0xD800], "UTF-8"),
    "encodeInvalidIgnore": lambda: tf.strings.unicode_encode([104, -1, 0x110000, 0xD800], "UTF-8", errors="ignore"),
    "encodeInvalidReplacementChar": lambda: tf.strings.unicode_encode([104, -1], "UTF-8", replacement_char=63),
    "encodeSurrogateReplacement": lambda: tf.strings.unicode_encode([-1], "UTF-8", replacement_char=0xD800),
    "encodeInvalidStrict": lambda: tf.strings.unicode_encode([104, -1], "UTF-8", errors="strict"),
    "encodeScalar": lambda: tf.strings.unicode_encode(104, "UTF-8"),
    "encodeInt64": lambda: tf.strings.unicode_encode(tf.constant([104], tf.int64), "UTF-8"),
    "transcode": lambda: tf.strings.unicode_transcode(["h\u00e9llo", b"a\xffb"], "UTF-8", "UTF-16-BE"),
    "transcodeIgnore": lambda: tf.strings.unicode_transcode([[b"a\xffb"]], "UTF-8", "UTF-8", errors="ignore"),
    "transcodeStrict": lambda: tf.strings.unicode_transcode([b"a\xffb"], "UTF-8", "UTF-8", errors="strict"),
    "transcodeControl": lambda: tf.strings.unicode_transcode(["a\x01"], "UTF-8", "UTF-8", replace_control_characters=True),
    "transcodeUnknownEncoding": lambda: tf.strings.unicode_transcode(["a"], "X", "UTF-8"),
    "decodeControlIgnore": lambda: tf.strings.unicode_decode(b"a\x01\t\xc2\x85b", "UTF-8", errors="ignore",
                                                             replace_control_characters=True),
    "decodeControlStrict": lambda: tf.strings.unicode_decode(b"a\x01b", "UTF-8", errors="strict",
                                                             replace_control_characters=True),
    "transcodeControlIgnore": lambda: tf.strings.unicode_transcode([b"a\x01\t\xc2\x85b"], "UTF-8", "UTF-8",
                                                                   errors="ignore", replace_control_characters=True),
    "transcodeControlStrict": lambda: tf.strings.unicode_transcode([b"a\x01b"], "UTF-8", "UTF-8", errors="strict",
                                                                   replace_control_characters=True),
    "offsetsAfterByteOrderMark": lambda: tf.strings.unicode_decode_with_offsets(b"\xff\xfea\x00b\x00", "UTF-16")[1],
}


def plain(t):
    v = tf.reshape(t, [-1]).numpy().tolist()
    return [base64.b64encode(x).decode() if isinstance(x, bytes) else x for x in v]


def outcome(f):
    try:
        r = f()
    except Exception as e:  # the class and message TF raises
        message = re.sub(r"^\{\{function_node [^}]*\}\} ", "", str(e))
        return {"error": type(e).__name__, "message": re.sub(r" name: .*$", "", message)}
    if isinstance(r, tf.RaggedTensor):
        return {"repr": repr(r), "row_splits": r.row_splits.numpy().tolist(), "values": plain(r.values)}
    return {"shape": r.shape.as_list(), "dtype": r.dtype.name, "values": plain(r)}


print(json.dumps({k: outcome(f) for k, f in CASES.items()}, indent=1))
