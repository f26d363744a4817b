package org.jflow.io;

import org.jflow.DType;
import org.jflow.io.proto.DataType;

/** JFlow's dtypes as TF's {@code DataType} enum values, both ways. */
final class DataTypes {
    private DataTypes() {}

    static DataType of(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> DataType.DT_HALF;
            case BFLOAT16 -> DataType.DT_BFLOAT16;
            case FLOAT32 -> DataType.DT_FLOAT;
            case FLOAT64 -> DataType.DT_DOUBLE;
            case INT8 -> DataType.DT_INT8;
            case INT16 -> DataType.DT_INT16;
            case INT32 -> DataType.DT_INT32;
            case INT64 -> DataType.DT_INT64;
            case UINT8 -> DataType.DT_UINT8;
            case BOOL -> DataType.DT_BOOL;
            case STRING -> DataType.DT_STRING;
            case COMPLEX64 -> DataType.DT_COMPLEX64;
            case COMPLEX128 -> DataType.DT_COMPLEX128;
        };
    }

    static DType toDType(DataType type) {
        for (DType d : DType.values()) if (of(d) == type) return d;
        if (type == DataType.DT_INVALID || type == DataType.UNRECOGNIZED) {
            throw new org.jflow.errors.InvalidArgumentError("Invalid data type " + type);
        }
        throw new org.jflow.errors.UnimplementedError("JFlow has no dtype for TensorFlow's " + type);
    }
}
