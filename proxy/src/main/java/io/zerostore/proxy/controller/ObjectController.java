package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.proxy.backend.MultiNodeRequest;
import io.zerostore.proxy.backend.NodeIterator;
import io.zerostore.common.ring.Device;
import io.netty.handler.codec.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Objects: GET/HEAD from the first replica that has it, PUT streamed to all replicas (see
 * {@link ObjectPut}), POST and DELETE to all replicas with a quorum. Every method waits for the
 * container's ACL before refusing a requester that does not own the account.
 */
public final class ObjectController implements Controller {
    static final List<String> ALLOWED = List.of("DELETE", "PUT", "POST", "OPTIONS", "GET", "HEAD");
    private static final Set<String> DELAYED = Set.of("GET", "HEAD", "PUT", "POST", "DELETE");

    private final ControllerContext ctx;

    public ObjectController(ControllerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<String> allowedMethods() {
        return ALLOWED;
    }

    @Override
    public boolean delaysDenial(String method) {
        return DELAYED.contains(method);
    }

    @Override
    public CompletableFuture<ProxyResponse> handle(ProxyRequest req) {
        return switch (req.methodName()) {
            case "GET", "HEAD" -> getOrHead(req);
            case "PUT" -> new ObjectPut(ctx, req).run();
            case "POST" -> post(req);
            case "DELETE" -> delete(req);
            case "OPTIONS" -> Cors.options(ctx, req, ALLOWED);
            default -> Replies.error(new SwiftException(405));
        };
    }

    /** The container info, once the requester passed its ACL ({@code read} or {@code write}). */
    static CompletableFuture<ContainerInfo> authorizedInfo(ControllerContext ctx, ProxyRequest req, boolean write) {
        SwiftPath p = req.path();
        return ctx.infoCache().container(p.account(), p.container(), req.loop(), req.transId())
                .thenApply(info -> {
                    SwiftException denial = req.authorize(write ? info.writeAcl() : info.readAcl());
                    if (denial != null) {
                        throw denial;
                    }
                    return info;
                });
    }

    private CompletableFuture<ProxyResponse> getOrHead(ProxyRequest req) {
        CompletableFuture<?> authorized = req.isAuthorized()
                ? CompletableFuture.completedFuture(null) : authorizedInfo(ctx, req, false);
        return authorized.thenComposeAsync(x -> fetch(req), req.loop());
    }

    private CompletableFuture<ProxyResponse> fetch(ProxyRequest req) {
        SwiftPath p = req.path();
        boolean head = req.method().equals(HttpMethod.HEAD);
        return ReplicaRead.getOrHead(ctx, req, ctx.rings().object().get(),
                ctx.rings().objectPartition(p.account(), p.container(), p.object()), true,
                truthy(req.header("X-Newest"))).thenApply(r -> {
                    ProxyResponse resp = Replies.fromFetch(r, head);
                    String ctype = resp.header("Content-Type");
                    if (ctype != null && r.source() != null) {
                        resp.headers().set("Content-Type", cleanContentType(ctype));
                    }
                    return resp;
                });
    }

    private CompletableFuture<ProxyResponse> post(ProxyRequest req) {
        return authorizedInfo(ctx, req, true).thenComposeAsync(info -> {
            if (!info.exists()) {
                return Replies.error(new SwiftException(404));
            }
            Constraints.checkMetadata(req.headers(), "object");
            Timestamp ts = Timestamp.now();
            Constraints.checkDeleteHeaders(req.headers(), ts);
            return toReplicas(req, info, ts, Map.of());
        }, req.loop());
    }

    private CompletableFuture<ProxyResponse> delete(ProxyRequest req) {
        return authorizedInfo(ctx, req, true).thenComposeAsync(info -> {
            if (!info.exists()) {
                return Replies.error(new SwiftException(404));
            }
            // a replica that never had the object still agrees it is gone
            return toReplicas(req, info, Timestamp.now(), Map.of(404, 204));
        }, req.loop());
    }

    private CompletableFuture<ProxyResponse> toReplicas(ProxyRequest req, ContainerInfo info, Timestamp ts,
                                                        Map<Integer, Integer> overrides) {
        SwiftPath p = req.path();
        Ring ring = ctx.rings().object().get();
        int part = ctx.rings().objectPartition(p.account(), p.container(), p.object());
        List<HttpHeaders> perReplica = replicaHeaders(req, info, ts, ring.replicaCount());
        if (req.method().equals(HttpMethod.POST)) {
            DeleteAtHeaders.add(perReplica, ctx.rings(), p);
        }
        List<Function<Device, HttpRequest>> slots = new ArrayList<>();
        for (HttpHeaders h : perReplica) {
            slots.add(node -> ctx.client().head(req.method(), node, part, p.entityPath(), null, h, false));
        }
        NodeIterator nodes = NodeIterator.forWrite(ring, part, ctx.client().errors(),
                ctx.settings().requestNodeCount(ring.replicaCount()));
        return MultiNodeRequest.run(ctx.client(), nodes, slots, req.loop(), ctx.settings().postQuorumTimeout())
                .thenApply(responses -> Replies.best(responses, overrides));
    }

    /** The client's headers plus timestamp, transaction id and the container replica to update. */
    static List<HttpHeaders> replicaHeaders(ProxyRequest req, ContainerInfo info, Timestamp ts, int replicas) {
        HttpHeaders base = Headers.forBackend(req.headers());
        base.set("X-Timestamp", ts.internal());
        base.set("X-Trans-Id", req.transId());
        List<HttpHeaders> out = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            HttpHeaders h = base.copy();
            BackendHeaders.setUpdateTarget(h, "Container", i, replicas, info.partition(), info.nodes());
            out.add(h);
        }
        return out;
    }

    /** Drops the internal {@code swift_bytes} parameter some listings' types carry. */
    static String cleanContentType(String value) {
        int semi = value.lastIndexOf(';');
        if (semi >= 0 && value.substring(semi + 1).stripLeading().startsWith("swift_bytes=")) {
            return value.substring(0, semi);
        }
        return value;
    }

    static boolean truthy(String v) {
        return v != null && Set.of("true", "1", "yes", "on", "t", "y").contains(v.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
