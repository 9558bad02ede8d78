package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;

/**
 * An account's state on one replica: Swift's {@code account_stat}. {@code statusDeleted} is set by
 * an account DELETE (the reaper's signal); such an account answers 404 with
 * {@code X-Account-Status: Deleted} and refuses to be re-created.
 */
public record AccountInfo(String account, Timestamp createdAt, Timestamp putTimestamp, Timestamp deleteTimestamp,
                          Timestamp statusChangedAt, boolean statusDeleted, long containerCount, long objectCount,
                          long bytesUsed, Metadata metadata) {
    public boolean isDeleted() {
        return statusDeleted || (containerCount == 0 && deleteTimestamp.isAfter(putTimestamp));
    }
}
