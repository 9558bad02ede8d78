package io.zerostore.node.server;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.SwiftStatus;
import io.zerostore.node.diskfile.DeviceUnavailableException;
import io.zerostore.node.diskfile.DiskFullException;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/** Turns a failure of an object request into Swift's response; one place for the status mapping. */
public final class Responses {
    private static final System.Logger LOG = System.getLogger(Responses.class.getName());

    private Responses() {}

    /** Maps a failure: SwiftException as is, a full or missing device 507, a full disk queue 503, else 500. */
    public static SwiftException toSwift(Throwable t, String device) {
        Throwable e = SwiftException.unwrap(t);
        if (e instanceof SwiftException s) {
            return s;
        }
        if (e instanceof DeviceUnavailableException || e instanceof DiskFullException) {
            return SwiftException.insufficientStorage(device);
        }
        if (e instanceof RejectedExecutionException) {
            return new SwiftException(503);
        }
        LOG.log(System.Logger.Level.ERROR, "object request on " + device + " failed", e);
        return new SwiftException(500);
    }

    /** Answers with the failure, or cuts the connection if the response had already started. */
    public static void fail(HttpExchange ex, String device, Throwable t) {
        SwiftException e = toSwift(t, device);
        if (ex.headSent()) {
            ex.abort();
        } else {
            ex.respondError(e);
        }
    }

    /** An error with extra headers, e.g. 404/409 with X-Backend-Timestamp. */
    static SwiftException error(int status, String header, String value) {
        return new SwiftException(status, null, SwiftException.HTML, Map.of(header, value));
    }

    /** Swift's default response for a status: HTML explanation body or empty (always empty for HEAD). */
    static void status(HttpExchange ex, int status, HttpHeaders extra) {
        HttpHeaders h = extra == null ? SwiftHeaders.create() : extra;
        if (!h.contains("Content-Type")) {
            h.set("Content-Type", SwiftException.HTML);
        }
        boolean head = ex.method().equals(HttpMethod.HEAD);
        ex.respond(status, h, head ? "" : SwiftStatus.defaultBody(status));
    }
}
