package org.jflow.strings;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.strings.UnicodeCodec.Encoding;
import org.jflow.strings.UnicodeCodec.Errors;
import org.jflow.strings.UnicodeCodec.Ints;
import org.jflow.strings.UnicodeCodec.Policy;

/**
 * TF's unicode ops (unicode_ops.cc): {@code UnicodeDecode} and {@code UnicodeDecodeWithOffsets} turn
 * every string of a tensor of any shape into code points, rows flattened in order with
 * {@code row_splits} ({@code Tsplits}, int64 by default) marking them; {@code UnicodeEncode} is the
 * inverse, one string per row; {@code UnicodeTranscode} re-encodes element by element.
 */
public final class UnicodeOps {
    private UnicodeOps() {}

    // TF attributes the Unicode ops share; the kernels check the encodings and the error mode with TF's texts
    private static final String ERRORS = "errors: string = 'replace'";
    private static final String REPLACEMENT_CHAR = "replacement_char: int = 65533";
    private static final String REPLACE_CONTROL_CHARACTERS = "replace_control_characters: bool = false";

    static InvalidArgumentError error(String message, String op) {
        return new InvalidArgumentError(message).withOp(op);
    }

    private static Policy policy(Attrs attrs, String op) {
        return new Policy(Errors.of(attrs.getString("errors", "replace"), op),
                UnicodeCodec.replacement(attrs.getInt("replacement_char", 0xFFFD), op),
                attrs.getBool("replace_control_characters", false), op.equals("UnicodeTranscode"), op);
    }

    private static void requireString(Tensor t, String op) {
        if (t.dtype() != DType.STRING) {
            throw error("cannot compute " + op + " as input #0(zero-based) was expected to be a string tensor but is a "
                    + t.dtype().kernelName() + " tensor", op);
        }
    }

    private static DType splitsType(Attrs attrs, String op) {
        DType t = attrs.has("Tsplits") ? attrs.getDType("Tsplits") : DType.INT64;
        if (t != DType.INT32 && t != DType.INT64) {
            throw error("Value for attr 'Tsplits' of " + t.kernelName()
                    + " is not in the list of allowed values: int32, int64", op);
        }
        return t;
    }

    private static Tensor splits(DType type, long[] splits) {
        if (type == DType.INT64) return Tensor.wrap(DType.INT64, Shape.of(splits.length), splits);
        int[] narrow = new int[splits.length];
        for (int i = 0; i < splits.length; i++) narrow[i] = Math.toIntExact(splits[i]);
        return Tensor.wrap(DType.INT32, Shape.of(splits.length), narrow);
    }

    /** Decode (and with offsets) share one kernel; the offsets output is TF's char_to_byte_starts. */
    private static final class Decode extends Op {
        private final boolean withOffsets;

        Decode(String name, boolean withOffsets) {
            super(name, Signature.of("input -> row_splits, char_values" + (withOffsets ? ", char_to_byte_starts" : ""),
                    "input_encoding: string", ERRORS, REPLACEMENT_CHAR, REPLACE_CONTROL_CHARACTERS,
                    "Tsplits: {int32, int64} = int64"));
            this.withOffsets = withOffsets;
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            requireString(in[0], name());
            Shape s = in[0].shape();
            int rows = s.isFullyDefined() ? s.size() + 1 : Shape.UNKNOWN;
            TensorSpec splits = new TensorSpec(splitsType(attrs, name()), Shape.of(rows));
            TensorSpec chars = new TensorSpec(DType.INT32, Shape.of(Shape.UNKNOWN));
            if (!withOffsets) return new TensorSpec[] {splits, chars};
            return new TensorSpec[] {splits, chars, new TensorSpec(DType.INT64, Shape.of(Shape.UNKNOWN))};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Encoding enc = Encoding.forInput(attrs.getString("input_encoding"), name());
            Policy p = policy(attrs, name());
            byte[][] src = (byte[][]) in[0].data();
            long[] splits = new long[src.length + 1];
            Ints chars = new Ints(), offsets = new Ints();
            for (int r = 0; r < src.length; r++) {
                UnicodeCodec.decode(src[r], enc, p, chars, offsets);
                splits[r + 1] = chars.size;
            }
            Tensor values = Tensor.wrap(DType.INT32, Shape.of(chars.size), chars.toArray());
            Tensor rowSplits = splits(out[0].dtype(), splits);
            if (!withOffsets) return new Tensor[] {rowSplits, values};
            long[] starts = java.util.Arrays.stream(offsets.toArray()).asLongStream().toArray();
            return new Tensor[] {rowSplits, values, Tensor.wrap(DType.INT64, Shape.of(starts.length), starts)};
        }
    }

