package org.jflow.linalg;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.device.Devices;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Broadcast;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

import java.util.Map;

/**
 * TF's {@code MatMul} (two matrices, attributes {@code transpose_a}/{@code transpose_b}),
 * {@code BatchMatMulV2} and {@code BatchMatMulV3} (rank >= 2 with broadcast batch dims, attributes
 * {@code adj_x}/{@code adj_y}, which for real numbers mean transposition). All share one kernel; they
 * differ in their checks. {@code tf.matmul} of batches runs V2, as TF's Python does for operands of one
 * dtype without {@code output_type} (so TF's errors name BatchMatMulV2, and float16 has a kernel).
 */
public final class MatrixMultiply extends Op {
    public static final MatrixMultiply MAT_MUL = new MatrixMultiply("MatMul", "transpose_a", "transpose_b")
            .withGradient(MatrixMultiply::gradient);
    public static final MatrixMultiply BATCH_MAT_MUL_V2 = new MatrixMultiply("BatchMatMulV2", "adj_x", "adj_y")
            .withGradient(MatrixMultiply::gradient);
    public static final MatrixMultiply BATCH_MAT_MUL_V3 = new MatrixMultiply("BatchMatMulV3", "adj_x", "adj_y")
            .withGradient(MatrixMultiply::gradient);

    private final String transposeA, transposeB;

    private MatrixMultiply(String name, String transposeA, String transposeB) {
        super(name, Signature.of(name.equals("MatMul") ? "a:T, b:T -> product:T" : "x:Ta, y:Tb -> output:Tout",
                transposeA + ": bool = false", transposeB + ": bool = false"));
        this.transposeA = transposeA;
        this.transposeB = transposeB;
    }

    private InvalidArgumentError error(String message) {
        return new InvalidArgumentError(message);
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        // MatMul's and BatchMatMulV2's T (allowed dtypes, both inputs of one dtype): TF's definition, checked by the
        // dispatcher; BatchMatMulV3's Ta and Tb may differ in TF, JFlow's kernels take one dtype
        DType dtype = in[0].dtype();
        if (in[1].dtype() != dtype) {
            throw error("cannot compute " + name() + " as input #1(zero-based) was expected to be a "
                    + dtype.kernelName() + " tensor but is a " + in[1].dtype().kernelName() + " tensor");
        }
        // TF's CPU kernels (the kernel table): BatchMatMulV3's take int16 but no float16, unlike MatMul's
        if (this == BATCH_MAT_MUL_V3) {
            Devices.kernels().requireCpuKernel(name(), Map.of("Ta", dtype, "Tb", dtype, "Tout", dtype), Attrs.EMPTY);
        } else {
            Devices.kernels().requireCpuKernel(name(), dtype);
        }
        if (this == MAT_MUL && dtype == DType.INT16) throw MatrixOp.unimplemented(name(), dtype);
        Shape a = in[0].shape(), b = in[1].shape();
        if (!a.hasRank() || !b.hasRank()) { // an operand of unknown rank (an imported graph's): TF's shape functions
            if (this != MAT_MUL) return new TensorSpec[] {new TensorSpec(dtype, Shape.unknownRank())};
            if (!a.hasRank()) a = Shape.of(Shape.UNKNOWN, Shape.UNKNOWN); // MatMul's WithRank(2)
            if (!b.hasRank()) b = Shape.of(Shape.UNKNOWN, Shape.UNKNOWN);
        }
        int ra = a.rank(), rb = b.rank();
        if (this == MAT_MUL) {
            if (ra != rb) throw error("In[0] and In[1] has different ndims: " + a.toErrorString() + " vs. " + b.toErrorString());
            if (ra != 2) throw error("In[0] and In[1] ndims must be == 2: " + ra);
        } else {
            if (ra < 2) throw error("In[0] ndims must be >= 2: " + ra);
            if (rb < 2) throw error("In[1] ndims must be >= 2: " + rb);
        }
        Shape batch;
        try {
            batch = Broadcast.shape(batchShape(a), batchShape(b), name());
        } catch (InvalidArgumentError e) {
            throw error("In[0] and In[1] must have compatible batch dimensions: " + a.toErrorString() + " vs. " + b.toErrorString());
        }
        boolean ta = attrs.getBool(transposeA, false), tb = attrs.getBool(transposeB, false);
        int m = a.get(ta ? -1 : -2), ka = a.get(ta ? -2 : -1), kb = b.get(tb ? -1 : -2), n = b.get(tb ? -2 : -1);
        if (!org.jflow.Shape.compatibleDims(ka, kb)) throw error("Matrix size-incompatible: In[0]: " + a.toErrorString() + ", In[1]: " + b.toErrorString());
        int[] out = new int[batch.rank() + 2];
        System.arraycopy(batch.dimsView(), 0, out, 0, batch.rank());
        out[out.length - 2] = m;
        out[out.length - 1] = n;
        return new TensorSpec[] {new TensorSpec(dtype, Shape.ofOwned(out))};
    }

