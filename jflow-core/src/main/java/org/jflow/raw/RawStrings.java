package org.jflow.raw;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

import java.util.List;

/** TF's {@code gen_string_ops}: one typed method per string op (string {@code Add} is {@link RawMath#add}). */
public final class RawStrings {
    private static final Op AS_STRING = Raw.op("AsString");
    private static final Op REDUCE_JOIN = Raw.op("ReduceJoin");
    private static final Op STATIC_REGEX_FULL_MATCH = Raw.op("StaticRegexFullMatch");
    private static final Op STATIC_REGEX_REPLACE = Raw.op("StaticRegexReplace");
    private static final Op STRING_FORMAT = Raw.op("StringFormat");
    private static final Op STRING_JOIN = Raw.op("StringJoin");
    private static final Op STRING_LENGTH = Raw.op("StringLength");
    private static final Op STRING_LOWER = Raw.op("StringLower");
    private static final Op STRING_SPLIT_V2 = Raw.op("StringSplitV2");
    private static final Op STRING_STRIP = Raw.op("StringStrip");
    private static final Op STRING_TO_HASH_BUCKET_FAST = Raw.op("StringToHashBucketFast");
    private static final Op STRING_TO_HASH_BUCKET_STRONG = Raw.op("StringToHashBucketStrong");
    private static final Op STRING_TO_NUMBER = Raw.op("StringToNumber");
    private static final Op STRING_UPPER = Raw.op("StringUpper");
    private static final Op SUBSTR = Raw.op("Substr");
    private static final Op UNICODE_DECODE = Raw.op("UnicodeDecode");
    private static final Op UNICODE_DECODE_WITH_OFFSETS = Raw.op("UnicodeDecodeWithOffsets");
    private static final Op UNICODE_ENCODE = Raw.op("UnicodeEncode");
    private static final Op UNICODE_SCRIPT = Raw.op("UnicodeScript");
    private static final Op UNICODE_TRANSCODE = Raw.op("UnicodeTranscode");

    private RawStrings() {}

    /** {@code AsString}: TF's defaults are precision -1, scientific and shortest false, width -1, fill "". */
    public static Tensor asString(Tensor input, int precision, boolean scientific, boolean shortest, int width,
                                  String fill) {
        return Raw.one(AS_STRING, Attrs.of("precision", precision, "scientific", scientific, "shortest", shortest,
                "width", width, "fill", fill), input);
    }

    /** {@code ReduceJoin}; {@code axis} null joins over every axis. */
    public static Tensor reduceJoin(Tensor inputs, int[] axis, boolean keepDims, String separator) {
        return Raw.one(REDUCE_JOIN, Raw.attrs("axis", axis == null ? null : axis.clone(), "keep_dims", keepDims,
                "separator", separator), inputs);
    }

    public static Tensor staticRegexFullMatch(Tensor input, String pattern) {
        return Raw.one(STATIC_REGEX_FULL_MATCH, Attrs.of("pattern", pattern), input);
    }

    public static Tensor staticRegexReplace(Tensor input, String pattern, String rewrite, boolean replaceGlobal) {
        return Raw.one(STATIC_REGEX_REPLACE, Attrs.of("pattern", pattern, "rewrite", rewrite,
                "replace_global", replaceGlobal), input);
    }

    public static Tensor stringFormat(List<Tensor> inputs, String template, String placeholder, int summarize) {
        Attrs attrs = Attrs.of("template", template, "placeholder", placeholder, "summarize", summarize);
        return Raw.one(STRING_FORMAT, attrs, Raw.list(inputs));
    }

    public static Tensor stringJoin(List<Tensor> inputs, String separator) {
        return Raw.one(STRING_JOIN, Attrs.of("separator", separator), Raw.list(inputs));
    }

    /** {@code StringLength} in {@code unit} BYTE or UTF8_CHAR. */
    public static Tensor stringLength(Tensor input, String unit) {
        return Raw.one(STRING_LENGTH, Attrs.of("unit", unit), input);
    }

