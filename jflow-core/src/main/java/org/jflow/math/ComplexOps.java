package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import static org.jflow.autodiff.Grads.binary;
import static org.jflow.autodiff.Grads.unary;

/**
 * TF's ops between complex numbers and their parts: {@code Complex} builds complex64/complex128
 * from float32/float64 parts (broadcasting), {@code Real}, {@code Imag}, {@code ComplexAbs} and
 * {@code Angle} take a part back (attribute {@code Tout}), {@code Conj} negates the imaginary part.
 */
public final class ComplexOps {
    private ComplexOps() {}

    public static final String TOUT = "Tout";
    private static final TypeList PARTS = new TypeList("float, double", java.util.EnumSet.of(DType.FLOAT32, DType.FLOAT64));
    private static final TypeList COMPLEX = new TypeList("complex64, complex128",
            java.util.EnumSet.of(DType.COMPLEX64, DType.COMPLEX128));

    /** {@code Complex(real, imag)}: {@code real + imag * i}. */
    public static final Op COMPLEX_OP = new Op("Complex", Signature.of("real, imag -> out")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType t = in[0].dtype();
            if (!PARTS.accepts(t)) throw PARTS.refusal(t, name(), "real:T, imag:T -> out:Tout");
            if (in[1].dtype() != t) {
                throw new InvalidArgumentError("cannot compute Complex as input #1(zero-based) was expected to be a "
                        + t.kernelName() + " tensor but is a " + in[1].dtype().kernelName() + " tensor");
            }
            return new TensorSpec[] {new TensorSpec(t.complexDType(), Broadcast.shape(in[0].shape(), in[1].shape(), name()))};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Shape shape = out[0].shape();
            DType dtype = out[0].dtype();
            int[] re = Broadcast.indexMap(in[0].shape(), shape), im = Broadcast.indexMap(in[1].shape(), shape);
            Object r = in[0].data(), m = in[1].data(), z = Buffers.allocate(dtype, shape.size());
            DType part = in[0].dtype();
            for (int i = 0; i < re.length; i++) {
                Buffers.setComplex(z, dtype, i, Buffers.getDouble(r, part, re[i]), Buffers.getDouble(m, part, im[i]));
            }
            return new Tensor[] {Tensor.wrap(dtype, shape, z)};
        }
    }.withGradient((g, dy) -> binary(g, () -> RawMath.real(dy[0]), () -> RawMath.imag(dy[0])));

    /** A complex number's real value: a part, its modulus or its argument. */
    private interface PartFunction { double apply(double re, double im); }

    private static final class Part extends Op {
        private final PartFunction f;

        Part(String name, PartFunction f) {
            super(name, Signature.of("input -> output"));
            this.f = f;
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType t = in[0].dtype();
            if (!COMPLEX.accepts(t)) throw COMPLEX.refusal(t, name(), "input:T -> output:Tout");
            return new TensorSpec[] {new TensorSpec(t.realDType(), in[0].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            DType t = in[0].dtype(), real = out[0].dtype();
            Object z = in[0].data();
            int n = in[0].size();
            Object r = Buffers.allocate(real, n);
            for (int i = 0; i < n; i++) Buffers.setDouble(r, real, i, f.apply(Buffers.getDouble(z, t, i), Buffers.getImag(z, t, i)));
            return new Tensor[] {Tensor.wrap(real, out[0].shape(), r)};
        }
    }

    // The gradients are TF's (math_grad.py): a real upstream gradient comes back as a complex one.
    public static final Op REAL = new Part("Real", (re, im) -> re)
            .withGradient(unary((g, dy) -> RawMath.complex(dy, RawArray.zerosLike(dy))));
    public static final Op IMAG = new Part("Imag", (re, im) -> im)
            .withGradient(unary((g, dy) -> RawMath.complex(RawArray.zerosLike(dy), dy)));
    /** {@code |z|} without overflow for large parts; its gradient is {@code dy z / |z|}, 0 at 0. */
    public static final Op COMPLEX_ABS = new Part("ComplexAbs", Math::hypot)
            .withGradient(unary((g, dy) -> {
                Tensor scale = RawMath.divNoNan(dy, g.out());
                return RawMath.mul(RawMath.complex(scale, RawArray.zerosLike(scale)), g.x());
            }));
    /** {@code atan2(imag, real)}, in (-pi, pi]; its gradient is {@code -dy / (imag + real i)}. */
    public static final Op ANGLE = new Part("Angle", (re, im) -> Math.atan2(im, re))
            .withGradient(unary((g, dy) -> {
                Tensor z = RawMath.reciprocal(RawMath.complex(RawMath.imag(g.x()), RawMath.real(g.x())));
                return RawMath.mul(RawMath.neg(RawMath.complex(dy, RawArray.zerosLike(dy))), z);
            }));

    /** {@code Conj(input)}: the complex conjugate. */
    public static final Op CONJ = new Op("Conj", Signature.of("input -> output")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType t = in[0].dtype();
            if (!COMPLEX.accepts(t)) {
                throw new TypeList("complex64, complex128, variant", COMPLEX.allowed()).refusal(t, name(), "input:T -> output:T");
            }
            return new TensorSpec[] {new TensorSpec(t, in[0].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Object z = Buffers.copy(in[0].data());
            if (z instanceof float[] f) for (int i = 1; i < f.length; i += 2) f[i] = -f[i];
            else if (z instanceof double[] d) for (int i = 1; i < d.length; i += 2) d[i] = -d[i];
            return new Tensor[] {Tensor.wrap(out[0].dtype(), out[0].shape(), z)};
        }
    }.withGradient(unary((g, dy) -> org.jflow.autodiff.Grads.conj(dy)));
}
