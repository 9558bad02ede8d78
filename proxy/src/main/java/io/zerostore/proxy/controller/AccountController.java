package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.proxy.backend.MultiNodeRequest;
import io.zerostore.proxy.backend.NodeIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Accounts: GET (the container listing from the account servers) and HEAD, POST of metadata, and,
 * for reseller admins when account management is on, PUT and DELETE. With account_autocreate a
 * missing account reads as an empty one and is created on its first write.
 */
public final class AccountController implements Controller {
    private final ControllerContext ctx;
    private final List<String> allowed;

    public AccountController(ControllerContext ctx) {
        this.ctx = ctx;
        this.allowed = ctx.settings().allowAccountManagement()
                ? List.of("DELETE", "PUT", "POST", "OPTIONS", "GET", "HEAD")
                : List.of("POST", "OPTIONS", "GET", "HEAD");
    }

    @Override
    public List<String> allowedMethods() {
        return allowed;
    }

    @Override
    public boolean delaysDenial(String method) {
        return false;
    }

    @Override
    public CompletableFuture<ProxyResponse> handle(ProxyRequest req) {
        if (!req.methodName().equals("OPTIONS") && !req.methodName().equals("DELETE")) {
            int length = Constraints.nameLength(req.path().account());
            if (length > Constraints.MAX_ACCOUNT_NAME_LENGTH) {
                return Replies.error(SwiftException.html(400, "Account name length of " + length + " longer than "
                        + Constraints.MAX_ACCOUNT_NAME_LENGTH));
            }
        }
        return switch (req.methodName()) {
            case "GET", "HEAD" -> getOrHead(req);
            case "PUT" -> write(req, true).whenComplete((r, e) -> invalidate(req));
            case "POST" -> post(req).whenComplete((r, e) -> invalidate(req));
            case "DELETE" -> delete(req).whenComplete((r, e) -> invalidate(req));
            case "OPTIONS" -> Cors.options(ctx, req, allowed);
            default -> Replies.error(new SwiftException(405));
        };
    }

    private CompletableFuture<ProxyResponse> getOrHead(ProxyRequest req) {
        SwiftPath p = req.path();
        ListingParams.check(req);
        boolean head = req.method().equals(HttpMethod.HEAD);
        return ReplicaRead.getOrHead(ctx, req, ctx.rings().account().get(), ctx.rings().accountPartition(p.account()),
                false, false).thenApply(r -> {
                    ProxyResponse resp = Replies.fromFetch(r, head);
                    if (resp.status() == 404) {
                        if ("deleted".equalsIgnoreCase(resp.header("X-Account-Status"))) {
                            resp = ProxyResponse.of(410, resp.headers(), resp.body());
                        } else if (ctx.settings().accountAutocreate()) {
                            resp = SyntheticAccount.listing(req);
                        }
                    } else {
                        resp.headers().remove("X-Put-Timestamp");
                        addPolicyStats(resp.headers());
                    }
                    if (!req.isOwner()) {
                        OwnerHeaders.strip(resp.headers());
                    }
                    return resp;
                });
    }

    private CompletableFuture<ProxyResponse> post(ProxyRequest req) {
        Constraints.checkMetadata(req.headers(), "account");
        return write(req, true).thenComposeAsync(resp -> {
            if (resp.status() != 404 || !ctx.settings().accountAutocreate()) {
                return CompletableFuture.completedFuture(resp);
            }
            // a deleted account refuses to be created again: Swift then answers the 404 it got
            return autocreate(ctx, req.path().account(), req).thenCompose(ok -> ok
                    ? write(req, true) : CompletableFuture.completedFuture(resp));
        }, req.loop());
    }

