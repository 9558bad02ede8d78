package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;

/**
 * A container's row in its account, as a container server reports it. Rows merge by keeping the
 * newest put and delete timestamps; counts are the latest report's (Swift's {@code merge_items}).
 */
public record ContainerRow(String name, Timestamp putTimestamp, Timestamp deleteTimestamp, long objectCount,
                           long bytesUsed) {
    public ContainerRow {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("container row needs a name");
        }
    }

    public boolean isDeleted() {
        return objectCount == 0 && deleteTimestamp.isAfter(putTimestamp);
    }
}
