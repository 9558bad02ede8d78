package io.zerostore.node.diskfile;

import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * Streams one new object version into a temporary file. Nothing is visible until {@link #commit}
 * returns; {@link #abort} (or {@link #close} without a commit) removes every trace. Single-threaded
 * use: one chunk at a time, in order.
 */
public interface DiskFileWriter extends AutoCloseable {
    /** Appends the chunk's readable bytes and hashes them; the caller keeps ownership of the buffer. */
    void write(ByteBuf chunk) throws IOException;

    long bytesWritten();

    /** Lowercase hex MD5 of everything written (the ETag). Ends the hashing: call once, before commit. */
    String etag();

    /**
     * Makes the version durable and visible: metadata trailer, fdatasync, atomic rename to
     * {@code <X-Timestamp>.data}, fsync of the directory, then removal of obsolete versions.
     */
    void commit(ObjectMetadata metadata) throws IOException;

    /** Drops the temporary file. Idempotent; a no-op after commit. */
    void abort();

    @Override
    default void close() {
        abort();
    }
}
