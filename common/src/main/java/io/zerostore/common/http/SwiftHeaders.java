package io.zerostore.common.http;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * Header maps as Swift needs them. Swift stores and returns metadata whose names carry non-ASCII
 * bytes ({@code X-Object-Meta-üml}), which Netty's default header maps refuse (names must be
 * RFC 7230 tokens). These maps take any name and, like Netty's, still refuse values with control
 * characters, so no CR/LF can ever be written into a response. Every header map of a request or
 * response that may carry a client's header comes from here.
 */
public final class SwiftHeaders {
    /** For messages' headers: any name, checked values. */
    public static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withNameValidation(false);
    /** For trailers. */
    public static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory().withNameValidation(false);

    private SwiftHeaders() {}

    /** A new, empty header map. */
    public static HttpHeaders create() {
        return HEADERS.newHeaders();
    }
}
