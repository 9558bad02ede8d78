package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.AccountRecord.Stats;

/**
 * Merging one container row into an account, Swift's {@code merge_items} for the container table:
 * put and delete timestamps keep the newest. Counts carry the time an account replica received
 * them from a container server ({@link ContainerRow#countedAt}): a report is always the latest
 * word and is stamped now; a row from another account replica brings its counts only when they
 * were reported later than ours, so replicas agree on the last report and never trade counts back
 * and forth. A merge that changes nothing writes nothing. Keeps the account stats and the row log
 * in step.
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
        if (report) {
            row = new ContainerRow(row.name(), row.putTimestamp(), row.deleteTimestamp(), row.objectCount(),
                    row.bytesUsed(), stamp(old));
        }
        ContainerRow merged = row;
        byte[] statsKey = Keys.of(Keys.ACCOUNT_STATS, h);
        Stats stats = RowCodec.accountStats(v.get(statsKey));
        long oldRowId = 0;
        if (old != null) {
            ContainerRow counts = row.countedAt().isAfter(old.countedAt()) ? row : old;
            merged = new ContainerRow(row.name(),
                    newer(old.putTimestamp(), row.putTimestamp()),
                    newer(old.deleteTimestamp(), row.deleteTimestamp()),
                    counts.objectCount(), counts.bytesUsed(), counts.countedAt());
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

    /** Now, or just after the stored stamp if this clock is behind it (a report always wins here). */
    private static Timestamp stamp(ContainerRow old) {
        Timestamp now = Timestamp.now();
        if (old != null && !now.isAfter(old.countedAt())) {
            return old.countedAt().withOffset(old.countedAt().offset() + 1);
        }
        return now;
    }

    private static Timestamp newer(Timestamp a, Timestamp b) {
        return b.isAfter(a) ? b : a;
    }
}
