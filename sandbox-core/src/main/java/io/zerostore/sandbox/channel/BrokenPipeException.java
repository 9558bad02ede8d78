package io.zerostore.sandbox.channel;

import java.io.IOException;

/** The reading end of a pipe went away; the program's write fails with EPIPE. */
public final class BrokenPipeException extends IOException {
    private static final long serialVersionUID = 1L;

    public BrokenPipeException(String message) {
        super(message);
    }
}
