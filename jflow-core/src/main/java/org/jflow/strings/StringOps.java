package org.jflow.strings;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.format.PrintFormat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * TF's string ops. TF strings are byte strings: tensors hold {@code byte[][]}, lengths and
 * positions count bytes unless a {@code unit} of {@code UTF8_CHAR} says otherwise.
 */
public final class StringOps {
    private StringOps() {}

    private static InvalidArgumentError error(String message, String op) {
        return new InvalidArgumentError(message).withOp(op);
    }

    private static void requireString(Tensor t, int index, String op) {
        if (t.dtype() != DType.STRING) {
            throw error("cannot compute " + op + " as input #" + index + "(zero-based) was expected to be a string tensor but is a "
                    + t.dtype().kernelName() + " tensor", op);
        }
    }

    private static byte[][] bytes(Tensor t) { return (byte[][]) t.data(); }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static String text(byte[] b) { return new String(b, StandardCharsets.UTF_8); }

    private static void checkUnit(String unit, String op) {
        if (!unit.equals("BYTE") && !unit.equals("UTF8_CHAR")) {
            throw error("Value for attr 'unit' of \"" + unit + "\" is not in the list of allowed values: \"BYTE\", \"UTF8_CHAR\"", op);
        }
    }

    /** An op applied to each element of one string tensor; the output has the input's shape. */
    static final class Elementwise extends Op {
        /** TF's signatures of the element-wise string ops, with the attributes JFlow reads. */
        private static Signature signature(String name) {
            return switch (name) {
                case "StringLength" -> Signature.of("input:string -> output:int32", "unit: {'BYTE', 'UTF8_CHAR'} = 'BYTE'");
                case "StringLower", "StringUpper" -> Signature.of("input -> output", "encoding: string = ''");
                case "StaticRegexFullMatch" -> Signature.of("input -> output", "pattern: string");
                case "StaticRegexReplace" -> Signature.of("input -> output", "pattern: string", "rewrite: string",
                        "replace_global: bool = true");
                case "StringToNumber" -> Signature.of("string_tensor -> output", "out_type: type = float32");
                case "StringToHashBucketFast" -> Signature.of("input -> output", "num_buckets: int");
                case "StringToHashBucketStrong" ->
                        Signature.of("input -> output", "num_buckets: int", "key: list(int)");
                default -> Signature.of("input -> output");
            };
        }

        /** Writes element {@code i} of {@code out} from the input element and what {@link Prepare} made of the attributes. */
        interface Kernel { void apply(byte[] in, Object out, int i, Object prepared); }

        interface Rule { DType outputType(Attrs attrs, String op); }

        /** Work done once per call rather than per element, such as compiling a pattern. */
        interface Prepare { Object from(Attrs attrs); }

        private final Rule rule;
        private final Prepare prepare;
        private final Kernel kernel;

        Elementwise(String name, Rule rule, Kernel kernel) { this(name, rule, attrs -> attrs, kernel); }

