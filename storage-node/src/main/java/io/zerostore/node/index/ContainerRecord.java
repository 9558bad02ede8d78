package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import java.util.List;

/** The stored container record (key {@code C}); its stats live apart (key {@code S}) as they change per row. */
record ContainerRecord(String account, String container, Timestamp createdAt, Timestamp putTimestamp,
                       Timestamp deleteTimestamp, Timestamp statusChangedAt, Metadata metadata,
                       List<AccountTarget> targets) {
    ContainerRecord {
        targets = List.copyOf(targets);
    }

    static ContainerRecord created(String account, String container, Timestamp ts) {
        return new ContainerRecord(account, container, ts, ts, Timestamp.ZERO, ts, Metadata.empty(), List.of());
    }

    boolean isDeleted(Stats stats) {
        return stats.objectCount() == 0 && deleteTimestamp.isAfter(putTimestamp);
    }

    ContainerInfo info(Stats stats) {
        return new ContainerInfo(account, container, createdAt, putTimestamp, deleteTimestamp, statusChangedAt,
                stats.objectCount(), stats.bytesUsed(), metadata);
    }

    AccountReport report(Stats stats) {
        return new AccountReport(account, container, putTimestamp, deleteTimestamp, stats.objectCount(),
                stats.bytesUsed(), targets);
    }

    ContainerRecord withPut(Timestamp ts) {
        return new ContainerRecord(account, container, createdAt, ts, deleteTimestamp, statusChangedAt, metadata, targets);
    }

    ContainerRecord withDelete(Timestamp ts) {
        return new ContainerRecord(account, container, createdAt, putTimestamp, ts, statusChangedAt, metadata, targets);
    }

    ContainerRecord withStatusChangedAt(Timestamp ts) {
        return new ContainerRecord(account, container, createdAt, putTimestamp, deleteTimestamp, ts, metadata, targets);
    }

    ContainerRecord withMetadata(Metadata md) {
        return new ContainerRecord(account, container, createdAt, putTimestamp, deleteTimestamp, statusChangedAt, md,
                targets);
    }

    ContainerRecord withTargets(List<AccountTarget> t) {
        return new ContainerRecord(account, container, createdAt, putTimestamp, deleteTimestamp, statusChangedAt,
                metadata, t);
    }

    ReplicaRecord replica() {
        return new ReplicaRecord(account, container, createdAt, putTimestamp, deleteTimestamp, statusChangedAt, false,
                metadata, targets);
    }

    static ContainerRecord of(ReplicaRecord r) {
        return new ContainerRecord(r.account(), r.container(), r.createdAt(), r.putTimestamp(), r.deleteTimestamp(),
                r.statusChangedAt(), r.metadata(), r.targets());
    }

    /**
     * Swift's {@code merge_timestamps} and {@code update_metadata} with another replica's record:
     * the oldest creation, the newest put, delete and status change, metadata per key. Targets
     * are where this replica reports; one that has none adopts the other's.
     */
    ContainerRecord mergedWith(ReplicaRecord o) {
        return new ContainerRecord(account, container, older(createdAt, o.createdAt()),
                newer(putTimestamp, o.putTimestamp()), newer(deleteTimestamp, o.deleteTimestamp()),
                newer(statusChangedAt, o.statusChangedAt()), metadata.merge(o.metadata()),
                targets.isEmpty() ? o.targets() : targets);
    }

    static Timestamp newer(Timestamp a, Timestamp b) {
        return b.isAfter(a) ? b : a;
    }

    static Timestamp older(Timestamp a, Timestamp b) {
        return a.isAfter(b) ? b : a;
    }

    /** Object count and bytes used of a container (key {@code S}). */
    record Stats(long objectCount, long bytesUsed) {
        static final Stats ZERO = new Stats(0, 0);

        Stats plus(long count, long bytes) {
            return new Stats(objectCount + count, bytesUsed + bytes);
        }
    }
}
