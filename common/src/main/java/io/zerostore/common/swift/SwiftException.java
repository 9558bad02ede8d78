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
    private final boolean ownBody;

    public SwiftException(int status) {
        this(status, null, HTML, Map.of());
    }

    public SwiftException(int status, String body, String contentType, Map<String, String> headers) {
        this(status, body, contentType, headers, body != null);
    }

    private SwiftException(int status, String body, String contentType, Map<String, String> headers, boolean ownBody) {
        super(status + (body == null ? "" : " " + body), null, false, false);
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.headers = Map.copyOf(headers);
        this.ownBody = ownBody;
    }

    /** 507 with Swift's default page, which names the drive (a default page: HEAD says length 0). */
    public static SwiftException insufficientStorage(String drive) {
        return new SwiftException(507, SwiftStatus.insufficientStorageBody(drive), HTML, Map.of(), false);
    }

    /** A constraint error: Swift answers these with a short bare {@code text/plain} body. */
    public static SwiftException plain(int status, String body) {
        return new SwiftException(status, body, PLAIN, Map.of());
    }

    /** Text body labelled as HTML, a Swift quirk for some errors (e.g. container name too long). */
    public static SwiftException html(int status, String body) {
        return new SwiftException(status, body, HTML, Map.of());
    }

    /**
     * The failure a future carries, without the {@code CompletionException}/{@code ExecutionException}
     * wrapping around it: what an answer is chosen by.
     */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body != null ? body : SwiftStatus.defaultBody(status);
    }

    /**
     * True when the error has its own text rather than Swift's default page. A HEAD answer keeps
     * such a body's Content-Length (Swift's swob does), while a default page's HEAD says 0.
     */
    public boolean hasOwnBody() {
        return ownBody;
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