        Elementwise(String name, Rule rule, Prepare prepare, Kernel kernel) {
            super(name, signature(name));
            this.rule = rule;
            this.prepare = prepare;
            this.kernel = kernel;
            notDifferentiable(); // strings carry no gradient (TF's string_ops.py: NotDifferentiable)
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            requireString(in[0], 0, name());
            return new TensorSpec[] {new TensorSpec(rule.outputType(attrs, name()), in[0].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            byte[][] src = bytes(in[0]);
            Object dst = Buffers.allocate(out[0].dtype(), src.length);
            Object prepared = prepare.from(attrs);
            try {
                for (int i = 0; i < src.length; i++) kernel.apply(src[i], dst, i, prepared);
            } catch (InvalidArgumentError e) {
                throw error(e.getMessage(), name());
            }
            return new Tensor[] {Tensor.wrap(out[0].dtype(), out[0].shape(), dst)};
        }
    }

    private static final Elementwise.Rule STRINGS = (attrs, op) -> DType.STRING;

    public static final Elementwise STRING_LENGTH = new Elementwise("StringLength", (attrs, op) -> {
        checkUnit(attrs.getString("unit"), op);
        return DType.INT32;
    }, attrs -> attrs.getString("unit").equals("BYTE"),
            (in, out, i, bytes) -> ((int[]) out)[i] = (Boolean) bytes ? in.length : Utf8.charCount(in));

    private static Elementwise.Rule encoding() {
        return (attrs, op) -> {
            String e = attrs.getString("encoding");
            if (!e.isEmpty() && !e.equalsIgnoreCase("utf-8")) throw error("only utf-8 or '' (no encoding) is supported, received " + e, op);
            return DType.STRING;
        };
    }

    /** Without an encoding TF changes ASCII letters only; with utf-8 every character. */
    private static byte[] changeCase(byte[] in, Attrs attrs, boolean upper) {
        if (attrs.getString("encoding").isEmpty()) {
            byte[] r = in.clone();
            for (int k = 0; k < r.length; k++) {
                byte b = r[k];
                if (upper && b >= 'a' && b <= 'z') r[k] = (byte) (b - 32);
                if (!upper && b >= 'A' && b <= 'Z') r[k] = (byte) (b + 32);
            }
            return r;
        }
        String s = text(in);
        return utf8(upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
    }

    public static final Elementwise STRING_LOWER = new Elementwise("StringLower", encoding(),
            (in, out, i, attrs) -> ((byte[][]) out)[i] = changeCase(in, (Attrs) attrs, false));

    public static final Elementwise STRING_UPPER = new Elementwise("StringUpper", encoding(),
            (in, out, i, attrs) -> ((byte[][]) out)[i] = changeCase(in, (Attrs) attrs, true));

    private static boolean isAsciiSpace(byte b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

    /** {@code StringStrip}: ASCII whitespace off both ends. */
    public static final Elementwise STRING_STRIP = new Elementwise("StringStrip", STRINGS, (in, out, i, attrs) -> {
        int from = 0, to = in.length;
        while (from < to && isAsciiSpace(in[from])) from++;
        while (to > from && isAsciiSpace(in[to - 1])) to--;
        ((byte[][]) out)[i] = java.util.Arrays.copyOfRange(in, from, to);
    });

    private static Re2 compile(String pattern, String op) {
        try {
            return Re2.compile(pattern);
        } catch (InvalidArgumentError e) {
            throw error(e.getMessage(), op);
        }
    }

    /** {@code StaticRegexFullMatch}: whether the whole string matches, by RE2's rules ({@link Re2}). */
    public static final Elementwise STATIC_REGEX_FULL_MATCH = new Elementwise("StaticRegexFullMatch", (attrs, op) -> {
        compile(attrs.getString("pattern"), op);
        return DType.BOOL;
    }, attrs -> Re2.compile(attrs.getString("pattern")),
            (in, out, i, pattern) -> ((boolean[]) out)[i] = ((Re2) pattern).fullMatch(in));

    /** {@code StaticRegexReplace}: RE2's rewrite syntax, {@code \1} for groups and {@code \\} for a backslash. */
    public static final Elementwise STATIC_REGEX_REPLACE = new Elementwise("StaticRegexReplace", (attrs, op) -> {
        Re2 p = compile(attrs.getString("pattern"), op);
        checkRewrite(attrs.getString("rewrite"), p.groupCount(), op);
        return DType.STRING;
    }, attrs -> new Replacement(Re2.compile(attrs.getString("pattern")), attrs.getString("rewrite"),
            attrs.getBool("replace_global")),
            (in, out, i, prepared) -> ((byte[][]) out)[i] = ((Replacement) prepared).apply(in));

    private record Replacement(Re2 pattern, String rewrite, boolean global) {
        byte[] apply(byte[] in) { return pattern.replace(in, rewrite, global); }
    }

    private static void checkRewrite(String rewrite, int groups, String op) {
        for (int k = 0; k < rewrite.length(); k++) {
            if (rewrite.charAt(k) != '\\') continue;
            char next = k + 1 < rewrite.length() ? rewrite.charAt(k + 1) : 0;
            if (Character.isDigit(next)) {
                if (next - '0' > groups) {
                    throw error("Invalid rewrite pattern: " + rewrite + ": Rewrite schema requests " + (next - '0')
                            + " matches, but the regexp only has " + groups + " parenthesized subexpressions.", op);
                }
            } else if (next != '\\') {
                throw error("Invalid rewrite pattern: " + rewrite + ": invalid rewrite pattern", op);
            }
            k++;
        }
    }

    /** {@code StringToNumber}: TF's {@code safe_strto*} rules; anything else is an error naming the string. */
    public static final Elementwise STRING_TO_NUMBER = new Elementwise("StringToNumber", (attrs, op) -> {
        DType t = attrs.getDType("out_type");
        if (t != DType.FLOAT32 && t != DType.FLOAT64 && t != DType.INT32 && t != DType.INT64) {
            throw error("Value for attr 'out_type' of " + t.kernelName() + " is not in the list of allowed values: float, double, int32, int64", op);
        }
        return t;
    }, attrs -> attrs.getDType("out_type"), (in, out, i, type) -> Numbers.parseInto(in, out, i, (DType) type));

    private static DType bucketRule(Attrs attrs, String op) {
        long buckets = attrs.getLong("num_buckets");
        if (buckets < 1) throw error("Value for attr 'num_buckets' of " + buckets + " must be at least minimum 1", op);
        return DType.INT64;
    }

    /** {@code StringToHashBucketFast}: FarmHash {@code Fingerprint64} modulo the bucket count. */
    public static final Elementwise STRING_TO_HASH_BUCKET_FAST = new Elementwise("StringToHashBucketFast", StringOps::bucketRule,
            attrs -> attrs.getLong("num_buckets"),
            (in, out, i, buckets) -> ((long[]) out)[i] = Long.remainderUnsigned(Fingerprints.fingerprint64(in), (Long) buckets));

    /** {@code StringToHashBucketStrong}: SipHash-2-4 under the two-word {@code key}, modulo the bucket count. */
    public static final Elementwise STRING_TO_HASH_BUCKET_STRONG = new Elementwise("StringToHashBucketStrong", (attrs, op) -> {
        if (((long[]) attrs.get("key")).length != 2) throw error("Key must have 2 elements", op);
        return bucketRule(attrs, op);
    }, attrs -> attrs, (in, out, i, prepared) -> {
        Attrs attrs = (Attrs) prepared;
        long[] key = (long[]) attrs.get("key");
        ((long[]) out)[i] = Long.remainderUnsigned(Fingerprints.sipHash24(key[0], key[1], in), attrs.getLong("num_buckets"));
    });

    /** {@code AsString}: numbers and bools as C's printf writes them under TF's attributes. */
    public static final Op AS_STRING = new Op("AsString", Signature.of("input -> output", "precision: int = -1",
            "scientific: bool = false", "shortest: bool = false", "width: int = -1", "fill: string = ''")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            Numbers.checkAsStringAttrs(in[0].dtype(), attrs, name());
            // A width or precision past 2**30 asks printf for a string no buffer holds (TF's process aborts):
            // raised as TF raises memory running out, before anything is formatted
            if (Math.max(attrs.getInt("precision"), attrs.getInt("width")) > 1 << 30) {
                long[] dims = Arrays.stream(in[0].shape().dimsView()).asLongStream().toArray();
                throw org.jflow.engine.Allocation.outOfMemory(dims, DType.STRING, name());
            }
            return new TensorSpec[] {new TensorSpec(DType.STRING, in[0].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Tensor x = in[0];
            if (x.dtype() == DType.STRING) return new Tensor[] {x};
            byte[][] dst = new byte[x.size()][];
            for (int i = 0; i < dst.length; i++) dst[i] = utf8(Numbers.asString(x, i, attrs));
            return new Tensor[] {Tensor.wrap(DType.STRING, x.shape(), dst)};
        }
    }.notDifferentiable();

    /** {@code StringJoin}: element-wise concatenation; scalars repeat, other inputs must share one shape. */
    public static final Op STRING_JOIN = new Op("StringJoin",
            Signature.of("inputs: N * string -> output", "separator: string = ''")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            Shape shape = Shape.scalar();
            for (int k = 0; k < in.length; k++) {
                requireString(in[k], k, name());
                if (in[k].rank() == 0) continue;
                if (shape.rank() > 0 && !shape.equals(in[k].shape())) {
                    throw error("Input shapes do not match: " + shape.toErrorString() + " vs. " + in[k].shape().toErrorString(), name());
                }
                shape = in[k].shape();
            }
            return new TensorSpec[] {new TensorSpec(DType.STRING, shape)};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            byte[] sep = utf8(attrs.getString("separator"));
            int n = out[0].shape().size();
            byte[][] dst = new byte[n][];
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                buf.reset();
                for (int k = 0; k < in.length; k++) {
                    if (k > 0) buf.writeBytes(sep);
                    buf.writeBytes(bytes(in[k])[in[k].rank() == 0 ? 0 : i]);
                }
                dst[i] = buf.toByteArray();
            }
            return new Tensor[] {Tensor.wrap(DType.STRING, out[0].shape(), dst)};
        }
    }.notDifferentiable();

    /** {@code StringFormat}: the template with each placeholder replaced by its tensor's summary. */
    public static final Op STRING_FORMAT = new Op("StringFormat",
            Signature.of("inputs: list(T) -> output", "template: string",
            "placeholder: string = '{}'", "summarize: int = 3")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            int placeholders = pieces(attrs).size() - 1;
            if (placeholders != in.length) {
                throw error("num placeholders in template and num inputs must match: " + placeholders + " vs. " + in.length, name());
            }
            return new TensorSpec[] {new TensorSpec(DType.STRING, Shape.scalar())};
        }

        private List<String> pieces(Attrs attrs) {
            String template = attrs.getString("template"), placeholder = attrs.getString("placeholder");
            List<String> pieces = new ArrayList<>();
            int from = 0;
            for (int at; (at = template.indexOf(placeholder, from)) >= 0; from = at + placeholder.length()) {
                pieces.add(template.substring(from, at));
            }
            pieces.add(template.substring(from));
            return pieces;
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            List<String> pieces = pieces(attrs);
            int summarize = attrs.getInt("summarize");
            StringBuilder sb = new StringBuilder(pieces.get(0));
            for (int k = 0; k < in.length; k++) sb.append(PrintFormat.summarizeValue(in[k], summarize)).append(pieces.get(k + 1));
            return new Tensor[] {org.jflow.raw.Raw.scalarString(utf8(sb.toString()))};
        }
    }.notDifferentiable();

    /** {@code Substr}: bytes (or UTF-8 characters) {@code [pos, pos + len)}; negative {@code pos} counts from the end. */
    public static final Op SUBSTR = new Op("Substr", Signature.of("input, pos, len -> output",
            "unit: {'BYTE', 'UTF8_CHAR'} = 'BYTE'")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            requireString(in[0], 0, name());
            checkUnit(attrs.getString("unit"), name());
            Tensor pos = in[1], len = in[2];
            if (!pos.shape().equals(len.shape())) {
                throw error("pos and len should have the same shape, got: " + pos.shape().toErrorString() + " vs. "
                        + len.shape().toErrorString(), name());
            }
            if (pos.dtype() != len.dtype() || (pos.dtype() != DType.INT32 && pos.dtype() != DType.INT64)) {
                throw error("pos and len must be both int32 or both int64, got " + pos.dtype().tfName() + " and " + len.dtype().tfName(), name());
            }
            Shape shape = pos.rank() == 0 ? in[0].shape() : Broadcast.shape(in[0].shape(), pos.shape(), name());
            return new TensorSpec[] {new TensorSpec(DType.STRING, shape)};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Shape shape = out[0].shape();
            int n = shape.size();
            int[] inputAt = in[0].shape().equals(shape) ? null : Broadcast.indexMap(in[0].shape(), shape);
            int[] posAt = in[1].rank() == 0 ? new int[n] : in[1].shape().equals(shape) ? null : Broadcast.indexMap(in[1].shape(), shape);
            boolean chars = attrs.getString("unit").equals("UTF8_CHAR");
            byte[][] dst = new byte[n][];
            for (int i = 0; i < n; i++) {
                byte[] s = bytes(in[0])[inputAt == null ? i : inputAt[i]];
                int p = posAt == null ? i : posAt[i];
                long pos = in[1].getLong(p), len = in[2].getLong(p);
                // past the string's ends both mean the same: clamped, int64 extremes cannot overflow below
                long at = Math.max(pos, -(long) s.length - 1), count = len < 0 ? len : Math.min(len, s.length);
                long[] range = chars ? charRange(s, at, count) : byteRange(s, at, count);
                if (range == null) {
                    throw error("pos " + pos + " out of range for string" + (chars ? "" : " b'" + text(s) + "'") + " at index " + i, name());
                }
                dst[i] = java.util.Arrays.copyOfRange(s, (int) range[0], (int) range[1]);
            }
            return new Tensor[] {Tensor.wrap(DType.STRING, shape, dst)};
        }
    }.notDifferentiable();

