package io.zerostore.node.diskfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Where an object's metadata lives: a trailer at the end of its {@code .data} (and {@code .meta},
 * {@code .ts}) file, after the body:
 *
 * <pre>[body][metadata JSON, UTF-8][crc32c(JSON) u32][JSON length u32][magic "ZSm1"]</pre>
 *
 * <p>Why a trailer, not Swift's xattr: ext4 without {@code ea_inode} gives a file about 3.5 KB of
 * user xattrs in total, less than Swift's 4096 bytes of user metadata plus the system keys, and
 * other file systems (tmpfs, overlay) differ again. A trailer has no size limit, and it is written
 * by the same {@code write} calls and made durable by the same {@code fdatasync} as the body, so
 * data and metadata still commit together with the rename, as the xattr design intends. Why at
 * the end rather than a header: the ETag and the length of a chunked upload are known only after
 * the last byte, and a trailer keeps the body at offset 0, so GET sends {@code [0, length)} of the
 * file with sendfile and a job executor can map the file as a channel without skipping anything.
 * Reading it costs one positional read of the file's tail. The CRC makes a truncated or foreign
 * file fail loudly (and get quarantined) instead of being misread.
 */
public final class MetadataTrailer {
    static final int FIXED = 12;
    private static final byte[] MAGIC = {'Z', 'S', 'm', '1'};
    private static final int FIRST_READ = 16 * 1024;
    private static final int MAX_JSON = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private MetadataTrailer() {}

    /** What one file holds: its metadata and the length of the body before the trailer. */
    public record Read(ObjectMetadata metadata, long bodyLength) {}

    public static byte[] encode(ObjectMetadata metadata) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(metadata.asMap());
        } catch (IOException e) {
            throw new IllegalStateException("metadata cannot be encoded", e);
        }
        CRC32C crc = new CRC32C();
        crc.update(json);
        ByteBuffer out = ByteBuffer.allocate(json.length + FIXED);
        out.put(json).putInt((int) crc.getValue()).putInt(json.length).put(MAGIC);
        return out.array();
    }

    /** Reads the trailer of an open file. */
    public static Read read(FileChannel file) throws IOException {
        long size = file.size();
        if (size < FIXED) {
            throw new CorruptFileException("file too short for a metadata trailer: " + size);
        }
        int first = (int) Math.min(size, FIRST_READ);
        ByteBuffer tail = readAt(file, size - first, first);
        int end = tail.limit();
        for (int i = 0; i < MAGIC.length; i++) {
            if (tail.get(end - MAGIC.length + i) != MAGIC[i]) {
                throw new CorruptFileException("no metadata trailer");
            }
        }
        int len = tail.getInt(end - 8);
        int crc = tail.getInt(end - 12);
        if (len < 0 || len > MAX_JSON || len + FIXED > size) {
            throw new CorruptFileException("bad metadata length " + len);
        }
        byte[] json = new byte[len];
        if (len + FIXED <= first) {
            tail.get(end - FIXED - len, json);
        } else {
            readAt(file, size - FIXED - len, len).get(json);
        }
        CRC32C check = new CRC32C();
        check.update(json);
        if ((int) check.getValue() != crc) {
            throw new CorruptFileException("metadata checksum mismatch");
        }
        Map<String, String> map = JSON.readValue(json, MAP);
        return new Read(ObjectMetadata.of(map), size - FIXED - len);
    }

    private static ByteBuffer readAt(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (file.read(buf, position + buf.position()) < 0) {
                throw new CorruptFileException("unexpected end of file");
            }
        }
        return buf.flip();
    }

    /** A file whose trailer cannot be read: it is quarantined, never served. */
    public static final class CorruptFileException extends IOException {
        public CorruptFileException(String message) {
            super(message);
        }
    }
}
