package org.jflow.device;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.config.DeviceScope;
import org.jflow.config.LogicalDevice;
import org.jflow.config.PhysicalDevice;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.OpError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The device seam proven with a second, real device: TESTDEV ({@link OffHeapDevice}, off-heap FFM
 * segments), found through this test tree's {@code META-INF/services} and attached only here.
 */
class DeviceSeamTest {
    private static final String CPU0 = "/job:localhost/replica:0/task:0/device:CPU:0";
    private static final String DEV = "/job:localhost/replica:0/task:0/device:TESTDEV:0";
    private static final OffHeapDevice DEVICE = OffHeapDevice.INSTANCE;

    @BeforeAll
    static void attach() { OffHeapDeviceProvider.attach(); }

    @AfterAll
    static void detach() { OffHeapDeviceProvider.detach(); }

    @AfterEach
    void restoreSettings() {
        tf.config.setSoftDevicePlacement(true);
        tf.debugging.setLogDevicePlacement(false);
        DEVICE.stopRecording();
    }

    private static DeviceScope onDevice() { return tf.device("/device:TESTDEV:0"); }

    private static Tensor matrix(int rows, int cols, float scale) {
        float[][] m = new float[rows][cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) m[i][j] = scale * ((i * 7 + j * 3) % 11 - 5);
        return tf.constant(m);
    }

    @Test
    void tutorialMatmulAndSumRunOnTheNamedDevice() {
        // The tutorial's `with tf.device("/gpu:0"): a = uniform; b = uniform; c = a@b; tf.print(reduce_sum(reduce_sum(c, 0), 0))`.
        Tensor a, b, c, total;
        try (DeviceScope d = onDevice()) {
            tf.random.setSeed(0);
            a = tf.random.uniform(new int[] {100, 10}, 0, 3.0);
            b = tf.random.uniform(new int[] {10, 1000}, 0, 3.0);
            c = a.matmul(b);
            total = tf.reduceSum(tf.reduceSum(c, 0), 0);
        }
        // RandomUniform has no TESTDEV kernel and ran on the CPU; its scaling (Mul, AddV2) ran here, as on a GPU.
        assertEquals(DEV, a.device());
        assertEquals(DEV, c.device());
        assertEquals(DEV, total.device());
        tf.random.setSeed(0);
        Tensor ha = tf.random.uniform(new int[] {100, 10}, 0, 3.0), hb = tf.random.uniform(new int[] {10, 1000}, 0, 3.0);
        Tensor hc = ha.matmul(hb);
        assertEquals(CPU0, hc.device());
        float[] onDevice = c.toFloatArray(), onCpu = hc.toFloatArray();
        for (int i = 0; i < onCpu.length; i++) assertEquals(onCpu[i], onDevice[i], 1e-5 * Math.abs(onCpu[i]));
        float expected = tf.reduceSum(hc).floatValue();
        assertEquals(expected, total.floatValue(), 1e-5 * expected);
    }

    @Test
    void constantsMadeInTheScopeLiveOnTheDevice() {
        // The tutorial's `with tf.device('gpu'): gpu = tf.constant(1)`; gpu.device names the device.
        Tensor gpu, cpu;
        try (DeviceScope d = onDevice()) {
            gpu = tf.constant(1);
        }
        try (DeviceScope d = tf.device("cpu")) {
            cpu = tf.constant(1);
        }
        assertEquals(DEV, gpu.device());
        assertEquals(CPU0, cpu.device());
        assertEquals(1, gpu.intValue());
        assertEquals("tf.Tensor(1, shape=(), dtype=int32)", gpu.toString());
    }

