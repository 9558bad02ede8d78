package io.zerostore.node.diskfile;

import io.netty.buffer.ByteBuf;
import io.zerostore.common.swift.HashPath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Writes a version as a {@link TmpFile}, then publishes it with the steps that make a Swift write
 * durable before it is acknowledged: trailer, fdatasync, rename, directory fsync ({@link Renamer}).
 * A body announced larger than {@code direct_io_size} bypasses the page cache ({@link DirectBody}).
 * Methods are synchronized because a timed-out upload may abort while its last write still runs.
 */
final class LocalDiskFileWriter implements DiskFileWriter {
    private static final System.Logger LOG = System.getLogger(LocalDiskFileWriter.class.getName());

    private final DiskFileConfig config;
    private final Path hashDir;
    private final TmpFile tmp;
    private final String ext;
    private final MessageDigest md5 = HashPath.md5();
    private long bytes;
    private long syncedUpTo;
    private String etag;
    private boolean done;

    private LocalDiskFileWriter(DiskFileConfig config, Path hashDir, TmpFile tmp, String ext) {
        this.config = config;
        this.hashDir = hashDir;
        this.tmp = tmp;
        this.ext = ext;
    }

    /** Opens the temporary file and reserves {@code expectedSize} bytes (negative: unknown). */
    static LocalDiskFileWriter open(DiskFileConfig config, Path device, Path hashDir, long expectedSize, String ext)
            throws IOException {
        TmpFile tmp = TmpFile.create(config, device, "tmp", expectedSize, expectedSize > config.directIoSize());
        return new LocalDiskFileWriter(config, hashDir, tmp, ext);
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
        tmp.write(chunk);
        bytes += n;
        if (!tmp.isDirect() && bytes - syncedUpTo >= config.bytesPerSync()) {
            // long uploads: bound the dirty pages and keep the cache for hot small objects
            tmp.syncAndDrop(syncedUpTo, bytes - syncedUpTo);
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
            tmp.writeTail(MetadataTrailer.encode(metadata));
            if (bytes > config.directIoSize()) {
                tmp.syncAndDrop(0, 0);
            } else {
                tmp.sync();
            }
            tmp.close();
            Renamer.rename(tmp.path(), hashDir, HashDir.fileName(metadata.timestamp(), ext));
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

    @Override
    public synchronized void abort() {
        if (done) {
            return;
        }
        done = true;
        tmp.delete();
    }
}
