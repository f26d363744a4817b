package org.jflow.device;

import java.util.List;

/**
 * Registers {@link OffHeapDevice} (type {@code TESTDEV}) through {@code META-INF/services} in the test
 * tree. Its priority is below the CPU's, so no op goes there unless a {@code tf.device} scope names
 * it, and it is present only between {@link #attach()} and {@link #detach()}: the rest of the suite
 * sees the CPU alone.
 */
public final class OffHeapDeviceProvider implements DeviceProvider {
    static final String TYPE = "TESTDEV";
    private static volatile boolean attached;

    /** Makes TESTDEV present (listed, placeable). */
    static void attach() {
        attached = true;
        Devices.refresh();
    }

    /** Takes TESTDEV away again. */
    static void detach() {
        attached = false;
        Devices.refresh();
    }

    @Override
    public String type() { return TYPE; }

    @Override
    public int priority() { return 10; }

    @Override
    public List<Device> devices() { return attached ? List.of(OffHeapDevice.INSTANCE) : List.of(); }

    @Override
    public void registerKernels(KernelTable table) { OffHeapKernels.register(table); }
}
