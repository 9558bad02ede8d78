package io.zerostore.node.diskfile;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A version file being staged in {@code <device>/tmp}, written through a native descriptor
 * because the JDK cannot fallocate or fdatasync a file by descriptor. Its space is reserved up
 * front (Swift's {@code fallocate_reserve} and {@code fallocate}), so a full disk refuses the
 * write before the body arrives. Both the object server's uploads and replication's pushed files
 * are staged this way; {@link Renamer} then gives the file its name.
 */
public final class TmpFile {
    private static final System.Logger LOG = System.getLogger(TmpFile.class.getName());

    private final Path path;
    private int fd;
    private DirectBody direct;

    private TmpFile(Path path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /**
     * Creates the file and reserves {@code size} bytes (negative: unknown). With {@code direct} the
     * body bypasses the page cache ({@link DirectBody}) where the file system allows it.
     *
     * @throws DiskFullException the device would drop below its reserve, or is full
     */
    public static TmpFile create(DiskFileConfig config, Path device, String prefix, long size, boolean direct)
            throws IOException {
        checkReserve(config, device, Math.max(size, 0));
        Path dir = device.resolve("tmp");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        Path path = dir.resolve(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        int fd = direct ? Natives.createExclusiveDirect(path) : -1;
        TmpFile f = new TmpFile(path, fd >= 0 ? fd : Natives.createExclusive(path));
        if (fd >= 0) {
            f.direct = new DirectBody(fd);
        }
        try {
            Natives.fallocate(f.fd, 0, size);
        } catch (IOException e) {
            f.delete();
            throw e;
        }
        return f;
    }

    /** Swift's fallocate_reserve: keep some space free for the rest of the node's work. */
    private static void checkReserve(DiskFileConfig config, Path device, long size) throws IOException {
        if (config.reserveBytes() <= 0 && config.reservePercent() <= 0) {
            return;
        }
        DiskUsage u = Natives.statvfs(device);
        long after = u.available() - size;
        if ((config.reserveBytes() > 0 && after < config.reserveBytes())
                || (config.reservePercent() > 0 && u.size() > 0 && after * 100.0 / u.size() < config.reservePercent())) {
            throw new DiskFullException("fallocate_reserve: " + after + " bytes would remain free on " + device);
        }
    }

    public Path path() {
        return path;
    }

    /** True when the body goes around the page cache, so there are no dirty pages to bound. */
    public boolean isDirect() {
        return direct != null;
    }

    /** Appends the chunk's readable bytes (its reader index is left unchanged). */
    public void write(ByteBuf chunk) throws IOException {
        if (direct != null) {
            for (ByteBuffer b : chunk.nioBuffers()) {
                direct.append(b);
            }
        } else if (chunk.hasMemoryAddress()) {
            Natives.writeFully(fd, chunk.memoryAddress() + chunk.readerIndex(), chunk.readableBytes());
        } else {
            for (ByteBuffer b : chunk.nioBuffers()) {
                Natives.writeFully(fd, b);
            }
        }
    }

    /** Appends the bytes after the body (the metadata trailer): the direct body's tail goes first. */
    public void writeTail(byte[] bytes) throws IOException {
        if (direct != null) {
            direct.finish();
        }
        Natives.writeFully(fd, ByteBuffer.wrap(bytes));
    }

    /** fdatasync, then the given range leaves the page cache (length 0: to the end). */
    public void syncAndDrop(long offset, long length) throws IOException {
        Natives.fdatasync(fd);
        Natives.fadvise(fd, offset, length, Natives.POSIX_FADV_DONTNEED);
    }

    public void sync() throws IOException {
        Natives.fdatasync(fd);
    }

    /** Closes the descriptor; the file stays for its rename or link. */
    public void close() throws IOException {
        releaseDirect();
        int f = fd;
        fd = -1;
        if (f >= 0) {
            Natives.close(f);
        }
    }

    /** Closes (if still open) and removes the staged name; a renamed or linked file keeps its data. */
    public void delete() {
        releaseDirect();
        if (fd >= 0) {
            try {
                Natives.close(fd);
            } catch (IOException ignored) {
                // the file is removed next
            }
            fd = -1;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + path, e);
        }
    }

    private void releaseDirect() {
        if (direct != null) {
            direct.release();
            direct = null;
        }
    }
}
