package org.jflow.io.parsing;

import com.google.protobuf.InvalidProtocolBufferException;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.io.proto.Example;
import org.jflow.io.proto.Feature;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The kernel of {@code ParseExampleV2}: TF's fast parser's outputs and texts. A single example (a scalar input,
 * TF's {@code FastParseSingleExample}) names only the key in its errors; a batch ({@code FastParseExample}) names
 * the example's name and index too.
 */
final class ExampleKernel {
    private ExampleKernel() {}

    static Tensor[] parse(byte[][] serialized, boolean batched, Features spec) {
        int n = serialized.length;
        Map<String, Feature>[] examples = decode(serialized);
        Tensor[] out = new Tensor[spec.outputCount()];
        int o = 0;
        for (Map.Entry<String, Object> e : spec.sparse()) {
            String key = e.getKey();
            DType dtype = ((VarLenFeature) e.getValue()).dtype();
            Column values = new Column(dtype, n);
            long[] counts = new long[n];
            long max = 0;
            for (int b = 0; b < n; b++) {
                Feature f = examples[b].get(key);
                if (f == null) continue;
                checkListType(f, dtype, key, b, batched);
                counts[b] = Column.count(f);
                max = Math.max(max, counts[b]);
                values.add(f);
            }
            int rank = batched ? 2 : 1;
            long[] indices = new long[values.size() * rank];
            int k = 0;
            for (int b = 0; b < n; b++) {
                for (long i = 0; i < counts[b]; i++) {
                    if (batched) indices[k++] = b;
                    indices[k++] = i;
                }
            }
            out[o++] = Tensor.wrap(DType.INT64, Shape.of(values.size(), rank), indices);
            out[o++] = values.toTensor(Shape.of(values.size()));
            out[o++] = Tensor.wrap(DType.INT64, Shape.of(rank), batched ? new long[] {n, max} : new long[] {max});
        }
        for (Map.Entry<String, Object> e : spec.dense()) {
            String key = e.getKey();
            FixedLenFeature fixed = (FixedLenFeature) e.getValue();
            int per = fixed.shape().size();
            Column values = new Column(fixed.dtype(), (int) Math.min(1 << 20, (long) n * per));
            for (int b = 0; b < n; b++) {
                Feature f = examples[b].get(key);
                if (f == null) {
                    if (fixed.defaultValue() == null) {
                        throw new InvalidArgumentError((batched ? "Name: <unknown>, " : "") + "Feature: " + key
                                + " (data type: " + typeName(fixed.dtype()) + ") is required but could not be found.");
                    }
                    values.addDefault(fixed.defaultValue(), per);
                    continue;
                }
                DType kind = Column.kind(f);
                if (kind != null && kind != fixed.dtype()) {
                    throw new InvalidArgumentError(prefix(key, b, batched) + "Data types don't match. Data type: "
                            + typeName(kind) + " but expected type: " + typeName(fixed.dtype()));
                }
                int count = Column.count(f);
                if (count != per) {
                    throw sizeMismatch(key, b, batched, kind == null ? fixed.dtype() : kind, count, fixed);
                }
                values.add(f);
            }
            out[o++] = values.toTensor(batched ? prepend(n, fixed.shape()) : fixed.shape());
        }
        for (Map.Entry<String, Object> e : spec.ragged()) {
            String key = e.getKey();
            DType dtype = ((RaggedFeature) e.getValue()).dtype();
            Column values = new Column(dtype, n);
            long[] splits = new long[n + 1];
            for (int b = 0; b < n; b++) {
                Feature f = examples[b].get(key);
                if (f != null) {
                    checkListType(f, dtype, key, b, batched);
                    values.add(f);
                }
                splits[b + 1] = values.size();
            }
            out[o++] = values.toTensor(Shape.of(values.size()));
            out[o++] = Tensor.wrap(DType.INT64, Shape.of(n + 1), splits);
        }
        return out;
    }

    /** TF's texts for a dense feature with another number of values than its shape holds, which differ by path. */
    private static InvalidArgumentError sizeMismatch(String key, int b, boolean batched, DType t, int count,
                                                     FixedLenFeature fixed) {
        String text;
        if (batched) {
            text = t == DType.STRING ? "Can't parse serialized Example." : "Number of " + typeName(t)
                    + " values != expected.  Values size: " + count + " but output shape: " + dimsText(fixed.shape());
        } else {
            text = "Can't parse serialized Example: " + (t == DType.STRING ? "Parsing bytes_list failed."
                    : "Some " + listName(t) + " slice was not parsed.");
        }
        return new InvalidArgumentError(prefix(key, b, batched) + text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Feature>[] decode(byte[][] serialized) {
        Map<String, Feature>[] out = new Map[serialized.length];
        for (int b = 0; b < serialized.length; b++) {
            try {
                out[b] = Example.parseFrom(serialized[b]).getFeatures().getFeatureMap();
            } catch (InvalidProtocolBufferException e) {
                throw couldNotParse("example", serialized[b]);
            }
        }
        return out;
    }

    /** TF's text for bytes that are not a valid message, which quotes them. */
    static InvalidArgumentError couldNotParse(String what, byte[] serialized) {
        return new InvalidArgumentError("Could not parse " + what + " input, value: '"
                + new String(serialized, StandardCharsets.UTF_8) + "'");
    }

    /** A VarLen or Ragged feature of another kind than its spec. */
    private static void checkListType(Feature f, DType dtype, String key, int b, boolean batched) {
        DType kind = Column.kind(f);
        if (kind != null && kind != dtype) {
            throw new InvalidArgumentError(prefix(key, b, batched) + "Data types don't match. Expected type: "
                    + typeName(dtype) + ", Actual type: " + typeName(kind));
        }
    }

    static String prefix(String key, int index, boolean batched) {
        return batched ? "Name: <unknown>, Key: " + key + ", Index: " + index + ".  " : "Key: " + key + ".  ";
    }

    /** TF's {@code DataTypeString}, which its parser's texts use: float32 is "float". */
    static String typeName(DType t) { return t == DType.FLOAT32 ? "float" : t.tfName(); }

    private static String listName(DType t) { return t == DType.INT64 ? "int64_list" : "float_list"; }

    /** A shape as TF's {@code TensorShape::DebugString}: {@code [2,3]}. */
    static String dimsText(Shape s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.rank(); i++) b.append(i > 0 ? "," : "").append(s.dimsView()[i]);
        return b.append(']').toString();
    }

    static Shape prepend(int n, Shape s) {
        int[] d = new int[s.rank() + 1];
        d[0] = n;
        System.arraycopy(s.dimsView(), 0, d, 1, s.rank());
        return Shape.of(d);
    }
}
