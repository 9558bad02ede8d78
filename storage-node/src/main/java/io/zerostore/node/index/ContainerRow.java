package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;

/**
 * A container's row in its account, as a container server reports it. Rows merge by keeping the
 * newest put and delete timestamps; counts are the latest report's (Swift's {@code merge_items}).
 *
 * @param countedAt when the counts were reported to an account replica (its clock; ZERO when
 *                  unknown): replicas trading rows keep the counts of the latest report
 */
public record ContainerRow(String name, Timestamp putTimestamp, Timestamp deleteTimestamp, long objectCount,
                           long bytesUsed, Timestamp countedAt) {
    public ContainerRow {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("container row needs a name");
        }
        countedAt = countedAt == null ? Timestamp.ZERO : countedAt;
    }

    /** A row as a report carries it: the account stamps the counts when it merges them. */
    public ContainerRow(String name, Timestamp putTimestamp, Timestamp deleteTimestamp, long objectCount,
                        long bytesUsed) {
        this(name, putTimestamp, deleteTimestamp, objectCount, bytesUsed, Timestamp.ZERO);
    }

    public boolean isDeleted() {
        return objectCount == 0 && deleteTimestamp.isAfter(putTimestamp);
    }
}
