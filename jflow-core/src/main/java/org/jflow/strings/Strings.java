package org.jflow.strings;

import org.jflow.DType;
import org.jflow.RaggedOrDense;
import org.jflow.RaggedTensor;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.errors.ValueError;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code tf.strings}. Inputs are anything {@code tf.convert_to_tensor} takes ({@code String},
 * {@code String[]}, lists, string tensors). As in TF, {@code split} and the unicode functions give a 1-D
 * tensor for a scalar and a {@link RaggedTensor} for a vector (see {@link RaggedOrDense}).
 */
public final class Strings {
    /** Keyword arguments of {@code as_string}. */
    public static final class AsStringOptions {
        int precision = -1, width = -1;
        boolean scientific, shortest;
        String fill = "";

        public AsStringOptions precision(int p) { precision = p; return this; }

        public AsStringOptions scientific(boolean s) { scientific = s; return this; }

        public AsStringOptions shortest(boolean s) { shortest = s; return this; }

        public AsStringOptions width(int w) { width = w; return this; }

        public AsStringOptions fill(String f) { fill = f; return this; }
    }

    /** Keyword arguments of {@code format}. */
    public static final class FormatOptions {
        String placeholder = "{}";
        int summarize = 3;

        public FormatOptions placeholder(String p) { placeholder = p; return this; }

        public FormatOptions summarize(int s) { summarize = s; return this; }
    }

    private static Tensor str(Object value) { return Convert.toTensor(value); }

    // ---- join and format ----

    /** {@code tf.strings.join(inputs)}. */
    public Tensor join(List<?> inputs) { return join(inputs, ""); }

    /** {@code tf.strings.join(inputs, separator)}: element-wise; scalars repeat. */
    public Tensor join(List<?> inputs, String separator) {
        Tensor[] in = inputs.stream().map(Strings::str).toArray(Tensor[]::new);
        return Dispatcher.execute1(StringOps.STRING_JOIN, Attrs.of("separator", separator), in);
    }

    /**
     * {@code tf.strings.format(template, inputs)}: one input per {@code {}}, e.g.
     * {@code format("Epoch={},Loss:{}", epoch, loss)}. A single {@link List} is the list of inputs,
     * as a Python list is; arrays and tensors are one input each.
     */
    public Tensor format(String template, Object... inputs) {
        if (inputs.length == 1 && inputs[0] instanceof List<?> list) return format(template, list, o -> o);
        return format(template, java.util.Arrays.asList(inputs), o -> o);
    }

    /** {@code tf.strings.format(template, inputs, placeholder=..., summarize=...)}. */
    public Tensor format(String template, List<?> inputs, UnaryOperator<FormatOptions> options) {
        FormatOptions o = options.apply(new FormatOptions());
        int placeholders = count(template, o.placeholder);
        if (placeholders != inputs.size()) {
            throw new ValueError("The template expects " + placeholders + " tensors, but the inputs only has " + inputs.size()
                    + ". Please ensure the number of placeholders in template matches inputs length.");
        }
        Tensor[] in = inputs.stream().map(Strings::str).toArray(Tensor[]::new);
        return Dispatcher.execute1(StringOps.STRING_FORMAT,
                Attrs.of("template", template, "placeholder", o.placeholder, "summarize", o.summarize), in);
    }