    /** {@code [from, to)} in bytes, or null when {@code pos} lies outside the string. */
    private static long[] byteRange(byte[] s, long pos, long len) {
        long from = pos < 0 ? s.length + pos : pos;
        if (from < 0 || from > s.length) return null;
        long to = len < 0 ? s.length : Math.min(s.length, from + len);
        return new long[] {from, to};
    }

    /** TF's {@code UpdatePosAndLenForUtf8}, as a byte range. */
    private static long[] charRange(byte[] s, long pos, long len) {
        if (pos >= 0) {
            long from = Utf8.forward(s, pos, 0, true);
            if (from < 0) return null;
            return new long[] {from, Utf8.forward(s, len, from, false)};
        }
        long skip = Math.max(0, -pos - len);
        long to = Utf8.back(s, skip, s.length);
        if (to < 0) return null;
        long from = Utf8.back(s, -pos - skip, to);
        return from < 0 ? null : new long[] {from, to};
    }

    /**
     * {@code ReduceJoin}: joins the strings along the {@code axis} list, in TF's order: the first axis listed
     * varies fastest ({@code [0, 1]} on {@code [[a, b], [c, d]]} gives "acbd"); all axes, row-major, without the list.
     */
    public static final Op REDUCE_JOIN = new Op("ReduceJoin", Signature.of("inputs, reduction_indices = axis -> output",
            "axis: list(int) = None",
            "keep_dims: bool = false", "separator: string = ''")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            requireString(in[0], 0, name());
            boolean[] reduced = reduced(in[0].rank(), reductionOrder(in[0].rank(), attrs, name()));
            boolean keep = attrs.getBool("keep_dims");
            int[] dims = in[0].shape().dimsView();
            List<Integer> outDims = new ArrayList<>();
            for (int a = 0; a < dims.length; a++) {
                if (!reduced[a]) outDims.add(dims[a]);
                else if (keep) outDims.add(1);
            }
            return new TensorSpec[] {new TensorSpec(DType.STRING, Shape.ofOwned(outDims.stream().mapToInt(Integer::intValue).toArray()))};
        }

