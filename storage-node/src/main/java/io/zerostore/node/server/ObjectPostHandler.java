package io.zerostore.node.server;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.DiskFile;
import io.zerostore.node.diskfile.ObjectMetadata;
import io.zerostore.node.diskfile.ObjectState;
import io.zerostore.node.diskfile.StoredObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Object POST: a {@code <ts>.meta} that replaces all user metadata, the allowed headers and
 * optionally the Content-Type; data, ETag, size and sysmeta stay. 202, 404 when missing, deleted
 * or expired (at the request's timestamp, as Swift checks), 409 when not newer than what is stored.
 */
final class ObjectPostHandler {
    private final ObjectContext ctx;

    ObjectPostHandler(ObjectContext ctx) {
        this.ctx = ctx;
    }

    void handle(HttpExchange ex, ObjectRequest req) {
        Timestamp ts = req.timestamp();
        double reqSeconds = ts.ticks() / (double) Timestamp.TICKS_PER_SECOND;
        long deleteAt = req.deleteAt(ctx.now());
        MetadataRules.check(req.headers());
        ctx.executors().submit(req.device(), () -> post(req, ts, reqSeconds)).whenComplete((oldDeleteAt, err) -> {
            if (err != null) {
                Responses.fail(ex, req.device(), err);
            } else {
                ctx.sendQueueChanges(req.device(), ctx.queue().forWrite(req.headers(), req.account(), req.container(),
                                req.object(), oldDeleteAt, deleteAt, ts), ts)
                        .completeOnTimeout(null, ctx.config().containerUpdateTimeout().toNanos(), TimeUnit.NANOSECONDS)
                        .whenComplete((x, e) -> Responses.status(ex, 202, new DefaultHttpHeaders()));
            }
        });
    }

    /** Writes the {@code .meta}; returns the X-Delete-At it replaced (0: none). */
    private long post(ObjectRequest req, Timestamp ts, double reqSeconds) throws Exception {
        DiskFile file = ctx.files().get(req.device(), req.partition(), req.account(), req.container(), req.object());
        ObjectState state = file.read(reqSeconds);
        if (!(state instanceof ObjectState.Present p)) {
            throw new SwiftException(404);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        long oldDeleteAt;
        try (StoredObject obj = p.object()) {
            oldDeleteAt = obj.metadata().deleteAt().orElse(0);
            Timestamp existing = obj.timestamp();
            if (existing.compareTo(ts) >= 0) {
                throw Responses.error(409, "X-Backend-Timestamp", existing.internal());
            }
            meta.put(ObjectMetadata.TIMESTAMP, ts.internal());
            String slo = obj.metadata().get("X-Static-Large-Object");
            if (slo != null) {
                meta.put("X-Static-Large-Object", slo); // a manifest stays a manifest
            }
        }
        String ct = req.headers().get("Content-Type");
        if (ct != null) {
            meta.put(ObjectMetadata.CONTENT_TYPE, ct);
        }
        MetadataRules.collect(req.headers(), false, meta);
        file.writeMetadata(ObjectMetadata.of(meta));
        return oldDeleteAt;
    }
}
