package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.HttpHandler;
import io.zerostore.common.http.RequestPath;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.metrics.Metrics;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.proxy.auth.AuthAttrs;
import io.zerostore.proxy.backend.BodyStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The end of the proxy's pipeline (Swift's {@code proxy-server} app): routes {@code /info},
 * {@code /metrics} and {@code /v1/...} paths to controllers, checks the method, authorizes, and
 * writes the controller's answer. Filters use {@link #handle(ProxyRequest)} for sub-requests
 * (registered as a service), which runs the same routing and authorization.
 */
public final class ProxyApp implements HttpHandler {
    private final AccountController accounts;
    private final ContainerController containers;
    private final ObjectController objects;
    private final InfoController info;
    private final ControllerContext ctx;

    public ProxyApp(ControllerContext ctx, Capabilities capabilities, boolean exposeInfo, List<String> disallowedSections) {
        this.ctx = ctx;
        this.accounts = new AccountController(ctx);
        this.containers = new ContainerController(ctx);
        this.objects = new ObjectController(ctx);
        this.info = new InfoController(capabilities, exposeInfo, disallowedSections);
    }

    @Override
    public void handle(HttpExchange ex) {
        try {
            RequestPath rp = ex.path();
            if (!rp.isPathValid()) {
                throw SwiftException.html(412, "Invalid UTF8 or contains NULL");
            }
            String path = rp.path();
            if (path.equals("/info")) {
                boolean adminQuery = isSet(rp.param("swiftinfo_sig")) || isSet(rp.param("swiftinfo_expires"));
                ResponseWriter.write(ex, info.handle(ex.method().name(), ex.headers().get("Origin"), adminQuery));
                return;
            }
            if (path.equals("/metrics")) {
                ResponseWriter.write(ex, metrics());
                return;
            }
            ProxyRequest req = fromExchange(ex, SwiftPath.parse(path));
            handle(req).whenComplete((resp, err) -> {
                if (err != null) {
                    ResponseWriter.writeError(ex, err);
                } else {
                    ResponseWriter.write(ex, resp);
                }
            });
        } catch (RuntimeException e) {
            ResponseWriter.writeError(ex, e);
        }
    }

    /** Serves a request (a client's or a filter's sub-request); never throws. */
    public CompletableFuture<ProxyResponse> handle(ProxyRequest req) {
        CompletableFuture<ProxyResponse> result;
        try {
            result = dispatch(req);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        BodyStream body = req.body();
        if (body != null && !req.bodyFromClient()) {
            // a body from a storage server must not hold its connection when the request failed early
            result.whenComplete((r, e) -> body.abort());
        }
        return result;
    }

    private CompletableFuture<ProxyResponse> dispatch(ProxyRequest req) {
        SwiftPath p = req.path();
        Controller c = p.isObject() ? objects : p.isContainer() ? containers : accounts;
        String method = req.methodName();
        if (!c.allowedMethods().contains(method)) {
            return Replies.error(new SwiftException(405, null, SwiftException.HTML,
                    Map.of("Allow", String.join(", ", c.allowedMethods()))));
        }
        SwiftException denial = req.authorize(null);
        if (denial != null && !c.delaysDenial(method)) {
            return Replies.error(denial);
        }
        return c.handle(req).thenCompose(resp -> Cors.decorate(ctx, req, resp));
    }

    private static ProxyRequest fromExchange(HttpExchange ex, SwiftPath path) {
        BodyStream override = ex.attr(ProxyAttrs.BODY);
        RequestPath rp = ex.path();
        return ProxyRequest.builder()
                .method(ex.method())
                .path(path)
                .query(rp.rawQuery(), rp.params())
                .headers(ex.headers())
                .body(override != null ? override : BodyStream.ofClient(ex.body()), override == null)
                .authorizer(ex.attr(AuthAttrs.AUTHORIZER))
                .transId(ex.attr(ProxyAttrs.TRANS_ID))
                .loop(ex.eventLoop())
                .build();
    }

    private static boolean isSet(String param) {
        return param != null && !param.isEmpty();
    }

    private static ProxyResponse metrics() {
        HttpHeaders h = SwiftHeaders.create();
        h.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        return ProxyResponse.of(200, h, Metrics.scrape());
    }
}