        /** Visits the input with the kept axes outermost, then the reduced ones from the last listed to the first. */
        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Tensor x = in[0];
            int rank = x.rank();
            int[] order = reductionOrder(rank, attrs, name());
            boolean[] reduced = reduced(rank, order);
            int[] dims = x.shape().dimsView(), strides = x.shape().strides(), visit = new int[rank];
            int v = 0, perOutput = 1;
            for (int a = 0; a < rank; a++) if (!reduced[a]) visit[v++] = a;
            for (int k = order.length - 1; k >= 0; k--) {
                visit[v++] = order[k];
                perOutput *= dims[order[k]];
            }
            byte[][] src = bytes(x), dst = new byte[out[0].shape().size()][];
            byte[] sep = utf8(attrs.getString("separator"));
            int[] idx = new int[rank];
            int offset = 0;
            for (int i = 0; i < dst.length; i++) {
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                for (int j = 0; j < perOutput; j++) {
                    if (j > 0) joined.writeBytes(sep);
                    joined.writeBytes(src[offset]);
                    for (int k = rank - 1; k >= 0; k--) {
                        int a = visit[k];
                        offset += strides[a];
                        if (++idx[k] < dims[a]) break;
                        offset -= strides[a] * dims[a];
                        idx[k] = 0;
                    }
                }
                dst[i] = joined.toByteArray();
            }
            return new Tensor[] {Tensor.wrap(DType.STRING, out[0].shape(), dst)};
        }
    }.notDifferentiable();

    /**
     * The axes {@code ReduceJoin} reduces, in the order given by attribute {@code axis} (negative counting from the end);
     * all of them, last first (so row-major), when it is null.
     */
    private static int[] reductionOrder(int rank, Attrs attrs, String op) {
        int[] axes = (int[]) attrs.get("axis");
        if (axes == null) {
            int[] all = new int[rank];
            for (int a = 0; a < rank; a++) all[a] = rank - 1 - a;
            return all;
        }
        boolean[] seen = new boolean[rank];
        int[] order = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i];
            if (a < -rank || a >= rank) throw error("Invalid reduction dimension " + a + " for input with " + rank + " dimensions", op);
            int k = a < 0 ? a + rank : a;
            if (seen[k]) throw error("Duplicate reduction dimension " + a, op);
            seen[k] = true;
            order[i] = k;
        }
        return order;
    }

    private static boolean[] reduced(int rank, int[] order) {
        boolean[] reduced = new boolean[rank];
        for (int a : order) reduced[a] = true;
        return reduced;
    }

    /**
     * {@code StringSplitV2}: Python's {@code str.split} on each element of a vector, as a sparse
     * result (indices [n, 2], values [n], dense shape [2]). An empty {@code sep} splits on runs of
     * whitespace.
     */
    public static final Op STRING_SPLIT_V2 = new Op("StringSplitV2", Signature.of("input -> indices, values, shape",
            "sep: string = ''", "maxsplit: int = -1")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            requireString(in[0], 0, name());
            if (in[0].rank() != 1) throw error("input must be a vector, got shape: " + in[0].shape().toErrorString(), name());
            return new TensorSpec[] {new TensorSpec(DType.INT64, Shape.of(Shape.UNKNOWN, 2)),
                    new TensorSpec(DType.STRING, Shape.of(Shape.UNKNOWN)), new TensorSpec(DType.INT64, Shape.of(2))};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            byte[] sep = utf8(attrs.getString("sep"));
            int maxsplit = attrs.getInt("maxsplit");
            List<long[]> indices = new ArrayList<>();
            List<byte[]> values = new ArrayList<>();
            long widest = 0;
            byte[][] src = bytes(in[0]);
            for (int row = 0; row < src.length; row++) {
                List<byte[]> tokens = sep.length == 0 ? Splitter.onWhitespace(src[row], maxsplit) : Splitter.on(src[row], sep, maxsplit);
                for (int k = 0; k < tokens.size(); k++) indices.add(new long[] {row, k});
                values.addAll(tokens);
                widest = Math.max(widest, tokens.size());
            }
            long[] idx = new long[indices.size() * 2];
            for (int k = 0; k < indices.size(); k++) {
                idx[2 * k] = indices.get(k)[0];
                idx[2 * k + 1] = indices.get(k)[1];
            }
            return new Tensor[] {Tensor.wrap(DType.INT64, Shape.of(indices.size(), 2), idx),
                    Tensor.wrap(DType.STRING, Shape.of(values.size()), values.toArray(new byte[0][])),
                    Tensor.wrap(DType.INT64, Shape.of(2), new long[] {src.length, widest})};
        }
    }.notDifferentiable();
}
