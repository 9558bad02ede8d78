package io.zerostore.proxy.controller;

import io.zerostore.common.http.RequestPath;
import io.zerostore.common.swift.SwiftException;
import java.util.List;

/**
 * The listing parameters Swift's proxy itself refuses when they are not UTF-8 (400, bare
 * {@code text/plain}, {@code "<name>" parameter not valid UTF-8}), before asking any server:
 * {@code format} on every account and container GET/HEAD (listing_formats), and on a container
 * GET also the parameters its shard-listing code reads. Other bad parameters reach the servers.
 */
final class ListingParams {
    private static final List<String> CONTAINER_GET = List.of("prefix", "marker", "end_marker", "delimiter", "path",
            "limit", "reverse", "includes", "states");

    private ListingParams() {}

    static void check(ProxyRequest req) {
        if (req.rawQuery().isEmpty()) {
            return;
        }
        List<String> invalid = RequestPath.parse("?" + req.rawQuery()).invalidParams();
        if (invalid.isEmpty()) {
            return;
        }
        refuseIfInvalid(invalid, "format");
        if (req.path().isContainer() && req.methodName().equals("GET")) {
            for (String name : CONTAINER_GET) {
                refuseIfInvalid(invalid, name);
            }
        }
    }

    private static void refuseIfInvalid(List<String> invalid, String name) {
        if (invalid.contains(name)) {
            throw SwiftException.plain(400, "\"" + name + "\" parameter not valid UTF-8");
        }
    }
}
