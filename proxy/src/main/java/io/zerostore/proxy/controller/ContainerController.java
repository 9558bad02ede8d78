package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.proxy.auth.ContainerAcl;
import io.zerostore.proxy.backend.MultiNodeRequest;
import io.zerostore.proxy.backend.NodeIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Containers: GET (the listing, produced by the container servers and relayed) and HEAD from one
 * replica, authorized by the container's own read ACL; PUT, POST and DELETE to all replicas.
 * A PUT creates a missing account first (account_autocreate).
 */
public final class ContainerController implements Controller {
    static final List<String> ALLOWED = List.of("DELETE", "PUT", "POST", "OPTIONS", "GET", "HEAD");

    private final ControllerContext ctx;

    public ContainerController(ControllerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<String> allowedMethods() {
        return ALLOWED;
    }

    @Override
    public boolean delaysDenial(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    @Override
    public CompletableFuture<ProxyResponse> handle(ProxyRequest req) {
        return switch (req.methodName()) {
            case "GET", "HEAD" -> getOrHead(req);
            case "PUT" -> put(req);
            case "POST" -> post(req);
            case "DELETE" -> delete(req);
            case "OPTIONS" -> Cors.options(ctx, req, ALLOWED);
            default -> Replies.error(new SwiftException(405));
        };
    }

    private CompletableFuture<ProxyResponse> getOrHead(ProxyRequest req) {
        SwiftPath p = req.path();
        ListingParams.check(req);
        CompletableFuture<Void> accountExists = ctx.settings().accountAutocreate()
                ? CompletableFuture.completedFuture(null)
                : ctx.infoCache().account(p.account(), req.loop(), req.transId()).thenAccept(ai -> {
                    if (!ai.exists()) {
                        SwiftException d = req.authorize(null);
                        throw d != null ? d : new SwiftException(404);
                    }
                });
        return accountExists.thenComposeAsync(x -> {
            boolean head = req.method().equals(HttpMethod.HEAD);
            return ReplicaRead.getOrHead(ctx, req, ctx.rings().container().get(),
                    ctx.rings().containerPartition(p.account(), p.container()), false, false)
                    .thenApply(r -> authorizeListing(req, Replies.fromFetch(r, head)));
        }, req.loop());
    }

    /** The container's read ACL comes with its own answer: authorize now, hide owner headers. */
    private ProxyResponse authorizeListing(ProxyRequest req, ProxyResponse resp) {
        SwiftException denial = req.authorize(resp.header("X-Container-Read"));
        if (denial != null) {
            resp.discard();
            return ProxyResponse.error(denial);
        }
        if (!req.isOwner()) {
            OwnerHeaders.strip(resp.headers());
        }
        if (resp.isSuccess() && !resp.headers().contains("X-Storage-Policy")) {
            resp.headers().set("X-Storage-Policy", ctx.settings().policy().name());
        }
        return resp;
    }

    private CompletableFuture<ProxyResponse> put(ProxyRequest req) {
        SwiftPath p = req.path();
        cleanAcls(req);
        Constraints.checkMetadata(req.headers(), "container");
        String policy = req.header("X-Storage-Policy");
        if (policy != null && !policy.isEmpty() && !ctx.settings().policy().answersTo(policy)) {
            return Replies.error(SwiftException.plain(400, "Invalid X-Storage-Policy '" + policy + "'"));
        }
        int nameLength = Constraints.nameLength(p.container());
        if (nameLength > Constraints.MAX_CONTAINER_NAME_LENGTH) {
            return Replies.error(SwiftException.html(400, "Container name length of " + nameLength
                    + " longer than " + Constraints.MAX_CONTAINER_NAME_LENGTH));
        }
        return AccountController.existing(ctx, p.account(), req, true).thenComposeAsync(ai -> {
            if (!ai.exists()) {
                return Replies.error(new SwiftException(ai.status() >= 500 ? 503 : 404));
            }
            return toReplicas(req, ai, true);
        }, req.loop()).whenComplete((r, e) -> invalidate(p));
    }

    private CompletableFuture<ProxyResponse> post(ProxyRequest req) {
        SwiftPath p = req.path();
        cleanAcls(req);
        Constraints.checkMetadata(req.headers(), "container");
        return AccountController.existing(ctx, p.account(), req, false).thenComposeAsync(ai -> {
            if (!ai.exists() && !ctx.settings().accountAutocreate()) {
                return Replies.error(new SwiftException(404));
            }
            return toReplicas(req, null, true);
        }, req.loop()).whenComplete((r, e) -> invalidate(p));
    }

    private CompletableFuture<ProxyResponse> delete(ProxyRequest req) {
        SwiftPath p = req.path();
        return AccountController.existing(ctx, p.account(), req, false).thenComposeAsync(ai -> {
            if (!ai.exists() && !ctx.settings().accountAutocreate()) {
                return Replies.error(new SwiftException(404));
            }
            return toReplicas(req, ai, false).thenApply(resp ->
                    // every replica "accepted" a delete of nothing: the container was not there
                    resp.status() == 202 ? ProxyResponse.status(404) : resp);
        }, req.loop()).whenComplete((r, e) -> invalidate(p));
    }

    /**
     * The write to every container replica; with {@code account} given, each replica also learns
     * which account replica to report to.
     */
    private CompletableFuture<ProxyResponse> toReplicas(ProxyRequest req, AccountInfo account, boolean transfer) {
        SwiftPath p = req.path();
        Ring ring = ctx.rings().container().get();
        int part = ctx.rings().containerPartition(p.account(), p.container());
        HttpHeaders base = BackendHeaders.base(req.transId());
        base.set("X-Timestamp", Timestamp.now().internal());
        if (transfer) {
            Transfer.copy(req.headers(), base, "container");
        }
        int replicas = ring.replicaCount();
        List<Function<Device, HttpRequest>> slots = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            HttpHeaders h = base.copy();
            if (account != null) {
                BackendHeaders.setUpdateTarget(h, "Account", i, replicas, account.partition(), account.nodes());
            }
            slots.add(node -> ctx.client().head(req.method(), node, part, p.entityPath(), null, h, false));
        }
        NodeIterator nodes = NodeIterator.forWrite(ring, part, ctx.client().errors(),
                ctx.settings().requestNodeCount(replicas));
        return MultiNodeRequest.run(ctx.client(), nodes, slots, req.loop(), ctx.settings().postQuorumTimeout())
                .thenApply(responses -> Replies.best(responses, Map.of()));
    }

    /** Swift's clean_acls: owners' ACL values are normalized, bad ones refused with 400. */
    private static void cleanAcls(ProxyRequest req) {
        if (req.authorizer() == null) {
            return;
        }
        for (String name : List.of("X-Container-Read", "X-Container-Write")) {
            String v = req.header(name);
            if (v != null) {
                try {
                    req.headers().set(name, ContainerAcl.clean(name.toLowerCase(Locale.ROOT), v));
                } catch (IllegalArgumentException e) {
                    throw SwiftException.html(400, e.getMessage());
                }
            }
        }
    }

    private void invalidate(SwiftPath p) {
        ctx.infoCache().invalidateContainer(p.account(), p.container());
        ctx.infoCache().invalidateAccount(p.account());
    }
}
