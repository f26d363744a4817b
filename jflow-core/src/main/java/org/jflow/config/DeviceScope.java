package org.jflow.config;

import org.jflow.device.Devices;

/**
 * The scope {@code tf.device(name)} opens: {@code try (var d = tf.device("/cpu:0")) { ... }}.
 * Scopes nest per thread, each merging its spec into the enclosing one, as TF's eager context does.
 * Eager ops and graph nodes created inside run on the device named where it has a kernel; see
 * {@link org.jflow.device.Placement} for the rest of TF's rules (soft placement to the CPU).
 */
public final class DeviceScope implements AutoCloseable {
    private static final ThreadLocal<DeviceScope> CURRENT = new ThreadLocal<>();

    /** The merged request; null inside {@code tf.device(None)}, which clears it as in TF. */
    private final DeviceSpec requested;
    private final DeviceScope outer;
    private boolean closed;

    private DeviceScope(DeviceSpec requested, DeviceScope outer) {
        this.requested = requested;
        this.outer = outer;
    }

    /** Enters a scope for {@code name} ({@code null} clears the device, as {@code tf.device(None)}). */
    public static DeviceScope enter(String name) {
        DeviceScope outer = CURRENT.get();
        DeviceSpec base = outer == null || outer.requested == null ? DeviceSpec.LOCAL_CPU : outer.requested;
        DeviceSpec spec = name == null ? null : base.mergedWith(DeviceSpec.fromString(name));
        // Placement matters from now on once a scope asks for anything but the CPU ops run on by default.
        if (spec != null && !spec.equals(DeviceSpec.LOCAL_CPU)) Devices.startPlacing();
        DeviceScope scope = new DeviceScope(spec, outer);
        CURRENT.set(scope);
        return scope;
    }

    /** The full device name this scope asks for: {@code /job:localhost/replica:0/task:0/device:GPU:0}. */
    public String requested() { return (requested == null ? DeviceSpec.LOCAL_CPU : requested).toString(); }

    /** The device requested on this thread now; the local CPU outside any scope. */
    public static String currentRequested() {
        DeviceScope s = CURRENT.get();
        return s == null ? DeviceSpec.LOCAL_CPU.toString() : s.requested();
    }

    /** The device requested on this thread now, or null where no scope names one (placement then picks). */
    public static DeviceSpec currentSpec() {
        DeviceScope s = CURRENT.get();
        return s == null ? null : s.requested;
    }

    /** Leaves the scope; scopes must close innermost first, as Python's {@code with} blocks do. */
    @Override
    public void close() {
        if (closed) return;
        if (CURRENT.get() != this) throw new IllegalStateException("Device scopes must be closed innermost first");
        closed = true;
        if (outer == null) CURRENT.remove();
        else CURRENT.set(outer);
    }
}
