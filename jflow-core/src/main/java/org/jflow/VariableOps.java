package org.jflow;

import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import java.util.Arrays;

/**
 * TF's resource-variable update ops, each an atomic read-modify-write of the variable named by
 * the {@code variable} attribute (TF's resource input): {@code AssignAddVariableOp},
 * {@code AssignSubVariableOp}, {@code ResourceScatterNd{Update,Add,Sub}} and
 * {@code ResourceScatter{Update,Add,Sub}}. Eagerly the kernel runs at once; while tracing each is one
 * stateful node, so a graph run by several threads updates atomically too. Shapes and dtypes are
 * checked before any update with TF's messages; index values, which only the kernel sees, after.
 */
public final class VariableOps {
    private VariableOps() {}

    /** The base of the update ops: the variable attribute, stateful, not differentiable, no outputs. */
    /** The new value of a scatter update: {@code mode} 0 replaces the rows, 1 adds, -1 subtracts. */
    private static Tensor scatter(int mode, Tensor old, Tensor indices, Tensor updates) {
        if (mode == 0) return RawArray.tensorScatterUpdate(old, indices, updates);
        return RawArray.tensorScatterAdd(old, indices, mode < 0 ? RawMath.neg(updates) : updates);
    }

    private abstract static class Update extends Op {
        Update(String name, String inputs) {
            // the variable is TF's resource input, here an attribute
            super(name, Signature.of((name.startsWith("ResourceScatterNd") ? "ref" : "resource") + " = variable, "
                    + inputs + " ->", "variable: resource"));
            notDifferentiable();
        }

        @Override
        public final boolean stateful() { return true; }

        /** The new value is computed into a buffer of its own (an add, a scatter); the inputs are only read. */
        @Override
        public final boolean retainsInputs() { return false; }

        InvalidArgumentError error(String message) {
            return new InvalidArgumentError(message);
        }

        /** TF's message for a dtype with no kernel of this op. */
        InvalidArgumentError noKernel(DType dtype) {
            return error("No OpKernel was registered to support Op '" + name() + "' used by {{node " + name()
                    + "}} with these attrs: [dtype=DT_" + dtype.kernelName().toUpperCase(java.util.Locale.ROOT) + "]");
        }

        @Override
        public final TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            check((Variable) attrs.get("variable"), in);
            return new TensorSpec[0];
        }

        /** Validates dtypes and (known) shapes against the variable. */
        abstract void check(Variable v, Tensor[] in);

        /** The new value from the current one; runs under the variable's lock. */
        abstract Tensor next(Tensor old, Tensor[] in);

