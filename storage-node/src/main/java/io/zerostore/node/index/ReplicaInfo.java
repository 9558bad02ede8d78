package io.zerostore.node.index;

import java.util.Map;

/**
 * The replication state of one container or account replica, read from one snapshot.
 *
 * @param maxRowId   the highest row id given out (0: no row ever changed)
 * @param deleted    the container or account is deleted (as its servers answer 404 for it)
 * @param syncPoints for each replica whose rows were merged here, the highest of its row ids merged
 */
public record ReplicaInfo(String hash, ReplicaId id, long maxRowId, ReplicaRecord record, boolean deleted,
                          Map<ReplicaId, Long> syncPoints) {
    public ReplicaInfo {
        syncPoints = Map.copyOf(syncPoints);
    }
}
