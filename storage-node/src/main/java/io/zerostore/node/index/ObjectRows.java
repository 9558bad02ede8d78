package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.ContainerRecord.Stats;

/**
 * Merging one object row into a container, Swift's {@code merge_items} for the object table: the
 * newer timestamp wins, an equal or older row changes nothing. The object server's updates and the
 * DB replicator both merge through here, so replicas apply the same rule. Keeps the stats and the
 * row log in step and marks the account report pending when the counts change.
 */
final class ObjectRows {
    private static final byte[] MARK = new byte[0];

    private ObjectRows() {}

    /** Merges {@code row} into the existing container {@code rec} (hash {@code h}). */
    static RowUpdate merge(IndexDevice.WriteView v, byte[] h, ContainerRecord rec, ObjectRow row) {
        byte[] liveKey = Keys.row(Keys.OBJECT, h, row.name());
        byte[] deadKey = Keys.row(Keys.OBJECT_DELETED, h, row.name());
        byte[] liveValue = v.get(liveKey);
        ObjectRow live = liveValue == null ? null : RowCodec.liveObject(row.name(), liveValue);
        Timestamp stored = live != null ? live.timestamp() : null;
        long oldRowId = 0;
        if (live != null) {
            oldRowId = RowCodec.liveObjectRowId(liveValue);
        } else {
            byte[] deadValue = v.get(deadKey);
            if (deadValue != null) {
                stored = RowCodec.deletedObject(deadValue);
                oldRowId = RowCodec.deletedObjectRowId(deadValue);
            }
        }
        if (stored != null && !row.timestamp().isAfter(stored)) {
            return new RowUpdate(Outcome.ACCEPTED, false);
        }
        long rowId = RowLog.changed(v, h, row.name(), oldRowId);
        long countDelta = 0;
        long bytesDelta = 0;
        if (live != null) {
            countDelta--;
            bytesDelta -= live.size();
        }
        if (row.deleted()) {
            v.put(deadKey, RowCodec.deletedObject(row.timestamp(), rowId));
            v.delete(liveKey);
        } else {
            v.put(liveKey, RowCodec.liveObject(row, rowId));
            v.delete(deadKey);
            countDelta++;
            bytesDelta += row.size();
        }
        boolean pending = false;
        if (countDelta != 0 || bytesDelta != 0) {
            byte[] statsKey = Keys.of(Keys.CONTAINER_STATS, h);
            Stats stats = RowCodec.containerStats(v.get(statsKey)).plus(countDelta, bytesDelta);
            v.put(statsKey, RowCodec.containerStats(stats));
            if (!rec.targets().isEmpty()) {
                v.put(Keys.of(Keys.REPORT_PENDING, h), MARK);
                pending = true;
            }
        }
        return new RowUpdate(Outcome.ACCEPTED, pending);
    }
}
