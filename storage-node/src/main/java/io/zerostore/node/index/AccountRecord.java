package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;

/** The stored account record (key {@code A}); its stats live apart (key {@code T}). */
record AccountRecord(String account, Timestamp createdAt, Timestamp putTimestamp, Timestamp deleteTimestamp,
                     Timestamp statusChangedAt, boolean statusDeleted, Metadata metadata) {
    static AccountRecord created(String account, Timestamp ts) {
        return new AccountRecord(account, ts, ts, Timestamp.ZERO, ts, false, Metadata.empty());
    }

    boolean isDeleted(Stats stats) {
        return statusDeleted || (stats.containerCount() == 0 && deleteTimestamp.isAfter(putTimestamp));
    }

    AccountInfo info(Stats s) {
        return new AccountInfo(account, createdAt, putTimestamp, deleteTimestamp, statusChangedAt, statusDeleted,
                s.containerCount(), s.objectCount(), s.bytesUsed(), metadata);
    }

    AccountRecord withPut(Timestamp ts) {
        return new AccountRecord(account, createdAt, ts, deleteTimestamp, statusChangedAt, statusDeleted, metadata);
    }

    AccountRecord withMetadata(Metadata md) {
        return new AccountRecord(account, createdAt, putTimestamp, deleteTimestamp, statusChangedAt, statusDeleted, md);
    }

    AccountRecord deletedAt(Timestamp ts) {
        Timestamp del = ts.isAfter(deleteTimestamp) ? ts : deleteTimestamp;
        return new AccountRecord(account, createdAt, putTimestamp, del, ts, true, metadata.clearedAt(ts));
    }

    /** Container count, object count and bytes used of an account (key {@code T}). */
    record Stats(long containerCount, long objectCount, long bytesUsed) {
        static final Stats ZERO = new Stats(0, 0, 0);

        Stats plus(long containers, long objects, long bytes) {
            return new Stats(containerCount + containers, objectCount + objects, bytesUsed + bytes);
        }
    }
}
