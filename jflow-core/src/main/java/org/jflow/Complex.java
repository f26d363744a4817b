package org.jflow;

import org.jflow.engine.TensorPrinter;

/**
 * One element of a complex64 or complex128 tensor, as {@code Tensor.element} and {@code numpy()}
 * return it (Python's {@code complex}).
 */
public record Complex(double real, double imag) {
    /** Python's repr of a complex: {@code (1+2j)}, {@code -3j}, {@code (2.5-0.5j)}. */
    @Override
    public String toString() { return TensorPrinter.installed().complexRepr(real, imag, DType.COMPLEX128); }
}
