package org.jflow.device;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.config.DeviceScope;
import org.jflow.config.DeviceSpec;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Tracer;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Places one op and runs it there, as TF's eager {@code EagerContext::SelectDevice} and
 * {@code EagerExecute}: the requested device when it has a kernel; else, with soft placement, the
 * highest-priority device that has one (the requested type and index dropped, as TF does); else TF's
 * {@code InvalidArgumentError}. Inputs on other devices are copied to the chosen one first, and those
 * copies are freed when the kernel is done.
 */
public final class Placement {
    private Placement() {}

    /**
     * Runs {@code op} on the device chosen for {@code requested} (null: no {@code tf.device} scope).
     * {@code node} names the graph node being run, or is null for an eager op: the two report a
     * device that cannot be had in TF's two ways.
     */
    public static Tensor[] run(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs, DeviceSpec requested,
                               String node) {
        DType dtype = inputs.length > 0 ? inputs[0].dtype() : outputs.length > 0 ? outputs[0].dtype() : DType.FLOAT32;
        Device device = select(op, dtype, requested, node);
        if (Devices.logPlacement()) log(op, node, device);
        if (device == Devices.host()) return op.compute(onHost(inputs), attrs, outputs);
        Kernel kernel = Devices.kernels().find(op, device.type(), dtype);
        List<Buffer> copies = new ArrayList<>();
        Tensor[] moved = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) moved[i] = copyTo(device, inputs[i], copies);
        try {
            Tensor[] out = kernel.compute(moved, attrs, outputs);
            for (Buffer b : copies) if (!returned(b, out)) b.free();
            return out;
        } catch (RuntimeException e) {
            for (Buffer b : copies) b.free();
            throw e;
        }
    }

    /**
     * TF's placement log: {@code Executing op AddV2 in device /job:localhost/replica:0/task:0/device:CPU:0} on
     * standard error for an eager op (TF's {@code execute.cc} log line), {@code add: (AddV2): /job:...} on
     * standard output for a graph node (TF's placer line; TF prints it once when a function is placed,
     * JFlow each time the node runs, since it places nodes as they run).
     */
    private static void log(Op op, String node, Device device) {
        if (node == null) System.err.println("Executing op " + op.name() + " in device " + device.name());
        else System.out.println(node + ": (" + op.name() + "): " + device.name());
    }

    /** A kernel run on the host's values without placement or log, as TF's constant folding evaluates on the CPU. */
    public static Tensor[] fold(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs) {
        return op.compute(onHost(inputs), attrs, outputs);
    }

    /**
     * TF's {@code FindKernelDef} error for a node pinned to a device type without a kernel for it:
     * {@code No registered 'X' OpKernel for 'GPU' devices compatible with node {{node x}}}, then the
     * kernels registered for the op, from the table.
     */
    static NotFoundError noKernel(Op op, String deviceType, DType dtype, String node) {
        boolean otherDtypes = Devices.kernels().registeredFor(op).contains("device='" + deviceType + "'");
        return new NotFoundError("No registered '" + op.name() + "' OpKernel for '" + deviceType
                + "' devices compatible with node {{node " + node + "}}"
                + (otherDtypes ? "\n\t (OpKernel was found, but attributes didn't match) Requested Attributes: T=DT_"
                        + dtype.kernelName().toUpperCase(java.util.Locale.ROOT) : "")
                + "\n\t.  Registered:" + Devices.kernels().registeredFor(op)).withOp(op.name());
    }

    /**
     * TF's {@code _EagerConst}: an eager constant made inside a {@code tf.device} scope lives on the
     * device the scope names, where that device can hold its dtype (else, and while tracing, on the host).
     */
    public static Tensor constant(Tensor t) {
        if (!Devices.placing() || t.isSymbolic() || t.buffer() != null || Tracer.Stack.current() != null) return t;
        DeviceSpec requested = DeviceScope.currentSpec();
        if (requested == null || requested.deviceType() == null) return t;
        for (Device d : Devices.visible()) {
            if (matches(requested, d) && d != Devices.host() && d.holds(t.dtype())) {
                return Tensor.onDevice(t.shape(), d.copyIn(t.dtype(), t.data()));
            }
        }
        return t;
    }

    private static boolean returned(Buffer b, Tensor[] outputs) {
        for (Tensor t : outputs) if (t.storage() == b) return true;
        return false;
    }

    /** {@code t} on {@code device}: itself when already there, else a copy (recorded in {@code copies}). */
    static Tensor copyTo(Device device, Tensor t, List<Buffer> copies) {
        Buffer b = t.buffer();
        if (b != null && b.device() == device) return t;
        Buffer copy = device.copyIn(t.dtype(), t.data());
        copies.add(copy);
        return Tensor.onDevice(t.shape(), copy);
    }

    /** The inputs as host tensors: a device tensor's elements copied to a Java array. */
    static Tensor[] onHost(Tensor[] inputs) {
        Tensor[] host = inputs;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].buffer() == null) continue;
            if (host == inputs) host = inputs.clone();
            host[i] = Tensor.wrap(inputs[i].dtype(), inputs[i].shape(), inputs[i].data());
        }
        return host;
    }

    private static Device select(Op op, DType dtype, DeviceSpec requested, String node) {
        List<Device> visible = Devices.visible();
        KernelTable kernels = Devices.kernels();
        if (requested != null && requested.deviceType() != null) {
            Device named = null;
            for (Device d : visible) {
                if (!matches(requested, d)) continue;
                if (kernels.has(op, d.type(), dtype)) return d;
                if (named == null) named = d;
            }
            if (!Devices.softPlacement()) {
                if (node == null) throw unsatisfiable(op, dtype, requested, visible);
                if (named == null) throw new InvalidArgumentError("Unable to find any devices for spec " + requested);
                throw noKernel(op, named.type(), dtype, node);
            }
        }
        for (Device d : visible) if (kernels.has(op, d.type(), dtype)) return d;
        return Devices.host();
    }

    private static boolean matches(DeviceSpec spec, Device d) {
        return spec.deviceType().equals(d.type()) && (spec.deviceIndex() == null || spec.deviceIndex() == d.index())
                && (spec.job() == null || spec.job().equals("localhost"))
                && (spec.replica() == null || spec.replica() == 0) && (spec.task() == null || spec.task() == 0);
    }

    private static InvalidArgumentError unsatisfiable(Op op, DType dtype, DeviceSpec requested, List<Device> visible) {
        List<String> types = visible.stream().map(Device::type).distinct().toList();
        return new InvalidArgumentError("Could not satisfy device specification '"
                + DeviceSpec.LOCAL_CPU.mergedWith(requested) + "'. enable_soft_placement=0. Supported device types ["
                + String.join(", ", Devices.kernels().supportedTypes(op, dtype, types)) + "]. All available devices ["
                + visible.stream().map(Device::name).collect(Collectors.joining(", ")) + "].").withOp(op.name());
    }
}
