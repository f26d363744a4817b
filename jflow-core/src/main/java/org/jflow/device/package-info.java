/**
 * The device seam, as TF's {@code DeviceFactory}/{@code REGISTER_KERNEL_BUILDER} and tinygrad's
 * {@code Buffer}/{@code Allocator}: a {@link org.jflow.device.DeviceProvider} found by
 * {@link java.util.ServiceLoader} brings {@link org.jflow.device.Device}s that allocate and copy
 * {@link org.jflow.device.Buffer}s, and registers its kernels in the {@link org.jflow.device.KernelTable}
 * under (op, device type, dtype). The CPU is built in: its kernels are the ops' own {@code compute}
 * and its buffers are Java arrays. {@link org.jflow.device.Placement} places each op by TF's rules;
 * {@link org.jflow.device.Devices} answers {@code tf.config}'s device questions.
 */
package org.jflow.device;
