package io.zerostore.node.server;

import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.DiskFile;
import io.zerostore.node.diskfile.ObjectMetadata;
import io.zerostore.node.diskfile.ObjectState;
import io.zerostore.node.diskfile.StoredObject;
import io.zerostore.node.updater.ContainerUpdate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Object POST: a {@code <ts>.meta} that replaces all user metadata, the allowed headers and
 * optionally the Content-Type (a type set by an earlier POST stays until changed); data, ETag,
 * size and sysmeta stay. 202, 404 when missing, deleted or expired (at the request's timestamp, as
 * Swift checks), 409 when not newer than what is stored. Like Swift, every POST updates the
 * container listing: its content type and, as last-modified, the POST's timestamp.
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
        ctx.executors().submit(req.device(), () -> post(req, ts, reqSeconds)).whenComplete((done, err) -> {
            if (err != null) {
                Responses.fail(ex, req.device(), err);
                return;
            }
            CompletableFuture<?> queued = ctx.sendQueueChanges(req.device(), ctx.queue().forWrite(req.headers(),
                    req.account(), req.container(), req.object(), done.oldDeleteAt(), deleteAt, ts), ts);
            // wait on a new future: completing the update's own future early would skip its async pending
            CompletableFuture.allOf(ctx.updater().update(req.device(), done.device(), done.hash(), ts, done.update()),
                            queued)
                    .completeOnTimeout(null, ctx.config().containerUpdateTimeout().toNanos(), TimeUnit.NANOSECONDS)
                    .whenComplete((x, e) -> Responses.status(ex, 202, SwiftHeaders.create()));
        });
    }

    /** What a POST wrote: where, the listing update to send, and the X-Delete-At it replaced (0: none). */
    private record Posted(Path device, String hash, ContainerUpdate update, long oldDeleteAt) {}

    private Posted post(ObjectRequest req, Timestamp ts, double reqSeconds) throws Exception {
        DiskFile file = ctx.files().get(req.device(), req.partition(), req.account(), req.container(), req.object());
        ObjectState state = file.read(reqSeconds);
        if (!(state instanceof ObjectState.Present p)) {
            throw new SwiftException(404);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, String> update = new LinkedHashMap<>();
        String ct = req.headers().get("Content-Type");
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
            if (ct == null) {
                ct = obj.metadata().get(ObjectMetadata.CONTENT_TYPE);
            }
            update.put("X-Timestamp", ts.internal());
            update.put("X-Size", Long.toString(obj.contentLength()));
            update.put("X-Etag", String.valueOf(obj.metadata().get(ObjectMetadata.ETAG)));
        }
        if (ct != null) {
            meta.put(ObjectMetadata.CONTENT_TYPE, ct);
            update.put("X-Content-Type", ct);
        }
        MetadataRules.collect(req.headers(), false, meta);
        file.writeMetadata(ObjectMetadata.of(meta));
        String tx = req.headers().get("X-Trans-Id");
        if (tx != null) {
            update.put("X-Trans-Id", tx);
        }
        update.put("X-Backend-Storage-Policy-Index", "0");
        ContainerUpdate u = new ContainerUpdate("PUT", req.account(), req.container(), req.object(), update,
                ContainerUpdate.targetsOf(req.headers()));
        return new Posted(ctx.files().device(req.device()), file.hash(), u, oldDeleteAt);
    }
}
