package org.jflow.config;

import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tf.config}: the devices this process can use. JFlow's only device for now is the CPU,
 * so {@code listPhysicalDevices("GPU")} is empty and tutorials' {@code if gpus:} branches are skipped.
 */
public final class Config {
    private static final PhysicalDevice CPU = new PhysicalDevice("/physical_device:CPU:0", "CPU");
    private final List<PhysicalDevice> physical = List.of(CPU);
    private volatile List<PhysicalDevice> visible = physical;

    /** {@code tf.config.threading}: the kernel pool's thread settings. */
    public final Threading threading = new Threading();

    /** {@code tf.config.experimental}: the older names of the same functions, and memory settings. */
    public final Experimental experimental = new Experimental();

    /**
     * {@code tf.config.run_functions_eagerly(True)}: every {@code tf.function} runs its Java body
     * eagerly on each call instead of its graph, for debugging with ordinary Java tools.
     */
    public void runFunctionsEagerly(boolean eagerly) { org.jflow.graph.PolymorphicFunction.runEagerly(eagerly); }

    /** {@code tf.config.functions_run_eagerly()}. */
    public boolean functionsRunEagerly() { return org.jflow.graph.PolymorphicFunction.runsEagerly(); }

    /** {@code tf.config.list_physical_devices()}. */
    public List<PhysicalDevice> listPhysicalDevices() { return physical; }

    /** {@code tf.config.list_physical_devices(device_type)}: the type matches exactly, as in TF ({@code "GPU"}, not {@code "gpu"}). */
    public List<PhysicalDevice> listPhysicalDevices(String deviceType) {
        return physical.stream().filter(d -> d.deviceType().equals(deviceType)).toList();
    }

    /** {@code tf.config.list_logical_devices()}: one per visible physical device. */
    public List<LogicalDevice> listLogicalDevices() { return listLogicalDevices(null); }

    /** {@code tf.config.list_logical_devices(device_type)}. */
    public List<LogicalDevice> listLogicalDevices(String deviceType) {
        List<LogicalDevice> out = new ArrayList<>();
        int[] index = new int[1];
        for (PhysicalDevice d : visible) {
            if (deviceType != null && !d.deviceType().equals(deviceType)) continue;
            out.add(new LogicalDevice("/device:" + d.deviceType() + ":" + index[0]++, d.deviceType()));
        }
        return out;
    }

    /** {@code tf.config.get_visible_devices()}. */
    public List<PhysicalDevice> getVisibleDevices() { return visible; }

    /** {@code tf.config.get_visible_devices(device_type)}. */
    public List<PhysicalDevice> getVisibleDevices(String deviceType) {
        return visible.stream().filter(d -> d.deviceType().equals(deviceType)).toList();
    }

    /** {@code tf.config.set_visible_devices(devices, device_type)}: replaces the visible devices of that type. */
    public void setVisibleDevices(List<PhysicalDevice> devices, String deviceType) {
        for (PhysicalDevice d : devices) {
            if (!physical.contains(d) || (deviceType != null && !d.deviceType().equals(deviceType))) {
                throw new ValueError("Unrecognized device: " + d);
            }
        }
        List<PhysicalDevice> next = new ArrayList<>();
        if (deviceType != null) {
            for (PhysicalDevice d : visible) if (!d.deviceType().equals(deviceType)) next.add(d);
        }
        next.addAll(devices);
        visible = List.copyOf(next);
    }

    /** {@code tf.config.set_visible_devices(devices)}. */
    public void setVisibleDevices(List<PhysicalDevice> devices) { setVisibleDevices(devices, null); }

    /** {@code tf.config.set_visible_devices(device)}. */
    public void setVisibleDevices(PhysicalDevice device, String deviceType) { setVisibleDevices(List.of(device), deviceType); }

    /** {@code tf.config.experimental}. */
    public final class Experimental {
        private Experimental() {}

        public List<PhysicalDevice> listPhysicalDevices() { return Config.this.listPhysicalDevices(); }

        public List<PhysicalDevice> listPhysicalDevices(String deviceType) { return Config.this.listPhysicalDevices(deviceType); }

        public List<LogicalDevice> listLogicalDevices() { return Config.this.listLogicalDevices(); }

        public List<LogicalDevice> listLogicalDevices(String deviceType) { return Config.this.listLogicalDevices(deviceType); }

        public void setVisibleDevices(List<PhysicalDevice> devices, String deviceType) {
            Config.this.setVisibleDevices(devices, deviceType);
        }

        /** {@code set_memory_growth(device, enable)}: only GPUs have it, and JFlow has none yet, so this always refuses as TF does for a CPU. */
        public void setMemoryGrowth(PhysicalDevice device, boolean enable) {
            if (!physical.contains(device)) throw new ValueError("Unrecognized device: " + device);
            throw new ValueError("Cannot set memory growth on non-GPU and non-Pluggable devices");
        }
    }
}
