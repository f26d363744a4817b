package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Tensor;

import java.util.ServiceLoader;

/**
 * How eager tensors print (TF's {@code numpy_text} over NumPy's {@code str}/{@code repr}).
 * {@link Tensor#toString()} asks through this interface, so the engine does not depend on the
 * printer; the printer (the {@code org.jflow.format} package) registers itself through
 * {@link ServiceLoader}, as devices do.
 */
public interface TensorPrinter {
    /** {@code tf.Tensor([1 2 4], shape=(3,), dtype=int32)}. */
    String str(Tensor t);

    /** {@code <tf.Tensor: shape=(3,), dtype=int32, numpy=array([1, 2, 4], dtype=int32)>}. */
    String repr(Tensor t);

    /** NumPy's {@code str(x.numpy())}: {@code [[1. 2.]\n [3. 4.]]}. */
    String numpyString(Tensor t);

    /** Python's repr of one complex number of {@code dtype}'s precision: {@code (1+2j)}, {@code 3j}. */
    String complexRepr(double real, double imag, DType dtype);

    /** The registered printer. */
    static TensorPrinter installed() { return InstalledPrinter.PRINTER; }
}

/** Loads the printer once, on first use. */
final class InstalledPrinter {
    static final TensorPrinter PRINTER = ServiceLoader.load(TensorPrinter.class, TensorPrinter.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No " + TensorPrinter.class.getName() + " is registered"));

    private InstalledPrinter() {}
}
