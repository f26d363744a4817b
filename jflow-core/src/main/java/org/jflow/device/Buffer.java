package org.jflow.device;

import org.jflow.DType;

import java.lang.ref.Cleaner;

/**
 * Memory on a device other than the host: {@code size()} elements of one dtype. Freed exactly once,
 * either deterministically ({@link #free()}, as a graph's executor does after a value's last reader,
 * like TF's executor dropping a tensor's reference) or, for eager tensors, by a {@link Cleaner} once no
 * Java object refers to the buffer any more (PyTorch frees a CUDA tensor when its refcount drops).
 */
public abstract class Buffer {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Device device;
    private final DType dtype;
    private final long size;
    private final Cleaner.Cleanable cleanable;

    /**
     * {@code release} gives the memory back; it must not refer to this buffer (or the buffer could
     * never become unreachable) and runs once, from {@link #free()} or from the cleaner.
     */
    protected Buffer(Device device, DType dtype, long size, Runnable release) {
        this.device = device;
        this.dtype = dtype;
        this.size = size;
        this.cleanable = CLEANER.register(this, release);
    }

    public final Device device() { return device; }

    public final DType dtype() { return dtype; }

    /** Number of elements (complex numbers count once). */
    public final long size() { return size; }

    /** Gives the memory back now; later calls do nothing. Reading a freed buffer is the device's error. */
    public final void free() { cleanable.clean(); }
}
