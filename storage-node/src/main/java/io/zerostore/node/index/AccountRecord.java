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

    ReplicaRecord replica() {
        return new ReplicaRecord(account, null, createdAt, putTimestamp, deleteTimestamp, statusChangedAt,
                statusDeleted, metadata, java.util.List.of());
    }

    static AccountRecord of(ReplicaRecord r) {
        return new AccountRecord(r.account(), r.createdAt(), r.putTimestamp(), r.deleteTimestamp(),
                r.statusChangedAt(), r.statusDeleted(), r.metadata());
    }

    /** As {@link ContainerRecord#mergedWith}; a DELETE on either replica leaves the account deleted. */
    AccountRecord mergedWith(ReplicaRecord o) {
        return new AccountRecord(account, ContainerRecord.older(createdAt, o.createdAt()),
                ContainerRecord.newer(putTimestamp, o.putTimestamp()),
                ContainerRecord.newer(deleteTimestamp, o.deleteTimestamp()),
                ContainerRecord.newer(statusChangedAt, o.statusChangedAt()), statusDeleted || o.statusDeleted(),
                metadata.merge(o.metadata()));
    }

    /** Container count, object count and bytes used of an account (key {@code T}). */
    record Stats(long containerCount, long objectCount, long bytesUsed) {
        static final Stats ZERO = new Stats(0, 0, 0);

        Stats plus(long containers, long objects, long bytes) {
            return new Stats(containerCount + containers, objectCount + objects, bytesUsed + bytes);
        }
    }
}
