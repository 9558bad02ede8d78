package io.zerostore.node.server;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.RequestPath;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;

/**
 * The target of a backend object request, {@code /<device>/<partition>/<account>/<container>/<object>}
 * (the object part may contain slashes), and the request headers every method reads.
 */
record ObjectRequest(String device, int partition, String account, String container, String object,
                     HttpHeaders headers) {

    static ObjectRequest parse(HttpExchange ex) {
        RequestPath p = ex.path();
        if (!p.isPathValid()) {
            throw SwiftException.plain(400, "Invalid UTF8 or contains NULL");
        }
        String path = p.path();
        if (!path.startsWith("/")) {
            throw SwiftException.plain(400, "Invalid path: " + path);
        }
        String[] parts = path.substring(1).split("/", 5);
        if (parts.length < 5 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()
                || parts[3].isEmpty() || parts[4].isEmpty()) {
            throw SwiftException.plain(400, "Invalid path: " + path);
        }
        int partition;
        try {
            partition = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw SwiftException.plain(400, "Invalid partition: " + parts[1]);
        }
        if (partition < 0) {
            throw SwiftException.plain(400, "Invalid partition: " + parts[1]);
        }
        if (parts[0].equals(".") || parts[0].equals("..")) {
            throw SwiftException.plain(400, "Invalid device: " + parts[0]);
        }
        return new ObjectRequest(parts[0], partition, parts[2], parts[3], parts[4], ex.headers());
    }

    /** X-Timestamp, required on writes ({@code valid_timestamp}). */
    Timestamp timestamp() {
        String v = headers.get("X-Timestamp");
        if (v == null) {
            throw SwiftException.plain(400, "Missing timestamp");
        }
        Timestamp ts = Timestamp.parseOrNull(v);
        if (ts == null) {
            throw SwiftException.plain(400, "Invalid X-Timestamp header");
        }
        return ts;
    }

    /** X-Delete-At as integer seconds, 0 when absent; 400 when not an integer or before {@code notBefore}. */
    long deleteAt(double notBefore) {
        String v = headers.get("X-Delete-At");
        if (v == null || v.isEmpty()) {
            return 0;
        }
        long at;
        try {
            at = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw SwiftException.plain(400, "Non-integer X-Delete-At");
        }
        if (at < notBefore) {
            throw SwiftException.plain(400, "X-Delete-At in past");
        }
        return at;
    }

    String path() {
        return "/" + account + "/" + container + "/" + object;
    }
}
