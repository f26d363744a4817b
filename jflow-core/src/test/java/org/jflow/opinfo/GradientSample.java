package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.OpRegistry;

import java.util.List;
import java.util.Random;

/**
 * One call a gradient is checked on (PyTorch's {@code SampleInput} with {@code requires_grad}):
 * attributes, and per input either a differentiable random tensor drawn from the op's smooth
 * domain or a fixed, non-differentiable tensor (indices, labels, a mask); {@code secondOrder} asks
 * for the gradient of the gradient too.
 */
public record GradientSample(Attrs attrs, List<In> inputs, boolean secondOrder) {
    /**
     * A differentiable input: a shape, the interval its random values come from and a value added
     * to the diagonal of square matrices (to keep them well conditioned); or a fixed tensor.
     */
    public record In(int[] shape, double lo, double hi, double boost, Tensor fixed) {
        public In(int[] shape, double lo, double hi, Tensor fixed) { this(shape, lo, hi, 0, fixed); }

        public boolean differentiable() { return fixed == null; }

        /** Float64 values uniform in [lo, hi), the diagonal of the trailing square matrices raised by {@code boost}. */
        public Tensor random(Random random) {
            Shape s = Shape.of(shape);
            double[] v = new double[s.size()];
            for (int k = 0; k < v.length; k++) v[k] = lo + (hi - lo) * random.nextDouble();
            int n = s.rank() < 2 ? 0 : s.get(-1);
            if (boost != 0) for (int k = 0; k < v.length; k++) if ((k / n) % n == k % n) v[k] += boost;
            return Tensor.wrap(DType.FLOAT64, s, v);
        }
    }

    /**
     * The call's inputs: differentiable ones drawn from their domains (float64) and cast to
     * {@code dtype}, fixed ones as they are.
     */
    public Tensor[] draw(DType dtype, Random random) {
        Tensor[] x = new Tensor[inputs.size()];
        for (int i = 0; i < x.length; i++) {
            In in = inputs.get(i);
            x[i] = in.differentiable() ? in.random(random) : in.fixed();
            if (in.differentiable() && dtype != DType.FLOAT64) {
                x[i] = Dispatcher.execute1(OpRegistry.get("Cast"), Attrs.of("DstT", dtype), x[i]);
            }
        }
        return x;
    }

    public static In any(int... shape) { return new In(shape, -1.5, 1.5, null); }

    public static In pos(int... shape) { return new In(shape, 0.5, 2.0, null); }

    public static In range(double lo, double hi, int... shape) { return new In(shape, lo, hi, null); }

    public static In invertible(int... shape) { return new In(shape, -1, 1, 3, null); }

    public static In fixed(Tensor t) { return new In(null, 0, 0, t); }
}