        @Override
        public final Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] outputs) {
            Variable v = (Variable) attrs.get("variable");
            v.update(old -> next(v.valueForUpdate(old), in));
            return new Tensor[0];
        }
    }

    /** {@code AssignAddVariableOp} / {@code AssignSubVariableOp}: the delta must have the variable's shape exactly. */
    private static final class AssignArithmetic extends Update {
        private final boolean subtract;

        AssignArithmetic(String name, boolean subtract) {
            super(name, "value");
            this.subtract = subtract;
        }

        @Override
        void check(Variable v, Tensor[] in) {
            if (in[0].dtype() == DType.BOOL || in[0].dtype() == DType.STRING) throw noKernel(in[0].dtype());
            if (!v.shape().isCompatibleWith(in[0].shape())) throw shapeError(v.shape(), in[0].shape());
        }

        private InvalidArgumentError shapeError(Shape variable, Shape delta) {
            return error("Cannot update variable with shape " + variable.toErrorString() + " using a Tensor with shape "
                    + delta.toErrorString() + ", shapes must be equal.");
        }

        @Override
        Tensor next(Tensor old, Tensor[] in) {
            if (!old.shape().equals(in[0].shape())) throw shapeError(old.shape(), in[0].shape());
            return subtract ? RawMath.sub(old, in[0]) : RawMath.addV2(old, in[0]);
        }
    }

    /** {@code ResourceScatterNd*}: inputs indices (last dim K) and updates; TF's scatter_nd_op.cc checks. */
    private static final class ScatterNd extends Update {
        private final int mode; // 0 update, 1 add, -1 sub

        ScatterNd(String name, int mode) {
            super(name, "indices, updates");
            this.mode = mode;
        }

        @Override
        void check(Variable v, Tensor[] in) {
            DType t = in[1].dtype(); // Tindices: TF's definition, checked by the dispatcher
            if (t == DType.STRING && mode != 0 || t == DType.BOOL && mode != 0) throw noKernel(t);
            int[] p = v.shape().dimsView(), id = in[0].shape().dimsView(), ud = in[1].shape().dimsView();
            // TF compares the outer dimensions first, then ValidateScatterNdUpdateShape's slices
            int outerIndices = id.length == 0 ? 0 : id[0], outerUpdates = ud.length == 0 ? 0 : ud[0];
            if (outerIndices != outerUpdates) {
                throw error("Dimensions [0,1) of indices[shape=" + in[0].shape().toErrorString() + "] = " + outerIndices
                        + " must match dimensions [0,1) of updates[shape=" + in[1].shape().toErrorString() + "] = "
                        + outerUpdates);
            }
            int sliceDim = id.length > 1 ? id[id.length - 1] : 1, batchDim = id.length > 1 ? id.length - 1 : 1;
            boolean fits = ud.length >= batchDim && p.length >= sliceDim + (ud.length - batchDim)
                    && ud.length == batchDim + p.length - sliceDim;
            for (int d = 0; fits && d < batchDim; d++) fits = ud[d] == id[d];
            for (int d = 0; fits && d < p.length - sliceDim; d++) fits = ud[d + batchDim] == p[d + sliceDim];
            if (!fits) {
                throw error("Dimensions [" + sliceDim + "," + p.length + ") of input[shape=" + v.shape().toErrorString()
                        + "] must match dimensions [" + sliceDim + "," + ud.length + ") of updates[shape="
                        + in[1].shape().toErrorString() + "]");
            }
        }

        @Override
        Tensor next(Tensor old, Tensor[] in) {
            int[] p = old.shape().dimsView(), id = in[0].shape().dimsView();
            int k = id.length > 1 ? id[id.length - 1] : 1;
            int n = in[0].size() / Math.max(1, k);
            Tensor indices = RawArray.reshape(in[0], new int[] {n, k});
            for (int i = 0; i < n; i++) {
                boolean bad = false;
                for (int j = 0; j < k; j++) {
                    long x = indices.getLong(i * k + j);
                    bad |= x < 0 || x >= p[j];
                }
                if (bad) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < k; j++) sb.append(j > 0 ? ", " : "").append(indices.getLong(i * k + j));
                    throw error("indices[" + i + "] = [" + sb + "] does not index into shape "
                            + old.shape().toErrorString());
                }
            }
            int[] rows = new int[1 + p.length - k];
            rows[0] = n;
            System.arraycopy(p, k, rows, 1, p.length - k);
            Tensor updates = RawArray.reshape(in[1], rows);
            return scatter(mode, old, indices, updates);
        }
    }

    /**
     * {@code ResourceScatterUpdate/Add/Sub}: inputs indices (any shape, rows of the variable) and
     * updates of shape {@code indices.shape + variable.shape[1:]}, or a scalar for every element.
     */
    private static final class ScatterRows extends Update {
        private final int mode;

        ScatterRows(String name, int mode) {
            super(name, "indices, updates");
            this.mode = mode;
        }

        @Override
        void check(Variable v, Tensor[] in) {
            // Tindices and the add and sub ops' numeric dtype: TF's definition, checked by the dispatcher
            int[] p = v.shape().dimsView(), id = in[0].shape().dimsView(), ud = in[1].shape().dimsView();
            int[] expect = new int[id.length + Math.max(0, p.length - 1)];
            System.arraycopy(id, 0, expect, 0, id.length);
            if (p.length > 0) System.arraycopy(p, 1, expect, id.length, p.length - 1);
            // TF checks the rank only and reads past a smaller buffer; JFlow asks for the whole shape
            if (ud.length != 0 && !Arrays.equals(expect, ud)) {
                throw error("Must have updates.shape = indices.shape + params.shape[1:] or updates.shape = [], "
                        + "got updates.shape " + in[1].shape().toErrorString() + ", indices.shape "
                        + in[0].shape().toErrorString() + ", params.shape " + v.shape().toErrorString());
            }
        }

        @Override
        Tensor next(Tensor old, Tensor[] in) {
            int[] p = old.shape().dimsView();
            int n = in[0].size();
            for (int i = 0; i < n; i++) {
                long x = in[0].getLong(i);
                if (x < 0 || x >= p[0]) throw error("indices[" + i + "] = " + x + " is not in [0, " + p[0] + ")");
            }
            int[] rows = p.clone();
            rows[0] = n;
            Tensor updates = in[1].rank() == 0 ? RawArray.broadcastTo(in[1], rows) : RawArray.reshape(in[1], rows);
            return scatter(mode, old, RawArray.reshape(in[0], new int[] {n, 1}), updates);
        }
    }

    static final Op ASSIGN_ADD = new AssignArithmetic("AssignAddVariableOp", false);
    static final Op ASSIGN_SUB = new AssignArithmetic("AssignSubVariableOp", true);
    static final Op SCATTER_ND_UPDATE = new ScatterNd("ResourceScatterNdUpdate", 0);
    static final Op SCATTER_ND_ADD = new ScatterNd("ResourceScatterNdAdd", 1);
    static final Op SCATTER_ND_SUB = new ScatterNd("ResourceScatterNdSub", -1);
    static final Op SCATTER_UPDATE = new ScatterRows("ResourceScatterUpdate", 0);
    static final Op SCATTER_ADD = new ScatterRows("ResourceScatterAdd", 1);
    static final Op SCATTER_SUB = new ScatterRows("ResourceScatterSub", -1);
}
