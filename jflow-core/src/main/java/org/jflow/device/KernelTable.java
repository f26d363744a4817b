package org.jflow.device;

import org.jflow.DType;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.errors.NotFoundError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Kernels by (op, device type, dtype), as TF's {@code REGISTER_KERNEL_BUILDER(Name("AddV2").Device(DEVICE_GPU)
 * .TypeConstraint<float>("T"), ...)}. The CPU entry of every op is the op's own {@link Op#compute}, for
 * every dtype its shape rule accepts; the dtypes TF 2.21 has no CPU kernel for come from TF's own
 * registrations ({@link CpuKernels}), and the rule refuses them through {@link #requireCpuKernel},
 * whose NotFoundError text is generated from the table, so no op types those lists or that text.
 * The dtype a kernel is chosen by is the first input's (TF's {@code T}), or the first output's for ops
 * without inputs.
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
     * the devices' kernels first and the CPU's last: TF 2.21's CPU registrations where the op has them
     * ({@link CpuKernels}), else an unconstrained {@code device='CPU'}.
     */
    public String registeredFor(Op op) { return registeredFor(op.name()); }

    private String registeredFor(String op) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries.getOrDefault(op, List.of())) {
            sb.append("  device='").append(e.deviceType).append("'; T in [")
                    .append(e.dtypes.stream().map(CpuKernels::enumName).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        String cpu = CpuKernels.lines(op);
        return sb.append(cpu != null ? cpu : "  device='" + CPU + "'\n").toString();
    }

    /** Whether one of TF 2.21's CPU kernels for {@code op} takes type attribute {@code T} = {@code dtype}. */
    public boolean cpuTakes(String op, DType dtype) { return CpuKernels.takes(op, Map.of("T", dtype)); }

    /** {@link #requireCpuKernel(String, Map, Attrs)} for an op whose one type attribute is {@code T}. */
    public void requireCpuKernel(String op, DType dtype) { requireCpuKernel(op, Map.of("T", dtype), Attrs.EMPTY); }

    /**
     * Refuses a call that no CPU kernel takes (type attributes {@code typeAttrs}: {@code T}, or
     * {@code Ta}/{@code Tb}/{@code Tout}, ...) with TF's NotFoundError, generated from the table:
     * {@code Could not find device for node: {{node RealDiv}} = RealDiv[T=DT_INT32]}, then
     * {@code All kernels registered for op RealDiv:} and {@link #registeredFor}'s lines. The node
     * lists the type attributes and the call's attributes by name, as TF's SummarizeNodeDef (which
     * also lists the attributes a call leaves at their defaults, known here only once ops declare them).
     */
    public void requireCpuKernel(String op, Map<String, DType> typeAttrs, Attrs attrs) {
        if (CpuKernels.takes(op, typeAttrs)) return;
        Map<String, String> node = new TreeMap<>();
        typeAttrs.forEach((k, v) -> node.put(k, CpuKernels.enumName(v)));
        for (int i = 0; i < attrs.size(); i++) node.putIfAbsent(attrs.key(i), nodeValue(attrs.value(i)));
        String summary = node.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        throw new NotFoundError("Could not find device for node: {{node " + op + "}} = " + op + "[" + summary
                + "]\nAll kernels registered for op " + op + ":\n" + registeredFor(op)).withOp(op);
    }

    /** An attribute value as TF's SummarizeAttrValue writes it. */
    private static String nodeValue(Object v) {
        return switch (v) {
            case DType t -> CpuKernels.enumName(t);
            case String s -> "\"" + s + "\"";
            case int[] a -> Arrays.toString(a);
            default -> String.valueOf(v);
        };
    }

    /** The device types with a kernel for {@code op} and {@code dtype}, in {@code types}' order. */
    List<String> supportedTypes(Op op, DType dtype, List<String> types) {
        List<String> out = new ArrayList<>();
        for (String t : types) if (has(op, t, dtype) && !out.contains(t)) out.add(t);
        return out;
    }
}
