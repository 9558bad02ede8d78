package io.zerostore.sandbox.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only window {@code [offset, offset + length)} of a file: the way a stored object's
 * {@code .data} file becomes an input channel without copying. Reads are positional
 * ({@link FileChannel#read(ByteBuffer, long)}), so several bindings may share one
 * {@link FileChannel}; the binding closes the file channel only when it opened it itself.
 */
public final class FileRegionBinding extends PositionalBinding {
    private final FileChannel file;
    private final long offset;
    private final long length;
    private final boolean owned;

    private FileRegionBinding(FileChannel file, long offset, long length, boolean owned) {
        super(false);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset/length");
        }
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.owned = owned;
    }

    /** A region of a file channel the caller keeps owning (and closes after the run). */
    public static FileRegionBinding of(FileChannel file, long offset, long length) {
        return new FileRegionBinding(file, offset, length, false);
    }

    /** The whole file at {@code path}, opened read-only and closed with the binding. */
    public static FileRegionBinding open(Path path) throws IOException {
        FileChannel fc = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new FileRegionBinding(fc, 0, fc.size(), true);
        } catch (IOException | RuntimeException e) {
            fc.close();
            throw e;
        }
    }

    @Override
    public int readAt(long position, byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int want = (int) Math.min(len, length - position);
        ByteBuffer dst = ByteBuffer.wrap(buf, off, want);
        int total = 0;
        while (dst.hasRemaining()) {
            int n = file.read(dst, offset + position + total);
            if (n < 0) {
                break; // the file shrank under us: report what we have
            }
            total += n;
        }
        return total == 0 ? -1 : total;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            file.close();
        }
    }
}
