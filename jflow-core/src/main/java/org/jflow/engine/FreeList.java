package org.jflow.engine;

import org.jflow.DType;

import java.util.Arrays;

/**
 * Dead host buffers kept for reuse (PyTorch's caching allocator, for the heap), bucketed by array
 * type and exact length, since a tensor's array is exactly its size. A buffer comes back here only
 * from the graph executor, which can prove that nothing sees it any more; a kernel gets one through
 * {@link Buffers#allocateUninitialized} while its thread has this list open ({@link #open}), so only
 * kernels that write every element of what they ask for are served, and the last buffer given back
 * is the first handed out again (the one most likely still in cache).
 *
 * <p>A list belongs to one executor run on one thread at a time (the executor keeps one between its
 * runs and a concurrent run starts its own), so it needs no locks. Workers of {@link Parallel} see no
 * list: a kernel allocates its output on the calling thread, and one allocated inside a chunk on a
 * worker is simply a fresh array. The list remembers what it handed out during the open kernel, so
 * the executor can tell a kernel's new buffer from one the kernel returned from elsewhere (an input,
 * a cached value): only the former may ever come back here.
 */
public final class FreeList {
    private static final ThreadLocal<FreeList> CURRENT = new ThreadLocal<>();

    /**
     * Buffers below this many slots are never pooled: a small array from the thread's allocation
     * buffer costs less than the lookup. Tests lower it to pool every buffer.
     */
    private static volatile int minimumSlots = 4096;

    /** Buffers given back are filled with garbage first (tests: a kernel that leaves an element unwritten shows). */
    private static volatile boolean poison;

    // buckets: key (array kind << 32 | length) and a stack of buffers each
    private long[] keys = new long[8];
    private Object[][] stacks = new Object[8][];
    private int[] sizes = new int[8];
    /** Per bucket: whether the current run took from it or gave to it (kept by {@link #trim}). */
    private boolean[] used = new boolean[8];
    private int buckets;
    private long bytes, givenBytes;
    private boolean open;
    private Object[] handedOut = new Object[4];
    private int handedOutCount;

    /** The list open on this thread, or null. */
    static FreeList current() { return CURRENT.get(); }

    /** Makes {@code list} this thread's list (null: none); returns the one it replaces, for {@link #restore}. */
    public static FreeList install(FreeList list) {
        FreeList previous = CURRENT.get();
        CURRENT.set(list);
        return previous;
    }

    /** Puts back the list {@link #install} replaced. */
    public static void restore(FreeList previous) { CURRENT.set(previous); }

    /** The size below which buffers are allocated fresh, in slots. */
    public static int minimumSlots() { return minimumSlots; }

    /** For tests: pool buffers from {@code slots} up (the default is 4096). */
    public static void minimumSlots(int slots) { minimumSlots = slots; }

    /** Buffers handed out again since start, on every thread (tests count reuse with it, exactly). */
    private static final java.util.concurrent.atomic.LongAdder SERVED = new java.util.concurrent.atomic.LongAdder();

    /** How many buffers free lists have handed out again so far. */
    public static long served() { return SERVED.sum(); }

    /** For tests: fill every buffer given back with garbage, so stale contents cannot pass for results. */
    public static void poison(boolean on) { poison = on; }

    /** Starts a kernel: from now until {@link #close} it is served from this list, and what it gets is remembered. */
    public void open() {
        open = true;
        handedOutCount = 0;
    }

    /** Ends the kernel: later allocations on this thread are fresh arrays again. */
    public void close() { open = false; }

    /** Whether {@code buffer} was handed out to the kernel last opened (a new buffer of that kernel's). */
    public boolean handedOut(Object buffer) {
        for (int i = 0; i < handedOutCount; i++) if (handedOut[i] == buffer) return true;
        return false;
    }

    /** A buffer for {@code n} elements of {@code dtype} from this thread's open list, or null where none applies. */
    static Object take(DType dtype, int n) {
        if (dtype == DType.STRING) return null;
        long slots = (long) n * dtype.slots();
        if (slots < minimumSlots || slots > Integer.MAX_VALUE) return null;
        FreeList list = CURRENT.get();
        if (list == null || !list.open) return null;
        return list.serve(dtype, (int) slots, n);
    }

    private Object serve(DType dtype, int slots, int n) {
        int b = bucket(kind(dtype.storage()), slots, false);
        Object buffer;
        if (b >= 0 && sizes[b] > 0) {
            used[b] = true;
            buffer = stacks[b][--sizes[b]];
            stacks[b][sizes[b]] = null;
            bytes -= bytes(buffer);
            SERVED.increment();
        } else {
            buffer = Buffers.allocate(dtype, n);
        }
        if (handedOutCount == handedOut.length) handedOut = Arrays.copyOf(handedOut, 2 * handedOutCount);
        handedOut[handedOutCount++] = buffer;
        return buffer;
    }