    /** {@code UnicodeDecode(input, input_encoding, errors, replacement_char, replace_control_characters, Tsplits)}. */
    public static final Op UNICODE_DECODE = new Decode("UnicodeDecode", false).notDifferentiable();

    /** {@code UnicodeDecodeWithOffsets}: also each character's first byte. */
    public static final Op UNICODE_DECODE_WITH_OFFSETS =
            new Decode("UnicodeDecodeWithOffsets", true).notDifferentiable();

    /** {@code UnicodeEncode(input_values, input_splits, errors, output_encoding, replacement_char)}: a string a row. */
    public static final Op UNICODE_ENCODE = new Op("UnicodeEncode", Signature.of("input_values, input_splits -> output",
            ERRORS, "output_encoding: string", REPLACEMENT_CHAR)) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in[0].dtype() != DType.INT32) {
                throw error("cannot compute UnicodeEncode as input #0(zero-based) was expected to be a int32 tensor "
                        + "but is a " + in[0].dtype().kernelName() + " tensor", name());
            }
            if (in[1].dtype() != DType.INT32 && in[1].dtype() != DType.INT64) {
                throw error("Value for attr 'Tsplits' of " + in[1].dtype().kernelName()
                        + " is not in the list of allowed values: int32, int64", name());
            }
            if (in[0].rank() != 1 || in[1].rank() != 1) {
                throw error("Both the input_tensor and input_splits should be of rank 1. ", name());
            }
            int n = in[1].shape().get(0);
            int rows = n == Shape.UNKNOWN ? n : Math.max(n - 1, 0);
            return new TensorSpec[] {new TensorSpec(DType.STRING, Shape.of(rows))};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Encoding enc = Encoding.forOutput(attrs.getString("output_encoding"), name());
            Policy p = policy(attrs, name());
            int[] chars = (int[]) in[0].data();
            long[] splits = in[1].toLongArray();
            if (splits.length == 0) {
                throw error("Input_splits should contain elements, but given input_values has " + chars.length
                        + " elements", name());
            }
            if (splits[0] != 0) throw error("First value in input_splits must be zero.", name());
            if (splits[splits.length - 1] != chars.length) {
                throw error("Last value in input_splits must be equal to length of input_tensor.", name());
            }
            byte[][] strings = new byte[splits.length - 1][];
            for (int r = 0; r < strings.length; r++) {
                if (splits[r + 1] < splits[r]) {
                    throw error("Values in input_splits must be equal or in ascending order.", name());
                }
                strings[r] = UnicodeCodec.encode(chars, (int) splits[r], (int) splits[r + 1], enc, p);
            }
            return new Tensor[] {Tensor.wrap(DType.STRING, Shape.of(strings.length), strings)};
        }
    }.notDifferentiable();

    /**
     * {@code UnicodeScript(input: int32) -> output: int32}: each code point's ICU script code, -1 outside
     * 0..0x10FFFF, same shape ({@link UnicodeScripts}).
     */
    public static final Op UNICODE_SCRIPT = new Op("UnicodeScript", Signature.of("input -> output")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in[0].dtype() != DType.INT32) {
                throw error("cannot compute UnicodeScript as input #0(zero-based) was expected to be a int32 tensor but is a "
                        + in[0].dtype().kernelName() + " tensor", name());
            }
            return new TensorSpec[] {new TensorSpec(DType.INT32, in[0].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            int[] x = (int[]) in[0].data(), scripts = new int[x.length];
            for (int i = 0; i < x.length; i++) scripts[i] = UnicodeScripts.of(x[i]);
            return new Tensor[] {Tensor.wrap(DType.INT32, in[0].shape(), scripts)};
        }
    }.notDifferentiable();

    /** {@code UnicodeTranscode(input, input_encoding, output_encoding, errors, replacement_char, ...)}: same shape. */
    public static final Op UNICODE_TRANSCODE = new Op("UnicodeTranscode", Signature.of("input -> output",
            "input_encoding: string", "output_encoding: string", ERRORS, REPLACEMENT_CHAR, REPLACE_CONTROL_CHARACTERS)) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            requireString(in[0], name());
            return new TensorSpec[] {new TensorSpec(DType.STRING, in[0].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Encoding to = Encoding.forOutput(attrs.getString("output_encoding"), name());
            Encoding from = Encoding.forInput(attrs.getString("input_encoding"), name());
            Policy p = policy(attrs, name());
            byte[][] src = (byte[][]) in[0].data();
            byte[][] dst = new byte[src.length][];
            for (int i = 0; i < src.length; i++) {
                Ints chars = new Ints();
                UnicodeCodec.decode(src[i], from, p, chars, new Ints());
                dst[i] = UnicodeCodec.encode(chars.data, 0, chars.size, to, p);
            }
            return new Tensor[] {Tensor.wrap(DType.STRING, in[0].shape(), dst)};
        }
    }.notDifferentiable();
}
