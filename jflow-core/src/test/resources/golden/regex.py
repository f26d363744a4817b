"""Goldens for RegexTest: TF 2.21's RE2 error texts and byte-exact results on invalid UTF-8.

Run with the Python oracle: python regex.py > regex.json
"""
import json
import re
import tensorflow as tf

PATTERNS = ["(a", "(a)\\1", "a(?=a)", "a*+", "a**", "a{1001}", "[a", "a)", "\\", "*a", "[z-a]", "\\pX",
            "(?P<n", "a{2,1}", "[[:foo:]]", "\\8", "(?i", "x{1001,}"]
errors = {}
for p in PATTERNS:
    try:
        tf.strings.regex_full_match("a", p)
        errors[p] = None
    except tf.errors.InvalidArgumentError as e:
        # TF's eager prefix names its wrapped function; JFlow's message starts after it
        errors[p] = re.sub(r"^\{\{function_node [^}]*\}\} ", "", e.message)

CASES = [  # input bytes (latin-1 codes), pattern, rewrite, global
    ([0xFF, 0xFE, 0x61, 0x62, 0xC3], "z", "x", True),
    ([0xFF, 0x61, 0x62, 0xC3, 0x61], "a", "x", True),
    ([0xFF, 0x61, 0x62, 0xC3, 0x61], ".", "x", True),
    ([0xFF, 0x61, 0x62, 0xC3, 0x61], "a", "x", False),
    ([0x61, 0xE2, 0x82, 0x61, 0xC3, 0xA9, 0x62], "[^a]", "<\\0>", True),
    ([0x61, 0xE2, 0x82, 0x61, 0xC3, 0xA9, 0x62], "(a)(.)", "\\2\\1", True),
    ([0xF0, 0x9F, 0x98, 0x80, 0x80, 0x61], ".", "x", True),
    ([0xED, 0xA0, 0x80, 0x61], "a$", "b", True),
    ([0x61, 0x62, 0x63], "", "-", True),
    ([0xFF, 0x62], "", "-", True),
]
replace = []
for data, pattern, rewrite, glob in CASES:
    out = tf.strings.regex_replace(bytes(data), pattern, rewrite, replace_global=glob).numpy()
    full = bool(tf.strings.regex_full_match(bytes(data), ".*" + pattern + ".*").numpy())
    replace.append({"input": data, "pattern": pattern, "rewrite": rewrite, "global": glob,
                    "output": list(out), "fullMatch": full})
print(json.dumps({"errors": errors, "replace": replace}, indent=1))
