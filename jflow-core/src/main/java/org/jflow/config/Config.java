package org.jflow.config;

import org.jflow.device.Device;
import org.jflow.device.Devices;
import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tf.config}: the devices this process can use, answered from {@link Devices} (the CPU, plus
 * whatever device modules on the class path bring), and the placement settings.
 */
public final class Config {
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

    /** {@code tf.config.list_physical_devices()}: the CPU first, then the other devices present. */
    public List<PhysicalDevice> listPhysicalDevices() {
        return Devices.physical().stream().map(Config::physical).toList();
    }

    private static PhysicalDevice physical(Device d) {
        return new PhysicalDevice("/physical_device:" + d.type() + ":" + d.index(), d.type());
    }

    private static Device device(PhysicalDevice p) {
        for (Device d : Devices.physical()) if (physical(d).equals(p)) return d;
        throw new ValueError("Unrecognized device: " + p);
    }

    /** {@code tf.config.set_soft_device_placement}: whether an op its named device cannot run goes elsewhere. */
    public void setSoftDevicePlacement(boolean enabled) { Devices.setSoftPlacement(enabled); }

    /** {@code tf.config.get_soft_device_placement()}: true unless turned off, as in TF 2. */
    public boolean getSoftDevicePlacement() { return Devices.softPlacement(); }

    /** {@code tf.config.list_physical_devices(device_type)}: the type matches exactly, as in TF ({@code "GPU"}, not {@code "gpu"}). */
    public List<PhysicalDevice> listPhysicalDevices(String deviceType) {
        return listPhysicalDevices().stream().filter(d -> d.deviceType().equals(deviceType)).toList();
    }

    /** {@code tf.config.list_logical_devices()}: one per visible physical device. */
    public List<LogicalDevice> listLogicalDevices() { return listLogicalDevices(null); }

    /** {@code tf.config.list_logical_devices(device_type)}. */
    public List<LogicalDevice> listLogicalDevices(String deviceType) {
        List<LogicalDevice> out = new ArrayList<>();
        Map<String, Integer> count = new HashMap<>(); // logical devices are numbered per type: CPU:0, GPU:0
        for (PhysicalDevice d : getVisibleDevices()) {
            int index = count.merge(d.deviceType(), 1, Integer::sum) - 1;
            if (deviceType != null && !d.deviceType().equals(deviceType)) continue;
            out.add(new LogicalDevice("/device:" + d.deviceType() + ":" + index, d.deviceType()));
        }
        return out;
    }

    /** {@code tf.config.get_visible_devices()}, in the physical devices' order. */
    public List<PhysicalDevice> getVisibleDevices() {
        List<Device> visible = Devices.visible();
        return Devices.physical().stream().filter(visible::contains).map(Config::physical).toList();
    }

    /** {@code tf.config.get_visible_devices(device_type)}. */
    public List<PhysicalDevice> getVisibleDevices(String deviceType) {
        return getVisibleDevices().stream().filter(d -> d.deviceType().equals(deviceType)).toList();
    }

    /** {@code tf.config.set_visible_devices(devices, device_type)}: replaces the visible devices of that type. */
    public void setVisibleDevices(List<PhysicalDevice> devices, String deviceType) {
        List<Device> next = new ArrayList<>();
        for (PhysicalDevice d : devices) {
            if (deviceType != null && !d.deviceType().equals(deviceType)) throw new ValueError("Unrecognized device: " + d);
            next.add(device(d));
        }
        if (deviceType != null) {
            for (Device d : Devices.visible()) if (!d.type().equals(deviceType)) next.add(d);
        }
        Devices.setVisible(next);
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

        /** {@code set_memory_growth(device, enable)}: for devices other than the CPU, which refuses as in TF. */
        public void setMemoryGrowth(PhysicalDevice device, boolean enable) { Devices.setMemoryGrowth(device(device), enable); }

        /** {@code get_memory_growth(device)}. */
        public boolean getMemoryGrowth(PhysicalDevice device) { return Devices.memoryGrowth(device(device)); }
    }
}
