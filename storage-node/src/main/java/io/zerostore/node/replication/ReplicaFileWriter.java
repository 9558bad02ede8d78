package io.zerostore.node.replication;

import io.netty.buffer.ByteBuf;
import io.zerostore.common.swift.HashPath;
import io.zerostore.node.diskfile.DiskFileConfig;
import io.zerostore.node.diskfile.HashDir;
import io.zerostore.node.diskfile.MetadataTrailer;
import io.zerostore.node.diskfile.ObjectMetadata;
import io.zerostore.node.diskfile.Renamer;
import io.zerostore.node.diskfile.TmpFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Receives one pushed version file byte for byte (body and metadata trailer as the sender stored
 * them) with the object server's durability steps: staged in {@code <device>/tmp}, space reserved,
 * verified (trailer checksum, the name's timestamp, and for a {@code .data} its length and MD5
 * against the stored ETag), fdatasync, then linked into the hash directory, which is fsynced. A
 * link never replaces an existing file, and the caller checks just before that the file is still
 * wanted, so nothing newer is ever overwritten. Single-threaded use, one chunk at a time.
 */
final class ReplicaFileWriter implements AutoCloseable {
    private final TmpFile tmp;
    private final long bodyLength;
    private final MessageDigest md5;
    private long written;
    private boolean done;

    private ReplicaFileWriter(TmpFile tmp, long bodyLength, boolean isData) {
        this.tmp = tmp;
        this.bodyLength = bodyLength;
        this.md5 = isData ? HashPath.md5() : null;
    }

    /**
     * Opens the temporary file for {@code size} bytes of which the first {@code bodyLength} are the
     * body; refuses with {@link io.zerostore.node.diskfile.DiskFullException} when the device would
     * drop below its reserve.
     */
    static ReplicaFileWriter open(DiskFileConfig config, Path device, long size, long bodyLength, boolean isData)
            throws IOException {
        return new ReplicaFileWriter(TmpFile.create(config, device, "repl", size, false), bodyLength, isData);
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
        tmp.write(chunk);
        written += n;
    }

    long written() {
        return written;
    }

    /**
     * Checks what arrived against its own trailer and the name it is to get, then makes it durable.
     * A copy that is not sound (the sender's may be corrupt) is an answer replication expects, so it
     * comes back as the reason rather than as an exception.
     *
     * @return null when the copy is sound and synced, else why it is not (nothing was synced)
     */
    String verifyAndSync(HashDir.Entry name) throws IOException {
        MetadataTrailer.Read r;
        try (FileChannel ch = FileChannel.open(tmp.path())) {
            r = MetadataTrailer.read(ch);
        } catch (MetadataTrailer.CorruptFileException e) {
            return e.getMessage();
        }
        ObjectMetadata meta = r.metadata();
        String ts = meta.get(ObjectMetadata.TIMESTAMP);
        if (ts == null || !ts.equals(name.timestamp().internal())) {
            return "metadata timestamp " + ts + " differs from the name " + name.timestamp();
        }
        if (r.bodyLength() != bodyLength) {
            return "body length " + r.bodyLength() + " differs from the announced " + bodyLength;
        }
        if (md5 != null) {
            String etag = HexFormat.of().formatHex(md5.digest());
            if (!String.valueOf(bodyLength).equals(meta.get(ObjectMetadata.CONTENT_LENGTH))) {
                return "Content-Length " + meta.get(ObjectMetadata.CONTENT_LENGTH)
                        + " differs from the body length " + bodyLength;
            }
            if (!etag.equalsIgnoreCase(String.valueOf(meta.etag()))) {
                return "body MD5 " + etag + " differs from the ETag " + meta.etag();
            }
        }
        tmp.sync();
        tmp.close();
        return null;
    }

    /**
     * Links the verified file into {@code hashDir} under {@code name} and makes the entry durable.
     * Returns false (and drops the file) when a file of that name already exists.
     */
    boolean publish(Path hashDir, String name) throws IOException {
        try {
            return Renamer.link(tmp.path(), hashDir, name);
        } finally {
            abort();
        }
    }

    /** Drops the temporary file (after a publish only its name goes; the data stays linked). */
    void abort() {
        if (!done) {
            done = true;
            tmp.delete();
        }
    }

    @Override
    public void close() {
        abort();
    }
}
