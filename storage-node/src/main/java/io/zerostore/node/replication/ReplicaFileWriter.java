package io.zerostore.node.replication;

import io.netty.buffer.ByteBuf;
import io.zerostore.common.swift.HashPath;
import io.zerostore.node.diskfile.DiskFileConfig;
import io.zerostore.node.diskfile.DiskFullException;
import io.zerostore.node.diskfile.DiskUsage;
import io.zerostore.node.diskfile.HashDir;
import io.zerostore.node.diskfile.MetadataTrailer;
import io.zerostore.node.diskfile.Natives;
import io.zerostore.node.diskfile.ObjectMetadata;
import io.zerostore.node.diskfile.SuffixHashes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Receives one pushed version file byte for byte (body and metadata trailer as the sender stored
 * them) with the object server's durability steps: staged in {@code <device>/tmp}, space reserved,
 * verified (trailer checksum, the name's timestamp, and for a {@code .data} its length and MD5
 * against the stored ETag), fdatasync, then linked into the hash directory, which is fsynced. A
 * link never replaces an existing file, and the caller checks just before that the file is still
 * wanted, so nothing newer is ever overwritten. Single-threaded use, one chunk at a time.
 */
final class ReplicaFileWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ReplicaFileWriter.class.getName());

    private final Path tmp;
    private final long bodyLength;
    private final MessageDigest md5;
    private int fd;
    private long written;
    private boolean done;

    private ReplicaFileWriter(Path tmp, int fd, long bodyLength, boolean isData) {
        this.tmp = tmp;
        this.fd = fd;
        this.bodyLength = bodyLength;
        this.md5 = isData ? HashPath.md5() : null;
    }

    /**
     * Opens the temporary file for {@code size} bytes of which the first {@code bodyLength} are the
     * body; refuses with {@link DiskFullException} when the device would drop below its reserve.
     */
    static ReplicaFileWriter open(DiskFileConfig config, Path device, long size, long bodyLength, boolean isData)
            throws IOException {
        checkReserve(config, device, size);
        Path tmpDir = device.resolve("tmp");
        Files.createDirectories(tmpDir);
        Path tmp = tmpDir.resolve("repl" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        int fd = Natives.createExclusive(tmp);
        ReplicaFileWriter w = new ReplicaFileWriter(tmp, fd, bodyLength, isData);
        try {
            Natives.fallocate(fd, 0, size);
        } catch (IOException e) {
            w.abort();
            throw e;
        }
        return w;
    }

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

    void write(ByteBuf chunk) throws IOException {
        if (done) {
            throw new IOException("writer already finished");
        }
        int n = chunk.readableBytes();
        if (md5 != null && written < bodyLength) {
            int bodyPart = (int) Math.min(n, bodyLength - written);
            for (ByteBuffer b : chunk.nioBuffers(chunk.readerIndex(), bodyPart)) {
                md5.update(b);
            }
        }
        if (chunk.hasMemoryAddress()) {
            Natives.writeFully(fd, chunk.memoryAddress() + chunk.readerIndex(), n);
        } else {
            for (ByteBuffer b : chunk.nioBuffers()) {
                Natives.writeFully(fd, b);
            }
        }
        written += n;
    }

    long written() {
        return written;
    }

    /**
     * Checks what arrived against its own trailer and the name it is to get, then makes it durable.
     *
     * @throws BadReplicaException the file is not a sound copy (the sender's may be corrupt)
     */
    void verifyAndSync(HashDir.Entry name) throws IOException {
        ObjectMetadata meta;
        long trailerBody;
        try (FileChannel ch = FileChannel.open(tmp)) {
            MetadataTrailer.Read r = MetadataTrailer.read(ch);
            meta = r.metadata();
            trailerBody = r.bodyLength();
        } catch (MetadataTrailer.CorruptFileException e) {
            throw new BadReplicaException(e.getMessage());
        }
        String ts = meta.get(ObjectMetadata.TIMESTAMP);
        if (ts == null || !ts.equals(name.timestamp().internal())) {
            throw new BadReplicaException("metadata timestamp " + ts + " differs from the name " + name.timestamp());
        }
        if (trailerBody != bodyLength) {
            throw new BadReplicaException("body length " + trailerBody + " differs from the announced " + bodyLength);
        }
        if (md5 != null) {
            String etag = HexFormat.of().formatHex(md5.digest());
            if (!String.valueOf(bodyLength).equals(meta.get(ObjectMetadata.CONTENT_LENGTH))) {
                throw new BadReplicaException("Content-Length " + meta.get(ObjectMetadata.CONTENT_LENGTH)
                        + " differs from the body length " + bodyLength);
            }
            if (!etag.equalsIgnoreCase(String.valueOf(meta.etag()))) {
                throw new BadReplicaException("body MD5 " + etag + " differs from the ETag " + meta.etag());
            }
        }
        Natives.fdatasync(fd);
        int f = fd;
        fd = -1;
        Natives.close(f);
    }

    /**
     * Links the verified file into {@code hashDir} under {@code name} and makes the entry durable.
     * Returns false (and drops the file) when a file of that name already exists.
     */
    boolean publish(Path hashDir, String name) throws IOException {
        try {
            for (int attempt = 0; ; attempt++) {
                List<Path> created = new ArrayList<>();
                for (Path p = hashDir; p != null && !Files.isDirectory(p); p = p.getParent()) {
                    created.add(p);
                }
                Files.createDirectories(hashDir);
                try {
                    Files.createLink(hashDir.resolve(name), tmp);
                } catch (FileAlreadyExistsException e) {
                    return false;
                } catch (NoSuchFileException e) {
                    if (attempt < 2) {
                        continue; // a cleanup removed the empty directory meanwhile
                    }
                    throw e;
                }
                Natives.fsyncDirectory(hashDir);
                for (Path dir : created) {
                    Natives.fsyncDirectory(dir.getParent());
                }
                SuffixHashes.invalidate(hashDir);
                return true;
            }
        } finally {
            abort();
        }
    }

    /** Drops the temporary file (after a publish only its name goes; the data stays linked). */
    void abort() {
        if (done) {
            return;
        }
        done = true;
        if (fd >= 0) {
            try {
                Natives.close(fd);
            } catch (IOException ignored) {
                // removed next
            }
            fd = -1;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + tmp, e);
        }
    }

    @Override
    public void close() {
        abort();
    }

    /** The pushed bytes are not a sound copy of a version file. */
    static final class BadReplicaException extends IOException {
        BadReplicaException(String message) {
            super(message);
        }
    }
}
