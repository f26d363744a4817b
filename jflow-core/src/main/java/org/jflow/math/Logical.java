package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/** The ops on bools: LogicalAnd and LogicalOr broadcast; LogicalNot. TF composes xor from these. */
public final class Logical extends BinaryOp {
    public static final Logical AND = new Logical("LogicalAnd", true);
    public static final Logical OR = new Logical("LogicalOr", false);

    public static final Op NOT = new Op("LogicalNot", Signature.of("x:bool -> y:bool")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in[0].dtype() != DType.BOOL) {
                throw new InvalidArgumentError("cannot compute LogicalNot as input #0(zero-based) was expected to be a bool tensor but is a "
                        + in[0].dtype().kernelName() + " tensor");
            }
            return new TensorSpec[] {new TensorSpec(DType.BOOL, in[0].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            boolean[] x = (boolean[]) in[0].data(), r = new boolean[x.length];
            for (int k = 0; k < x.length; k++) r[k] = !x[k];
            return new Tensor[] {Tensor.wrap(DType.BOOL, in[0].shape(), r)};
        }
    }.notDifferentiable();

    private final boolean and;

    private Logical(String name, boolean and) {
        super(name, TypeList.BOOL, "x:bool, y:bool -> z:bool");
        notDifferentiable(); // bool, integer or string results, as TF
        this.and = and;
    }

    @Override
    DType outputType(DType in) { return DType.BOOL; }

    @Override
    BroadcastLoop.Run kernel(DType in, Object x, Object y, Object o) {
        boolean[] a = (boolean[]) x, b = (boolean[]) y, r = (boolean[]) o;
        return (ao, as, bo, bs, oo, n) -> {
            for (int k = 0; k < n; k++) r[oo + k] = and ? a[ao + k * as] & b[bo + k * bs] : a[ao + k * as] | b[bo + k * bs];
        };
    }
}
