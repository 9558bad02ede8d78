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
 * I hash               replica identity of a container or account: random id, highest row id given out
 * L hash rowid         row log: name of the row (object or container row) that has this row id
 * P hash peer-id       incoming sync point: highest row id of replica peer-id merged here
 * </pre>
 *
 * <p>Row ids (Swift's ROWID) are per record and only grow: a row gets the next one each time it
 * changes, and its value ends with it so the change can drop its old {@code L} entry. A scan of
 * {@code L hash} from {@code N+1} is "the rows changed since N" that the DB replicator pushes.
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
    static final byte REPLICA = 'I';
    static final byte ROW_LOG = 'L';
    static final byte SYNC_POINT = 'P';

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

    static byte[] logEntry(byte[] hash, long rowId) {
        byte[] k = Arrays.copyOf(of(ROW_LOG, hash), PREFIX_LENGTH + Long.BYTES);
        for (int i = 0; i < Long.BYTES; i++) {
            k[PREFIX_LENGTH + i] = (byte) (rowId >>> (56 - 8 * i));
        }
        return k;
    }

    /** The row id of a row log key. */
    static long logRowId(byte[] key) {
        long id = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            id = (id << 8) | (key[PREFIX_LENGTH + i] & 0xFF);
        }
        return id;
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
