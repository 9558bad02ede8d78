package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import java.util.List;

/**
 * A container or account record as replicas exchange it (Swift's sync arguments plus metadata).
 *
 * @param container     null for an account
 * @param statusDeleted accounts only: deleted by an account DELETE
 * @param targets       containers only: the account replicas it reports to
 */
public record ReplicaRecord(String account, String container, Timestamp createdAt, Timestamp putTimestamp,
                            Timestamp deleteTimestamp, Timestamp statusChangedAt, boolean statusDeleted,
                            Metadata metadata, List<AccountTarget> targets) {
    public ReplicaRecord {
        targets = List.copyOf(targets);
    }
}
