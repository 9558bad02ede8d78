package io.zerostore.sandbox.channel;

/**
 * Why a channel call failed; the WASI layer turns the {@link Kind} into an errno the program sees.
 * The program keeps running. Stack traces are not filled: these are expected, frequent outcomes.
 */
public final class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** One of the four limits is used up (EDQUOT). */
        QUOTA,
        /** The direction is not allowed on this channel (EBADF). */
        NOT_PERMITTED,
        /** A positional call on a sequential channel (ESPIPE). */
        NOT_SEEKABLE,
        /** The reading end of a pipe went away (EPIPE). */
        BROKEN_PIPE,
        /** The host side failed (EIO). */
        IO,
        /** The thread was interrupted while blocked (the run is being stopped). */
        INTERRUPTED
    }

    private final Kind kind;

    public ChannelException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
