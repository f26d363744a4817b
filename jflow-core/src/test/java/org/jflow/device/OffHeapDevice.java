package org.jflow.device;

import org.jflow.DType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second, real device for the tests: {@code /device:TESTDEV:0}, whose buffers are off-heap
 * {@link MemorySegment}s, each in its own arena so that freeing one closes it (a read after free
 * fails). It counts live buffers so tests can see when the executor or the cleaner frees them.
 */
final class OffHeapDevice implements Device {
    static final OffHeapDevice INSTANCE = new OffHeapDevice();

    private final AtomicInteger live = new AtomicInteger();
    /** While a test records: the memory of every buffer allocated (the segment only, so the buffer can be collected). */
    private volatile List<MemorySegment> recording;
    /** While a test records with {@code holdBuffers}: the buffers themselves, so that no cleaner can free them. */
    private volatile List<Buffer> held;

    private OffHeapDevice() {}

    /** A buffer of this device: a segment of {@code size} elements. */
    static final class Segment extends Buffer {
        final MemorySegment memory;

        private Segment(DType dtype, long size, Arena arena, MemorySegment memory, AtomicInteger live) {
            super(INSTANCE, dtype, size, () -> {
                arena.close();
                live.decrementAndGet();
            });
            this.memory = memory;
        }
    }

    @Override
    public String type() { return OffHeapDeviceProvider.TYPE; }

    @Override
    public int index() { return 0; }

    /** Buffers currently allocated and not yet freed. */
    int liveBuffers() { return live.get(); }

    /**
     * Starts recording allocations; the list fills as buffers are allocated. With {@code holdBuffers}
     * the buffers stay reachable until {@link #stopRecording()}, so only an explicit free can close them.
     */
    List<MemorySegment> record(boolean holdBuffers) {
        List<MemorySegment> list = new CopyOnWriteArrayList<>();
        held = holdBuffers ? new CopyOnWriteArrayList<>() : null;
        recording = list;
        return list;
    }

    void stopRecording() {
        recording = null;
        held = null;
    }

    /** How many of {@code segments} are not freed yet. */
    static long alive(List<MemorySegment> segments) {
        return segments.stream().filter(m -> m.scope().isAlive()).count();
    }

    @Override
    public boolean holds(DType dtype) { return dtype != DType.STRING; }

    @Override
    public Segment allocate(DType dtype, long size) {
        Arena arena = Arena.ofShared();
        MemorySegment memory = arena.allocate(Math.max(1, size * dtype.slots() * layout(dtype).byteSize()), 8);
        live.incrementAndGet();
        Segment b = new Segment(dtype, size, arena, memory, live);
        List<MemorySegment> r = recording;
        if (r != null) r.add(memory);
        List<Buffer> h = held;
        if (h != null) h.add(b);
        return b;
    }

    @Override
    public Buffer copyIn(DType dtype, Object host) {
        int n = java.lang.reflect.Array.getLength(host);
        Segment b = allocate(dtype, n / dtype.slots());
        if (host instanceof boolean[] bools) {
            for (int i = 0; i < n; i++) b.memory.set(ValueLayout.JAVA_BYTE, i, (byte) (bools[i] ? 1 : 0));
        } else {
            MemorySegment.copy(host, 0, b.memory, layout(dtype), 0, n);
        }
        return b;
    }

    @Override
    public Object copyOut(Buffer buffer) {
        Segment b = (Segment) buffer;
        int n = (int) (b.size() * b.dtype().slots());
        MemorySegment m = b.memory.asSlice(0, n * layout(b.dtype()).byteSize());
        return switch (b.dtype().storage()) {
            case FLOAT, COMPLEX64 -> m.toArray(ValueLayout.JAVA_FLOAT);
            case DOUBLE, COMPLEX128 -> m.toArray(ValueLayout.JAVA_DOUBLE);
            case INT -> m.toArray(ValueLayout.JAVA_INT);
            case LONG -> m.toArray(ValueLayout.JAVA_LONG);
            case SHORT, HALF -> m.toArray(ValueLayout.JAVA_SHORT);
            case BYTE -> m.toArray(ValueLayout.JAVA_BYTE);
            case BOOL -> {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) out[i] = m.get(ValueLayout.JAVA_BYTE, i) != 0;
                yield out;
            }
            case STRING -> throw new IllegalArgumentException("TESTDEV holds no strings");
        };
    }

    private static ValueLayout layout(DType dtype) {
        return switch (dtype.storage()) {
            case FLOAT, COMPLEX64 -> ValueLayout.JAVA_FLOAT;
            case DOUBLE, COMPLEX128 -> ValueLayout.JAVA_DOUBLE;
            case INT -> ValueLayout.JAVA_INT;
            case LONG -> ValueLayout.JAVA_LONG;
            case SHORT, HALF -> ValueLayout.JAVA_SHORT;
            case BYTE, BOOL -> ValueLayout.JAVA_BYTE;
            case STRING -> throw new IllegalArgumentException("TESTDEV holds no strings");
        };
    }

    @Override
    public String toString() { return name(); }
}
