package io.zerostore.proxy.backend;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.ring.Device;
import io.zerostore.common.swift.Timestamp;

/**
 * A small, fully read answer of one storage server (or a stand-in such as the 503 for a node that
 * never answered). Bodies here are short: error pages, empty 2xx bodies.
 *
 * @param node null for a stand-in
 */
public record BackendResponse(int status, HttpHeaders headers, byte[] body, Device node) {
    private static final byte[] NONE = new byte[0];

    /** What Swift records for a replica that could not be reached. */
    public static BackendResponse unavailable() {
        return new BackendResponse(503, EmptyHttpHeaders.INSTANCE, NONE, null);
    }

    public static BackendResponse of(int status) {
        return new BackendResponse(status, EmptyHttpHeaders.INSTANCE, NONE, null);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }

    /** The server's {@code X-Backend-Timestamp} (a tombstone's time on a 404), or null. */
    public Timestamp backendTimestamp() {
        return Timestamp.parseOrNull(headers.get("X-Backend-Timestamp"));
    }
}
