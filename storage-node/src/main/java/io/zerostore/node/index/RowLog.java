package io.zerostore.node.index;

import java.nio.charset.StandardCharsets;

/**
 * Row ids and the row log of a container or account (keys {@code I} and {@code L}, see
 * {@link Keys}). Every change of a row goes through {@link #changed}, in the same write as the
 * row, so the log always names each current row exactly once.
 */
final class RowLog {
    private RowLog() {}

    /** The next row id of the record; makes the record's replica identity when it has none. */
    static long next(IndexDevice.WriteView v, byte[] h) {
        byte[] key = Keys.of(Keys.REPLICA, h);
        byte[] cur = v.get(key);
        ReplicaId id = cur == null ? ReplicaId.random() : RowCodec.replicaId(cur);
        long next = (cur == null ? 0 : RowCodec.replicaMaxRowId(cur)) + 1;
        v.put(key, RowCodec.replica(id, next));
        return next;
    }

    /**
     * The row {@code name} changed: its old log entry (if it had a row id) goes, a new one comes.
     *
     * @return the row's new row id, to store at the end of its value
     */
    static long changed(IndexDevice.WriteView v, byte[] h, String name, long oldRowId) {
        if (oldRowId > 0) {
            v.delete(Keys.logEntry(h, oldRowId));
        }
        long id = next(v, h);
        v.put(Keys.logEntry(h, id), name.getBytes(StandardCharsets.UTF_8));
        return id;
    }
}
