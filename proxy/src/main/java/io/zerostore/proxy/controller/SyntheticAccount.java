package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.swift.ListingBody;
import io.zerostore.common.swift.ListingFormat;
import java.util.List;

/**
 * The answer for an account that does not exist yet under account_autocreate: empty counts and
 * an empty listing in the requested format. Like Swift, HEAD says 200 here (not 204).
 */
final class SyntheticAccount {
    private SyntheticAccount() {}

    static ProxyResponse listing(ProxyRequest req) {
        String format = req.param("format");
        ListingFormat f = ListingFormat.negotiate(format, req.header("Accept"));
        HttpHeaders h = AccountController.emptyAccountHeaders();
        h.set("Content-Type", f.contentType());
        if (format == null) {
            h.set("Vary", "Accept");
        }
        if (req.methodName().equals("HEAD")) {
            h.set("Content-Length", "0");
            return ProxyResponse.of(200, h, new byte[0]);
        }
        byte[] body = ListingBody.account(f, req.path().account(), List.of());
        return ProxyResponse.of(body.length == 0 ? 204 : 200, h, body);
    }
}
