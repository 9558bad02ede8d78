package io.zerostore.node.server;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.Conditionals;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.DiskFile;
import io.zerostore.node.diskfile.DiskFileWriter;
import io.zerostore.node.diskfile.ObjectState;
import io.zerostore.node.diskfile.StoredObject;
import java.io.IOException;
import java.util.Set;

/**
 * Object PUT. Everything that can refuse the upload runs before the first body byte is asked for,
 * so {@code Expect: 100-continue} gets the final status instead of {@code 100} (Swift's
 * {@code _pre_create_checks}): headers, device (507), If-None-Match (412), the existing timestamp
 * (409 + X-Backend-Timestamp), and the space reservation (507). Then {@link ObjectUpload} streams.
 */
final class ObjectPutHandler {
    private final ObjectContext ctx;

    ObjectPutHandler(ObjectContext ctx) {
        this.ctx = ctx;
    }

    void handle(HttpExchange ex, ObjectRequest req) {
        Timestamp ts = req.timestamp();
        boolean chunked = HttpUtil.isTransferEncodingChunked(ex.request());
        long length = -1;
        if (!chunked) {
            String cl = req.headers().get("Content-Length");
            if (cl == null) {
                throw SwiftException.plain(411, "Missing Content-Length header.");
            }
            try {
                length = Long.parseLong(cl.strip());
            } catch (NumberFormatException e) {
                throw SwiftException.plain(400, "Invalid Content-Length header value");
            }
        }
        if (length > ctx.config().maxFileSize()) {
            throw SwiftException.plain(413, "Your request is too large.");
        }
        String contentType = req.headers().get("Content-Type");
        if (contentType == null) {
            throw SwiftException.plain(400, "No content type");
        }
        long deleteAt = req.deleteAt(ctx.now());
        MetadataRules.check(req.headers());
        Set<String> ifNoneMatch = Conditionals.tags(req.headers().get("If-None-Match"));
        long expected = length;
        ctx.executors().submit(req.device(), () -> prepare(req, ts, ifNoneMatch, expected))
                .whenComplete((admission, err) -> {
                    if (err != null) {
                        // on the event loop: a small body that came with the head has been taken in
                        // by then, so the answer can keep the connection alive
                        ex.eventLoop().execute(() -> Responses.fail(ex, req.device(), err));
                    } else if (admission instanceof Refused r) {
                        ex.eventLoop().execute(() -> Responses.status(ex, r.status(), r.headers()));
                    } else {
                        Admitted a = (Admitted) admission;
                        new ObjectUpload(ctx, ex, req, a.file(), a.writer(), ts, expected)
                                .onCommitted(() -> ctx.sendQueueChanges(req.device(), ctx.queue().forWrite(req.headers(),
                                        req.account(), req.container(), req.object(), a.oldDeleteAt(), deleteAt,
                                        ts), ts))
                                .start();
                    }
                });
    }

    /**
     * What the disk said about the upload. A refusal is an ordinary answer (an {@code If-None-Match}
     * that matched, a replica that already holds a newer version), not a failure: only a broken or
     * full disk fails the task.
     */
    private sealed interface Admission permits Admitted, Refused {}

    /** {@code oldDeleteAt}: the X-Delete-At of the object this PUT replaces (0: none), for the expirer's queue. */
    private record Admitted(DiskFile file, DiskFileWriter writer, long oldDeleteAt) implements Admission {}

    private record Refused(int status, HttpHeaders headers) implements Admission {}

    /** On the disk thread: the checks that need the disk, then the temporary file. */
    private Admission prepare(ObjectRequest req, Timestamp ts, Set<String> ifNoneMatch, long length)
            throws IOException {
        DiskFile file = ctx.files().get(req.device(), req.partition(), req.account(), req.container(), req.object());
        ObjectState state = file.read(ts.ticks() / (double) Timestamp.TICKS_PER_SECOND);
        Timestamp existing = null;
        long oldDeleteAt = 0;
        if (state instanceof ObjectState.Present p) {
            try (StoredObject obj = p.object()) {
                if (ifNoneMatch != null && Conditionals.contains(ifNoneMatch, obj.metadata().etag())) {
                    return new Refused(412, null);
                }
                existing = obj.dataTimestamp();
                oldDeleteAt = obj.metadata().deleteAt().orElse(0);
            }
        } else if (state instanceof ObjectState.Deleted d) {
            existing = d.timestamp();
        } else if (state instanceof ObjectState.Expired e) {
            existing = e.timestamp();
        }
        if (existing != null && existing.compareTo(ts) >= 0) {
            return new Refused(409, SwiftHeaders.create().set("X-Backend-Timestamp", existing.internal()));
        }
        return new Admitted(file, file.create(length), oldDeleteAt);
    }
}
