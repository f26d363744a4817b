package org.jflow.device;

import org.jflow.DType;

/**
 * The host CPU, TF's {@code /device:CPU:0}. Its tensors hold Java arrays directly (no {@link Buffer}),
 * so the engine never asks it to allocate or copy; its kernels are the ops' own {@code compute}.
 */
final class HostDevice implements Device {
    /** TF's {@code ThreadPoolDeviceFactory} priority. */
    static final int PRIORITY = 60;

    @Override
    public String type() { return KernelTable.CPU; }

    @Override
    public int index() { return 0; }

    @Override
    public boolean holds(DType dtype) { return true; }

    @Override
    public Buffer allocate(DType dtype, long size) { throw heapOnly(); }

    @Override
    public Buffer copyIn(DType dtype, Object host) { throw heapOnly(); }

    @Override
    public Object copyOut(Buffer buffer) { throw heapOnly(); }

    private static UnsupportedOperationException heapOnly() {
        return new UnsupportedOperationException("Host tensors hold Java arrays, not device buffers");
    }

    @Override
    public String toString() { return name(); }
}
