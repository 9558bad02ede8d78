package io.zerostore.node.index;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The replication side of a device's container (rows: {@link ObjectRow}) or account (rows:
 * {@link ContainerRow}) DBs: what Swift's {@code db_replicator} asks of a DB broker. Records are
 * named by their path hash in hex, as in Swift's {@code REPLICATE /device/partition/hash}.
 *
 * <p>Contract (see {@code ReplicaDbContract}):
 * <ul>
 * <li>Every row change gets the record's next row id; {@link #rowsSince} returns the current
 * rows whose row id is above a point, in row id order, each once.</li>
 * <li>{@link #mergeRows} merges with exactly the rule of the object server's and container
 * server's updates (newest wins) and, in the same commit, raises the sender's sync point; a
 * merge that changes nothing gives out no row id, so rows echoed back stop there.</li>
 * <li>{@link #mergeRecord} merges timestamps (created: oldest; put, delete, status change:
 * newest), metadata per key (newest) and creates the record when missing.</li>
 * <li>Asynchronous as {@link ContainerIndex}, with the same failures.</li>
 * </ul>
 *
 * @param <R> the row type
 */
public interface ReplicaDb<R> {
    /** Records on this device in hash order, after {@code afterHash} (null: from the start), at most {@code max}. */
    CompletableFuture<List<RecordRef>> records(String afterHash, int max);

    /** The record's replication state (identity, highest row id, record, sync points); empty when missing. */
    CompletableFuture<Optional<ReplicaInfo>> info(String hash);

    /**
     * Merges a peer's record (creating it when missing) and answers the sync: this replica's
     * identity and highest row id, and the highest row id of {@code sender} merged here.
     *
     * @throws IllegalArgumentException (in the future) when {@code hash} is not the record's path hash
     */
    CompletableFuture<SyncAnswer> mergeRecord(String hash, ReplicaRecord peer, ReplicaId sender);

    /** The rows changed since {@code rowId} (exclusive), at most {@code max}, in row id order. */
    CompletableFuture<List<LoggedRow<R>>> rowsSince(String hash, long rowId, int max);

    /**
     * Merges rows from replica {@code sender} and raises its sync point to their highest row id.
     *
     * @return false when the record is missing here (nothing merged: sync the record first)
     */
    CompletableFuture<Boolean> mergeRows(String hash, ReplicaId sender, List<LoggedRow<R>> rows);

    /** Raises sync points (Swift's {@code merge_syncs}); the entry for this replica itself is ignored. */
    CompletableFuture<Void> mergeSyncs(String hash, Map<ReplicaId, Long> points);

    /**
     * Swift's reclaim: removes the deleted rows (tombstones) older than {@code before}; by then every
     * replica has had reclaim_age to learn them.
     *
     * @return how many rows went
     */
    CompletableFuture<Integer> reclaim(String hash, io.zerostore.common.swift.Timestamp before);

    /**
     * Removes the record and all its rows (a handoff that has moved home, or a deleted record past
     * reclaim_age), unless it changed since
     * {@code pushed} was read: then nothing is removed and the answer is false.
     */
    CompletableFuture<Boolean> remove(String hash, ReplicaInfo pushed);
}