    /**
     * (Ar + i Ai)(Br + i Bi) from four real products. BatchMatMulV2/V3's adj_x/adj_y conjugate as they
     * transpose; MatMul's transpose_a/b only transpose, as in TF.
     */
    private Tensor[] complexProduct(Tensor[] in, Attrs attrs, TensorSpec out) {
        DType t = out.dtype(), real = t.realDType();
        TensorSpec[] spec = {new TensorSpec(real, out.shape())};
        boolean conjA = this != MAT_MUL && attrs.getBool(transposeA, false);
        boolean conjB = this != MAT_MUL && attrs.getBool(transposeB, false);
        Tensor ar = partOf(in[0], false, false), ai = partOf(in[0], true, conjA);
        Tensor br = partOf(in[1], false, false), bi = partOf(in[1], true, conjB);
        Object rr = compute(new Tensor[] {ar, br}, attrs, spec)[0].data(), ii = compute(new Tensor[] {ai, bi}, attrs, spec)[0].data();
        Object ri = compute(new Tensor[] {ar, bi}, attrs, spec)[0].data(), ir = compute(new Tensor[] {ai, br}, attrs, spec)[0].data();
        int n = out.shape().size();
        Object z = Buffers.allocate(t, n);
        for (int i = 0; i < n; i++) {
            double re = Buffers.getDouble(rr, real, i) - Buffers.getDouble(ii, real, i);
            double im = Buffers.getDouble(ri, real, i) + Buffers.getDouble(ir, real, i);
            Buffers.setComplex(z, t, i, re, im);
        }
        return new Tensor[] {Tensor.wrap(t, out.shape(), z)};
    }

    private static Tensor partOf(Tensor z, boolean imag, boolean negate) {
        DType real = z.dtype().realDType();
        Object p = Buffers.part(z.data(), z.dtype(), imag);
        if (negate) for (int i = 0; i < z.size(); i++) Buffers.setDouble(p, real, i, -Buffers.getDouble(p, real, i));
        return Tensor.wrap(real, z.shape(), p);
    }

    /**
     * TF's four cases of (transpose_a, transpose_b), each gradient a product of dy with the other
     * operand; for batches, summed back over the batch dims that were broadcast.
     */
    private static Tensor[] gradient(GradientContext g, Tensor[] upstream) {
        MatrixMultiply self = (MatrixMultiply) g.op();
        boolean ta = g.attrs().getBool(self.transposeA, false), tb = g.attrs().getBool(self.transposeB, false);
        Tensor a = g.x(), b = g.y(), dy = upstream[0];
        Tensor da = !g.needs(0) ? null : ta ? self.times(b, tb, dy, true) : self.times(dy, false, b, !tb);
        Tensor db = !g.needs(1) ? null : tb ? self.times(dy, true, a, ta) : self.times(a, !ta, dy, false);
        return new Tensor[] {da == null ? null : Grads.sumToShape(da, a), db == null ? null : Grads.sumToShape(db, b)};
    }