    /** Takes back a buffer that nothing can see any more. */
    public void give(Object buffer) {
        int kind = kind(buffer);
        if (kind < 0) return;
        if (poison) fill(buffer);
        int b = bucket(kind, java.lang.reflect.Array.getLength(buffer), true);
        used[b] = true;
        if (sizes[b] == stacks[b].length) stacks[b] = Arrays.copyOf(stacks[b], 2 * sizes[b]);
        stacks[b][sizes[b]++] = buffer;
        long size = bytes(buffer);
        bytes += size;
        givenBytes += size;
    }

    /**
     * Ends a run: keeps at most as many bytes as the run gave back, dropping first the buckets it did
     * not use (shapes of earlier calls), so a list kept between runs is bounded by one run's dead
     * intermediates.
     */
    public void trim() {
        for (int b = 0; b < buckets && bytes > givenBytes; b++) if (!used[b]) drop(b, 0);
        for (int b = 0; b < buckets && bytes > givenBytes; b++) {
            while (sizes[b] > 0 && bytes > givenBytes) drop(b, sizes[b] - 1);
        }
        Arrays.fill(used, false);
        givenBytes = 0;
        Arrays.fill(handedOut, null); // the run's last outputs: the caller's now, not kept alive by this list
        handedOutCount = 0;
    }

    /** The bytes held now. */
    public long bytes() { return bytes; }

    /** Keeps the {@code keep} newest buffers of bucket {@code b} (the top of its stack), dropping the oldest. */
    private void drop(int b, int keep) {
        int removed = sizes[b] - keep;
        for (int i = 0; i < removed; i++) bytes -= bytes(stacks[b][i]);
        System.arraycopy(stacks[b], removed, stacks[b], 0, keep);
        Arrays.fill(stacks[b], keep, sizes[b], null);
        sizes[b] = keep;
    }

    private int bucket(int kind, int length, boolean create) {
        long key = (long) kind << 32 | length;
        for (int b = 0; b < buckets; b++) if (keys[b] == key) return b;
        if (!create) return -1;
        if (buckets == keys.length) {
            keys = Arrays.copyOf(keys, 2 * buckets);
            stacks = Arrays.copyOf(stacks, 2 * buckets);
            sizes = Arrays.copyOf(sizes, 2 * buckets);
            used = Arrays.copyOf(used, 2 * buckets);
        }
        keys[buckets] = key;
        stacks[buckets] = new Object[2];
        return buckets++;
    }

    private static int kind(DType.Storage storage) {
        return switch (storage) {
            case FLOAT, COMPLEX64 -> 0;
            case DOUBLE, COMPLEX128 -> 1;
            case HALF, SHORT -> 2;
            case BYTE -> 3;
            case INT -> 4;
            case LONG -> 5;
            case BOOL -> 6;
            case STRING -> -1;
        };
    }

    private static int kind(Object buffer) {
        return switch (buffer) {
            case float[] a -> 0;
            case double[] a -> 1;
            case short[] a -> 2;
            case byte[] a -> 3;
            case int[] a -> 4;
            case long[] a -> 5;
            case boolean[] a -> 6;
            default -> -1;
        };
    }

    private static long bytes(Object buffer) {
        return switch (buffer) {
            case float[] a -> 4L * a.length;
            case double[] a -> 8L * a.length;
            case short[] a -> 2L * a.length;
            case byte[] a -> a.length;
            case int[] a -> 4L * a.length;
            case long[] a -> 8L * a.length;
            case boolean[] a -> a.length;
            default -> 0;
        };
    }

    /** Garbage that no kernel computes by accident: NaNs with a payload, all-ones integers, true. */
    private static void fill(Object buffer) {
        switch (buffer) {
            case float[] a -> Arrays.fill(a, Float.intBitsToFloat(0x7fa5a5a5));
            case double[] a -> Arrays.fill(a, Double.longBitsToDouble(0x7ff5a5a5a5a5a5a5L));
            case short[] a -> Arrays.fill(a, (short) 0x7e5a);
            case byte[] a -> Arrays.fill(a, (byte) 0x5a);
            case int[] a -> Arrays.fill(a, 0x5a5a5a5a);
            case long[] a -> Arrays.fill(a, 0x5a5a5a5a5a5a5a5aL);
            case boolean[] a -> Arrays.fill(a, true);
            default -> { }
        }
    }
}
