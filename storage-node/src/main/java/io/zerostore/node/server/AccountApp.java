package io.zerostore.node.server;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.swift.ListingBody;
import io.zerostore.common.swift.ListingFormat;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.AccountIndex;
import io.zerostore.node.index.AccountInfo;
import io.zerostore.node.index.ContainerRow;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.index.Listing;
import io.zerostore.node.index.ListingQuery;
import io.zerostore.node.index.Metadata;
import io.zerostore.node.index.Outcome;
import io.zerostore.node.replication.db.DbKind;
import io.zerostore.node.replication.db.ReplicateHandler;
import io.zerostore.node.server.db.DbPath;
import io.zerostore.node.server.db.DbRequest;
import io.zerostore.node.server.db.DbResponses;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Swift's account server on our backend protocol (BACKEND.md): accounts and the container rows
 * that container servers report, in the device's index DB. Like {@link ContainerApp}, all DB
 * work runs on the device's executors.
 */
public final class AccountApp extends DbApp<AccountIndex> {
    /** Accounts that a container report creates when missing (Swift's {@code auto_create_account_prefix}). */
    static final String AUTO_CREATE_PREFIX = ".";

    public AccountApp(IndexDevices devices) {
        super(new ReplicateHandler<>(DbKind.ACCOUNT, devices, device -> { }), devices::accounts);
    }

    static boolean isSaved(String lowerName) {
        return lowerName.startsWith("x-account-meta-") || lowerName.startsWith("x-account-sysmeta-");
    }

    @Override
    void put(HttpExchange ex) {
        DbPath p = DbPath.parse(ex.path(), 3, 4, false);
        if (p.container() != null) {
            putContainer(ex, p);
            return;
        }
        Timestamp ts = DbRequest.timestamp(ex);
        Metadata md = DbRequest.metadata(ex.headers(), AccountApp::isSaved, ts);
        withIndex(ex, p, idx -> idx.put(p.account(), ts, md).thenAccept(o -> {
            switch (o) {
                case CREATED -> DbResponses.status(ex, 201, DbResponses.headers());
                case CONFLICT -> DbResponses.status(ex, 409, DbResponses.headers());
                case RECENTLY_DELETED -> ex.respondError(new SwiftException(403, "Recently deleted",
                        "text/html; charset=utf-8", Map.of("X-Account-Status", "Deleted")));
                default -> DbResponses.status(ex, 202, DbResponses.headers());
            }
        }));
    }

    /** A container server's report: {@code PUT /d/p/a/c} with the container's timestamps and counts. */
    private void putContainer(HttpExchange ex, DbPath p) {
        String putRaw = ex.headers().get("X-Put-Timestamp", "");
        String deleteRaw = ex.headers().get("X-Delete-Timestamp", "");
        ContainerRow row = new ContainerRow(p.container(),
                DbRequest.timestampHeader(ex, "X-Put-Timestamp"),
                DbRequest.timestampHeader(ex, "X-Delete-Timestamp"),
                DbRequest.longHeader(ex, "X-Object-Count"),
                DbRequest.longHeader(ex, "X-Bytes-Used"));
        Timestamp ts = Timestamp.parseOrNull(ex.headers().get("X-Timestamp"));
        withIndex(ex, p, idx -> autoCreate(idx, p.account(), ts == null ? Timestamp.now() : ts)
                .thenCompose(x -> idx.updateContainer(p.account(), row))
                .thenAccept(o -> {
                    if (o == Outcome.NOT_FOUND) {
                        DbResponses.status(ex, 404, DbResponses.headers());
                    } else {
                        // Swift compares the two header strings, as given
                        DbResponses.status(ex, deleteRaw.compareTo(putRaw) > 0 ? 204 : 201, DbResponses.headers());
                    }
                }));
    }

    private static CompletableFuture<?> autoCreate(AccountIndex idx, String account, Timestamp ts) {
        if (!account.startsWith(AUTO_CREATE_PREFIX)) {
            return CompletableFuture.completedFuture(null);
        }
        return idx.info(account).thenCompose(i -> i.isPresent()
                ? CompletableFuture.completedFuture(null)
                : idx.put(account, ts, Metadata.empty()));
    }

    @Override
    void post(HttpExchange ex) {
        DbPath p = DbPath.parse(ex.path(), 3, 3, false);
        Timestamp ts = DbRequest.timestamp(ex);
        Metadata md = DbRequest.metadata(ex.headers(), AccountApp::isSaved, ts);
        withIndex(ex, p, idx -> idx.post(p.account(), ts, md).thenAccept(o -> {
            if (o == Outcome.ACCEPTED) {
                DbResponses.status(ex, 204, DbResponses.headers());
            } else {
                DbResponses.empty(ex, 404, deletedStatus(o == Outcome.RECENTLY_DELETED));
            }
        }));
    }

    @Override
    void delete(HttpExchange ex) {
        DbPath p = DbPath.parse(ex.path(), 3, 3, false);
        Timestamp ts = DbRequest.timestamp(ex);
        withIndex(ex, p, idx -> idx.delete(p.account(), ts).thenAccept(o -> {
            if (o == Outcome.DELETED) {
                DbResponses.empty(ex, 204, deletedStatus(true));
            } else {
                DbResponses.empty(ex, 404, deletedStatus(o == Outcome.RECENTLY_DELETED));
            }
        }));
    }

    /** Headers of Swift's {@code _deleted_response} (which has an empty body). */
    private static HttpHeaders deletedStatus(boolean deleted) {
        HttpHeaders h = DbResponses.headers();
        if (deleted) {
            h.set("X-Account-Status", "Deleted");
        }
        return h;
    }

    @Override
    void get(HttpExchange ex, boolean head) {
        DbPath p = DbPath.parse(ex.path(), 3, 3, false);
        ListingQuery q = head ? null : DbRequest.accountListing(ex.path());
        ListingFormat format = DbRequest.format(ex);
        boolean vary = !ex.path().hasParam("format");
        withIndex(ex, p, idx -> {
            CompletableFuture<Listing<AccountInfo>> f = head
                    ? idx.info(p.account()).thenApply(i -> new Listing<>(i.orElse(null), List.of()))
                    : idx.list(p.account(), q);
            return f.thenAccept(l -> answerListing(ex, p, format, vary, head, l));
        });
    }

    private static void answerListing(HttpExchange ex, DbPath p, ListingFormat format, boolean vary, boolean head,
                                      Listing<AccountInfo> l) {
        AccountInfo info = l.info();
        if (info == null || info.isDeleted()) {
            DbResponses.empty(ex, 404, deletedStatus(info != null && info.statusDeleted()));
            return;
        }
        HttpHeaders h = DbResponses.headers()
                .set("X-Account-Container-Count", info.containerCount())
                .set("X-Account-Object-Count", info.objectCount())
                .set("X-Account-Bytes-Used", info.bytesUsed())
                .set("X-Timestamp", info.createdAt().normal())
                .set("X-PUT-Timestamp", info.putTimestamp().normal());
        DbResponses.metadata(h, info.metadata().visible());
        h.set("Content-Type", format.contentType());
        DbResponses.listing(ex, h, vary, head, () -> ListingBody.account(format, p.account(), l.entries()));
    }
}
