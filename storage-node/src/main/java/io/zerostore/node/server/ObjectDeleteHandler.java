package io.zerostore.node.server;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.DiskFile;
import io.zerostore.node.diskfile.ObjectState;
import io.zerostore.node.diskfile.StoredObject;
import io.zerostore.node.updater.ContainerUpdate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Object DELETE with Swift's outcomes: a tombstone is written whenever the request is newer than
 * what is stored, even for a missing object; 204 if an object existed, 404 otherwise; 409 if a
 * newer object exists. Every answer carries {@code X-Backend-Timestamp} (the newer of the two).
 * {@code X-If-Delete-At} (the expirer's guard) must match the stored X-Delete-At, else 412.
 */
final class ObjectDeleteHandler {
    private final ObjectContext ctx;

    ObjectDeleteHandler(ObjectContext ctx) {
        this.ctx = ctx;
    }

    private record Outcome(int status, Timestamp responseTimestamp, Path device, String hash, boolean updated,
                           long oldDeleteAt) {}

    void handle(HttpExchange ex, ObjectRequest req) {
        Timestamp ts = req.timestamp();
        ctx.executors().submit(req.device(), () -> delete(req, ts)).whenComplete((o, err) -> {
            if (err != null) {
                Responses.fail(ex, req.device(), err);
                return;
            }
            HttpHeaders h = SwiftHeaders.create();
            h.set("X-Backend-Timestamp", o.responseTimestamp().internal());
            if (!o.updated()) {
                Responses.status(ex, o.status(), h);
                return;
            }
            CompletableFuture<Void> queued = ctx.sendQueueChanges(req.device(), ctx.queue().forDelete(req.headers(),
                    req.account(), req.container(), req.object(), o.oldDeleteAt(), ts), ts);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Timestamp", ts.internal());
            String tx = req.headers().get("X-Trans-Id");
            if (tx != null) {
                headers.put("X-Trans-Id", tx);
            }
            headers.put("X-Backend-Storage-Policy-Index", "0");
            ContainerUpdate u = new ContainerUpdate("DELETE", req.account(), req.container(), req.object(), headers,
                    ContainerUpdate.targetsOf(req.headers()));
            // wait on a new future: completing the update's own future early would skip its async pending
            CompletableFuture.allOf(ctx.updater().update(req.device(), o.device(), o.hash(), ts, u), queued)
                    .completeOnTimeout(null, ctx.config().containerUpdateTimeout().toNanos(), TimeUnit.NANOSECONDS)
                    .whenComplete((x, e) -> Responses.status(ex, o.status(), h));
        });
    }

    private Outcome delete(ObjectRequest req, Timestamp ts) throws Exception {
        DiskFile file = ctx.files().get(req.device(), req.partition(), req.account(), req.container(), req.object());
        ObjectState state = file.read(ctx.now());
        Timestamp orig = Timestamp.ZERO;
        OptionalLong origDeleteAt = OptionalLong.empty();
        int status;
        if (state instanceof ObjectState.Present p) {
            try (StoredObject obj = p.object()) {
                orig = obj.dataTimestamp();
                origDeleteAt = obj.metadata().deleteAt();
            }
            status = orig.compareTo(ts) < 0 ? 204 : 409;
        } else {
            if (state instanceof ObjectState.Expired e) {
                origDeleteAt = e.metadata().deleteAt();
            }
            Timestamp bt = state.backendTimestamp();
            orig = bt == null ? Timestamp.ZERO : bt;
            status = 404;
        }
        String ifDeleteAt = req.headers().get("X-If-Delete-At");
        if (ifDeleteAt != null) {
            long wanted;
            try {
                wanted = (long) Math.floor(Double.parseDouble(ifDeleteAt.strip()));
            } catch (NumberFormatException e) {
                throw SwiftException.plain(400, "Bad X-If-Delete-At header value");
            }
            if (orig.equals(Timestamp.ZERO)) {
                throw new SwiftException(404);
            }
            if (origDeleteAt.orElse(0) != wanted) {
                throw SwiftException.plain(412, "X-If-Delete-At and X-Delete-At do not match");
            }
        }
        Timestamp response = orig.compareTo(ts) > 0 ? orig : ts;
        boolean newer = orig.compareTo(ts) < 0;
        if (newer) {
            file.delete(ts);
        }
        return new Outcome(status, response, ctx.files().device(req.device()), file.hash(), newer,
                origDeleteAt.orElse(0));
    }
}
