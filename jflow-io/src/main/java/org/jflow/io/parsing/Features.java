package org.jflow.io.parsing;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Convert;
import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A feature configuration split as TF's {@code _ParseOpParams} splits it: sparse ({@code VarLenFeature}), dense
 * ({@code FixedLenFeature}, {@code FixedLenSequenceFeature}) and ragged keys, each sorted, which is also the order
 * of the op's outputs and of the returned dictionary.
 */
record Features(List<Map.Entry<String, Object>> sparse, List<Map.Entry<String, Object>> dense,
                List<Map.Entry<String, Object>> ragged) {

    static Features of(Map<String, ?> features, boolean sequence) {
        List<Map.Entry<String, Object>> sparse = new ArrayList<>(), dense = new ArrayList<>();
        List<Map.Entry<String, Object>> ragged = new ArrayList<>();
        for (Map.Entry<String, ?> e : new TreeMap<>(features).entrySet()) {
            Map.Entry<String, Object> entry = Map.entry(e.getKey(), e.getValue());
            Shape shape = e.getValue() instanceof FixedLenFeature f ? f.shape()
                    : e.getValue() instanceof FixedLenSequenceFeature f ? f.shape() : null;
            if (shape != null && !shape.isFullyDefined()) {
                // parsing_config.py's checks: a dense feature's size is known before any example is read.
                throw new ValueError(shape.rank() > 0 && shape.dimsView()[0] == Shape.UNKNOWN
                        ? "First dimension of shape for feature " + e.getKey() + " unknown. Consider using "
                        + "FixedLenSequenceFeature."
                        : "All dimensions of shape for feature " + e.getKey() + " need to be known but received "
                        + shape.toRepr().replace("TensorShape(", "").replaceFirst("\\)$", "") + ".");
            }
            switch (e.getValue()) {
                case VarLenFeature v -> sparse.add(entry);
                case FixedLenFeature f when !sequence -> dense.add(entry);
                case FixedLenSequenceFeature f when sequence -> dense.add(entry);
                case RaggedFeature r when !sequence -> ragged.add(entry);
                case null, default -> throw new ValueError("Unsupported " + (sequence ? "sequence " : "") + "feature "
                        + e.getKey() + ": " + e.getValue());
            }
        }
        return new Features(sparse, dense, ragged);
    }

    int outputCount() { return 3 * sparse.size() + dense.size() + 2 * ragged.size(); }

    static void checkDType(DType dtype) {
        if (dtype != DType.INT64 && dtype != DType.FLOAT32 && dtype != DType.STRING) {
            throw new ValueError("Unsupported dtype " + dtype.tfName() + ": features are int64, float32 or string");
        }
    }

    static Tensor tensor(Object value, DType dtype) {
        return value instanceof Tensor t ? t : Convert.toTensor(value, dtype);
    }

    /** A default value of {@code shape}'s size, reshaped to it, as TF reshapes {@code default_value}. */
    static Tensor shaped(Tensor value, DType dtype, Shape shape) {
        if (!shape.isFullyDefined()) return value; // Features.of refuses the shape, naming the feature
        if (value.dtype() != dtype) {
            throw new ValueError("default_value has dtype " + value.dtype().tfName() + " but the feature is "
                    + dtype.tfName());
        }
        if (value.size() != shape.size()) {
            throw new ValueError("default_value has " + value.size() + " values but shape " + shape.toRepr()
                    + " holds " + shape.size());
        }
        return Tensor.wrap(dtype, shape, value.data());
    }
}