    /**
     * Swift's account server reports each policy that holds containers; ours has one policy, so
     * its stats are the account's.
     */
    private void addPolicyStats(HttpHeaders h) {
        String containers = h.get("X-Account-Container-Count");
        if (containers == null || containers.equals("0")) {
            return;
        }
        String prefix = "X-Account-Storage-Policy-" + Headers.title(ctx.settings().policy().name());
        h.set(prefix + "-Container-Count", containers);
        h.set(prefix + "-Object-Count", h.get("X-Account-Object-Count", "0"));
        h.set(prefix + "-Bytes-Used", h.get("X-Account-Bytes-Used", "0"));
    }

    private CompletableFuture<ProxyResponse> delete(ProxyRequest req) {
        if (!req.rawQuery().isEmpty()) {
            return Replies.error(new SwiftException(400));
        }
        return write(req, false);
    }

    /** The request to every account replica. */
    private CompletableFuture<ProxyResponse> write(ProxyRequest req, boolean transfer) {
        if (req.methodName().equals("PUT")) {
            Constraints.checkMetadata(req.headers(), "account");
        }
        HttpHeaders h = BackendHeaders.base(req.transId());
        h.set("X-Timestamp", Timestamp.now().internal());
        if (transfer) {
            Transfer.copy(req.headers(), h, "account");
        }
        return toReplicas(ctx, req.method(), req.path().account(), h, req);
    }

    private static CompletableFuture<ProxyResponse> toReplicas(ControllerContext ctx, HttpMethod method, String account,
                                                               HttpHeaders h, ProxyRequest req) {
        Ring ring = ctx.rings().account().get();
        int part = ctx.rings().accountPartition(account);
        List<Function<Device, HttpRequest>> slots = new ArrayList<>();
        for (int i = 0; i < ring.replicaCount(); i++) {
            slots.add(node -> ctx.client().head(method, node, part, "/" + account, null, h, false));
        }
        NodeIterator nodes = NodeIterator.forWrite(ring, part, ctx.client().errors(),
                ctx.settings().requestNodeCount(ring.replicaCount()));
        return MultiNodeRequest.run(ctx.client(), nodes, slots, req.loop(), ctx.settings().postQuorumTimeout())
                .thenApply(responses -> Replies.best(responses, Map.of()));
    }

    /** Creates the account on its replicas (Swift's autocreate_account). */
    static CompletableFuture<Boolean> autocreate(ControllerContext ctx, String account, ProxyRequest req) {
        HttpHeaders h = BackendHeaders.base(req.transId());
        h.set("X-Timestamp", Timestamp.now().internal());
        return toReplicas(ctx, HttpMethod.PUT, account, h, req).thenApply(resp -> {
            ctx.infoCache().invalidateAccount(account);
            return resp.isSuccess();
        });
    }

    /**
     * The account's info; with {@code create} and account_autocreate, a missing account is created
     * first (status 503 when that fails).
     */
    static CompletableFuture<AccountInfo> existing(ControllerContext ctx, String account, ProxyRequest req,
                                                   boolean create) {
        return ctx.infoCache().account(account, req.loop(), req.transId()).thenComposeAsync(ai -> {
            if (ai.exists() || !create || !ctx.settings().accountAutocreate() || ai.status() >= 500) {
                return CompletableFuture.completedFuture(ai);
            }
            return autocreate(ctx, account, req).thenCompose(ok -> ok
                    ? ctx.infoCache().account(account, req.loop(), req.transId())
                    : CompletableFuture.completedFuture(new AccountInfo(503, 0, ai.partition(), ai.nodes())));
        }, req.loop());
    }

    private void invalidate(ProxyRequest req) {
        ctx.infoCache().invalidateAccount(req.path().account());
    }

    /** Headers of an account nobody created yet. */
    static HttpHeaders emptyAccountHeaders() {
        HttpHeaders h = SwiftHeaders.create();
        String now = Timestamp.now().normal();
        h.set("X-Account-Container-Count", "0");
        h.set("X-Account-Object-Count", "0");
        h.set("X-Account-Bytes-Used", "0");
        h.set("X-Timestamp", now);
        h.set("X-Put-Timestamp", now);
        return h;
    }
}
