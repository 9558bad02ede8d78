package io.zerostore.node.audit;

import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.HashDir;
import io.zerostore.node.diskfile.MetadataTrailer;
import io.zerostore.node.diskfile.MetadataTrailer.CorruptFileException;
import io.zerostore.node.diskfile.Natives;
import io.zerostore.node.diskfile.ObjectMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Re-reads one version file and checks it as written: the metadata trailer's checksum, the
 * trailer's timestamp against the file name, and for a {@code .data} file the body length against
 * Content-Length and the body's MD5 against the stored ETag. Reads bypass nothing but leave the
 * page cache as they found it for big files, so a pass does not evict the hot objects.
 */
public final class ObjectVerifier {
    private static final int READ_SIZE = 1 << 20;
    private static final long KEEP_CACHE = 5L << 20;

    /** Throttles the reads of a verification. */
    public interface Pacer {
        void bytes(long n) throws InterruptedException;
    }

    public static final Pacer UNPACED = n -> { };

    private ObjectVerifier() {}

    /**
     * Verifies the file and returns how many bytes were read.
     *
     * @throws CorruptFileException         the file is not what it claims to be
     * @throws java.nio.file.NoSuchFileException the file went away (a newer version replaced it)
     */
    public static long verify(Path file, Pacer pacer) throws IOException, InterruptedException {
        HashDir.Entry name = HashDir.parse(file);
        if (name == null) {
            throw new CorruptFileException("not a version file name: " + file.getFileName());
        }
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            MetadataTrailer.Read r = MetadataTrailer.read(ch);
            ObjectMetadata meta = r.metadata();
            Timestamp ts = Timestamp.parseOrNull(meta.get(ObjectMetadata.TIMESTAMP));
            if (!name.timestamp().equals(ts)) {
                throw new CorruptFileException("trailer timestamp " + meta.get(ObjectMetadata.TIMESTAMP)
                        + " differs from the file name");
            }
            if (!name.ext().equals(HashDir.DATA)) {
                pacer.bytes(size - r.bodyLength());
                return size - r.bodyLength();
            }
            if (!String.valueOf(r.bodyLength()).equals(meta.get(ObjectMetadata.CONTENT_LENGTH))) {
                throw new CorruptFileException("body length " + r.bodyLength() + " differs from Content-Length "
                        + meta.get(ObjectMetadata.CONTENT_LENGTH));
            }
            String md5 = md5(ch, r.bodyLength(), pacer);
            if (!md5.equalsIgnoreCase(String.valueOf(meta.etag()))) {
                throw new CorruptFileException("body MD5 " + md5 + " differs from the ETag " + meta.etag());
            }
            if (size > KEEP_CACHE) {
                Natives.fadvise(file, 0, 0, Natives.POSIX_FADV_DONTNEED);
            }
            return size;
        }
    }

    private static String md5(FileChannel ch, long length, Pacer pacer) throws IOException, InterruptedException {
        MessageDigest md5 = HashPath.md5();
        ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.min(READ_SIZE, Math.max(length, 1)));
        long pos = 0;
        while (pos < length) {
            buf.clear().limit((int) Math.min(buf.capacity(), length - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new CorruptFileException("file shorter than its body");
            }
            pacer.bytes(n);
            buf.flip();
            md5.update(buf);
            pos += n;
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
