package io.zerostore.sandbox.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A write-only stream: an {@link OutputStream} (a response body, the CLI's stdout) or a
 * {@link WritableByteChannel} (a file or socket channel). The sandbox closes the binding at the end
 * of the run; whether that closes the underlying stream is the caller's choice.
 */
public final class StreamSinkBinding implements ChannelBinding {
    private final OutputStream out;
    private final WritableByteChannel channel;
    private final boolean closeUnderlying;
    private final boolean network;

    private StreamSinkBinding(OutputStream out, WritableByteChannel channel, boolean close,
            boolean network) {
        this.out = out;
        this.channel = channel;
        this.closeUnderlying = close;
        this.network = network;
    }

    /** Writes into {@code out}; flushes it at the end of the run, closes it if {@code close}. */
    public static StreamSinkBinding of(OutputStream out, boolean close) {
        return new StreamSinkBinding(out, null, close, false);
    }

    /** Writes into {@code ch}; closes it at the end of the run if {@code close}. */
    public static StreamSinkBinding of(WritableByteChannel ch, boolean close) {
        return new StreamSinkBinding(null, ch, close, false);
    }

    /** Same as {@link #of(WritableByteChannel, boolean)} but accounted as network traffic. */
    public static StreamSinkBinding network(WritableByteChannel ch, boolean close) {
        return new StreamSinkBinding(null, ch, close, true);
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        if (out != null) {
            out.write(buf, off, len);
            return len;
        }
        ByteBuffer src = ByteBuffer.wrap(buf, off, len);
        while (src.hasRemaining()) {
            channel.write(src);
        }
        return len;
    }

    @Override
    public boolean network() {
        return network;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            try {
                out.flush();
            } finally {
                if (closeUnderlying) {
                    out.close();
                }
            }
        } else if (closeUnderlying) {
            channel.close();
        }
    }
}
