package io.zerostore.node.index;

/**
 * The device's index could not do its work: the DB failed to open, read or write (a full or
 * broken disk). The servers answer 507 for the device, as for any unusable drive.
 */
public class IndexException extends RuntimeException {
    private final String device;

    public IndexException(String device, String message, Throwable cause) {
        super(device + ": " + message, cause);
        this.device = device;
    }

    public String device() {
        return device;
    }
}
