package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The containers of one device and their object rows: what Swift keeps in one SQLite DB per
 * container. All methods are asynchronous: the returned future completes off the caller's thread
 * once the work is done and, for writes, durable. Failures arrive as {@link IndexBusyException}
 * (queue full, 503), {@link IndexException} (the device's DB failed, 507) or
 * {@link MetadataLimitException} (400; nothing was stored).
 *
 * <p>Contract, shared by every implementation (see {@code ContainerIndexContract}):
 * <ul>
 * <li>Every record, row and metadata key carries the timestamp of the request that wrote it; a
 * write older than what is stored changes nothing, so replicas converge whatever the order.</li>
 * <li>A container exists from its first PUT; it is deleted when its delete timestamp is newer than
 * its put timestamp and it has no objects. A deleted container is kept as a tombstone.</li>
 * <li>Object count and bytes used always equal the sums over the live object rows.</li>
 * <li>Listings return names in UTF-8 byte order with Swift's parameter semantics.</li>
 * </ul>
 */
public interface ContainerIndex {
    /**
     * Creates the container, or updates an existing one's put timestamp and metadata.
     *
     * @param accountTargets the account replicas this container reports to (may be empty: keep the old ones)
     * @return CREATED (new, or re-created after a delete), ACCEPTED (existed), or CONFLICT (a newer
     *     delete keeps it deleted); the report is present when account targets are known
     */
    CompletableFuture<ContainerUpdate> put(String account, String container, Timestamp timestamp, Metadata metadata,
                                           List<AccountTarget> accountTargets);

    /** Merges metadata and moves the put timestamp on. ACCEPTED, or NOT_FOUND when missing or deleted. */
    CompletableFuture<ContainerUpdate> post(String account, String container, Timestamp timestamp, Metadata metadata);

    /**
     * Deletes an empty container: its metadata is cleared and its delete timestamp set.
     *
     * @return DELETED, NOT_FOUND (missing, or already deleted), or CONFLICT (objects remain, or a
     *     newer put keeps it alive)
     */
    CompletableFuture<ContainerUpdate> delete(String account, String container, Timestamp timestamp,
                                              List<AccountTarget> accountTargets);

    /**
     * Merges an object row (a PUT row or a tombstone): the newer timestamp wins.
     *
     * @return ACCEPTED (applied or ignored as older) or NOT_FOUND when the container was never created
     */
    CompletableFuture<RowUpdate> updateObject(String account, String container, ObjectRow row);

    /** The container's state, also when deleted (check {@link ContainerInfo#isDeleted()}); empty when never created. */
    CompletableFuture<Optional<ContainerInfo>> info(String account, String container);

    /** The live object rows matching the query, with the container's state from the same snapshot. */
    CompletableFuture<Listing<ContainerInfo>> list(String account, String container, ListingQuery query);

    /** Containers whose account has not yet acknowledged their current state (at most {@code max}). */
    CompletableFuture<List<AccountReport>> pendingReports(int max);

    /**
     * Records that the account acknowledged {@code sent}. The pending mark goes only if the container
     * still is in that state; otherwise the newer state stays pending.
     */
    CompletableFuture<Boolean> reported(AccountReport sent);
}
