package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.AccountRecord.Stats;

/**
 * Merging one container row into an account, Swift's {@code merge_items} for the container table:
 * put and delete timestamps keep the newest. Counts have no timestamp of their own: a container
 * server's report is the latest word on them, so it always sets them; a row from another account
 * replica sets them only when it is newer (its newest timestamp beats ours), so an old copy never
 * overwrites fresher counts and two replicas never trade their counts back and forth. A merge that
 * changes nothing writes nothing. Keeps the account stats and the row log in step.
 */
final class ContainerRows {
    private ContainerRows() {}

    /**
     * @param report true for a container server's report, false for a row from a replica
     * @return true when the row changed
     */
    static boolean merge(IndexDevice.WriteView v, byte[] h, ContainerRow row, boolean report) {
        byte[] liveKey = Keys.row(Keys.CONTAINER_ROW, h, row.name());
        byte[] deadKey = Keys.row(Keys.CONTAINER_ROW_DELETED, h, row.name());
        byte[] oldValue = v.get(liveKey);
        if (oldValue == null) {
            oldValue = v.get(deadKey);
        }
        ContainerRow old = RowCodec.containerRow(row.name(), oldValue);
        ContainerRow merged = row;
        byte[] statsKey = Keys.of(Keys.ACCOUNT_STATS, h);
        Stats stats = RowCodec.accountStats(v.get(statsKey));
        long oldRowId = 0;
        if (old != null) {
            boolean countsFromRow = report || newest(row).isAfter(newest(old));
            merged = new ContainerRow(row.name(),
                    newer(old.putTimestamp(), row.putTimestamp()),
                    newer(old.deleteTimestamp(), row.deleteTimestamp()),
                    countsFromRow ? row.objectCount() : old.objectCount(),
                    countsFromRow ? row.bytesUsed() : old.bytesUsed());
            if (merged.equals(old)) {
                return false;
            }
            stats = stats.plus(old.isDeleted() ? 0 : -1, -old.objectCount(), -old.bytesUsed());
            oldRowId = RowCodec.containerRowId(oldValue);
        }
        long rowId = RowLog.changed(v, h, row.name(), oldRowId);
        stats = stats.plus(merged.isDeleted() ? 0 : 1, merged.objectCount(), merged.bytesUsed());
        if (merged.isDeleted()) {
            v.put(deadKey, RowCodec.containerRow(merged, rowId));
            v.delete(liveKey);
        } else {
            v.put(liveKey, RowCodec.containerRow(merged, rowId));
            v.delete(deadKey);
        }
        v.put(statsKey, RowCodec.accountStats(stats));
        return true;
    }

    private static Timestamp newest(ContainerRow r) {
        return newer(r.putTimestamp(), r.deleteTimestamp());
    }

    private static Timestamp newer(Timestamp a, Timestamp b) {
        return b.isAfter(a) ? b : a;
    }
}