    public static Tensor stringLower(Tensor input, String encoding) {
        return Raw.one(STRING_LOWER, Attrs.of("encoding", encoding), input);
    }

    public static Tensor stringUpper(Tensor input, String encoding) {
        return Raw.one(STRING_UPPER, Attrs.of("encoding", encoding), input);
    }

    public static Tensor stringStrip(Tensor input) { return Raw.one(STRING_STRIP, Attrs.EMPTY, input); }

    /** {@code StringSplitV2}: {@code [indices, values, shape]} of the sparse result. */
    public static Tensor[] stringSplitV2(Tensor input, String sep, int maxsplit) {
        return Raw.all(STRING_SPLIT_V2, Attrs.of("sep", sep, "maxsplit", maxsplit), input);
    }

    public static Tensor stringToHashBucketFast(Tensor input, long numBuckets) {
        return Raw.one(STRING_TO_HASH_BUCKET_FAST, Attrs.of("num_buckets", numBuckets), input);
    }

    /** {@code StringToHashBucketStrong} keyed by the two words of {@code key}. */
    public static Tensor stringToHashBucketStrong(Tensor input, long numBuckets, long[] key) {
        return Raw.one(STRING_TO_HASH_BUCKET_STRONG, Attrs.of("num_buckets", numBuckets, "key", key.clone()), input);
    }

    public static Tensor stringToNumber(Tensor stringTensor, DType outType) {
        return Raw.one(STRING_TO_NUMBER, Attrs.of("out_type", outType), stringTensor);
    }

    public static Tensor substr(Tensor input, Tensor pos, Tensor len, String unit) {
        return Raw.one(SUBSTR, Attrs.of("unit", unit), input, pos, len);
    }

    private static Attrs decode(String inputEncoding, String errors, int replacementChar,
                                boolean replaceControlCharacters, DType tsplits) {
        return Attrs.of("input_encoding", inputEncoding, "errors", errors, "replacement_char", replacementChar,
                "replace_control_characters", replaceControlCharacters, "Tsplits", tsplits);
    }

    /** {@code UnicodeDecode}: {@code [row_splits, char_values]}; {@code errors} strict, replace or ignore. */
    public static Tensor[] unicodeDecode(Tensor input, String inputEncoding, String errors, int replacementChar,
                                         boolean replaceControlCharacters, DType tsplits) {
        Attrs attrs = decode(inputEncoding, errors, replacementChar, replaceControlCharacters, tsplits);
        return Raw.all(UNICODE_DECODE, attrs, input);
    }

    /** {@code UnicodeDecodeWithOffsets}: {@code [row_splits, char_values, char_to_byte_starts]}. */
    public static Tensor[] unicodeDecodeWithOffsets(Tensor input, String inputEncoding, String errors,
                                                    int replacementChar, boolean replaceControlCharacters,
                                                    DType tsplits) {
        return Raw.all(UNICODE_DECODE_WITH_OFFSETS, decode(inputEncoding, errors, replacementChar,
                replaceControlCharacters, tsplits), input);
    }

    public static Tensor unicodeEncode(Tensor inputValues, Tensor inputSplits, String errors, String outputEncoding,
                                       int replacementChar) {
        return Raw.one(UNICODE_ENCODE, Attrs.of("errors", errors, "output_encoding", outputEncoding,
                "replacement_char", replacementChar), inputValues, inputSplits);
    }

    public static Tensor unicodeScript(Tensor input) { return Raw.one(UNICODE_SCRIPT, Attrs.EMPTY, input); }

    public static Tensor unicodeTranscode(Tensor input, String inputEncoding, String outputEncoding, String errors,
                                          int replacementChar, boolean replaceControlCharacters) {
        return Raw.one(UNICODE_TRANSCODE, Attrs.of("input_encoding", inputEncoding, "output_encoding", outputEncoding,
                "errors", errors, "replacement_char", replacementChar,
                "replace_control_characters", replaceControlCharacters), input);
    }
}
