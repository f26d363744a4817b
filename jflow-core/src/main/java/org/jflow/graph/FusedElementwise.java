package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.math.BinaryArithmetic;
import org.jflow.math.UnaryMath;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A tree of element-wise float ops ({@link UnaryMath}, {@link BinaryArithmetic}) computed in one
 * pass over memory: the elements go in blocks of {@link #BLOCK}, and for each block every sub-op
 * runs its own kernel on the block into small temporaries that the next blocks reuse, so the
 * intermediates never leave the cache. The blocks follow {@link UnaryMath}'s parallel chunks, so
 * each element takes the same (vector or scalar) path as unfused and the result has the same bits.
 * <p>
 * Only {@link ElementwiseFusion} creates it, in the optimized graphs the executor runs. Gradient
 * tapes never see it (a function called under a tape replays its unoptimized graph), so it is
 * declared not differentiable.
 */
public final class FusedElementwise extends Op {
    public static final FusedElementwise OP = new FusedElementwise().notDifferentiable()
            .withDecomposition(FusedElementwise::unfused);

    /** The expression's steps as the separate ops they were fused from (TF fuses inside its own runtime). */
    private static Tensor[] unfused(Tensor[] in, Attrs attrs) {
        Expression e = (Expression) attrs.get("expression");
        Tensor[] temporaries = new Tensor[e.temporaries()];
        Tensor out = null;
        for (Step s : e.steps()) {
            Tensor[] args = new Tensor[s.args().length];
            for (int k = 0; k < args.length; k++) {
                int a = s.args()[k];
                args[k] = a >= 0 ? in[a] : temporaries[-a - 1];
            }
            Tensor r = Dispatcher.execute1(s.op(), Attrs.EMPTY, args);
            if (s.dest() < 0) out = r;
            else temporaries[s.dest()] = r;
        }
        return new Tensor[] {out};
    }

    /** Elements per block: a few temporaries of this size stay in L1/L2; a multiple of every vector length. */
    static final int BLOCK = 2048;

    /**
     * One sub-op: {@code op} reads {@code args} (j >= 0: input j; a < 0: temporary {@code -a-1})
     * and writes temporary {@code dest}, or the output when {@code dest} is -1.
     */
    public record Step(Op op, int[] args, int dest) {
        @Override
        public String toString() { return op.name(); }
    }

    /** The steps in evaluation order and how many block temporaries they share. */
    public record Expression(List<Step> steps, int temporaries) {
        public Expression {
            steps = List.copyOf(steps);
        }

        @Override
        public String toString() { return steps.stream().map(Step::toString).collect(Collectors.joining(",", "[", "]")); }
    }

    private FusedElementwise() { super("FusedElementwise",
            Signature.of("inputs: N * T -> output", "expression: object", "T: type", "shape: shape")); }

    /** The attributes of a fused node: its dtype, its output shape and the expression. */
    static Attrs attrs(DType dtype, Shape shape, Expression expression) {
        return Attrs.of("T", dtype, "shape", shape, "expression", expression);
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType dtype = attrs.getDType("T");
        Shape shape = attrs.getShape("shape");
        for (Tensor t : in) {
            if (t.dtype() != dtype || (t.shape().isFullyDefined() && t.size() != 1 && !t.shape().equals(shape))) {
                throw new InvalidArgumentError("FusedElementwise of " + shape + " " + dtype.name() + " got input " + t.shape()
                        + " " + t.dtype().name());
            }
        }
        return new TensorSpec[] {new TensorSpec(dtype, shape)};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        DType dtype = out[0].dtype();
        return new Tensor[] {computeInto(in, attrs, out[0], Buffers.allocateUninitialized(dtype, out[0].shape().size()))};
    }

    /**
     * Computes into {@code target}, a buffer of the output's dtype and size that nothing else
     * reads: it may be the buffer of a full-size input that dies here, since each block reads its
     * inputs before the last step writes the block.
     */
    public static Tensor computeInto(Tensor[] in, Attrs attrs, TensorSpec out, Object target) {
        DType dtype = out.dtype();
        int n = out.shape().size();
        Expression e = (Expression) attrs.get("expression");
        Object[] data = new Object[in.length];
        int[] step = new int[in.length];
        for (int j = 0; j < in.length; j++) {
            data[j] = in[j].data();
            step[j] = in[j].size() == n ? 1 : 0;
        }
        Parallel.RangeBody body = (from, to) -> new Chunk(e, dtype, data, step, target, to - from).run(from, to);
        if (n < UnaryMath.GRAIN) body.run(0, n);
        else Parallel.forRange(n, UnaryMath.GRAIN, body);
        return Tensor.wrap(dtype, out.shape(), target);
    }

    /** One parallel chunk: its temporaries and the sub-op kernels bound to them, run block by block. */
    private static final class Chunk {
        private final List<Step> steps;
        private final int[] step;
        private final UnaryMath.Run[] unary;
        private final BinaryArithmetic.Run[] binary;

        Chunk(Expression e, DType dtype, Object[] data, int[] step, Object out, int length) {
            this.steps = e.steps();
            this.step = step;
            Object[] temps = new Object[e.temporaries()];
            for (int t = 0; t < temps.length; t++) temps[t] = Buffers.allocate(dtype, Math.min(BLOCK, length));
            unary = new UnaryMath.Run[steps.size()];
            binary = new BinaryArithmetic.Run[steps.size()];
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                Object o = s.dest() < 0 ? out : temps[s.dest()];
                Object x = buffer(s.args()[0], data, temps);
                if (s.op() instanceof UnaryMath u) unary[i] = u.kernel(dtype, x, o);
                else binary[i] = ((BinaryArithmetic) s.op()).runs(dtype, x, buffer(s.args()[1], data, temps), o);
            }
        }

        private static Object buffer(int arg, Object[] data, Object[] temps) { return arg >= 0 ? data[arg] : temps[-arg - 1]; }

        void run(int from, int to) {
            for (int b = from; b < to; b += BLOCK) {
                int m = Math.min(BLOCK, to - b);
                for (int i = 0; i < unary.length; i++) {
                    Step s = steps.get(i);
                    int[] a = s.args();
                    int oo = s.dest() < 0 ? b : 0;
                    if (unary[i] != null) unary[i].run(offset(a[0], b), oo, m);
                    else binary[i].run(offset(a[0], b), stride(a[0]), offset(a[1], b), stride(a[1]), oo, m);
                }
            }
        }

        /** Where operand {@code arg} starts for the block at {@code b}: inputs are read in place, temporaries from 0. */
        private int offset(int arg, int b) { return arg >= 0 ? b * step[arg] : 0; }

        private int stride(int arg) { return arg >= 0 ? step[arg] : 1; }
    }
}
