package org.jflow.strings;

import org.jflow.DType;
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
 * {@code String[]}, lists, string tensors). {@code split} of a scalar gives a 1-D tensor as in TF;
 * of a vector TF gives a {@code RaggedTensor}, here {@link #splitRagged} and {@link RaggedTensor}.
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

    /** {@code tf.strings.split(input)} of a scalar: its whitespace-separated tokens as a 1-D tensor. */
    public Tensor split(Object input) { return split(input, "", -1); }

    /** {@code tf.strings.split(input, sep)} of a scalar, e.g. {@code split(line, "\t")}. */
    public Tensor split(Object input, String sep) { return split(input, sep, -1); }

    /** {@code tf.strings.split(input, sep, maxsplit)} of a scalar. */
    public Tensor split(Object input, String sep, int maxsplit) {
        Tensor t = str(input);
        if (t.rank() != 0) {
            throw new ValueError("tf.strings.split of a rank-" + t.rank() + " input returns a RaggedTensor: use tf.strings.splitRagged");
        }
        return splitRagged(t, sep, maxsplit).values();
    }

    /** {@code tf.strings.split(input)} of a vector: a ragged result, one row of tokens per element. */
    public RaggedTensor splitRagged(Object input) { return splitRagged(input, "", -1); }

    /** {@code tf.strings.split(input, sep)} of a vector. */
    public RaggedTensor splitRagged(Object input, String sep) { return splitRagged(input, sep, -1); }

    /** {@code tf.strings.split(input, sep, maxsplit)} of a scalar or vector (a scalar is one row). */
    public RaggedTensor splitRagged(Object input, String sep, int maxsplit) {
        Tensor t = str(input);
        if (t.rank() == 0) t = Tensor.wrap(DType.STRING, Shape.of(1), t.toBytesArray());
        Tensor[] sparse = Dispatcher.execute(StringOps.STRING_SPLIT_V2, Attrs.of("sep", sep, "maxsplit", maxsplit), t);
        long[] indices = sparse[0].toLongArray();
        long[] splits = new long[t.size() + 1];
        for (int k = 0; k < indices.length; k += 2) splits[(int) indices[k] + 1]++;
        for (int r = 0; r < t.size(); r++) splits[r + 1] += splits[r];
        return RaggedTensor.fromRowSplits(sparse[1], splits);
    }
}
