package org.jflow.config;

import org.jflow.device.Devices;

/** {@code tf.debugging}: the device-placement log. */
public final class Debugging {
    public Debugging() {}

    /**
     * {@code tf.debugging.set_log_device_placement(True)}: each eager op prints TF's line
     * {@code Executing op AddV2 in device /job:localhost/replica:0/task:0/device:CPU:0} on standard
     * error, where TF's log goes.
     */
    public void setLogDevicePlacement(boolean enabled) { Devices.setLogPlacement(enabled); }

    /** {@code tf.debugging.get_log_device_placement()}. */
    public boolean getLogDevicePlacement() { return Devices.logPlacement(); }
}
