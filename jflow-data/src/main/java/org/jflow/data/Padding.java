package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code padded_batch}'s padding: each component of a batch is padded at the end of every dimension
 * to its padded shape (a dimension of -1, or no padded shape at all, takes the batch's largest), with
 * the padding value (default 0, or the empty string), then stacked.
 */
final class Padding {
    private Padding() {}

    /** No padded shapes given: every dimension pads to the largest in the batch. */
    static final Object LARGEST = new Object();

    /** The padded shape of each leaf of {@code spec}, as int arrays with -1 for "largest in the batch". */
    static List<int[]> shapes(Object paddedShapes, Object spec) {
        List<Object> specs = Structure.leaves(spec);
        List<int[]> out = new ArrayList<>();
        if (paddedShapes == LARGEST) {
            for (Object s : specs) {
                Shape shape = ((TensorSpec) s).shape();
                if (!shape.hasRank()) {
                    throw new org.jflow.errors.ValueError("You must provide `padded_shapes` argument because component "
                            + out.size() + " has unknown rank.");
                }
                int[] d = shape.dims();
                java.util.Arrays.fill(d, -1);
                out.add(d);
            }
            return out;
        }
        List<Object> given = Structure.leaves(paddedShapes);
        if (given.size() != specs.size()) {
            throw new org.jflow.errors.ValueError("The padded shapes structure does not match the element structure "
                    + Structure.spec(spec));
        }
        for (Object g : given) out.add(g instanceof Shape s ? s.dims() : ((int[]) g).clone());
        return out;
    }

    /** The elements' leaves padded and stacked, the result packed as the first element. */
    static Object padAndStack(List<Object> elements, List<int[]> shapes, Object paddingValues) {
        List<List<Object>> columns = Structure.columns(elements);
        List<Object> values = paddingValues == null ? null : Structure.leaves(paddingValues);
        List<Object> stacked = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            List<Tensor> column = new ArrayList<>();
            for (Object leaf : columns.get(c)) column.add(Structure.tensor(leaf));
            int[] target = target(column, shapes.get(c), c);
            Tensor pad = values == null ? defaultValue(column.getFirst().dtype()) : (Tensor) values.get(c);
            List<Tensor> padded = new ArrayList<>();
            for (Tensor t : column) padded.add(padTo(t, target, pad));
            stacked.add(RawArray.pack(padded, 0));
        }
        return Structure.pack(elements.getFirst(), stacked);
    }

    /** The shape to pad to: the declared dims, the batch's largest where -1; TF's error where a component is larger. */
    private static int[] target(List<Tensor> column, int[] declared, int component) {
        int[] target = declared.clone();
        for (Tensor t : column) {
            int[] d = t.shape().dims();
            if (d.length != target.length) {
                throw new InvalidArgumentError("All elements in a batch must have the same rank as the padded shape for "
                        + "component" + component + ": expected rank " + target.length + " but got element with rank "
                        + d.length);
            }
        }
        for (int i = 0; i < target.length; i++) {
            if (declared[i] >= 0) continue;
            int max = 0;
            for (Tensor t : column) max = Math.max(max, t.shape().get(i));
            target[i] = max;
        }
        for (Tensor t : column) {
            for (int i = 0; i < target.length; i++) {
                if (t.shape().get(i) > target[i]) {
                    throw new org.jflow.errors.DataLossError("Attempted to pad to a smaller size than the input element.");
                }
            }
        }
        return target;
    }

    private static Tensor padTo(Tensor t, int[] target, Tensor value) {
        int[] paddings = new int[2 * target.length];
        boolean any = false;
        for (int i = 0; i < target.length; i++) {
            paddings[2 * i + 1] = target[i] - t.shape().get(i);
            any |= paddings[2 * i + 1] > 0;
        }
        return any ? RawArray.padV2(t, Raw.castTo(value, t.dtype()), paddings) : t;
    }

    private static Tensor defaultValue(DType dtype) {
        return dtype == DType.STRING ? org.jflow.raw.Raw.scalarString(new byte[0]) : Raw.scalar(dtype, 0L);
    }

    /** The element spec of a padded batch: declared dims where given, unknown elsewhere, under the batch dim. */
    static Object spec(Object elementSpec, List<int[]> shapes, int batchDim) {
        int[] next = {0};
        return Structure.map(elementSpec, leaf -> {
            TensorSpec s = (TensorSpec) leaf;
            int[] d = shapes.get(next[0]++);
            int[] out = new int[d.length + 1];
            out[0] = batchDim;
            System.arraycopy(d, 0, out, 1, d.length);
            return new TensorSpec(s.dtype(), Shape.of(out));
        });
    }
}
