package io.zerostore.node.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key layout of a device's index DB. Every key is one type byte, the 16-byte hash of the
 * account or container ({@code HashPath}, so all keys of one ring partition are contiguous), and
 * for rows the name's UTF-8 bytes. RocksDB's bytewise comparator orders names as unsigned bytes,
 * which is Swift's listing order, so a listing is one range scan. Valid UTF-8 never contains the
 * byte 0xFF, so {@code name + 0xFF} sorts after every name that starts with {@code name}: the
 * delimiter scan seeks there to skip a whole subdir.
 *
 * <pre>
 * C hash(a,c)          container record: names, timestamps, metadata, account targets
 * S hash(a,c)          container stats: object count, bytes used (kept incrementally)
 * O hash(a,c) name     live object row: timestamp, size, content type, etag
 * D hash(a,c) name     object tombstone row: timestamp
 * U hash(a,c)          the account has not yet been told the container's current state
 * A hash(a)            account record: name, timestamps, status, metadata
 * T hash(a)            account stats: container count, object count, bytes used
 * K hash(a) name       live container row of an account
 * k hash(a) name       deleted container row of an account
 * </pre>
 */
final class Keys {
    static final byte CONTAINER = 'C';
    static final byte CONTAINER_STATS = 'S';
    static final byte OBJECT = 'O';
    static final byte OBJECT_DELETED = 'D';
    static final byte REPORT_PENDING = 'U';
    static final byte ACCOUNT = 'A';
    static final byte ACCOUNT_STATS = 'T';
    static final byte CONTAINER_ROW = 'K';
    static final byte CONTAINER_ROW_DELETED = 'k';

    static final int HASH_LENGTH = 16;
    static final int PREFIX_LENGTH = 1 + HASH_LENGTH;

    private Keys() {}

    static byte[] of(byte type, byte[] hash) {
        byte[] k = new byte[PREFIX_LENGTH];
        k[0] = type;
        System.arraycopy(hash, 0, k, 1, HASH_LENGTH);
        return k;
    }

    static byte[] row(byte type, byte[] hash, String name) {
        return withName(of(type, hash), name.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] withName(byte[] prefix, byte[] name) {
        byte[] k = Arrays.copyOf(prefix, prefix.length + name.length);
        System.arraycopy(name, 0, k, prefix.length, name.length);
        return k;
    }

    /** The hash part of a key. */
    static byte[] hash(byte[] key) {
        return Arrays.copyOfRange(key, 1, PREFIX_LENGTH);
    }

    static byte[] nameBytes(byte[] key) {
        return Arrays.copyOfRange(key, PREFIX_LENGTH, key.length);
    }

    static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }
}
