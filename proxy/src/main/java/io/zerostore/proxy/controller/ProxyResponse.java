package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.proxy.backend.BodyStream;
import java.nio.charset.StandardCharsets;

/**
 * The answer of a controller, before it is written: status, headers and either a small body in
 * memory or a {@link BodyStream} from a storage server (an object or a listing). The proxy app
 * writes it to the client; an internal caller (COPY, a job) may consume the stream itself.
 */
public final class ProxyResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final BodyStream stream;
    private final boolean typeless;

    private ProxyResponse(int status, HttpHeaders headers, byte[] body, BodyStream stream, boolean typeless) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.stream = stream;
        this.typeless = typeless;
    }

    /** A response with a small body; Content-Length is set when written. */
    public static ProxyResponse of(int status, HttpHeaders headers, byte[] body) {
        return new ProxyResponse(status, headers, body == null ? new byte[0] : body, null, false);
    }

    public static ProxyResponse of(int status, HttpHeaders headers, String body) {
        return of(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Swift's default response for a status: its HTML body, or empty for 2xx/304. */
    public static ProxyResponse status(int status) {
        return error(new SwiftException(status));
    }

    public static ProxyResponse error(SwiftException e) {
        HttpHeaders h = SwiftHeaders.create();
        e.headers().forEach(h::set);
        h.set("Content-Type", e.contentType());
        byte[] body = e.body().getBytes(StandardCharsets.UTF_8);
        if (e.hasOwnBody()) {
            // kept on a HEAD answer too (Swift's swob); a default page's HEAD says 0
            h.set("Content-Length", body.length);
        }
        return of(e.status(), h, body);
    }

    /** A streamed body; the headers should carry its Content-Length when known. */
    public static ProxyResponse streamed(int status, HttpHeaders headers, BodyStream stream) {
        return new ProxyResponse(status, headers, null, stream, false);
    }

    /**
     * An empty answer that gets no default Content-Type: Swift's CORS preflight replaces all of
     * its response's headers, so none is sent.
     */
    public static ProxyResponse typeless(int status, HttpHeaders headers) {
        return new ProxyResponse(status, headers, new byte[0], null, true);
    }

    /** True when no default Content-Type may be added. */
    public boolean isTypeless() {
        return typeless;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The in-memory body, or null when streamed. */
    public byte[] body() {
        return body;
    }

    /** The streamed body, or null. */
    public BodyStream stream() {
        return stream;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Releases the backend connection of a response nobody will read. */
    public void discard() {
        if (stream != null) {
            stream.abort();
        }
    }
}
