package org.jflow.linalg;

import org.jflow.engine.Strides;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.UnimplementedError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;


/**
 * TF's {@code Einsum} op (attribute {@code equation}), for any number of operands. Each operand
 * is first reduced to distinct labels (repeated labels take the diagonal, labels needed nowhere
 * else are summed out); operands are then contracted pairwise, left to right, as batched GEMMs
 * after permuting each to {@code [batch, free, contracted]}; the result is permuted to the output
 * order. An ellipsis stands for broadcast batch dimensions, aligned from the right.
 */
public final class Einsum extends Op {
    public static final Einsum EINSUM = new Einsum().withGradient(Einsum::gradient);

    /** Ellipsis dimensions get labels from here on, above every letter. */
    private static final char ELLIPSIS_BASE = '\u0100';

    private Einsum() { super("Einsum", Signature.of("inputs: N * T -> output", "equation: string")); }

    private static InvalidArgumentError error(String message) {
        return new InvalidArgumentError(message).withOp("Einsum");
    }

    /** The equation with ellipses replaced by labels, and every label's size. */
    private record Plan(String[] inputs, String output, Map<Character, Integer> sizes) {
        int[] outputDims() {
            int[] d = new int[output.length()];
            for (int i = 0; i < d.length; i++) d[i] = sizes.get(output.charAt(i));
            return d;
        }
    }

