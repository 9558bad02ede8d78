package io.zerostore.node.diskfile;

import java.io.IOException;

/** The device has no room for the write (ENOSPC, EDQUOT, or the configured reserve): Swift's 507. */
public class DiskFullException extends IOException {
    public DiskFullException(String message) {
        super(message);
    }
}
