package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;

/**
 * A container's state on one replica: Swift's {@code container_stat}. The container is deleted
 * when it has no objects and its delete timestamp is newer than its put timestamp; a deleted
 * container keeps its record (a tombstone) so replicas and late updates agree.
 */
public record ContainerInfo(String account, String container, Timestamp createdAt, Timestamp putTimestamp,
                            Timestamp deleteTimestamp, Timestamp statusChangedAt, long objectCount,
                            long bytesUsed, Metadata metadata) {
    public boolean isDeleted() {
        return objectCount == 0 && deleteTimestamp.isAfter(putTimestamp);
    }
}
