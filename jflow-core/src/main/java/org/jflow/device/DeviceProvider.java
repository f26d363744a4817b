package org.jflow.device;

import java.util.List;

/**
 * The service a device module implements (listed in its {@code META-INF/services/org.jflow.device.DeviceProvider}),
 * as TF's {@code DeviceFactory} plus its {@code REGISTER_KERNEL_BUILDER} lines: one device type, its
 * placement priority, the devices present on this machine, and the kernels for that type.
 */
public interface DeviceProvider {
    /** TF's device type, e.g. {@code GPU}. */
    String type();

    /**
     * TF's device factory priority: with no {@code tf.device} scope an op runs on the highest-priority
     * device that has a kernel for it. TF's CPU has 60 and its GPU 210; a device with a priority
     * below the CPU's is used only where a scope names it.
     */
    int priority();

    /** The devices present now (none, for example, when no driver is installed). */
    List<Device> devices();

    /** Registers this type's kernels; called once, when the devices are first listed. */
    void registerKernels(KernelTable table);
}
