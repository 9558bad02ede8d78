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

    /** Object count and bytes used of a container (key {@code S}). */
    record Stats(long objectCount, long bytesUsed) {
        static final Stats ZERO = new Stats(0, 0);

        Stats plus(long count, long bytes) {
            return new Stats(objectCount + count, bytesUsed + bytes);
        }
    }
}
