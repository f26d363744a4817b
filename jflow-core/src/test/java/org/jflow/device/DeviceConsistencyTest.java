package org.jflow.device;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.config.DeviceScope;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.opinfo.Cases;
import org.jflow.opinfo.OpInfo;
import org.jflow.opinfo.OpInfos;
import org.jflow.opinfo.ResultCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyTorch's device-consistency test over the sample table ({@link OpInfos}): every sample of every
 * op the test device (TESTDEV, {@link OffHeapDevice}) has a kernel for, in the dtypes it has,
 * runs on that device and on the CPU, and the two agree within the op's tolerance (or both refuse
 * the call with the same error). Results made on the device must stay there.
 */
class DeviceConsistencyTest {
    private static final String DEV = "/job:localhost/replica:0/task:0/device:TESTDEV:0";

    @BeforeAll
    static void attach() { OffHeapDeviceProvider.attach(); }

    @AfterAll
    static void detach() { OffHeapDeviceProvider.detach(); }

    @Test
    void everySampleOfTheDevicesOpsMatchesTheCpu() {
        Set<String> checkedOps = new TreeSet<>(), deviceOps = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Op op : OpRegistry.all()) {
            if (!hasKernelOnDevice(op)) continue;
            deviceOps.add(op.name());
            OpInfo info = OpInfos.get(op.name());
            if (info == null || info.samples() == null) continue;
            for (Cases.Case c : info.samples().cases(new SplittableRandom(op.name().hashCode()))) {
                if (c.inputs().length == 0) continue;
                if (!Devices.kernels().has(op, OffHeapDeviceProvider.TYPE, c.inputs()[0].dtype())) continue;
                String problem = difference(op, info, c);
                if (problem != null) problems.add(op.name() + " | " + c.label() + " | " + problem);
                checked++;
                checkedOps.add(op.name());
            }
        }
        System.out.println("Device consistency: " + checked + " samples of " + checkedOps.size() + " ops on TESTDEV "
                + checkedOps);
        assertEquals(deviceOps, checkedOps, "every op with a TESTDEV kernel has samples in a dtype the device takes");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static boolean hasKernelOnDevice(Op op) {
        for (DType t : DType.values()) if (Devices.kernels().has(op, OffHeapDeviceProvider.TYPE, t)) return true;
        return false;
    }

    /** Null when the device's results match the CPU's (or both refuse alike), else what differs. */
    private static String difference(Op op, OpInfo info, Cases.Case c) {
        Object cpu = run(op, c, "/CPU:0"), dev = run(op, c, "/device:TESTDEV:0");
        if (cpu instanceof String cpuError) {
            return cpuError.equals(dev) ? null : "CPU: " + cpuError + "; device: " + dev;
        }
        if (dev instanceof String devError) return "device refuses (" + devError + ") what the CPU runs";
        Tensor[] onDevice = (Tensor[]) dev;
        for (Tensor t : onDevice) if (!t.device().equals(DEV)) return "a result on " + t.device();
        return ResultCheck.difference(onDevice, (Tensor[]) cpu, info, c.inputs());
    }

    /** The outputs under {@code device}'s scope, or the error's class and message. */
    private static Object run(Op op, Cases.Case c, String device) {
        try (DeviceScope d = tf.device(device)) {
            return Dispatcher.execute(op, c.attrs(), c.inputs());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
