package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.ring.Ring;
import io.zerostore.proxy.backend.NodeFetcher;
import io.zerostore.proxy.backend.NodeIterator;
import java.util.concurrent.CompletableFuture;

/**
 * Swift's {@code GETorHEAD_base}: the client's GET or HEAD forwarded to one partition's nodes,
 * primaries then handoffs, until one answers well. Accounts, containers and objects differ only
 * in the ring, in whether the body streams, and in {@code X-Newest}.
 */
final class ReplicaRead {
    private ReplicaRead() {}

    static CompletableFuture<NodeFetcher.Result> getOrHead(ControllerContext ctx, ProxyRequest req, Ring ring,
                                                          int part, boolean stream, boolean newest) {
        NodeIterator nodes = NodeIterator.forRead(ring, part, ctx.client().errors(),
                ctx.settings().requestNodeCount(ring.replicaCount()));
        HttpHeaders headers = Headers.forBackend(req.headers());
        headers.set("X-Trans-Id", req.transId());
        String path = req.path().entityPath();
        return NodeFetcher.fetch(ctx.client(), nodes,
                node -> ctx.client().head(req.method(), node, part, path, req.rawQuery(), headers, false),
                stream, newest, req.loop());
    }
}
