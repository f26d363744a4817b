package org.jflow.format;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.TensorPrinter;

/** The engine's {@link TensorPrinter}: TF's and NumPy's text, registered in {@code META-INF/services}. */
public final class NumpyPrinter implements TensorPrinter {
    @Override
    public String str(Tensor t) { return TensorFormat.str(t); }

    @Override
    public String repr(Tensor t) { return TensorFormat.repr(t); }

    @Override
    public String numpyString(Tensor t) { return NumpyFormat.str(t); }

    @Override
    public String complexRepr(double real, double imag, DType dtype) { return ComplexText.pythonRepr(real, imag, dtype); }
}
