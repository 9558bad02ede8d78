package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.SwiftHeaders;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * CORS as Swift's base controller does it. OPTIONS: the {@code Allow} list, and for a preflight
 * the check of the origin against the container's {@code X-Container-Meta-Access-Control-Allow-Origin}
 * and the proxy's {@code cors_allow_origin}; an origin not allowed gets 401. Any other container or
 * object request with an {@code Origin} ({@code cors_validation}): an allowed origin's answer gets
 * {@code Access-Control-Allow-Origin} and {@code Access-Control-Expose-Headers}.
 */
final class Cors {
    /** Swift's simple response headers plus its own, always exposed. */
    private static final List<String> EXPOSED = List.of("cache-control", "content-language", "content-type",
            "expires", "last-modified", "pragma", "etag", "x-timestamp", "x-trans-id", "x-openstack-request-id");

    private Cors() {}

    static CompletableFuture<ProxyResponse> options(ControllerContext ctx, ProxyRequest req, List<String> allowed) {
        HttpHeaders h = SwiftHeaders.create();
        String allow = String.join(", ", allowed);
        h.set("Allow", allow);
        String origin = req.header("Origin");
        SwiftPath p = req.path();
        if (origin == null || p.container() == null) {
            return CompletableFuture.completedFuture(ProxyResponse.of(200, h, new byte[0]));
        }
        return ctx.infoCache().container(p.account(), p.container(), req.loop(), req.transId()).thenApply(info -> {
            String allowOrigin = info.meta().get("access-control-allow-origin");
            String method = req.header("Access-Control-Request-Method");
            if (!isAllowed(ctx, allowOrigin, origin) || method == null || !allowed.contains(method)) {
                return ProxyResponse.of(401, h, ProxyResponse.status(401).body());
            }
            List<String> vary = new java.util.ArrayList<>();
            if (allowOrigin != null && allowOrigin.strip().equals("*")) {
                h.set("Access-Control-Allow-Origin", "*");
            } else {
                h.set("Access-Control-Allow-Origin", origin);
                vary.add("Origin");
            }
            String maxAge = info.meta().get("access-control-max-age");
            if (maxAge != null) {
                h.set("Access-Control-Max-Age", maxAge);
            }
            h.set("Access-Control-Allow-Methods", allow);
            Set<String> requested = new LinkedHashSet<>();
            String asked = req.header("Access-Control-Request-Headers");
            if (asked != null) {
                Arrays.stream(asked.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(requested::add);
            }
            if (!requested.isEmpty()) {
                h.set("Access-Control-Allow-Headers", String.join(", ", requested));
                vary.add("Access-Control-Request-Headers");
            }
            if (!vary.isEmpty()) {
                h.set("Vary", String.join(", ", vary));
            }
            // Swift replaces the preflight answer's headers wholesale: no Content-Type is left
            return ProxyResponse.typeless(200, h);
        });
    }

    /**
     * Swift's {@code cors_validation}: the answer to a request with an {@code Origin}, decorated
     * when the container allows that origin (or always, without {@code strict_cors_mode}).
     */
    static CompletableFuture<ProxyResponse> decorate(ControllerContext ctx, ProxyRequest req, ProxyResponse resp) {
        String origin = req.header("Origin");
        SwiftPath p = req.path();
        if (origin == null || p.container() == null || req.methodName().equals("OPTIONS")) {
            return CompletableFuture.completedFuture(resp);
        }
        return ctx.infoCache().container(p.account(), p.container(), req.loop(), req.transId()).handle((info, err) -> {
            if (err != null) {
                return resp;
            }
            Map<String, String> meta = info.meta();
            String allowOrigin = meta.get("access-control-allow-origin");
            if (ctx.settings().strictCorsMode() && !isAllowed(ctx, allowOrigin, origin)) {
                return resp;
            }
            HttpHeaders h = resp.headers();
            if (!h.contains("Access-Control-Expose-Headers")) {
                Set<String> expose = new LinkedHashSet<>(EXPOSED);
                for (String name : h.names()) {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("x-container-meta") || lower.startsWith("x-object-meta")) {
                        expose.add(lower);
                    }
                }
                String extra = meta.get("access-control-expose-headers");
                if (extra != null) {
                    Arrays.stream(extra.split(" ")).map(String::strip).filter(s -> !s.isEmpty())
                            .map(s -> s.toLowerCase(Locale.ROOT)).forEach(expose::add);
                }
                h.set("Access-Control-Expose-Headers", String.join(", ", expose));
            }
            if (!h.contains("Access-Control-Allow-Origin")) {
                if (allowOrigin != null && allowOrigin.strip().equals("*")) {
                    h.set("Access-Control-Allow-Origin", "*");
                } else {
                    h.set("Access-Control-Allow-Origin", origin);
                    // Swift's listing_formats appends its Accept after this
                    String vary = h.get("Vary");
                    h.set("Vary", vary == null ? "Origin" : "Origin, " + vary);
                }
            }
            return resp;
        });
    }

    /** Swift's is_origin_allowed: the container's space-separated list plus cors_allow_origin. */
    private static boolean isAllowed(ControllerContext ctx, String allowOrigin, String origin) {
        Set<String> origins = new HashSet<>(ctx.settings().corsAllowOrigin());
        if (allowOrigin != null) {
            Arrays.stream(allowOrigin.split(" ")).map(String::strip).filter(s -> !s.isEmpty()).forEach(origins::add);
        }
        return origins.contains(origin) || origins.contains("*");
    }
}
