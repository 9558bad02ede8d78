package io.zerostore.node.diskfile;

import java.io.IOException;

/** The device directory is missing, not a directory, or not mounted when mount_check is on: 507. */
public class DeviceUnavailableException extends IOException {
    private final String device;

    public DeviceUnavailableException(String device) {
        super("device unavailable: " + device);
        this.device = device;
    }

    public String device() {
        return device;
    }
}
