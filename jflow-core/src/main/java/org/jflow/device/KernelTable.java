package org.jflow.device;

import org.jflow.DType;
import org.jflow.engine.Op;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Kernels by (op, device type, dtype), as TF's {@code REGISTER_KERNEL_BUILDER(Name("AddV2").Device(DEVICE_GPU)
 * .TypeConstraint<float>("T"), ...)}. The CPU entry of every op is the op's own {@link Op#compute}, for
 * every dtype its shape rule accepts (the rule already refuses, with TF's NotFoundError, the dtypes TF
 * has no CPU kernel for), so no op declares it twice. The dtype a kernel is chosen by is the first
 * input's (TF's {@code T}), or the first output's for ops without inputs.
 */
public final class KernelTable {
    public static final String CPU = "CPU";

    private record Entry(String deviceType, Set<DType> dtypes, Kernel kernel) {}

    private final Map<String, List<Entry>> entries = new ConcurrentHashMap<>();

    KernelTable() {}

    /** Registers {@code kernel} for op {@code op} on {@code deviceType} devices, for the dtypes listed. */
    public void register(String op, String deviceType, Kernel kernel, DType... dtypes) {
        if (deviceType.equals(CPU)) throw new IllegalArgumentException("CPU kernels are the ops' own compute methods");
        Set<DType> set = EnumSet.noneOf(DType.class);
        set.addAll(List.of(dtypes));
        entries.computeIfAbsent(op, k -> new CopyOnWriteArrayList<>()).add(new Entry(deviceType, set, kernel));
    }

    /** The kernel for {@code op} on {@code deviceType} for {@code dtype}, or null where none is registered. */
    public Kernel find(Op op, String deviceType, DType dtype) {
        if (deviceType.equals(CPU)) return op::compute;
        return registered(op, deviceType, dtype);
    }

    /** Whether {@link #find} has a kernel (without making one for the CPU: placement asks for every op). */
    public boolean has(Op op, String deviceType, DType dtype) {
        return deviceType.equals(CPU) || registered(op, deviceType, dtype) != null;
    }

    private Kernel registered(Op op, String deviceType, DType dtype) {
        List<Entry> list = entries.get(op.name());
        if (list == null) return null;
        for (Entry e : list) if (e.deviceType.equals(deviceType) && e.dtypes.contains(dtype)) return e.kernel;
        return null;
    }

    /**
     * TF's {@code KernelsRegisteredForOp}: one line per registration, {@code "  device='GPU'; T in [DT_FLOAT]"},
     * the devices' kernels first and the CPU's last (an unconstrained {@code device='CPU'}, as the CPU
     * kernel covers every dtype the op accepts).
     */
    public String registeredFor(Op op) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries.getOrDefault(op.name(), List.of())) {
            sb.append("  device='").append(e.deviceType).append("'; T in [")
                    .append(e.dtypes.stream().map(d -> "DT_" + d.kernelName().toUpperCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        return sb.append("  device='").append(CPU).append("'\n").toString();
    }

    /** The device types with a kernel for {@code op} and {@code dtype}, in {@code types}' order. */
    List<String> supportedTypes(Op op, DType dtype, List<String> types) {
        List<String> out = new ArrayList<>();
        for (String t : types) if (has(op, t, dtype) && !out.contains(t)) out.add(t);
        return out;
    }
}
