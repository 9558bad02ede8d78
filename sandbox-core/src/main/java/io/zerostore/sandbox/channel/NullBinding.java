package io.zerostore.sandbox.channel;

/** {@code /dev/null}: reads end at once, writes are accepted and dropped. */
public final class NullBinding extends PositionalBinding {
    public NullBinding() {
        super(true);
    }

    @Override
    public int readAt(long position, byte[] buf, int off, int len) {
        return len == 0 ? 0 : -1;
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        return len;
    }

    @Override
    public int writeAt(long position, byte[] buf, int off, int len) {
        return len;
    }

    @Override
    public long size() {
        return 0;
    }
}
