package io.zerostore.common.swift;

import java.util.Map;

/**
 * A request that ends with a Swift error status. Thrown anywhere in a request's handling; the
 * pipeline turns it into the response Swift would send (status line, body, content type).
 * A null body means Swift's default HTML body for the status.
 */
public class SwiftException extends RuntimeException {
    public static final String HTML = "text/html; charset=UTF-8";
    public static final String PLAIN = "text/plain";

    private final int status;
    private final String body;
    private final String contentType;
    private final Map<String, String> headers;

    public SwiftException(int status) {
        this(status, null, HTML, Map.of());
    }

    public SwiftException(int status, String body, String contentType, Map<String, String> headers) {
        super(status + (body == null ? "" : " " + body), null, false, false);
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.headers = Map.copyOf(headers);
    }

    /** A constraint error: Swift answers these with a short bare {@code text/plain} body. */
    public static SwiftException plain(int status, String body) {
        return new SwiftException(status, body, PLAIN, Map.of());
    }

    /** Text body labelled as HTML, a Swift quirk for some errors (e.g. container name too long). */
    public static SwiftException html(int status, String body) {
        return new SwiftException(status, body, HTML, Map.of());
    }

    public int status() {
        return status;
    }

    public String body() {
        return body != null ? body : SwiftStatus.defaultBody(status);
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
