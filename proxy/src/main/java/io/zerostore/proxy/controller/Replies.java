package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.proxy.backend.BackendResponse;
import io.zerostore.proxy.backend.NodeFetcher;
import io.zerostore.proxy.backend.Quorum;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Turns storage servers' answers into the client's answer. */
final class Replies {
    private Replies() {}

    /** Swift's best_response: the quorum's answer with its body and headers, else 503. */
    static ProxyResponse best(List<BackendResponse> responses, Map<Integer, Integer> overrides) {
        BackendResponse b = Quorum.best(responses, overrides);
        if (b == null) {
            return ProxyResponse.status(503);
        }
        HttpHeaders h = b.node() == null ? SwiftHeaders.create() : Headers.fromQuorum(b.headers());
        return ProxyResponse.of(b.status(), h, b.body());
    }

    /** A GET/HEAD outcome: the good source streamed (or, for HEAD, its head), else the best failure. */
    static ProxyResponse fromFetch(NodeFetcher.Result r, boolean head) {
        NodeFetcher.Source s = r.source();
        if (s == null) {
            if (r.failures().isEmpty()) {
                return ProxyResponse.status(503);
            }
            return best(r.failures(), null);
        }
        HttpHeaders h = Headers.fromBackend(s.head().headers(), true);
        // Swift's get_working_response: every answer from a good source says so
        h.set("Accept-Ranges", "bytes");
        if (head) {
            s.exchange().body().discard();
            return ProxyResponse.of(s.status(), h, new byte[0]);
        }
        return ProxyResponse.streamed(s.status(), h, r.body());
    }

    static <T> CompletableFuture<T> failed(Throwable t) {
        return CompletableFuture.failedFuture(t);
    }

    static CompletableFuture<ProxyResponse> error(SwiftException e) {
        return CompletableFuture.completedFuture(ProxyResponse.error(e));
    }
}
