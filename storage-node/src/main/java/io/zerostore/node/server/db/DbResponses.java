package io.zerostore.node.server.db;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.SwiftStatus;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.IndexBusyException;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.index.IndexException;
import io.zerostore.node.index.MetadataLimitException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Writing container/account server answers the way Swift's servers write them. */
public final class DbResponses {
    private static final System.Logger LOG = System.getLogger(DbResponses.class.getName());
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private DbResponses() {}

    public static HttpHeaders headers() {
        return SwiftHeaders.create();
    }

    /** A response with Swift's default body for the status (HTML for 202/4xx, empty for 201/204). */
    public static void status(HttpExchange ex, int code, HttpHeaders h) {
        if (!h.contains("Content-Type")) {
            h.set("Content-Type", SwiftException.HTML);
        }
        ex.respond(code, h, SwiftStatus.defaultBody(code));
    }

    /** A response without a body (Swift's account server answers missing/deleted accounts so). */
    public static void empty(HttpExchange ex, int code, HttpHeaders h) {
        if (!h.contains("Content-Type")) {
            h.set("Content-Type", "text/html; charset=utf-8");
        }
        ex.respond(code, h, Unpooled.EMPTY_BUFFER);
    }

    /** A response with a body of the given type (listings). */
    public static void body(HttpExchange ex, int code, HttpHeaders h, byte[] body) {
        ex.respond(code, h, Unpooled.wrappedBuffer(body));
    }

    /**
     * A listing answer as both DB servers give it: {@code Vary: Accept} when the format came from the
     * Accept header, 204 without a body for HEAD or an empty listing, else 200 with the listing.
     */
    public static void listing(HttpExchange ex, HttpHeaders h, boolean vary, boolean head, Supplier<byte[]> body) {
        if (vary) {
            h.set("Vary", "Accept");
        }
        if (head) {
            body(ex, 204, h, new byte[0]);
            return;
        }
        byte[] b = body.get();
        body(ex, b.length == 0 ? 204 : 200, h, b);
    }

    /** {@code Last-Modified}: the timestamp rounded up to whole seconds. */
    public static String lastModified(Timestamp ts) {
        return HTTP_DATE.format(Instant.ofEpochSecond(ts.ceilSeconds()));
    }

    /** Adds metadata headers, their values back in wire form. */
    public static void metadata(HttpHeaders h, Map<String, String> visible) {
        visible.forEach((k, v) -> h.set(HeaderText.encode(k), HeaderText.encode(v)));
    }

    /** Answers a failed request: Swift errors as given, a busy index 503, a broken device 507, else 500. */
    public static void fail(HttpExchange ex, Throwable t, String device) {
        Throwable c = SwiftException.unwrap(t);
        if (ex.headSent()) {
            ex.abort();
            return;
        }
        if (c instanceof SwiftException se) {
            ex.respondError(se);
        } else if (c instanceof MetadataLimitException m) {
            ex.respondError(SwiftException.html(400, m.getMessage()));
        } else if (c instanceof IndexBusyException) {
            ex.respondError(new SwiftException(503));
        } else if (c instanceof IndexDevices.DeviceUnavailableException || c instanceof IndexException) {
            if (c instanceof IndexException) {
                LOG.log(System.Logger.Level.ERROR, "index failure on " + device, c);
            }
            ex.respondError(insufficientStorage(device));
        } else {
            LOG.log(System.Logger.Level.ERROR, "error in " + ex.method() + " " + ex.request().uri(), c);
            ex.respondError(SwiftException.plain(500, "An error occurred"));
        }
    }

    public static SwiftException insufficientStorage(String device) {
        return SwiftException.insufficientStorage(device);
    }
}
