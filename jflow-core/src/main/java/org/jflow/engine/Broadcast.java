package org.jflow.engine;

import org.jflow.Shape;
import org.jflow.errors.InvalidArgumentError;

/** NumPy/TF broadcasting: the result shape of two operands, and where each output element reads from. */
public final class Broadcast {
    private Broadcast() {}

    /**
     * The broadcast shape of {@code a} and {@code b}, or TF's {@code Incompatible shapes: [2,3] vs. [3,2]}
     * (with {@code [Op:opName]}) when a pair of dims is neither equal nor 1. Unknown dims stay unknown.
     */
    public static Shape shape(Shape a, Shape b, String opName) {
        if (a.equals(b)) return a;
        if (!a.hasRank() || !b.hasRank()) return Shape.unknownRank();
        int ra = a.rank(), rb = b.rank(), r = Math.max(ra, rb);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - ra ? 1 : a.get(i - (r - ra));
            int db = i < r - rb ? 1 : b.get(i - (r - rb));
            if (da == db || db == 1) out[i] = da;
            else if (da == 1) out[i] = db;
            else if (da == Shape.UNKNOWN || db == Shape.UNKNOWN) out[i] = Math.max(da, db) > 1 ? Math.max(da, db) : Shape.UNKNOWN;
            else {
                throw new InvalidArgumentError("Incompatible shapes: " + a.toErrorString() + " vs. "
                        + b.toErrorString()).withOp(opName);
            }
        }
        return Shape.ofOwned(out);
    }

    /**
     * For each element of {@code out} (row-major), the flat index of the element of {@code in} it
     * reads, where {@code in} broadcasts to {@code out}.
     */
    public static int[] indexMap(Shape in, Shape out) {
        int r = out.rank(), ri = in.rank();
        int[] od = out.dimsView();
        int[] stride = new int[r];
        int acc = 1;
        for (int i = ri - 1; i >= 0; i--) {
            int d = in.get(i);
            stride[i + r - ri] = d == 1 ? 0 : acc;
            acc *= d;
        }
        return Strides.map(od, stride);
    }
}
