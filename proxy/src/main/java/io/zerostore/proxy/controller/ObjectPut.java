package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.proxy.backend.BackendResponse;
import io.zerostore.proxy.backend.BodyStream;
import io.zerostore.proxy.backend.NodeIterator;
import io.zerostore.proxy.backend.PutFanout;
import io.zerostore.proxy.backend.PutOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One object PUT (Swift's ObjectController.PUT): container check and write ACL, Content-Type
 * detection, Swift's creation constraints, then the body streamed to every replica through
 * {@link PutFanout}; the answer is the quorum's, with {@code Last-Modified} of the new timestamp.
 */
final class ObjectPut {
    private final ControllerContext ctx;
    private final ProxyRequest req;

    ObjectPut(ControllerContext ctx, ProxyRequest req) {
        this.ctx = ctx;
        this.req = req;
    }

    CompletableFuture<ProxyResponse> run() {
        String ifNoneMatch = req.header("If-None-Match");
        if (ifNoneMatch != null && !ifNoneMatch.contains("*")) {
            return Replies.error(SwiftException.plain(400, "If-None-Match only supports *"));
        }
        return ObjectController.authorizedInfo(ctx, req, true)
                .thenComposeAsync(this::store, req.loop());
    }

    private CompletableFuture<ProxyResponse> store(ContainerInfo info) {
        if (!info.exists()) {
            return Replies.error(new SwiftException(404));
        }
        HttpHeaders client = req.headers();
        boolean overridden = updateContentType(client);
        Timestamp ts = Timestamp.now();
        Constraints.checkObjectCreation(client, req.path().object());
        Constraints.checkDeleteHeaders(client, ts);
        if (!overridden) {
            Constraints.checkContentTypeParams(client.get("Content-Type"));
        }
        long length = Constraints.messageLength(client);

        SwiftPath p = req.path();
        Ring ring = ctx.rings().object().get();
        int part = ctx.rings().objectPartition(p.account(), p.container(), p.object());
        List<Function<Device, HttpRequest>> slots = new ArrayList<>();
        List<HttpHeaders> perReplica = ObjectController.replicaHeaders(req, info, ts, ring.replicaCount());
        DeleteAtHeaders.add(perReplica, ctx.rings(), p);
        for (HttpHeaders h : perReplica) {
            // 100-continue needs a body to follow, so an empty one goes chunked (as Swift does)
            if (length > 0) {
                h.set("Content-Length", Long.toString(length));
            } else {
                h.set("Transfer-Encoding", "chunked");
            }
            h.set("Expect", "100-continue");
            slots.add(node -> ctx.client().head(HttpMethod.PUT, node, part, p.entityPath(), null, h, true));
        }
        NodeIterator nodes = NodeIterator.forWrite(ring, part, ctx.client().errors(),
                ctx.settings().requestNodeCount(ring.replicaCount()));
        BodyStream body = req.body();
        if (body == null) {
            // only an internal caller can forget the body; a client's request always has one
            throw SwiftException.plain(411, "Missing Content-Length header.");
        }
        PutFanout.Options options = new PutFanout.Options(Constraints.MAX_FILE_SIZE, ctx.settings().clientTimeout(),
                ctx.client().nodeTimeout(), ctx.settings().postQuorumTimeout(), ifNoneMatchStar(), req.bodyFromClient());
        return PutFanout.run(ctx.client(), nodes, slots, req.loop(), body, options)
                .thenApply(outcome -> outcome instanceof PutOutcome.Answered a
                        ? answer(a.responses(), ts)
                        : ProxyResponse.status(((PutOutcome.Ended) outcome).status()));
    }

    private boolean ifNoneMatchStar() {
        String v = req.header("If-None-Match");
        return v != null && v.contains("*");
    }

    /** Swift's _update_content_type; true when the type was guessed rather than sent. */
    private boolean updateContentType(HttpHeaders h) {
        boolean detect = ObjectController.truthy(h.get("X-Detect-Content-Type"));
        String ctype = h.get("Content-Type");
        if (detect || ctype == null || ctype.isEmpty()) {
            h.set("Content-Type", ContentTypes.guess(req.path().object()));
            if (detect) {
                h.remove("X-Detect-Content-Type");
                return false;
            }
            return true;
        }
        return false;
    }

    private ProxyResponse answer(List<BackendResponse> responses, Timestamp ts) {
        Set<String> etags = new HashSet<>();
        for (BackendResponse r : responses) {
            if (r.is2xx() && r.header("Etag") != null) {
                etags.add(Headers.unquote(r.header("Etag")).toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (etags.size() > 1) {
            // replicas stored different bytes: nothing to promise the client
            return ProxyResponse.status(500);
        }
        ProxyResponse resp = Replies.best(responses, null);
        if (etags.size() == 1 && resp.isSuccess()) {
            resp.headers().set("Etag", etags.iterator().next());
        }
        resp.headers().set("Last-Modified", Headers.httpDate(ts.ceilSeconds()));
        return resp;
    }
}
