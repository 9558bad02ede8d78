package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Swift's {@code transfer_headers} for account and container writes: only metadata and a few
 * named headers reach the servers, and {@code X-Remove-*} headers become empty values (which
 * delete the item). {@code X-Versions-Location} / {@code X-History-Location} are not among them:
 * without versioned writes (off by default in Swift, absent here) they are accepted and ignored.
 */
final class Transfer {
    private static final List<String> CONTAINER_PASS = List.of("x-container-read", "x-container-write",
            "x-container-sync-key", "x-container-sync-to");
    private static final List<String> CONTAINER_REMOVE = List.of("x-remove-container-read",
            "x-remove-container-write", "x-remove-container-sync-key", "x-remove-container-sync-to");

    private Transfer() {}

    /** @param type {@code account} or {@code container} */
    static void copy(HttpHeaders src, HttpHeaders dst, String type) {
        String removeMeta = "x-remove-" + type + "-meta-";
        boolean container = type.equals("container");
        for (Map.Entry<String, String> e : src) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith(removeMeta) || (container && CONTAINER_REMOVE.contains(k))) {
                dst.set(k.replaceFirst("-remove", ""), "");
            }
        }
        for (Map.Entry<String, String> e : src) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if ((container && CONTAINER_PASS.contains(k)) || Headers.isUserMeta(type, k) || Headers.isSysMeta(type, k)) {
                dst.set(e.getKey(), e.getValue());
            }
        }
    }
}
