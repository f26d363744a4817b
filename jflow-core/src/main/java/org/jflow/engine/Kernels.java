package org.jflow.engine;

import org.jflow.Tensor;
import org.jflow.config.DeviceScope;
import org.jflow.config.DeviceSpec;
import org.jflow.device.Devices;
import org.jflow.device.Placement;
import org.jflow.errors.OpError;

/**
 * The one call that runs an op's kernel, for eager ops, graph nodes, trace-time values and constant
 * folding alike (TF's {@code EagerExecute} and executor {@code Process} meet in the same kernel
 * lookup): places the op by TF's rules, copies inputs to the chosen device and runs the kernel from
 * {@link org.jflow.device.KernelTable}. While only the CPU can matter ({@link Devices#placing()} is
 * false) it is the op's CPU kernel, called directly, so the eager hot path pays one field read. Every
 * output whose size is known is checked against the heap first, and a kernel that runs out of heap
 * raises TF's {@code ResourceExhaustedError} ({@link Allocation}), so the JVM goes on.
 */
public final class Kernels {
    private Kernels() {}

    /** An eager op, placed by the calling thread's {@code tf.device} scope. */
    public static Tensor[] run(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs) {
        Allocation.require(outputs, op.name());
        try {
            if (!Devices.placing()) return op.compute(inputs, attrs, outputs);
            return Placement.run(op, attrs, inputs, outputs, DeviceScope.currentSpec(), null);
        } catch (OutOfMemoryError e) {
            throw Allocation.exhausted(outputs, op.name(), e);
        } catch (OpError e) { // a graph node's or folded value's error names its op, as an eager one does
            throw e.withOp(op.name());
        }
    }

    /**
     * A graph node's kernel: {@code requested} is the node's device (or the calling scope's for a node
     * traced without one), {@code node} its name for TF's graph-mode errors and placement log.
     */
    public static Tensor[] run(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs, DeviceSpec requested,
                               String node) {
        Allocation.require(outputs, op.name());
        try {
            if (!Devices.placing()) return op.compute(inputs, attrs, outputs);
            return Placement.run(op, attrs, inputs, outputs, requested, node);
        } catch (OutOfMemoryError e) {
            throw Allocation.exhausted(outputs, op.name(), e);
        } catch (OpError e) { // a graph node's or folded value's error names its op, as an eager one does
            throw e.withOp(op.name());
        }
    }

    /** A value computed while tracing or folding constants: the CPU kernel on host copies, unlogged, as TF folds. */
    public static Tensor[] fold(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs) {
        Allocation.require(outputs, op.name());
        try {
            if (!Devices.placing()) return op.compute(inputs, attrs, outputs);
            return Placement.fold(op, attrs, inputs, outputs);
        } catch (OutOfMemoryError e) {
            throw Allocation.exhausted(outputs, op.name(), e);
        } catch (OpError e) { // a graph node's or folded value's error names its op, as an eager one does
            throw e.withOp(op.name());
        }
    }
}
