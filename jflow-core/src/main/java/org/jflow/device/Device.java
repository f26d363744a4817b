package org.jflow.device;

import org.jflow.DType;

/**
 * One device ops can run on (TF's {@code Device}): its TF name and the three memory operations the
 * engine needs. Kernels registered for the device's type get their inputs as tensors whose
 * {@link org.jflow.Tensor#buffer()} lives here and return tensors made with
 * {@link org.jflow.Tensor#onDevice}.
 */
public interface Device {
    /** TF's device type: {@code CPU}, {@code GPU}. */
    String type();

    /** The index among devices of this type: {@code GPU:1} is 1. */
    int index();

    /** TF's full name: {@code /job:localhost/replica:0/task:0/device:GPU:0}. */
    default String name() { return "/job:localhost/replica:0/task:0/device:" + type() + ":" + index(); }

    /** Whether this device can hold tensors of {@code dtype} (strings, for example, may stay on the host). */
    boolean holds(DType dtype);

    /** Uninitialized memory for {@code size} elements of {@code dtype}. */
    Buffer allocate(DType dtype, long size);

    /** A new buffer holding a copy of {@code host}, a Java array of {@code dtype.storage()}'s type. */
    Buffer copyIn(DType dtype, Object host);

    /** A new Java array of {@code buffer.dtype().storage()}'s type holding a copy of the buffer. */
    Object copyOut(Buffer buffer);
}