    @Test
    void copiesInAndOutKeepEveryValue() {
        List<Tensor> host = List.of(
                tf.constant(new float[][] {{1.5f, -0f, Float.NaN}, {Float.POSITIVE_INFINITY, 3e-39f, -7}}),
                tf.constant(new double[] {Math.PI, -1e300, Double.MIN_VALUE}),
                tf.constant(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}),
                tf.constant(new long[] {Long.MIN_VALUE, 1L << 40}),
                tf.cast(tf.constant(new int[] {-128, 127}), tf.int8),
                tf.cast(tf.constant(new int[] {0, 255}), tf.uint8),
                tf.constant(new boolean[] {true, false, true}),
                tf.constant(new float[] {0.1f, 65504f}, tf.float16),
                tf.constant(new float[] {0.1f, -3f}, tf.bfloat16),
                tf.complex(tf.constant(new float[] {1, 2}), tf.constant(new float[] {-3, 4})));
        for (Tensor h : host) {
            Buffer b = DEVICE.copyIn(h.dtype(), h.data());
            Tensor d = Tensor.onDevice(h.shape(), b);
            assertEquals(DEV, d.device());
            assertEquals(h.dtype(), d.dtype());
            assertEquals(h.shape(), d.shape());
            assertEquals(h.toString(), d.toString(), h.dtype().toString());
            assertNotSame(h.data(), d.data());
            assertSame(d.data(), d.data(), "the host copy is made once");
        }
        Tensor s;
        try (DeviceScope d = onDevice()) {
            s = tf.constant("text");
        }
        assertEquals(CPU0, s.device()); // TESTDEV holds no strings
    }

    @Test
    void opsTheDeviceLacksFallBackToTheCpu() {
        Tensor x = matrix(2, 3, 0.5f), e, i, sum;
        try (DeviceScope d = onDevice()) {
            Tensor onDev = tf.add(x, x);
            e = tf.exp(onDev);                                            // no Exp kernel there
            i = tf.add(tf.constant(new int[] {1, 2}), tf.constant(new int[] {3, 4})); // no int32 AddV2 kernel
            sum = tf.add(e, onDev);                                       // back on the device, e copied in
        }
        assertEquals(CPU0, e.device());
        assertEquals(CPU0, i.device());
        assertEquals(DEV, sum.device());
        assertArrayEquals(tf.exp(tf.add(x, x)).toFloatArray(), e.toFloatArray());
        assertArrayEquals(new int[] {4, 6}, i.toIntArray());
        assertArrayEquals(tf.add(tf.exp(tf.add(x, x)), tf.add(x, x)).toFloatArray(), sum.toFloatArray());
        // With no scope, the CPU outranks TESTDEV: a device input is copied to the host.
        Tensor back = tf.add(sum, 1f);
        assertEquals(CPU0, back.device());
    }

    @Test
    void withoutSoftPlacementAnOpTheDeviceLacksIsTfsError() {
        tf.config.setSoftDevicePlacement(false);
        assertFalse(tf.config.getSoftDevicePlacement());
        Tensor x = matrix(2, 2, 1f);
        try (DeviceScope d = onDevice()) {
            assertEquals(DEV, tf.multiply(x, x).device());
            OpError e = assertThrows(InvalidArgumentError.class, () -> tf.exp(x));
            assertEquals("Could not satisfy device specification '" + DEV + "'. enable_soft_placement=0. Supported device "
                    + "types [CPU]. All available devices [" + CPU0 + ", " + DEV + "]. [Op:Exp]", e.getMessage());
        }
        try (DeviceScope d = tf.device("/gpu:0")) {
            OpError e = assertThrows(InvalidArgumentError.class, () -> tf.multiply(x, x));
            assertEquals("Could not satisfy device specification '/job:localhost/replica:0/task:0/device:GPU:0'. "
                    + "enable_soft_placement=0. Supported device types [CPU, TESTDEV]. All available devices [" + CPU0 + ", "
                    + DEV + "]. [Op:Mul]", e.getMessage());
        }
    }

    @Test
    void aGraphNodePinnedToTheDeviceWithoutItsKernelIsNotFound() {
        var f = tf.function((Tensor a) -> {
            try (DeviceScope d = onDevice()) {
                return tf.exp(a);
            }
        });
        Tensor x = matrix(2, 2, 1f);
        assertArrayEquals(tf.exp(x).toFloatArray(), f.call(x).toFloatArray()); // soft placement
        tf.config.setSoftDevicePlacement(false);
        NotFoundError e = assertThrows(NotFoundError.class, () -> f.call(x));
        assertEquals("No registered 'Exp' OpKernel for 'TESTDEV' devices compatible with node {{node Exp}}\n\t.  "
                + "Registered:" + Devices.kernels().registeredFor(OpRegistry.get("Exp")) + " [Op:Exp]", e.getMessage());
        assertTrue(e.getMessage().contains("Registered:  device='CPU'; T in [DT_COMPLEX128]\n"), e.getMessage());
    }

    @Test
    void theKernelTableListsEachDevicesKernels() {
        Op add = OpRegistry.get("AddV2");
        assertNotNull(Devices.kernels().find(add, "TESTDEV", DType.FLOAT32));
        assertNull(Devices.kernels().find(add, "TESTDEV", DType.INT32));
        assertNotNull(Devices.kernels().find(add, "CPU", DType.INT32));
        // TF 2.21's CPU registrations for AddV2 follow the device's, one dtype a line (CpuKernelErrorsTest checks them)
        assertTrue(Devices.kernels().registeredFor(add).startsWith("  device='TESTDEV'; T in [DT_FLOAT, DT_DOUBLE]\n"
                + "  device='CPU'; T in [DT_COMPLEX128]\n"), Devices.kernels().registeredFor(add));
        NotFoundError e = Placement.noKernel(add, "TESTDEV", DType.INT32, "add");
        assertEquals("No registered 'AddV2' OpKernel for 'TESTDEV' devices compatible with node {{node add}}\n\t "
                + "(OpKernel was found, but attributes didn't match) Requested Attributes: T=DT_INT32\n\t.  Registered:"
                + Devices.kernels().registeredFor(add) + " [Op:AddV2]", e.getMessage());
    }

    @Test
    void gradientsFlowThroughMixedPlacement() {
        Tensor x = matrix(4, 3, 0.25f);
        Variable w = new Variable(matrix(3, 2, 0.5f));
        List<Tensor> onDevice, onCpu;
        try (var tape = tf.GradientTape()) {
            tape.watch(x);
            Tensor loss;
            try (DeviceScope d = onDevice()) {
                Tensor h = tf.matmul(x, w);              // TESTDEV
                Tensor t = tf.tanh(h);                   // CPU (soft placement)
                loss = tf.reduceSum(tf.multiply(t, h));  // TESTDEV, t copied in
                assertEquals(DEV, h.device());
                assertEquals(CPU0, t.device());
                assertEquals(DEV, loss.device());
            }
            onDevice = tape.gradient(loss, List.of(x, w));
        }
        try (var tape = tf.GradientTape()) {
            tape.watch(x);
            Tensor h = tf.matmul(x, w);
            Tensor loss = tf.reduceSum(tf.multiply(tf.tanh(h), h));
            onCpu = tape.gradient(loss, List.of(x, w));
        }
        for (int i = 0; i < 2; i++) {
            float[] a = onCpu.get(i).toFloatArray(), b = onDevice.get(i).toFloatArray();
            for (int j = 0; j < a.length; j++) assertEquals(a[j], b[j], 1e-5f * Math.max(1, Math.abs(a[j])));
        }
    }

    @Test
    void aTracedFunctionRunsItsNodesOnTheDevice() {
        var pinned = tf.function((Tensor a, Tensor b) -> {
            try (DeviceScope d = onDevice()) {
                return tf.reduceSum(tf.add(tf.multiply(tf.matmul(a, b), 2f), 1f), 1);
            }
        });
        var plain = tf.function((Tensor a, Tensor b) -> tf.reduceSum(tf.add(tf.multiply(tf.matmul(a, b), 2f), 1f), 1));
        Tensor a = matrix(3, 4, 0.5f), b = matrix(4, 5, 0.25f);
        Tensor expected = plain.call(a, b);
        assertEquals(CPU0, expected.device());
        Tensor r = pinned.call(a, b);
        assertEquals(DEV, r.device());
        assertArrayEquals(expected.toFloatArray(), r.toFloatArray(), 1e-5f);
        Tensor called;
        try (DeviceScope d = onDevice()) {
            called = tf.function((Tensor p, Tensor q) -> tf.matmul(p, q)).call(a, b); // the caller's scope places it
        }
        assertEquals(DEV, called.device());
        assertArrayEquals(tf.matmul(a, b).toFloatArray(), called.toFloatArray(), 1e-5f);
    }

    /**
     * TF 2.21 keeps the calling scope's device out of an eager call's trace cache key (its
     * make_function_context puts device functions in the key only while building a graph or under a
     * distribution strategy): one trace serves every device, and each call runs on its own scope's.
     */
    @Test
    void oneTraceServesCallsUnderEveryDeviceScope() {
        var f = tf.function((Tensor p, Tensor q) -> tf.add(tf.matmul(p, q), 1f));
        Tensor a = matrix(3, 4, 0.5f), b = matrix(4, 5, 0.25f);
        Tensor onDev, onCpu, plain, again;
        try (DeviceScope d = onDevice()) {
            onDev = f.call(a, b);
        }
        try (DeviceScope d = tf.device("/CPU:0")) {
            onCpu = f.call(a, b);
        }
        plain = f.call(a, b);
        try (DeviceScope d = onDevice()) {
            again = f.call(a, b);
        }
        assertEquals(1, f.tracingCount());
        assertEquals(List.of(DEV, CPU0, CPU0, DEV), List.of(onDev.device(), onCpu.device(), plain.device(), again.device()));
        assertArrayEquals(onCpu.toFloatArray(), onDev.toFloatArray(), 1e-5f);
    }

    @Test
    void theExecutorFreesEachDeviceBufferAfterItsLastReader() {
        var chain = tf.function((Tensor a) -> {
            try (DeviceScope d = onDevice()) {
                Tensor t = a;
                for (int i = 0; i < 6; i++) t = tf.add(tf.multiply(t, a), a);
                return tf.reduceSum(t);
            }
        });
        Tensor a = matrix(8, 8, 0.01f);
        chain.call(a); // traced and optimized once
        List<MemorySegment> allocated = DEVICE.record(true); // held: no cleaner can free them meanwhile
        Tensor result = chain.call(a);
        // a copied in once per node reading it, 12 intermediates, the sum: all freed but the result.
        assertTrue(allocated.size() > 12, "allocated " + allocated.size());
        assertEquals(1, OffHeapDevice.alive(allocated));
        DEVICE.stopRecording();
        assertEquals(DEV, result.device());
        assertTrue(Float.isFinite(result.floatValue()));
        // A value that is fetched stays, though a later node was its last reader.
        var both = tf.function((Tensor p) -> {
            try (DeviceScope d = onDevice()) {
                Tensor square = tf.multiply(p, p);
                return List.of(square, tf.reduceSum(tf.add(square, p)));
            }
        });
        both.call(a);
        allocated = DEVICE.record(true);
        List<Tensor> out = both.call(a);
        assertEquals(2, OffHeapDevice.alive(allocated));
        DEVICE.stopRecording();
        assertArrayEquals(tf.multiply(a, a).toFloatArray(), out.getFirst().toFloatArray());
    }

    @Test
    void eagerDeviceTensorsAreFreedByTheCleanerOnceUnreachable() throws InterruptedException {
        List<MemorySegment> allocated = DEVICE.record(false);
        Tensor kept;
        try (DeviceScope d = onDevice()) {
            Tensor x = tf.constant(new float[] {1, 2, 3});
            for (int i = 0; i < 20; i++) x = tf.add(x, x);
            kept = x;
        }
        DEVICE.stopRecording();
        assertEquals(21, allocated.size());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (OffHeapDevice.alive(allocated) > 1 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(1, OffHeapDevice.alive(allocated));
        assertEquals(3 << 20, kept.toFloatArray()[2], 0);
        assertTrue(allocated.getLast().scope().isAlive());
        assertTrue(DEVICE.liveBuffers() >= 1);
    }

    @Test
    void logsEachOpsDeviceAsTf() {
        var f = tf.function((Tensor a) -> {
            try (DeviceScope d = onDevice()) {
                return tf.multiply(a, a);
            }
        });
        Tensor x = tf.constant(new float[] {1, 2});
        f.call(x); // traced before logging starts
        ByteArrayOutputStream err = new ByteArrayOutputStream(), out = new ByteArrayOutputStream();
        PrintStream savedErr = System.err, savedOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            tf.debugging.setLogDevicePlacement(true);
            assertTrue(tf.debugging.getLogDevicePlacement());
            tf.add(x, x);
            try (DeviceScope d = onDevice()) {
                tf.multiply(x, x);
            }
            f.call(x);
        } finally {
            System.setErr(savedErr);
            System.setOut(savedOut);
        }
        assertEquals("Executing op AddV2 in device " + CPU0 + "\nExecuting op Mul in device " + DEV + "\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals("Mul: (Mul): " + DEV + "\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tfConfigAnswersFromTheRegisteredDevices() {
        List<PhysicalDevice> all = tf.config.listPhysicalDevices();
        assertEquals("[PhysicalDevice(name='/physical_device:CPU:0', device_type='CPU'), "
                + "PhysicalDevice(name='/physical_device:TESTDEV:0', device_type='TESTDEV')]", all.toString());
        PhysicalDevice dev = tf.config.listPhysicalDevices("TESTDEV").getFirst();
        assertEquals(List.of(new LogicalDevice("/device:TESTDEV:0", "TESTDEV")), tf.config.listLogicalDevices("TESTDEV"));
        assertEquals("[LogicalDevice(name='/device:CPU:0', device_type='CPU'), "
                + "LogicalDevice(name='/device:TESTDEV:0', device_type='TESTDEV')]", tf.config.listLogicalDevices().toString());
        assertFalse(tf.config.experimental.getMemoryGrowth(dev));
        tf.config.experimental.setMemoryGrowth(dev, true);
        assertTrue(tf.config.experimental.getMemoryGrowth(dev));
        tf.config.experimental.setMemoryGrowth(dev, false);
        tf.config.setVisibleDevices(List.of(), "TESTDEV");
        try {
            assertEquals(List.of(all.getFirst()), tf.config.getVisibleDevices());
            assertTrue(tf.config.listLogicalDevices("TESTDEV").isEmpty());
            try (DeviceScope d = onDevice()) {
                assertEquals(CPU0, tf.multiply(matrix(2, 2, 1f), 2f).device()); // hidden: soft placement to the CPU
            }
        } finally {
            tf.config.setVisibleDevices(all);
        }
        assertEquals(all, tf.config.getVisibleDevices());
    }
}
