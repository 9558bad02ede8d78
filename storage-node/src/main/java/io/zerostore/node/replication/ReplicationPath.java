package io.zerostore.node.replication;

import io.zerostore.common.http.RequestPath;
import io.zerostore.common.swift.SwiftException;

/**
 * The target of a replication request, {@code /<device>/<partition>[/<rest>]}: {@code rest} is the
 * suffix list of a REPLICATE ({@code abc-def}) or {@code <hash>/<file>} of a pushed file.
 */
record ReplicationPath(String device, int partition, String rest) {
    static ReplicationPath parse(RequestPath p) {
        if (!p.isPathValid() || !p.path().startsWith("/")) {
            throw SwiftException.plain(400, "Invalid path");
        }
        String[] parts = p.path().substring(1).split("/", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[0].equals(".") || parts[0].equals("..")) {
            throw SwiftException.plain(400, "Invalid path: " + p.path());
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
        String rest = parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null;
        return new ReplicationPath(parts[0], partition, rest);
    }

    String partitionDir() {
        return Integer.toString(partition);
    }
}
