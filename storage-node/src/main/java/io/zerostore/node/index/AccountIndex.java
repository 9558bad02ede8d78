package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The accounts of one device and their container rows: what Swift keeps in one SQLite DB per
 * account. Asynchronous like {@link ContainerIndex}, with the same failures and the same rule
 * that newer timestamps win. Container rows are reports from container servers: put and delete
 * timestamps merge by keeping the newest, counts take the latest report.
 */
public interface AccountIndex {
    /**
     * Creates the account or updates its put timestamp and metadata.
     *
     * @return CREATED, ACCEPTED, CONFLICT (a newer delete keeps it deleted) or RECENTLY_DELETED
     *     (deleted by DELETE and not yet reaped)
     */
    CompletableFuture<Outcome> put(String account, Timestamp timestamp, Metadata metadata);

    /** Merges metadata: ACCEPTED, NOT_FOUND when missing or deleted, RECENTLY_DELETED after a DELETE. */
    CompletableFuture<Outcome> post(String account, Timestamp timestamp, Metadata metadata);

    /**
     * Marks the account deleted (status DELETED, metadata cleared; its rows stay for the reaper):
     * DELETED, NOT_FOUND when missing, RECENTLY_DELETED when already deleted.
     */
    CompletableFuture<Outcome> delete(String account, Timestamp timestamp);

    /**
     * Merges a container row reported by a container server.
     *
     * @return ACCEPTED, or NOT_FOUND when the account is missing or deleted
     */
    CompletableFuture<Outcome> updateContainer(String account, ContainerRow row);

    /** The account's state, also when deleted; empty when never created. */
    CompletableFuture<Optional<AccountInfo>> info(String account);

    /** The live container rows matching the query, with the account's state from the same snapshot. */
    CompletableFuture<Listing<AccountInfo>> list(String account, ListingQuery query);
}