    /** Python's {@code str.count}: non-overlapping occurrences. */
    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0 && !part.isEmpty(); at = s.indexOf(part, at + part.length())) n++;
        return n;
    }

    // ---- element-wise ----

    /** {@code tf.strings.length(input)}: bytes per element, int32. */
    public Tensor length(Object input) { return length(input, "BYTE"); }

    /** {@code tf.strings.length(input, unit)}: {@code "BYTE"} or {@code "UTF8_CHAR"}. */
    public Tensor length(Object input, String unit) {
        return Dispatcher.execute1(StringOps.STRING_LENGTH, Attrs.of("unit", unit), str(input));
    }

    /** {@code tf.strings.lower(input)}: ASCII letters only, as TF without an encoding. */
    public Tensor lower(Object input) { return lower(input, ""); }

    /** {@code tf.strings.lower(input, encoding="utf-8")}: every character. */
    public Tensor lower(Object input, String encoding) {
        return Dispatcher.execute1(StringOps.STRING_LOWER, Attrs.of("encoding", encoding), str(input));
    }

    /** {@code tf.strings.upper(input)}. */
    public Tensor upper(Object input) { return upper(input, ""); }

    /** {@code tf.strings.upper(input, encoding)}. */
    public Tensor upper(Object input, String encoding) {
        return Dispatcher.execute1(StringOps.STRING_UPPER, Attrs.of("encoding", encoding), str(input));
    }

    /** {@code tf.strings.strip(input)}: leading and trailing ASCII whitespace removed. */
    public Tensor strip(Object input) { return Dispatcher.execute1(StringOps.STRING_STRIP, Attrs.EMPTY, str(input)); }

    /** {@code tf.strings.regex_full_match(input, pattern)}: bool per element. */
    public Tensor regexFullMatch(Object input, String pattern) {
        return Dispatcher.execute1(StringOps.STATIC_REGEX_FULL_MATCH, Attrs.of("pattern", pattern), str(input));
    }

    /** {@code tf.strings.regex_replace(input, pattern, rewrite)}: every match; {@code \1} in the rewrite is group 1. */
    public Tensor regexReplace(Object input, String pattern, String rewrite) { return regexReplace(input, pattern, rewrite, true); }

    /** {@code tf.strings.regex_replace(input, pattern, rewrite, replace_global)}. */
    public Tensor regexReplace(Object input, String pattern, String rewrite, boolean replaceGlobal) {
        return Dispatcher.execute1(StringOps.STATIC_REGEX_REPLACE,
                Attrs.of("pattern", pattern, "rewrite", rewrite, "replace_global", replaceGlobal), str(input));
    }

    /** {@code tf.strings.to_number(input)}: float32. */
    public Tensor toNumber(Object input) { return toNumber(input, DType.FLOAT32); }

    /** {@code tf.strings.to_number(input, out_type)}. */
    public Tensor toNumber(Object input, DType outType) {
        return Dispatcher.execute1(StringOps.STRING_TO_NUMBER, Attrs.of("out_type", outType), str(input));
    }

    /** {@code tf.strings.to_hash_bucket_fast(input, num_buckets)}: FarmHash fingerprint modulo {@code numBuckets}, int64. */
    public Tensor toHashBucketFast(Object input, long numBuckets) {
        return Dispatcher.execute1(StringOps.STRING_TO_HASH_BUCKET_FAST, Attrs.of("num_buckets", numBuckets), str(input));
    }

    /** {@code tf.strings.to_hash_bucket_strong(input, num_buckets, key)}: keyed SipHash modulo {@code numBuckets}. */
    public Tensor toHashBucketStrong(Object input, long numBuckets, long[] key) {
        return Dispatcher.execute1(StringOps.STRING_TO_HASH_BUCKET_STRONG, Attrs.of("num_buckets", numBuckets, "key", key.clone()), str(input));
    }

    /** {@code tf.strings.as_string(input)}: ints as {@code %d}, floats as {@code %f}, bools as true/false. */
    public Tensor asString(Object input) { return asString(input, o -> o); }

    /** {@code tf.strings.as_string(input, precision=..., scientific=..., shortest=..., width=..., fill=...)}. */
    public Tensor asString(Object input, UnaryOperator<AsStringOptions> options) {
        AsStringOptions o = options.apply(new AsStringOptions());
        return Dispatcher.execute1(StringOps.AS_STRING, Attrs.of("precision", o.precision, "scientific", o.scientific,
                "shortest", o.shortest, "width", o.width, "fill", o.fill), Convert.toTensor(input));
    }

    /** {@code tf.strings.substr(input, pos, len)}: bytes. */
    public Tensor substr(Object input, Object pos, Object len) { return substr(input, pos, len, "BYTE"); }

    /** {@code tf.strings.substr(input, pos, len, unit)}: {@code "BYTE"} or {@code "UTF8_CHAR"}. */
    public Tensor substr(Object input, Object pos, Object len, String unit) {
        return Dispatcher.execute1(StringOps.SUBSTR, Attrs.of("unit", unit), str(input), Convert.toTensor(pos), Convert.toTensor(len));
    }

    // ---- reductions and splitting ----

    /** {@code tf.strings.reduce_join(inputs)}: every element joined into a scalar. */
    public Tensor reduceJoin(Object inputs) { return reduceJoin(inputs, null, false, ""); }

    /** {@code tf.strings.reduce_join(inputs, axis)}. */
    public Tensor reduceJoin(Object inputs, int axis) { return reduceJoin(inputs, new int[] {axis}, false, ""); }

    /** {@code tf.strings.reduce_join(inputs, axis, keepdims, separator)}. */
    public Tensor reduceJoin(Object inputs, int axis, boolean keepdims, String separator) {
        return reduceJoin(inputs, new int[] {axis}, keepdims, separator);
    }

    /** {@code tf.strings.reduce_join(inputs, axis=[...], keepdims, separator)}; {@code axis} null reduces all. */
    public Tensor reduceJoin(Object inputs, int[] axis, boolean keepdims, String separator) {
        Attrs attrs = Attrs.of("keep_dims", keepdims, "separator", separator);
        if (axis != null) attrs = attrs.with("axis", axis.clone());
        return Dispatcher.execute1(StringOps.REDUCE_JOIN, attrs, str(inputs));
    }

    /** {@code tf.strings.split(input)} of a Java string (a scalar): its whitespace-separated tokens as a 1-D tensor. */
    public Tensor split(String input) { return split(input, "", -1); }

    /** {@code tf.strings.split(input, sep)} of a Java string, e.g. {@code split(line, "\t")}. */
    public Tensor split(String input, String sep) { return split(input, sep, -1); }

    /** {@code tf.strings.split(input, sep, maxsplit)} of a Java string. */
    public Tensor split(String input, String sep, int maxsplit) { return split((Object) input, sep, maxsplit); }

    /** {@code tf.strings.split(input)} of a Java array (a vector): a {@link RaggedTensor}, a row per element. */
    public RaggedTensor split(String[] input) { return split(input, "", -1); }

    /** {@code tf.strings.split(input, sep)} of a Java array. */
    public RaggedTensor split(String[] input, String sep) { return split(input, sep, -1); }

    /** {@code tf.strings.split(input, sep, maxsplit)} of a Java array. */
    public RaggedTensor split(String[] input, String sep, int maxsplit) {
        return split(Convert.toTensor(input, DType.STRING), sep, maxsplit); // a string vector even when empty
    }

    /**
     * {@code tf.strings.split(input)} as TF: a scalar's tokens as a 1-D tensor, a vector's as a
     * {@link RaggedTensor} with one row per element. The caller's type picks the case
     * ({@code RaggedTensor words = tf.strings.split(lines)}; {@code Tensor parts = tf.strings.split(line)}).
     */
    public <T extends RaggedOrDense> T split(Object input) { return split(input, "", -1); }

    /** {@code tf.strings.split(input, sep)}: "" splits on whitespace runs. */
    public <T extends RaggedOrDense> T split(Object input, String sep) { return split(input, sep, -1); }

    /** {@code tf.strings.split(input, sep, maxsplit)}; {@code maxsplit} -1 is no limit. */
    public <T extends RaggedOrDense> T split(Object input, String sep, int maxsplit) {
        Tensor t = str(input);
        Tensor vector = t.rank() == 1 ? t : reshape(t, t.size());
        Attrs attrs = Attrs.of("sep", sep, "maxsplit", maxsplit);
        Tensor[] sparse = Dispatcher.execute(StringOps.STRING_SPLIT_V2, attrs, vector);
        // a scalar's tokens are the values alone, as TF returns them: no value is read, so this traces (tf.data's map)
        if (t.rank() == 0) return Ragged.of(t, sparse[1], null);
        long[] indices = sparse[0].toLongArray();
        long[] splits = new long[vector.size() + 1];
        for (int k = 0; k < indices.length; k += 2) splits[(int) indices[k] + 1]++;
        for (int r = 0; r < vector.size(); r++) splits[r + 1] += splits[r];
        return Ragged.of(t, sparse[1], splits);
    }

    private static Tensor reshape(Tensor t, int... dims) {
        return Dispatcher.execute1(org.jflow.array.ArrayOps.RESHAPE, Attrs.of("shape", dims), t);
    }

    // ---- unicode ----

    /** Keyword arguments of the unicode functions: errors, replacement_char, replace_control_characters. */
    public static final class UnicodeOptions {
        String errors = "replace";
        int replacementChar = 0xFFFD;
        boolean replaceControlCharacters;

        /** {@code "replace"} (the default), {@code "ignore"} or {@code "strict"}. */
        public UnicodeOptions errors(String e) { errors = e; return this; }

        public UnicodeOptions replacementChar(int c) { replacementChar = c; return this; }

        public UnicodeOptions replaceControlCharacters(boolean r) { replaceControlCharacters = r; return this; }

        Attrs attrs() {
            return Attrs.of("errors", errors, "replacement_char", replacementChar,
                    "replace_control_characters", replaceControlCharacters);
        }
    }

    /**
     * {@code tf.strings.unicode_decode(input, input_encoding)}: a scalar's code points as a 1-D int32
     * tensor, a vector's as a {@link RaggedTensor}; ill-formed bytes become U+FFFD.
     */
    public <T extends RaggedOrDense> T unicodeDecode(Object input, String inputEncoding) {
        return unicodeDecode(input, inputEncoding, o -> o);
    }

    /** {@code tf.strings.unicode_decode(input, input_encoding, errors=..., replacement_char=..., ...)}. */
    public <T extends RaggedOrDense> T unicodeDecode(Object input, String inputEncoding,
                                                     UnaryOperator<UnicodeOptions> options) {
        Tensor t = str(input);
        Attrs attrs = options.apply(new UnicodeOptions()).attrs().with("input_encoding", inputEncoding);
        Tensor[] out = Dispatcher.execute(UnicodeOps.UNICODE_DECODE, attrs, t);
        return Ragged.of(t, out[1], out[0].toLongArray());
    }

    /**
     * {@code tf.strings.unicode_split(input, input_encoding)}: each character as its own string in
     * {@code input_encoding} (which must be one {@code unicode_encode} writes), a replaced one as the
     * replacement character; 1-D for a scalar, ragged for a vector.
     */
    public <T extends RaggedOrDense> T unicodeSplit(Object input, String inputEncoding) {
        return unicodeSplit(input, inputEncoding, o -> o);
    }

    /** {@code tf.strings.unicode_split(input, input_encoding, errors=..., replacement_char=...)}. */
    public <T extends RaggedOrDense> T unicodeSplit(Object input, String inputEncoding,
                                                    UnaryOperator<UnicodeOptions> options) {
        Tensor t = str(input);
        UnicodeOptions o = options.apply(new UnicodeOptions()).replaceControlCharacters(false);
        Attrs decode = o.attrs().with("input_encoding", inputEncoding);
        Tensor[] decoded = Dispatcher.execute(UnicodeOps.UNICODE_DECODE, decode, t);
        // as TF's Python: decode, then encode every code point as a one-character row
        Tensor chars = decoded[1];
        long[] single = new long[chars.size() + 1];
        for (int i = 0; i < single.length; i++) single[i] = i;
        Attrs encode = Attrs.of("errors", o.errors, "replacement_char", o.replacementChar,
                "output_encoding", inputEncoding);
        Tensor strings = Dispatcher.execute1(UnicodeOps.UNICODE_ENCODE, encode, chars,
                Tensor.wrap(DType.INT64, Shape.of(single.length), single));
        return Ragged.of(t, strings, decoded[0].toLongArray());
    }

    /**
     * {@code tf.strings.unicode_encode(input, output_encoding)}: code points to strings along the last
     * dimension ("UTF-8", "UTF-16-BE" or "UTF-32-BE"): a 1-D tensor gives a scalar, a {@link RaggedTensor}
     * or an N-D tensor gives one string per row.
     */
    public <T extends RaggedOrDense> T unicodeEncode(Object input, String outputEncoding) {
        return unicodeEncode(input, outputEncoding, o -> o);
    }

    /** {@code tf.strings.unicode_encode(input, output_encoding, errors=..., replacement_char=...)}. */
    @SuppressWarnings("unchecked") // a ragged input of ragged rank 2 or more gives a RaggedTensor, as in TF
    public <T extends RaggedOrDense> T unicodeEncode(Object input, String outputEncoding, UnaryOperator<UnicodeOptions> options) {
        UnicodeOptions o = options.apply(new UnicodeOptions());
        Attrs attrs = Attrs.of("errors", o.errors, "replacement_char", o.replacementChar,
                "output_encoding", outputEncoding);
        if (input instanceof RaggedTensor r) {
            // TF's Python: the innermost ragged dimension is encoded, the outer ones kept (input.with_values)
            if (r.values() instanceof RaggedTensor inner) return (T) r.withValues(unicodeEncode(inner, outputEncoding, options));
            return (T) Dispatcher.execute1(UnicodeOps.UNICODE_ENCODE, attrs, (Tensor) r.values(), r.rowSplits());
        }
        Tensor t = Convert.toTensor(input);
        if (t.rank() == 0) throw new ValueError("input_tensor's rank must be at least 1.");
        // as TF's Python: the last dimension becomes uniform rows of the flattened values
        int[] dims = t.shape().dims(), outer = java.util.Arrays.copyOf(dims, dims.length - 1);
        int width = dims[dims.length - 1], rows = java.util.Arrays.stream(outer).reduce(1, (a, b) -> a * b);
        long[] splits = new long[rows + 1];
        for (int r = 0; r <= rows; r++) splits[r] = (long) r * width;
        Tensor strings = Dispatcher.execute1(UnicodeOps.UNICODE_ENCODE, attrs, reshape(t, t.size()),
                Tensor.wrap(DType.INT64, Shape.of(rows + 1), splits));
        return (T) reshape(strings, outer);
    }

    /**
     * {@code tf.strings.unicode_script(input)}: the ICU script code of each int32 code point (Latin 25, Greek 14,
     * Han 17, Common 0, Unknown 103), -1 for a value that is no code point; same shape.
     */
    public Tensor unicodeScript(Object input) {
        return Dispatcher.execute1(UnicodeOps.UNICODE_SCRIPT, Attrs.EMPTY, Convert.toTensor(input));
    }

    /** {@code tf.strings.unicode_transcode(input, input_encoding, output_encoding)}: element by element, same shape. */
    public Tensor unicodeTranscode(Object input, String inputEncoding, String outputEncoding) {
        return unicodeTranscode(input, inputEncoding, outputEncoding, o -> o);
    }

    /** {@code tf.strings.unicode_transcode(..., errors=..., replacement_char=..., replace_control_characters=...)}. */
    public Tensor unicodeTranscode(Object input, String inputEncoding, String outputEncoding,
                                   UnaryOperator<UnicodeOptions> options) {
        Attrs attrs = options.apply(new UnicodeOptions()).attrs().with("input_encoding", inputEncoding)
                .with("output_encoding", outputEncoding);
        return Dispatcher.execute1(UnicodeOps.UNICODE_TRANSCODE, attrs, str(input));
    }
}
