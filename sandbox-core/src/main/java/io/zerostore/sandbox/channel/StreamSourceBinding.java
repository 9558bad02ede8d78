package io.zerostore.sandbox.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A read-only stream: an {@link InputStream} (a request body, the CLI's stdin) or a
 * {@link ReadableByteChannel}. Only sequential reads; closing it is the caller's choice.
 */
public final class StreamSourceBinding implements ChannelBinding {
    private final InputStream in;
    private final ReadableByteChannel channel;
    private final boolean closeUnderlying;

    private StreamSourceBinding(InputStream in, ReadableByteChannel channel, boolean close) {
        this.in = in;
        this.channel = channel;
        this.closeUnderlying = close;
    }

    public static StreamSourceBinding of(InputStream in, boolean close) {
        return new StreamSourceBinding(in, null, close);
    }

    public static StreamSourceBinding of(ReadableByteChannel ch, boolean close) {
        return new StreamSourceBinding(null, ch, close);
    }

    @Override
    public boolean canRead() {
        return true;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (in != null) {
            return in.read(buf, off, len);
        }
        ByteBuffer dst = ByteBuffer.wrap(buf, off, len);
        int n;
        do {
            n = channel.read(dst);
        } while (n == 0);
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closeUnderlying) {
            if (in != null) {
                in.close();
            } else {
                channel.close();
            }
        }
    }
}
