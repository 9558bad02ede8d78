package io.zerostore.node.server;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.swift.ListingBody;
import io.zerostore.common.swift.ListingFormat;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.AccountTarget;
import io.zerostore.node.index.ContainerIndex;
import io.zerostore.node.index.ContainerInfo;
import io.zerostore.node.index.ContainerUpdate;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.index.Listing;
import io.zerostore.node.index.ListingQuery;
import io.zerostore.node.index.Metadata;
import io.zerostore.node.index.ObjectRow;
import io.zerostore.node.index.Outcome;
import io.zerostore.node.replication.db.DbKind;
import io.zerostore.node.replication.db.ReplicateHandler;
import io.zerostore.node.updater.AccountUpdater;
import io.zerostore.node.server.db.DbPath;
import io.zerostore.node.server.db.DbRequest;
import io.zerostore.node.server.db.DbResponses;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Swift's container server on our backend protocol (BACKEND.md): containers and their object rows
 * in the device's index DB. Requests are parsed on the event loop; all DB work runs on the
 * device's executors ({@link io.zerostore.node.index.IndexDevice}) and the answer is written from
 * there. Container PUT/DELETE report to the account before answering; object-row changes reach the
 * account shortly after through the {@link AccountUpdater}.
 */
public final class ContainerApp extends DbApp<ContainerIndex> {
    /** Headers a container keeps besides {@code X-Container-Meta-*} and {@code X-Container-Sysmeta-*}. */
    private static final Set<String> SAVED = Set.of("x-container-read", "x-container-write",
            "x-container-sync-key", "x-container-sync-to", "x-versions-location", "x-history-location");

    private final AccountUpdater updater;

    public ContainerApp(IndexDevices devices, AccountUpdater updater) {
        super(new ReplicateHandler<>(DbKind.CONTAINER, devices, updater::nudge), devices::containers);
        this.updater = updater;
    }

    static boolean isSaved(String lowerName) {
        return SAVED.contains(lowerName) || lowerName.startsWith("x-container-meta-")
                || lowerName.startsWith("x-container-sysmeta-");
    }

    @Override
    void put(HttpExchange ex) {
        DbPath p = DbPath.parse(ex.path(), 4, 5, true);
        Timestamp ts = DbRequest.timestamp(ex);
        if (p.object() != null) {
            ObjectRow row = ObjectRow.put(p.object(), ts, DbRequest.longHeader(ex, "X-Size"),
                    DbRequest.textHeader(ex, "X-Content-Type", ""), DbRequest.textHeader(ex, "X-Etag", ""));
            updateRow(ex, p, row, 201);
            return;
        }
        Metadata md = DbRequest.metadata(ex.headers(), ContainerApp::isSaved, ts);
        List<AccountTarget> targets = DbRequest.accountTargets(ex.headers());
        withIndex(ex, p, idx -> idx.put(p.account(), p.container(), ts, md, targets)
                .thenCompose(u -> reportIfTold(ex, p, idx, u, targets))
                .thenAccept(r -> {
                    HttpHeaders h = policyHeaders();
                    if (r.update.outcome() == Outcome.CONFLICT) {
                        DbResponses.status(ex, 409, h);
                    } else if (r.accountNotFound) {
                        DbResponses.status(ex, 404, h);
                    } else {
                        DbResponses.status(ex, r.update.outcome() == Outcome.CREATED ? 201 : 202, h);
                    }
                }));
    }

    @Override
    void post(HttpExchange ex) {
        DbPath p = DbPath.parse(ex.path(), 4, 4, false);
        Timestamp ts = DbRequest.timestamp(ex);
        Metadata md = DbRequest.metadata(ex.headers(), ContainerApp::isSaved, ts);
        withIndex(ex, p, idx -> idx.post(p.account(), p.container(), ts, md).thenAccept(u -> {
            if (u.outcome() == Outcome.NOT_FOUND) {
                DbResponses.status(ex, 404, DbResponses.headers());
                return;
            }
            if (u.report() != null) {
                updater.nudge(p.device());
            }
            DbResponses.status(ex, 204, DbResponses.headers());
        }));
    }

    @Override
    void delete(HttpExchange ex) {
        DbPath p = DbPath.parse(ex.path(), 4, 5, true);
        Timestamp ts = DbRequest.timestamp(ex);
        if (p.object() != null) {
            updateRow(ex, p, ObjectRow.delete(p.object(), ts), 204);
            return;
        }
        List<AccountTarget> targets = DbRequest.accountTargets(ex.headers());
        withIndex(ex, p, idx -> idx.delete(p.account(), p.container(), ts, targets)
                .thenCompose(u -> reportIfTold(ex, p, idx, u, targets))
                .thenAccept(r -> {
                    Outcome o = r.update.outcome();
                    int code = o == Outcome.CONFLICT ? 409
                            : o == Outcome.NOT_FOUND || r.accountNotFound ? 404 : 204;
                    DbResponses.status(ex, code, policyHeaders());
                }));
    }

