package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * The answer for an account that does not exist yet under account_autocreate: empty counts and
 * an empty listing in the requested format. Like Swift, HEAD says 200 here (not 204).
 */
final class SyntheticAccount {
    private SyntheticAccount() {}

    static ProxyResponse listing(ProxyRequest req) {
        String format = req.param("format");
        String type = ListingFormat.contentType(format, req.header("Accept"));
        HttpHeaders h = AccountController.emptyAccountHeaders();
        h.set("Content-Type", type + "; charset=utf-8");
        if (format == null) {
            h.set("Vary", "Accept");
        }
        if (req.methodName().equals("HEAD")) {
            h.set("Content-Length", "0");
            return ProxyResponse.of(200, h, new byte[0]);
        }
        return switch (type) {
            case "application/json" -> ProxyResponse.of(200, h, "[]");
            case "application/xml", "text/xml" -> ProxyResponse.of(200, h,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\""
                            + xmlEscape(req.path().account()) + "\">\n</account>");
            default -> ProxyResponse.of(204, h, new byte[0]);
        };
    }

    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
