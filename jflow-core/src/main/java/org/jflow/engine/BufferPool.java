package org.jflow.engine;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reuse of large CPU buffers, as PyTorch's caching allocator does for its heap: a kernel that
 * writes every element of its output asks {@link Buffers#allocateUninitialized} for it, and gets
 * an array of that exact type and length that an unreachable tensor gave back, instead of a fresh
 * one the JVM must zero (and, for arrays this large, place as a humongous object). Below
 * {@link #MIN_SLOTS} slots a fresh array is as cheap, so small buffers are never pooled.
 * <p>
 * A buffer goes back only when every tensor that wraps it is unreachable: each tensor built on a
 * pooled buffer (its kernel's output, and any view or symbolic tensor sharing the array) counts
 * once, and a {@link Cleaner} uncounts it when the tensor is collected. Arrays the pool never
 * handed out (a user's own array given to {@code Tensor.wrap}, zeroed buffers) are never taken.
 * A buffer is read through its tensor: code that keeps {@code tensor.data()} after dropping the
 * tensor must copy it, as it must with a PyTorch storage.
 */
public final class BufferPool {
    /** The smallest pooled buffer: 64K slots (256 KB of float32). */
    public static final int MIN_SLOTS = 1 << 16;
    /** Free buffers kept per exact type and length; more are left to the collector. */
    private static final int MAX_FREE_PER_SIZE = 16;
    /** Bytes of free buffers kept at most: an eighth of the maximum heap. */
    private static final long MAX_FREE_BYTES = Runtime.getRuntime().maxMemory() / 8;

    private static final Cleaner CLEANER = Cleaner.create();
    /** Every buffer the pool handed out, weakly (arrays hash by identity), to its count of live tensors. */
    private static final Map<Object, Lease> LEASES = new WeakHashMap<>();
    private static final Map<Size, ArrayDeque<Object>> FREE = new HashMap<>();
    private static final AtomicLong REUSES = new AtomicLong();
    private static long freeBytes;

    private BufferPool() {}

    /** One exact buffer size: the array's component type and its length. */
    private record Size(Class<?> type, int length) {}

    /** How many tensors wrap one pooled buffer, and whether it waits in the free lists. */
    private static final class Lease {
        int tensors;
        boolean free;
    }

    /** The action that uncounts one tensor: holds the buffer (not the tensor) until then. */
    private record Release(Object buffer, Lease lease) implements Runnable {
        @Override
        public void run() { release(buffer, lease); }
    }

    /** Whether an array of {@code type} with {@code slots} slots is pooled. */
    static boolean pooled(Class<?> type, int slots) { return slots >= MIN_SLOTS && type.isPrimitive(); }

    /** A free buffer of exactly this type and length, or a new one; its contents are undefined. */
    static Object take(Class<?> type, int length) {
        Size size = new Size(type, length);
        synchronized (BufferPool.class) {
            ArrayDeque<Object> free = FREE.get(size);
            Object buffer = free == null ? null : free.pollLast(); // the latest returned is likeliest in cache
            if (buffer != null) {
                Lease lease = LEASES.get(buffer);
                lease.free = false;
                freeBytes -= bytes(size);
                REUSES.incrementAndGet();
                return buffer;
            }
        }
        Object buffer = java.lang.reflect.Array.newInstance(type, length);
        synchronized (BufferPool.class) {
            LEASES.put(buffer, new Lease());
        }
        return buffer;
    }

    /**
     * Counts {@code tensor} as a holder of {@code data} when {@code data} is a pooled buffer: the
     * buffer is not reused before {@code tensor} is unreachable. Every tensor calls it on creation.
     */
    public static void hold(Object tensor, Object data) {
        if (data == null || !data.getClass().isArray() || Buffers.length(data) < MIN_SLOTS) return;
        Lease lease;
        synchronized (BufferPool.class) {
            lease = LEASES.get(data);
            if (lease == null) return;
            if (lease.free) { // a buffer wrapped again after its tensors died: out of the free lists, never handed out twice
                FREE.get(new Size(data.getClass().getComponentType(), Buffers.length(data))).remove(data);
                freeBytes -= bytes(data);
                lease.free = false;
            }
            lease.tensors++;
        }
        CLEANER.register(tensor, new Release(data, lease));
    }

    private static void release(Object buffer, Lease lease) {
        Size size = new Size(buffer.getClass().getComponentType(), Buffers.length(buffer));
        synchronized (BufferPool.class) {
            if (--lease.tensors > 0) return;
            ArrayDeque<Object> free = FREE.computeIfAbsent(size, s -> new ArrayDeque<>());
            long b = bytes(size);
            if (free.size() >= MAX_FREE_PER_SIZE || freeBytes + b > MAX_FREE_BYTES) return; // the collector takes it
            free.addLast(buffer);
            lease.free = true;
            freeBytes += b;
        }
    }

    private static long bytes(Size size) {
        int width = size.type() == double.class || size.type() == long.class ? 8
                : size.type() == float.class || size.type() == int.class ? 4
                : size.type() == short.class || size.type() == char.class ? 2 : 1;
        return (long) width * size.length();
    }

    private static long bytes(Object buffer) { return bytes(new Size(buffer.getClass().getComponentType(), Buffers.length(buffer))); }

    /** How many allocations so far were served by a buffer that an unreachable tensor gave back. */
    public static long reuses() { return REUSES.get(); }
}