    private record Reported(ContainerUpdate update, boolean accountNotFound) {}

    /**
     * The account update of a container PUT/DELETE: sent and awaited when the request named the
     * account replicas (as Swift does), else left to the updater when the container knows them.
     */
    private CompletableFuture<Reported> reportIfTold(HttpExchange ex, DbPath p, ContainerIndex idx,
                                                     ContainerUpdate u, List<AccountTarget> targets) {
        if (u.report() == null || u.outcome() == Outcome.CONFLICT) {
            return CompletableFuture.completedFuture(new Reported(u, false));
        }
        if (targets.isEmpty()) {
            updater.nudge(p.device());
            return CompletableFuture.completedFuture(new Reported(u, false));
        }
        return updater.report(idx, u.report(), ex.headers().get("X-Trans-Id"))
                .thenApply(r -> new Reported(u, r.allNotFound()));
    }

    private void updateRow(HttpExchange ex, DbPath p, ObjectRow row, int okStatus) {
        withIndex(ex, p, idx -> idx.updateObject(p.account(), p.container(), row).thenCompose(r -> {
            // Swift's _maybe_autocreate: internal accounts (the expirer's queue) get containers on first use
            if (r.outcome() != Outcome.NOT_FOUND || !p.account().startsWith(AccountApp.AUTO_CREATE_PREFIX)) {
                return CompletableFuture.completedFuture(r);
            }
            return idx.put(p.account(), p.container(), row.timestamp(), Metadata.empty(), List.of())
                    .thenCompose(u -> idx.updateObject(p.account(), p.container(), row));
        }).thenAccept(r -> {
            if (r.outcome() == Outcome.NOT_FOUND) {
                DbResponses.status(ex, 404, DbResponses.headers());
                return;
            }
            if (r.reportPending()) {
                updater.nudge(p.device());
            }
            DbResponses.status(ex, okStatus, DbResponses.headers());
        }));
    }

    @Override
    void get(HttpExchange ex, boolean head) {
        DbPath p = DbPath.parse(ex.path(), 4, 4, false);
        ListingQuery q = head ? null : DbRequest.containerListing(ex.path());
        ListingFormat format = DbRequest.format(ex);
        boolean vary = !ex.path().hasParam("format");
        withIndex(ex, p, idx -> {
            CompletableFuture<Listing<ContainerInfo>> f = head
                    ? idx.info(p.account(), p.container()).thenApply(i -> new Listing<>(i.orElse(null), List.of()))
                    : idx.list(p.account(), p.container(), q);
            return f.thenAccept(l -> answerListing(ex, p, format, vary, head, l));
        });
    }

    private static void answerListing(HttpExchange ex, DbPath p, ListingFormat format, boolean vary, boolean head,
                                      Listing<ContainerInfo> l) {
        ContainerInfo info = l.info();
        if (info == null) {
            DbResponses.status(ex, 404, DbResponses.headers());
            return;
        }
        HttpHeaders h = backendHeaders(info);
        if (info.isDeleted()) {
            DbResponses.status(ex, 404, h);
            return;
        }
        h.set("X-Container-Object-Count", info.objectCount())
                .set("X-Container-Bytes-Used", info.bytesUsed())
                .set("X-Timestamp", info.createdAt().normal())
                .set("X-PUT-Timestamp", info.putTimestamp().normal())
                .set("X-Backend-Sharding-State", "unsharded");
        DbResponses.metadata(h, info.metadata().visible());
        h.set("Content-Type", format.contentType());
        h.set("Last-Modified", DbResponses.lastModified(info.putTimestamp()));
        DbResponses.listing(ex, h, vary, head, () -> ListingBody.container(format, p.container(), l.entries()));
    }

    /** Swift's {@code gen_resp_headers}: backend timestamps come even for a deleted container. */
    private static HttpHeaders backendHeaders(ContainerInfo info) {
        return policyHeaders()
                .set("X-Backend-Timestamp", info.createdAt().internal())
                .set("X-Backend-PUT-Timestamp", info.putTimestamp().internal())
                .set("X-Backend-DELETE-Timestamp", info.deleteTimestamp().internal())
                .set("X-Backend-Status-Changed-At", info.statusChangedAt().internal());
    }

    private static HttpHeaders policyHeaders() {
        return DbResponses.headers().set("X-Backend-Storage-Policy-Index", 0);
    }
}
