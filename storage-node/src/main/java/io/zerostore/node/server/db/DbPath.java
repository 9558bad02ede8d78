package io.zerostore.node.server.db;

import io.zerostore.common.http.RequestPath;
import io.zerostore.common.swift.SwiftException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A container or account server path {@code /<device>/<partition>/<account>[/<container>[/<object>]]},
 * split and checked as Swift's {@code split_and_validate_path} does (the last segment keeps any
 * further slashes). Bad paths are 400 with Swift's {@code text/plain} body.
 *
 * @param container null when absent
 * @param object    null when absent (an empty trailing segment counts as absent, as in Swift)
 */
public record DbPath(String device, String partition, String account, String container, String object) {
    /**
     * Swift's {@code split_path}.
     *
     * @param minSegments   segments required, counted from the device (3 = account, 4 = container)
     * @param maxSegments   segments allowed
     * @param restWithLast  the last segment keeps any further slashes (object names); otherwise more
     *                      segments are an error, except one empty trailing segment
     */
    public static DbPath parse(RequestPath req, int minSegments, int maxSegments, boolean restWithLast) {
        if (!req.isPathValid()) {
            throw SwiftException.html(412, "Invalid UTF8 or contains NULL");
        }
        String path = req.path();
        int min = minSegments + 1;
        int max = maxSegments + 1;
        String[] segs = path.split("/", restWithLast ? max : max + 1);
        int count = segs.length;
        boolean bad = !segs[0].isEmpty() || count < min
                || (restWithLast ? count > max : count > max + 1 || (count == max + 1 && !segs[max].isEmpty()));
        for (int i = 1; !bad && i < min; i++) {
            bad = segs[i].isEmpty();
        }
        if (bad) {
            throw SwiftException.plain(400, "Invalid path: " + quote(path));
        }
        String device = segs[1];
        String partition = segs[2];
        if (device.equals(".") || device.equals("..")) {
            throw SwiftException.plain(400, "Invalid device: " + quote(device));
        }
        if (partition.equals(".") || partition.equals("..") || !partition.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SwiftException.plain(400, "Invalid partition: " + quote(partition));
        }
        String account = segs[3];
        String container = count > 4 && !segs[4].isEmpty() ? segs[4] : null;
        String object = count > 5 && !segs[5].isEmpty() ? segs[5] : null;
        return new DbPath(device, partition, account, container, object);
    }

    /** Python's {@code urllib.parse.quote} with its default safe character {@code /}. */
    public static String quote(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/")
                .replace("*", "%2A").replace("%7E", "~");
    }
}