    private Tensor times(Tensor a, boolean ta, Tensor b, boolean tb) {
        return Dispatcher.execute1(this, Attrs.of(transposeA, ta, transposeB, tb), a, b);
    }

    static Shape batchShape(Shape s) {
        int[] d = new int[s.rank() - 2];
        System.arraycopy(s.dimsView(), 0, d, 0, d.length);
        return Shape.ofOwned(d);
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] outSpecs) {
        if (outSpecs[0].dtype().isComplex()) return complexProduct(in, attrs, outSpecs[0]);
        Shape outShape = outSpecs[0].shape();
        DType dtype = outSpecs[0].dtype();
        boolean ta = attrs.getBool(transposeA, false), tb = attrs.getBool(transposeB, false);
        Shape a = in[0].shape(), b = in[1].shape();
        int m = outShape.get(-2), n = outShape.get(-1), k = a.get(ta ? -2 : -1);
        Shape batch = batchShape(outShape);
        int batches = batch.size();
        int[] mapA = batchShape(a).equals(batch) ? null : Broadcast.indexMap(batchShape(a), batch);
        int[] mapB = batchShape(b).equals(batch) ? null : Broadcast.indexMap(batchShape(b), batch);
        Object x = in[0].data(), y = in[1].data();
        // the half types compute in float32; int16 in int32, wrapping on the way back as C++ does
        DType wide = switch (dtype.storage()) {
            case HALF -> DType.FLOAT32;
            case SHORT -> DType.INT32;
            default -> dtype;
        };
        if (wide != dtype) {
            x = Buffers.convert(x, dtype, wide);
            y = Buffers.convert(y, dtype, wide);
        }
        Object out = Buffers.allocateZeroed(wide, outShape.size()); // GEMM adds into it
        Object ax = x, by = y;
        int sizeA = a.get(-2) * a.get(-1), sizeB = b.get(-2) * b.get(-1), sizeC = m * n;
        Parallel.RangeBody body = (from, to) -> {
            for (int i = from; i < to; i++) {
                Gemm.View av = Gemm.View.of((mapA == null ? i : mapA[i]) * sizeA, a.get(-2), a.get(-1), ta);
                Gemm.View bv = Gemm.View.of((mapB == null ? i : mapB[i]) * sizeB, b.get(-2), b.get(-1), tb);
                multiply(m, n, k, ax, av, by, bv, out, i * sizeC);
            }
        };
        long work = (long) m * n * k;
        // A big product threads itself inside Gemm; many small ones are spread across batches instead.
        if (batches > 1 && work < Gemm.PARALLEL_WORK) Parallel.forRange(batches, (int) Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, work)), body);
        else body.run(0, batches);
        Object result = wide != dtype ? Buffers.convert(out, wide, dtype) : out;
        return new Tensor[] {Tensor.wrap(dtype, outShape, result)};
    }

    /** C (at cOff, row-major m x n, zero on entry) = A * B for whichever storage the buffers have. */
    static void multiply(int m, int n, int k, Object a, Gemm.View av, Object b, Gemm.View bv, Object c, int cOff) {
        switch (c) {
            case float[] cf -> Gemm.sgemm(m, n, k, (float[]) a, av, (float[]) b, bv, cf, cOff, n);
            case double[] cd -> Gemm.dgemm(m, n, k, (double[]) a, av, (double[]) b, bv, cd, cOff, n);
            case int[] ci -> Gemm.igemm(m, n, k, (int[]) a, av, (int[]) b, bv, ci, cOff, n);
            case long[] cl -> Gemm.lgemm(m, n, k, (long[]) a, av, (long[]) b, bv, cl, cOff, n);
            default -> throw new IllegalStateException("no GEMM for " + c.getClass());
        }
    }
}
