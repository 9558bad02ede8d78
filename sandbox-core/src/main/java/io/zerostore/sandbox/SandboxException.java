package io.zerostore.sandbox;

/**
 * A run that cannot be set up: a bad manifest or nvram, a channel whose host side does not fit
 * its declaration, an unreadable program or image. Maps to HTTP 400 (the job is at fault). What a
 * program does once it runs is never an exception: it is in the {@link Report}.
 */
public class SandboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status a job API answers for this exception. */
    public static final int HTTP_STATUS = 400;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
