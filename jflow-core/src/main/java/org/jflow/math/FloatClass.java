package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;

import java.util.function.DoublePredicate;

/** IsNan, IsInf, IsFinite: a bool per element of a float tensor. */
public final class FloatClass extends Op {
    public static final FloatClass IS_NAN = new FloatClass("IsNan", Kind.NAN, Double::isNaN);
    public static final FloatClass IS_INF = new FloatClass("IsInf", Kind.INF, Double::isInfinite);
    public static final FloatClass IS_FINITE = new FloatClass("IsFinite", Kind.FINITE, Double::isFinite);

    /** Which test, for choosing its vector loop. */
    private enum Kind { NAN, INF, FINITE }

    private final Kind kind;
    private final DoublePredicate test;

    private FloatClass(String name, Kind kind, DoublePredicate test) {
        super(name, Signature.of("x:T -> y:bool"));
        notDifferentiable(); // bool, integer or string results, as TF
        this.kind = kind;
        this.test = test;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType dtype = in[0].dtype();
        if (!TypeList.REAL.accepts(dtype)) throw TypeList.REAL.refusal(dtype, name(), "x:T -> y:bool");
        return new TensorSpec[] {new TensorSpec(DType.BOOL, in[0].shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor x = in[0];
        int n = x.size();
        boolean[] r = (boolean[]) Buffers.allocateUninitialized(DType.BOOL, n);
        Object data = x.data();
        switch (data) {
            case float[] f when x.dtype() == DType.FLOAT32 -> Parallel.forRange(n, (from, to) -> {
                switch (kind) {
                    case NAN -> FloatLanes.isNan(f, r, from, to);
                    case INF -> FloatLanes.isInf(f, r, from, to);
                    case FINITE -> FloatLanes.isFinite(f, r, from, to);
                }
            });
            case double[] d when x.dtype() == DType.FLOAT64 -> Parallel.forRange(n, (from, to) -> {
                switch (kind) {
                    case NAN -> DoubleLanes.isNan(d, r, from, to);
                    case INF -> DoubleLanes.isInf(d, r, from, to);
                    case FINITE -> DoubleLanes.isFinite(d, r, from, to);
                }
            });
            default -> { for (int k = 0; k < n; k++) r[k] = test.test(Buffers.getDouble(data, x.dtype(), k)); }
        }
        return new Tensor[] {Tensor.wrap(DType.BOOL, x.shape(), r)};
    }
}
