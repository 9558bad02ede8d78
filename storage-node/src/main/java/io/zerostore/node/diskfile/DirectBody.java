package io.zerostore.node.diskfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The body of a large upload written with {@code O_DIRECT}: bytes are gathered in an aligned
 * buffer and go from there to the disk in {@link #SIZE} pieces, without passing through the page
 * cache. A large object is not kept in the cache anyway ({@code keep_cache_size}), and here the
 * cached write path costs more than the disk: a copy into the cache, page allocation, and at the
 * commit's fdatasync one long burst of writeback instead of writes spread over the upload.
 *
 * <p>The unaligned rest of the body (and the metadata trailer after it) is written through the page
 * cache once {@link #finish} turned O_DIRECT off; the commit's fdatasync covers both. A short
 * direct write (which would break the alignment of the next) also falls back to cached writes.
 */
final class DirectBody {
    /** Alignment of O_DIRECT memory, length and offset: a 4 KiB sector is the largest in common use. */
    static final int ALIGN = 4096;
    static final int SIZE = 1 << 20;
    private static final int POOLED = 16;
    private static final ConcurrentLinkedQueue<ByteBuffer> POOL = new ConcurrentLinkedQueue<>();

    private final int fd;
    private ByteBuffer staging;
    private boolean direct = true;

    DirectBody(int fd) {
        this.fd = fd;
        ByteBuffer b = POOL.poll();
        this.staging = b != null ? b : ByteBuffer.allocateDirect(SIZE + ALIGN).alignedSlice(ALIGN);
        this.staging.clear();
    }

    /** Appends the buffer's remaining bytes; its position is left unchanged. */
    void append(ByteBuffer src) throws IOException {
        ByteBuffer in = src.slice();
        while (in.hasRemaining()) {
            int n = Math.min(in.remaining(), staging.remaining());
            staging.put(staging.position(), in, in.position(), n);
            staging.position(staging.position() + n);
            in.position(in.position() + n);
            if (!staging.hasRemaining()) {
                flush(SIZE);
            }
        }
    }

    /** Writes the first {@code count} staged bytes (aligned unless O_DIRECT is already off). */
    private void flush(int count) throws IOException {
        int done = 0;
        if (direct && count > 0) {
            try {
                done = (int) Natives.writeOnce(fd, staging.slice(0, count));
            } catch (IOException e) {
                done = 0; // e.g. EINVAL: a file system that opens with O_DIRECT but wants other alignment
            }
            if (done < count) {
                Natives.clearDirect(fd);
                direct = false;
            }
        }
        if (done < count) {
            Natives.writeFully(fd, staging.slice(done, count - done));
        }
        int rest = staging.position() - count;
        if (rest > 0) {
            staging.put(0, staging, count, rest);
        }
        staging.position(rest);
    }

    /** Writes everything staged: the aligned part directly, the tail through the cache. */
    void finish() throws IOException {
        if (staging == null) {
            return;
        }
        flush(staging.position() & -ALIGN);
        if (direct) {
            Natives.clearDirect(fd);
            direct = false;
        }
        flush(staging.position());
        release();
    }

    /** Returns the buffer to the pool; nothing may be written after. Idempotent. */
    void release() {
        ByteBuffer b = staging;
        staging = null;
        if (b != null && POOL.size() < POOLED) {
            POOL.offer(b);
        }
    }
}
