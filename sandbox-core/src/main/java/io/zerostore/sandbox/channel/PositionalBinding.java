package io.zerostore.sandbox.channel;

import java.io.IOException;

/**
 * A binding with positional reads (ZeroVM's random-read channels: files, buffers, {@code /dev/null}),
 * whose sequential reads walk the positional ones from a cursor, and that may also take writes.
 */
abstract class PositionalBinding implements ChannelBinding {
    private final boolean writable;
    private long readCursor;

    /** @param writable whether sequential and positional writes are supported */
    PositionalBinding(boolean writable) {
        this.writable = writable;
    }

    @Override
    public final boolean canRead() {
        return true;
    }

    @Override
    public final boolean canReadAt() {
        return true;
    }

    @Override
    public final boolean canWrite() {
        return writable;
    }

    @Override
    public final boolean canWriteAt() {
        return writable;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = readAt(readCursor, buf, off, len);
        if (n > 0) {
            readCursor += n;
        }
        return n;
    }

    @Override
    public abstract int readAt(long position, byte[] buf, int off, int len) throws IOException;
}