    private static Plan plan(String equation, Tensor[] in) {
        String eq = equation.replace(" ", "");
        int arrow = eq.indexOf("->");
        String lhs = arrow < 0 ? eq : eq.substring(0, arrow);
        String[] raw = lhs.split(",", -1);
        if (raw.length != in.length) {
            throw error("Expecting " + raw.length + " inputs for equation " + equation + ", got " + in.length);
        }
        int ellipsisRank = 0;
        int[] ellipsisOf = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int letters = raw[i].replace("...", "").length();
            int rank = in[i].rank();
            boolean hasEllipsis = raw[i].contains("...");
            if (hasEllipsis ? rank < letters : rank != letters) {
                throw error("Input " + i + " to einsum has " + rank + " dimensions but subscript '" + raw[i]
                        + "' has " + letters + " labels");
            }
            ellipsisOf[i] = rank - letters;
            ellipsisRank = Math.max(ellipsisRank, ellipsisOf[i]);
        }
        String[] inputs = new String[raw.length];
        Map<Character, Integer> sizes = new HashMap<>();
        for (int i = 0; i < raw.length; i++) {
            inputs[i] = expand(raw[i], ellipsisOf[i], ellipsisRank);
            checkLabels(inputs[i]);
            for (int ax = 0; ax < inputs[i].length(); ax++) {
                char c = inputs[i].charAt(ax);
                int d = in[i].shape().get(ax);
                Integer known = sizes.get(c);
                boolean broadcastable = c >= ELLIPSIS_BASE && (known == null || known == 1 || d == 1);
                if (known == null || (broadcastable && known == 1) || known == org.jflow.Shape.UNKNOWN) sizes.put(c, d);
                else if (known != d && d != org.jflow.Shape.UNKNOWN && !broadcastable) {
                    throw error("Expected dimension " + known + " at axis " + ax + " of the input shaped "
                            + in[i].shape().toErrorString() + " but got dimension " + d);
                }
            }
        }
        String output;
        if (arrow >= 0) {
            output = expand(eq.substring(arrow + 2), ellipsisRank, ellipsisRank);
            checkLabels(output);
            for (char c : output.toCharArray()) {
                if (!sizes.containsKey(c)) throw error("Output subscript contains a label that does not appear in the inputs: " + c);
                if (output.indexOf(c) != output.lastIndexOf(c)) throw error("Output subscript contains the label " + c + " more than once");
            }
        } else {
            StringBuilder sb = new StringBuilder(expand("...", ellipsisRank, ellipsisRank));
            Map<Character, Integer> counts = new HashMap<>();
            for (String s : inputs) for (char c : s.toCharArray()) counts.merge(c, 1, Integer::sum);
            for (char c : new TreeSet<>(counts.keySet())) if (c < ELLIPSIS_BASE && counts.get(c) == 1) sb.append(c);
            output = sb.toString();
        }
        return new Plan(inputs, output, sizes);
    }

    /**
     * Each operand's gradient is itself an einsum: dy with the other operands, to the operand's
     * labels. Labels summed out of this operand alone are broadcast back; ellipsis dims an operand
     * had as 1 are summed back; a label repeated within an operand (a diagonal) gets the gradient
     * on that diagonal, zeros elsewhere.
     */
    private static Tensor[] gradient(GradientContext g, Tensor[] dy) {
        Tensor[] in = g.inputs();
        Plan plan = plan(g.attrs().getString("equation"), in);
        Tensor[] grads = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) {
            if (!g.needs(i)) continue;
            String own = plan.inputs()[i];
            StringBuilder lhs = new StringBuilder(plan.output()), elsewhere = new StringBuilder(plan.output());
            Tensor[] operands = new Tensor[in.length];
            operands[0] = dy[0];
            for (int j = 0, k = 1; j < in.length; j++) {
                if (j == i) continue;
                lhs.append(',').append(plan.inputs()[j]);
                elsewhere.append(plan.inputs()[j]);
                operands[k++] = in[j];
            }
            String distinct = own.chars().distinct().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            StringBuilder target = new StringBuilder();
            int[] kept = new int[distinct.length()];
            for (int ax = 0; ax < distinct.length(); ax++) {
                char c = distinct.charAt(ax);
                boolean needed = elsewhere.indexOf(String.valueOf(c)) >= 0;
                if (needed) target.append(c);
                kept[ax] = needed ? plan.sizes().get(c) : 1;
            }
            Tensor grad = Dispatcher.execute1(EINSUM, Attrs.of("equation", lhs + "->" + target), operands);
            if (target.length() != distinct.length()) {
                int[] full = new int[distinct.length()];
                for (int ax = 0; ax < full.length; ax++) full[ax] = plan.sizes().get(distinct.charAt(ax));
                if (Arrays.stream(full).noneMatch(d -> d == Shape.UNKNOWN)) {
                    grad = RawArray.broadcastTo(RawArray.reshape(grad, kept), full);
                } else { // a size known only when the graph runs (a traced batch): the summed labels back as 1, broadcast to Shape(x)
                    if (distinct.length() != own.length()) {
                        throw new UnimplementedError("JFlow's Einsum gradient needs the sizes of a repeated label known while tracing, got "
                                + in[i].shape());
                    }
                    for (int ax = 0; ax < distinct.length(); ax++) {
                        if (target.indexOf(distinct.substring(ax, ax + 1)) < 0) grad = RawArray.expandDims(grad, ax);
                    }
                    grad = Grads.broadcastLike(grad, in[i]);
                }
            }
            if (distinct.length() != own.length()) grad = undiagonal(grad, distinct, own, plan);
            grads[i] = Grads.sumToShape(grad, in[i]);
        }
        return grads;
    }

    /**
     * The gradient over an operand's distinct labels placed on its diagonals: each later
     * occurrence of a label gets a fresh label tied to the first by an identity matrix, so
     * {@code g} over "i" becomes {@code einsum("i,ij->ij", g, eye)} for an operand "ii".
     */
    private static Tensor undiagonal(Tensor grad, String distinct, String own, Plan plan) {
        StringBuilder used = new StringBuilder(plan.output());
        for (String s : plan.inputs()) used.append(s);
        StringBuilder equation = new StringBuilder(distinct), renamed = new StringBuilder();
        List<Tensor> operands = new ArrayList<>(List.of(grad));
        char fresh = 'A';
        for (int ax = 0; ax < own.length(); ax++) {
            char c = own.charAt(ax);
            if (own.indexOf(c) == ax) {
                renamed.append(c);
                continue;
            }
            while (used.indexOf(String.valueOf(fresh)) >= 0) fresh = fresh == 'Z' ? 'a' : (char) (fresh + 1);
            used.append(fresh);
            renamed.append(fresh);
            equation.append(',').append(c).append(fresh);
            int n = plan.sizes().get(c);
            operands.add(identity(n, grad.dtype()));
        }
        return Dispatcher.execute1(EINSUM, Attrs.of("equation", equation + "->" + renamed), operands.toArray(Tensor[]::new));
    }

    private static void checkLabels(String s) {
        for (char c : s.toCharArray()) {
            if (c < ELLIPSIS_BASE && !Character.isLetter(c)) throw error("Invalid character '" + c + "' in einsum equation");
        }
    }

    /** Replaces "..." with this operand's {@code own} ellipsis labels, right-aligned among {@code total}. */
    private static String expand(String subscript, int own, int total) {
        int at = subscript.indexOf("...");
        if (at < 0) return subscript;
        StringBuilder sb = new StringBuilder(subscript.substring(0, at));
        for (int j = 0; j < own; j++) sb.append((char) (ELLIPSIS_BASE + total - own + j));
        return sb.append(subscript.substring(at + 3)).toString();
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        if (in.length == 0) throw error("Einsum needs at least one input");
        DType dtype = in[0].dtype();
        for (int i = 1; i < in.length; i++) {
            if (in[i].dtype() != dtype) {
                throw error("cannot compute Einsum as input #" + i + "(zero-based) was expected to be a "
                        + dtype.kernelName() + " tensor but is a " + in[i].dtype().kernelName() + " tensor");
            }
        }
        if (dtype.isComplex()) {
            throw new UnimplementedError("JFlow has no " + dtype.tfName() + " kernel for Einsum yet").withOp("Einsum");
        }
        if (!(dtype.isFloating() || dtype == DType.INT32 || dtype == DType.INT64)) {
            throw error("Value for attr 'T' of " + dtype.kernelName() + " is not in the list of allowed values: "
                    + "bfloat16, half, float, double, int32, int64, complex64, complex128");
        }
        Plan plan = plan(attrs.getString("equation"), in);
        return new TensorSpec[] {new TensorSpec(dtype, Shape.ofOwned(plan.outputDims()))};
    }

    /** An intermediate: a row-major buffer whose axes carry distinct labels. */
    private record Operand(Object data, String labels, int[] dims) {}

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Plan plan = plan(attrs.getString("equation"), in);
        DType dtype = out[0].dtype();
        boolean half = dtype.storage() == DType.Storage.HALF;
        List<Object> buffers = new ArrayList<>();
        for (Tensor t : in) buffers.add(half ? Buffers.convert(t.data(), dtype, DType.FLOAT32) : t.data());
        int count = in.length;
        Operand acc = null;
        for (int i = 0; i < count; i++) {
            StringBuilder later = new StringBuilder(plan.output());
            for (int j = i + 1; j < count; j++) later.append(plan.inputs()[j]);
            String keep = (acc == null ? "" : acc.labels()) + later;
            Operand next = reduce(buffers.get(i), plan.inputs()[i], in[i].shape().dimsView(), keep, plan.sizes());
            acc = acc == null ? next : contract(acc, next, later.toString());
        }
        Operand result = reduce(acc.data(), acc.labels(), acc.dims(), plan.output(), plan.sizes());
        Object data = permute(result, plan.output()).data();
        return new Tensor[] {Tensor.wrap(dtype, out[0].shape(), half ? Buffers.convert(data, DType.FLOAT32, dtype) : data)};
    }

    /**
     * Reads an operand with axis labels {@code labels} (maybe repeated, maybe of size 1 where the
     * label broadcasts) as one with distinct labels: those in {@code keep} stay, the rest are summed.
     */
    private static Operand reduce(Object data, String labels, int[] dims, String keep, Map<Character, Integer> sizes) {
        StringBuilder kept = new StringBuilder(), summed = new StringBuilder();
        for (char c : labels.toCharArray()) {
            if (kept.indexOf(String.valueOf(c)) >= 0 || summed.indexOf(String.valueOf(c)) >= 0) continue;
            (keep.indexOf(c) >= 0 ? kept : summed).append(c);
        }
        String order = kept.toString() + summed;
        if (order.equals(labels) && summed.isEmpty() && sameSizes(labels, dims, sizes)) {
            return new Operand(data, labels, dims); // already distinct, ordered and full-size: no copy
        }
        int[] axisStride = Strides.rowMajor(dims);
        int[] newDims = new int[order.length()], strides = new int[order.length()];
        for (int u = 0; u < order.length(); u++) {
            char c = order.charAt(u);
            newDims[u] = sizes.get(c);
            for (int ax = 0; ax < labels.length(); ax++) {
                if (labels.charAt(ax) == c && dims[ax] != 1) strides[u] += axisStride[ax];
            }
        }
        int[] map = Strides.map(newDims, strides);
        Object gathered = Strides.gather(data, map);
        int[] keptDims = Arrays.copyOf(newDims, kept.length());
        if (summed.isEmpty()) return new Operand(gathered, kept.toString(), keptDims);
        int blocks = Strides.product(keptDims, 0, keptDims.length);
        int blockLen = blocks == 0 ? 0 : map.length / blocks;
        return new Operand(blockSum(gathered, blocks, blockLen), kept.toString(), keptDims);
    }

    private static boolean sameSizes(String labels, int[] dims, Map<Character, Integer> sizes) {
        for (int i = 0; i < dims.length; i++) if (dims[i] != sizes.get(labels.charAt(i))) return false;
        return true;
    }

    /** Contracts two operands with distinct labels: shared labels still needed later are batch dims. */
    private static Operand contract(Operand a, Operand b, String later) {
        StringBuilder batch = new StringBuilder(), contracted = new StringBuilder(), freeA = new StringBuilder(), freeB = new StringBuilder();
        for (char c : a.labels().toCharArray()) {
            if (b.labels().indexOf(c) < 0) freeA.append(c);
            else (later.indexOf(c) >= 0 ? batch : contracted).append(c);
        }
        for (char c : b.labels().toCharArray()) if (a.labels().indexOf(c) < 0) freeB.append(c);
        Operand pa = permute(a, batch.toString() + freeA + contracted);
        Operand pb = permute(b, batch.toString() + contracted + freeB);
        int nb = Strides.product(pa.dims(), 0, batch.length());
        int m = Strides.product(pa.dims(), batch.length(), batch.length() + freeA.length());
        int k = Strides.product(pa.dims(), batch.length() + freeA.length(), pa.dims().length);
        int n = Strides.product(pb.dims(), batch.length() + contracted.length(), pb.dims().length);
        String labels = batch.toString() + freeA + freeB;
        int[] dims = new int[labels.length()];
        System.arraycopy(pa.dims(), 0, dims, 0, batch.length() + freeA.length());
        System.arraycopy(pb.dims(), batch.length() + contracted.length(), dims, batch.length() + freeA.length(), freeB.length());
        Object c = newLike(pa.data(), nb * m * n);
        for (int i = 0; i < nb; i++) {
            MatrixMultiply.multiply(m, n, k, pa.data(), new Gemm.View(i * m * k, k, 1),
                    pb.data(), new Gemm.View(i * k * n, n, 1), c, i * m * n);
        }
        return new Operand(c, labels, dims);
    }

    /** The operand with its axes reordered to {@code order} (a permutation of its labels). */
    private static Operand permute(Operand x, String order) {
        if (order.equals(x.labels())) return x;
        int[] perm = new int[order.length()], dims = new int[perm.length];
        for (int u = 0; u < perm.length; u++) dims[u] = x.dims()[perm[u] = x.labels().indexOf(order.charAt(u))];
        return new Operand(Strides.gather(x.data(), Strides.permutedMap(x.dims(), perm)), order, dims);
    }

    private static Object newLike(Object buffer, int n) {
        return switch (buffer) {
            case float[] f -> new float[n];
            case double[] d -> new double[n];
            case int[] i -> new int[n];
            case long[] l -> new long[n];
            default -> throw new IllegalArgumentException("Unsupported buffer " + buffer.getClass());
        };
    }

    /** Sums each consecutive block of {@code blockLen} elements into one. */
    private static Object blockSum(Object src, int blocks, int blockLen) {
        switch (src) {
            case float[] s -> {
                float[] o = new float[blocks];
                for (int b = 0; b < blocks; b++) {
                    float acc = 0;
                    for (int j = b * blockLen, e = j + blockLen; j < e; j++) acc += s[j];
                    o[b] = acc;
                }
                return o;
            }
            case double[] s -> {
                double[] o = new double[blocks];
                for (int b = 0; b < blocks; b++) {
                    double acc = 0;
                    for (int j = b * blockLen, e = j + blockLen; j < e; j++) acc += s[j];
                    o[b] = acc;
                }
                return o;
            }
            case int[] s -> {
                int[] o = new int[blocks];
                for (int b = 0; b < blocks; b++) {
                    int acc = 0;
                    for (int j = b * blockLen, e = j + blockLen; j < e; j++) acc += s[j];
                    o[b] = acc;
                }
                return o;
            }
            case long[] s -> {
                long[] o = new long[blocks];
                for (int b = 0; b < blocks; b++) {
                    long acc = 0;
                    for (int j = b * blockLen, e = j + blockLen; j < e; j++) acc += s[j];
                    o[b] = acc;
                }
                return o;
            }
            default -> throw new IllegalArgumentException("Unsupported buffer " + src.getClass());
        }
    }

    /** TF's {@code eye(n, dtype=dtype)}: one-hot rows of {@code range(n)}. */
    private static Tensor identity(int n, org.jflow.DType dtype) {
        Tensor rows = RawArray.range(0, n, 1, org.jflow.DType.INT32);
        return RawArray.oneHot(rows, Raw.scalar(dtype, 1), Raw.scalar(dtype, 0), n, -1);
    }
}
