package org.jflow.device;

import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The devices of this process: the host CPU plus those of every {@link DeviceProvider} on the class
 * path, in TF's priority order, and the placement settings {@code tf.config} and {@code tf.debugging}
 * change. {@link #placing()} is the one check on the eager hot path: while it is false every op runs
 * its CPU kernel directly, and it turns true for good once placement can matter (a device ranked above
 * the CPU is visible, a {@code tf.device} scope names another device, soft placement is off, placement
 * is logged), as PyTorch initializes CUDA only on first use.
 */
public final class Devices {
    private record Ranked(Device device, int priority) {}

    private static final Device HOST = new HostDevice();
    private static final List<DeviceProvider> PROVIDERS = new ArrayList<>();
    private static final KernelTable KERNELS = new KernelTable();
    private static final Set<Device> MEMORY_GROWTH = ConcurrentHashMap.newKeySet();

    private static volatile List<Ranked> physical = List.of(new Ranked(HOST, HostDevice.PRIORITY));
    /** The visible devices, highest priority first: read by every placed op, so kept as a ready list. */
    private static volatile List<Device> visible = List.of(HOST);
    private static volatile boolean placing;
    private static volatile boolean softPlacement = true;
    private static volatile boolean logPlacement;

    static {
        for (DeviceProvider p : ServiceLoader.load(DeviceProvider.class, Devices.class.getClassLoader())) {
            PROVIDERS.add(p);
            p.registerKernels(KERNELS);
        }
        refresh();
    }

    private Devices() {}

    /** Whether ops must be placed (see the class comment); false means "run the CPU kernel". */
    public static boolean placing() { return placing; }

    /** From now on every op is placed by {@link Placement}. */
    public static void startPlacing() { placing = true; }

    /**
     * Asks the providers again which devices are present (after a driver loads, or a test attaches
     * its device) and makes them all visible, as at start-up.
     */
    public static synchronized void refresh() {
        List<Ranked> all = new ArrayList<>();
        all.add(new Ranked(HOST, HostDevice.PRIORITY));
        for (DeviceProvider p : PROVIDERS) for (Device d : p.devices()) all.add(new Ranked(d, p.priority()));
        physical = List.copyOf(all);
        setVisible(all.stream().map(Ranked::device).toList());
    }

    /** The host CPU, {@code /job:localhost/replica:0/task:0/device:CPU:0}. */
    public static Device host() { return HOST; }

    /** Every device present, the CPU first, as {@code tf.config.list_physical_devices()} lists them. */
    public static List<Device> physical() { return physical.stream().map(Ranked::device).toList(); }

    /** The devices ops may run on, highest priority first (TF's prioritized device list). */
    public static List<Device> visible() { return visible; }

    /**
     * {@code tf.config.set_visible_devices}: only these (physical) devices take ops from now on; the
     * CPU always stays, since every op has a kernel there.
     */
    public static synchronized void setVisible(List<Device> devices) {
        List<Ranked> next = new ArrayList<>();
        for (Ranked r : physical) if (r.device == HOST || devices.contains(r.device)) next.add(r);
        next.sort(Comparator.comparingInt(Ranked::priority).reversed());
        visible = next.stream().map(Ranked::device).toList();
        for (Ranked r : next) if (r.priority > HostDevice.PRIORITY) placing = true;
    }

    /** The kernel table every provider registered into. */
    public static KernelTable kernels() { return KERNELS; }

    /** {@code tf.config.set_soft_device_placement}. */
    public static void setSoftPlacement(boolean enabled) {
        softPlacement = enabled;
        if (!enabled) placing = true;
    }

    /** {@code tf.config.get_soft_device_placement()}: true by default, as in TF 2. */
    public static boolean softPlacement() { return softPlacement; }

    /** {@code tf.debugging.set_log_device_placement}. */
    public static void setLogPlacement(boolean enabled) {
        logPlacement = enabled;
        if (enabled) placing = true;
    }

    /** {@code tf.debugging.get_log_device_placement()}. */
    public static boolean logPlacement() { return logPlacement; }

    /** {@code tf.config.experimental.set_memory_growth}: recorded for devices but the CPU, which refuses as in TF. */
    public static void setMemoryGrowth(Device device, boolean enable) {
        if (device == HOST) throw new ValueError("Cannot set memory growth on non-GPU and non-Pluggable devices");
        if (enable) MEMORY_GROWTH.add(device);
        else MEMORY_GROWTH.remove(device);
    }

    /** {@code tf.config.experimental.get_memory_growth}. */
    public static boolean memoryGrowth(Device device) {
        if (device == HOST) throw new ValueError("Cannot get memory growth on non-GPU and non-Pluggable devices");
        return MEMORY_GROWTH.contains(device);
    }
}
