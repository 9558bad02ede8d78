package io.zerostore.node.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.ByteRanges;
import io.zerostore.common.swift.Conditionals;
import io.zerostore.common.swift.MultipartByteranges;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.SwiftStatus;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.ObjectState;
import io.zerostore.node.diskfile.StoredObject;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * Object GET and HEAD, answered as Swift's proxy would show them (BACKEND.md): conditionals first
 * (304/412, SWIFT-API.md §8 order), then HEAD, then Range (206 single, 206 multipart/byteranges,
 * 416, or 200 when the header is ignored). The body is sent by {@link FileStreamer} with sendfile.
 */
final class ObjectGetHandler {
    private final ObjectContext ctx;

    ObjectGetHandler(ObjectContext ctx) {
        this.ctx = ctx;
    }

    void handle(HttpExchange ex, ObjectRequest req) {
        ctx.executors().submit(req.device(), () -> {
            ObjectState state = ctx.files().get(req.device(), req.partition(), req.account(), req.container(),
                    req.object()).read(ctx.now());
            answer(ex, req, state);
            return null;
        }).whenComplete((v, err) -> {
            if (err != null) {
                Responses.fail(ex, req.device(), err);
            }
        });
    }

    /** On the disk thread that read the object. */
    private void answer(HttpExchange ex, ObjectRequest req, ObjectState state) {
        HttpHeaders rh = req.headers();
        Conditionals.Request cond = new Conditionals.Request(rh.get("If-Match"), rh.get("If-None-Match"),
                rh.get("If-Modified-Since"), rh.get("If-Unmodified-Since"));
        if (!(state instanceof ObjectState.Present present)) {
            notFound(ex, state, cond);
            return;
        }
        StoredObject obj = present.object();
        boolean handedOver = false;
        try {
            HttpHeaders h = ObjectHeaders.of(obj);
            long size = obj.contentLength();
            Timestamp ts = obj.timestamp();
            int verdict = Conditionals.evaluate(cond, obj.metadata().etag(), 200, ts.ceilSeconds());
            if (verdict == 304) {
                h.set("Content-Length", 0);
                ex.respond(304, h, Unpooled.EMPTY_BUFFER);
                return;
            }
            if (verdict == 412) {
                h.set("Content-Length", 0);
                h.set("Content-Type", SwiftException.HTML);
                h.remove("Accept-Ranges");
                ex.respond(412, h, Unpooled.EMPTY_BUFFER);
                return;
            }
            if (ex.method().equals(HttpMethod.HEAD)) {
                ex.respond(200, h, Unpooled.EMPTY_BUFFER);
                return;
            }
            ArrayDeque<FileStreamer.Segment> body = new ArrayDeque<>();
            int status = 200;
            Optional<ByteRanges> ranges = ByteRanges.parse(rh.get("Range"));
            List<ByteRanges.Range> list = ranges.map(r -> r.forLength(size)).orElse(null);
            if (list != null && list.isEmpty()) {
                h.set("Content-Range", "bytes */" + size);
                h.remove("Content-Length");
                ex.respond(416, h, SwiftStatus.defaultBody(416));
                return;
            } else if (list != null && size > 0 && list.size() == 1) {
                ByteRanges.Range r = list.get(0);
                status = 206;
                h.set("Content-Range", r.contentRange(size));
                h.set("Content-Length", r.length());
                body.add(FileStreamer.Segment.region(r.start(), r.length()));
            } else if (list != null && size > 0) {
                status = 206;
                MultipartByteranges mp = new MultipartByteranges(obj.metadata().contentType(), size);
                h.set("Content-Type", mp.responseContentType());
                h.set("Content-Length", mp.contentLength(list));
                for (ByteRanges.Range r : list) {
                    body.add(FileStreamer.Segment.bytes(mp.partHead(r)));
                    body.add(FileStreamer.Segment.region(r.start(), r.length()));
                    body.add(FileStreamer.Segment.bytes(MultipartByteranges.partTail()));
                }
                body.add(FileStreamer.Segment.bytes(mp.closing()));
            } else if (size > 0) {
                body.add(FileStreamer.Segment.region(0, size));
            }
            if (body.isEmpty()) {
                ex.respond(status, h, Unpooled.EMPTY_BUFFER);
                return;
            }
            HttpResponse head = ex.newHead(status);
            head.headers().set(h);
            handedOver = true;
            new FileStreamer(ex, obj, body, ctx.executors(), req.device(), ctx.config().sendWindow(),
                    ctx.config().disk().keepCacheSize()).start(head);
        } finally {
            if (!handedOver) {
                obj.close();
            }
        }
    }

    private static void notFound(HttpExchange ex, ObjectState state, Conditionals.Request cond) {
        HttpHeaders h = SwiftHeaders.create();
        Timestamp bt = state.backendTimestamp();
        if (bt != null) {
            h.set("X-Backend-Timestamp", bt.internal());
        }
        if (Conditionals.evaluate(cond, null, 404, -1) == 412) {
            h.set("Content-Type", SwiftException.HTML);
            h.set("Content-Length", 0);
            ex.respond(412, h, Unpooled.EMPTY_BUFFER);
            return;
        }
        Responses.status(ex, 404, h);
    }
}
