package org.jflow.raw;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

import java.util.List;

/**
 * TF's {@code gen_logging_ops}: {@code PrintV2}, whose attributes (the printed structure's
 * template and the print options) the {@code tf.print} front end builds and passes as {@link Attrs}.
 */
public final class RawLogging {
    private static final Op PRINT_V2 = Raw.op("PrintV2");

    private RawLogging() {}

    public static void printV2(List<Tensor> inputs, Attrs format) { Raw.all(PRINT_V2, format, Raw.list(inputs)); }
}
