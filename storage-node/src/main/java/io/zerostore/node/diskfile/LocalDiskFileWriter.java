package io.zerostore.node.diskfile;

import io.netty.buffer.ByteBuf;
import io.zerostore.common.swift.HashPath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a version into {@code <device>/tmp/} through a native descriptor (the JDK cannot
 * fallocate or fdatasync a file by descriptor), then publishes it with the steps that make a
 * Swift write durable before it is acknowledged: trailer, fdatasync, rename, directory fsync.
 * A body announced larger than {@code keep_cache_size} bypasses the page cache ({@link DirectBody}).
 * Methods are synchronized because a timed-out upload may abort while its last write still runs.
 */
final class LocalDiskFileWriter implements DiskFileWriter {
    private static final System.Logger LOG = System.getLogger(LocalDiskFileWriter.class.getName());

    private final DiskFileConfig config;
    private final Path hashDir;
    private final Path tmp;
    private final String ext;
    private final MessageDigest md5 = HashPath.md5();
    private int fd;
    private DirectBody direct;
    private long bytes;
    private long syncedUpTo;
    private String etag;
    private boolean done;

    private LocalDiskFileWriter(DiskFileConfig config, Path hashDir, Path tmp, int fd, String ext) {
        this.config = config;
        this.hashDir = hashDir;
        this.tmp = tmp;
        this.fd = fd;
        this.ext = ext;
    }

    /** Opens the temporary file and reserves {@code expectedSize} bytes (negative: unknown). */
    static LocalDiskFileWriter open(DiskFileConfig config, Path device, Path hashDir, long expectedSize, String ext)
            throws IOException {
        checkReserve(config, device, Math.max(expectedSize, 0));
        Path tmpDir = device.resolve("tmp");
        if (!Files.isDirectory(tmpDir)) {
            Files.createDirectories(tmpDir);
        }
        Path tmp = tmpDir.resolve("tmp" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        int fd = expectedSize > config.keepCacheSize() ? Natives.createExclusiveDirect(tmp) : -1;
        boolean direct = fd >= 0;
        if (!direct) {
            fd = Natives.createExclusive(tmp);
        }
        LocalDiskFileWriter w = new LocalDiskFileWriter(config, hashDir, tmp, fd, ext);
        if (direct) {
            w.direct = new DirectBody(fd);
        }
        try {
            Natives.fallocate(fd, 0, expectedSize);
        } catch (IOException e) {
            w.abort();
            throw e;
        }
        return w;
    }

    /** Swift's fallocate_reserve: keep some space free for the rest of the node's work. */
    private static void checkReserve(DiskFileConfig config, Path device, long size) throws IOException {
        if (config.reserveBytes() <= 0 && config.reservePercent() <= 0) {
            return;
        }
        DiskUsage u = Natives.statvfs(device);
        long after = u.available() - size;
        if (config.reserveBytes() > 0 && after < config.reserveBytes()) {
            throw new DiskFullException("fallocate_reserve: " + after + " bytes would remain free on " + device);
        }
        if (config.reservePercent() > 0 && u.size() > 0 && after * 100.0 / u.size() < config.reservePercent()) {
            throw new DiskFullException("fallocate_reserve: " + after + " bytes would remain free on " + device);
        }
    }

    @Override
    public synchronized void write(ByteBuf chunk) throws IOException {
        if (done) {
            throw new IOException("writer already finished");
        }
        int n = chunk.readableBytes();
        if (n == 0) {
            return;
        }
        for (ByteBuffer b : chunk.nioBuffers()) {
            md5.update(b);
        }
        if (direct != null) {
            for (ByteBuffer b : chunk.nioBuffers()) {
                direct.append(b);
            }
            bytes += n;
            return;
        }
        if (chunk.hasMemoryAddress()) {
            Natives.writeFully(fd, chunk.memoryAddress() + chunk.readerIndex(), n);
        } else {
            for (ByteBuffer b : chunk.nioBuffers()) {
                Natives.writeFully(fd, b);
            }
        }
        bytes += n;
        if (bytes - syncedUpTo >= config.bytesPerSync()) {
            // long uploads: bound the dirty pages and keep the cache for hot small objects
            Natives.fdatasync(fd);
            Natives.fadvise(fd, syncedUpTo, bytes - syncedUpTo, Natives.POSIX_FADV_DONTNEED);
            syncedUpTo = bytes;
        }
    }

    @Override
    public long bytesWritten() {
        return bytes;
    }

    @Override
    public synchronized String etag() {
        if (etag == null) {
            etag = HexFormat.of().formatHex(md5.digest());
        }
        return etag;
    }

    @Override
    public synchronized void commit(ObjectMetadata metadata) throws IOException {
        if (done) {
            throw new IOException("writer already finished");
        }
        try {
            if (direct != null) {
                direct.finish();
            }
            Natives.writeFully(fd, ByteBuffer.wrap(MetadataTrailer.encode(metadata)));
            Natives.fdatasync(fd);
            if (bytes > config.keepCacheSize()) {
                Natives.fadvise(fd, 0, 0, Natives.POSIX_FADV_DONTNEED);
            }
            int f = fd;
            fd = -1;
            Natives.close(f);
            publish(HashDir.fileName(metadata.timestamp(), ext));
            done = true;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        try {
            HashDir.cleanup(hashDir, config.reclaimAge(), System.currentTimeMillis() / 1000.0);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cleanup of " + hashDir + " failed", e);
        }
    }

    /** Atomic rename into the hash directory; fsyncs it and the parent of every directory created. */
    private void publish(String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            List<Path> created = new ArrayList<>();
            for (Path p = hashDir; p != null && !Files.isDirectory(p); p = p.getParent()) {
                created.add(p);
            }
            // top-down mkdir of just the missing levels: Files.createDirectories would find them by
            // catching an exception per level, on every new object
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.createDirectory(created.get(i));
                } catch (FileAlreadyExistsException e) {
                    // a concurrent upload made it
                }
            }
            try {
                Files.move(tmp, hashDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                if (attempt < 2 && Files.exists(tmp)) {
                    continue; // a tombstone reclaim removed the empty directory meanwhile
                }
                throw e;
            }
            Natives.fsyncDirectory(hashDir);
            for (Path dir : created) {
                Natives.fsyncDirectory(dir.getParent());
            }
            SuffixHashes.invalidate(hashDir);
            return;
        }
    }

    @Override
    public synchronized void abort() {
        if (done) {
            return;
        }
        done = true;
        if (direct != null) {
            direct.release();
        }
        if (fd >= 0) {
            try {
                Natives.close(fd);
            } catch (IOException ignored) {
                // the file is deleted next
            }
            fd = -1;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + tmp, e);
        }
    }
}
