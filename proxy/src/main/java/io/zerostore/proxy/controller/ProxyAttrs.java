package io.zerostore.proxy.controller;

import io.zerostore.common.http.Attr;
import io.zerostore.proxy.backend.BodyStream;

/** Per-request state shared by the proxy's filters and its controllers. */
public final class ProxyAttrs {
    /** The transaction id catch_errors assigned ({@code swift.trans_id}). */
    public static final Attr<String> TRANS_ID = Attr.of("swift.trans_id");
    /** A body to store instead of the client's (a COPY's source object). */
    public static final Attr<BodyStream> BODY = Attr.of("zerostore.body");
    /** Who made an internal request, for the access log ({@code swift.source}, e.g. {@code SSC}). */
    public static final Attr<String> SOURCE = Attr.of("swift.source");

    private ProxyAttrs() {}
}
