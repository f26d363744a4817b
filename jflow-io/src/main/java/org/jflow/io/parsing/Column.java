package org.jflow.io.parsing;

import com.google.protobuf.ByteString;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.io.proto.Feature;

import java.util.Arrays;
import java.util.List;

/** A growing column of one feature's values (int64, float32 or bytes), turned into a tensor at the end. */
final class Column {
    private final DType dtype;
    private long[] longs;
    private float[] floats;
    private byte[][] strings;
    private int size;

    Column(DType dtype, int capacity) {
        this.dtype = dtype;
        int c = Math.max(capacity, 4);
        switch (dtype) {
            case INT64 -> longs = new long[c];
            case FLOAT32 -> floats = new float[c];
            default -> strings = new byte[c][];
        }
    }

    int size() { return size; }

    /** The dtype a feature holds, or null when no list is set (an empty feature, which fits every dtype). */
    static DType kind(Feature f) {
        return switch (f.getKindCase()) {
            case INT64_LIST -> DType.INT64;
            case FLOAT_LIST -> DType.FLOAT32;
            case BYTES_LIST -> DType.STRING;
            case KIND_NOT_SET -> null;
        };
    }

    /** The number of values a feature holds. */
    static int count(Feature f) {
        return switch (f.getKindCase()) {
            case INT64_LIST -> f.getInt64List().getValueCount();
            case FLOAT_LIST -> f.getFloatList().getValueCount();
            case BYTES_LIST -> f.getBytesList().getValueCount();
            case KIND_NOT_SET -> 0;
        };
    }

    private void reserve(int more) {
        int need = size + more;
        int cap = dtype == DType.INT64 ? longs.length : dtype == DType.FLOAT32 ? floats.length : strings.length;
        if (need <= cap) return;
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * cap));
        switch (dtype) {
            case INT64 -> longs = Arrays.copyOf(longs, grown);
            case FLOAT32 -> floats = Arrays.copyOf(floats, grown);
            default -> strings = Arrays.copyOf(strings, grown);
        }
    }

    /** Appends the feature's values (its kind already checked against this column's dtype). */
    void add(Feature f) {
        int n = count(f);
        reserve(n);
        switch (f.getKindCase()) {
            case INT64_LIST -> {
                List<Long> v = f.getInt64List().getValueList();
                for (int i = 0; i < n; i++) longs[size++] = v.get(i);
            }
            case FLOAT_LIST -> {
                List<Float> v = f.getFloatList().getValueList();
                for (int i = 0; i < n; i++) floats[size++] = v.get(i);
            }
            case BYTES_LIST -> {
                List<ByteString> v = f.getBytesList().getValueList();
                for (int i = 0; i < n; i++) strings[size++] = v.get(i).toByteArray();
            }
            case KIND_NOT_SET -> { }
        }
    }

    /** Appends one int64 (an index). */
    void add(long value) {
        reserve(1);
        longs[size++] = value;
    }

    /** Appends the values of a tensor of this dtype (a default value), or {@code n} zeros ("") when it is null. */
    void addDefault(Tensor value, int n) {
        reserve(n);
        if (value == null) {
            if (strings != null) Arrays.fill(strings, size, size + n, new byte[0]);
            size += n; // numbers are already zero
            return;
        }
        System.arraycopy(value.data(), 0, dtype == DType.INT64 ? longs : dtype == DType.FLOAT32 ? floats : strings,
                size, n);
        size += n;
    }

    Tensor toTensor(Shape shape) {
        Object data = switch (dtype) {
            case INT64 -> Arrays.copyOf(longs, size);
            case FLOAT32 -> Arrays.copyOf(floats, size);
            default -> Arrays.copyOf(strings, size);
        };
        return Tensor.wrap(dtype, shape, data);
    }
}
