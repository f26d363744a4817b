package org.jflow.engine;

import org.jflow.Tensor;
import org.jflow.TensorLike;

/**
 * A variable as the engine sees it (TF's resource handle: what a tape, a trace and a
 * {@code ReadVariableOp} refer to): a value read on demand, its dtype and shape, and whether tapes
 * watch its reads unasked. {@link Nest} flattens it to the value it reads and packs it back as
 * itself, {@link Recorder}s hear of its reads, {@link Tracer}s of its creation, and an op's
 * {@code resource} attribute holds one. {@code tf.Variable} implements it; the engine names only
 * this interface, so it stays below the classes built on it.
 */
public interface VariableHandle extends TensorLike {
    /** The current value; the read is reported to this thread's recorders ({@link Recorder.Stack#variableRead}). */
    @Override
    Tensor value();

    /** TF's {@code trainable}: whether a tape watching accessed variables watches this one's reads. */
    boolean trainable();
}
