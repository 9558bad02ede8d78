package io.zerostore.node.server;

import io.micrometer.core.instrument.Timer;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.HttpHandler;
import io.zerostore.common.metrics.Metrics;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.node.replication.ReplicationServer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The object server's app at the end of its pipeline: routes a backend request by method; the
 * replication methods (REPLICATE, SSYNC) go to the {@link ReplicationServer}.
 */
final class ObjectApp implements HttpHandler {
    private final ObjectPutHandler put;
    private final ObjectGetHandler get;
    private final ObjectPostHandler post;
    private final ObjectDeleteHandler delete;
    private final ReplicationServer replication;

    ObjectApp(ObjectContext ctx, ReplicationServer replication) {
        this.replication = replication;
        this.put = new ObjectPutHandler(ctx);
        this.get = new ObjectGetHandler(ctx);
        this.post = new ObjectPostHandler(ctx);
        this.delete = new ObjectDeleteHandler(ctx);
    }

    @Override
    public void handle(HttpExchange ex) {
        String method = ex.method().name();
        ex.onComplete(done -> Timer.builder("zerostore.object.requests")
                .description("object server requests by method and status")
                .tag("method", method).tag("status", Integer.toString(done.status()))
                .register(Metrics.registry())
                .record(System.nanoTime() - done.startNanos(), TimeUnit.NANOSECONDS));
        if (ReplicationServer.handles(ex.method())) {
            replication.handle(ex);
            return;
        }
        ObjectRequest req = null;
        try {
            req = ObjectRequest.parse(ex);
            switch (method) {
                case "PUT" -> put.handle(ex, req);
                case "GET", "HEAD" -> get.handle(ex, req);
                case "POST" -> post.handle(ex, req);
                case "DELETE" -> delete.handle(ex, req);
                default -> throw new SwiftException(405);
            }
        } catch (RejectedExecutionException e) {
            Responses.fail(ex, req == null ? "" : req.device(), e);
        }
    }
}
