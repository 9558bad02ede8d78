package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * OPTIONS (Swift's base controller): the {@code Allow} list, and for a CORS preflight the check of
 * the origin against the container's {@code X-Container-Meta-Access-Control-Allow-Origin} and
 * the proxy's {@code cors_allow_origin}; an origin not allowed gets 401.
 */
final class Cors {
    private Cors() {}

    static CompletableFuture<ProxyResponse> options(ControllerContext ctx, ProxyRequest req, List<String> allowed) {
        HttpHeaders h = new DefaultHttpHeaders();
        String allow = String.join(", ", allowed);
        h.set("Allow", allow);
        String origin = req.header("Origin");
        SwiftPath p = req.path();
        if (origin == null || p.container() == null) {
            return CompletableFuture.completedFuture(ProxyResponse.of(200, h, new byte[0]));
        }
        return ctx.infoCache().container(p.account(), p.container(), req.loop(), req.transId()).thenApply(info -> {
            String allowOrigin = info.meta().get("access-control-allow-origin");
            Set<String> origins = new HashSet<>(ctx.settings().corsAllowOrigin());
            if (allowOrigin != null) {
                Arrays.stream(allowOrigin.split(" ")).map(String::strip).filter(s -> !s.isEmpty()).forEach(origins::add);
            }
            String method = req.header("Access-Control-Request-Method");
            if (!(origins.contains(origin) || origins.contains("*")) || method == null || !allowed.contains(method)) {
                return ProxyResponse.of(401, h, ProxyResponse.status(401).body());
            }
            h.set("Access-Control-Allow-Origin",
                    allowOrigin != null && allowOrigin.strip().equals("*") ? "*" : origin);
            h.set("Vary", "Origin");
            String maxAge = info.meta().get("access-control-max-age");
            if (maxAge != null) {
                h.set("Access-Control-Max-Age", maxAge);
            }
            h.set("Access-Control-Allow-Methods", allow);
            String reqHeaders = req.header("Access-Control-Request-Headers");
            if (reqHeaders != null) {
                h.set("Access-Control-Allow-Headers", reqHeaders);
            }
            return ProxyResponse.of(200, h, new byte[0]);
        });
    }
}
