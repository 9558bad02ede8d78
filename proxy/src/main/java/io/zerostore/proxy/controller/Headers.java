package io.zerostore.proxy.controller;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.SwiftHeaders;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Header plumbing between clients and storage servers. */
public final class Headers {
    /** Connection-level headers that never cross the proxy. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "expect", "host", "content-length");
    /** Client credentials stay at the proxy. */
    private static final Set<String> CREDENTIALS = Set.of("x-auth-token", "x-storage-token", "x-service-token");
    /** Swift's update_headers: what a quorum answer does not take from the chosen backend. */
    private static final Set<String> NOT_FROM_QUORUM = Set.of("date", "content-length", "content-type",
            "connection", "x-put-timestamp", "x-delete-after", "transfer-encoding", "keep-alive");

    private Headers() {}

    /** The client's headers a storage server should see (Swift forwards them all). */
    public static HttpHeaders forBackend(HttpHeaders client) {
        HttpHeaders h = SwiftHeaders.create();
        for (Map.Entry<String, String> e : client) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(k) && !CREDENTIALS.contains(k)) {
                h.add(e.getKey(), e.getValue());
            }
        }
        return h;
    }

    /**
     * A storage server's GET/HEAD response headers as the client gets them: connection headers
     * and the internal {@code X-Put-Timestamp} dropped (Swift's update_headers).
     */
    public static HttpHeaders fromBackend(HttpHeaders backend, boolean keepLength) {
        HttpHeaders h = SwiftHeaders.create();
        for (Map.Entry<String, String> e : backend) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.equals("x-put-timestamp") || k.equals("x-delete-after")) {
                continue;
            }
            if (k.equals("content-length") ? keepLength : !HOP_BY_HOP.contains(k)) {
                h.add(e.getKey(), k.equals("etag") ? unquote(e.getValue()) : e.getValue());
            }
        }
        return h;
    }

    /** The headers a quorum answer carries from the chosen backend response (Swift's update_headers). */
    public static HttpHeaders fromQuorum(HttpHeaders backend) {
        HttpHeaders h = SwiftHeaders.create();
        for (Map.Entry<String, String> e : backend) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_FROM_QUORUM.contains(k)) {
                h.add(e.getKey(), k.equals("etag") ? unquote(e.getValue()) : e.getValue());
            }
        }
        return h;
    }

    public static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    /** RFC 1123 date as HTTP wants it ({@code Wed, 25 Nov 2026 18:45:00 GMT}). */
    public static String httpDate(long epochSeconds) {
        return DateFormatter.format(new Date(epochSeconds * 1000));
    }

    /**
     * The title case Swift's header dictionaries apply to every name ({@link
     * io.zerostore.common.swift.HeaderCase}): {@code x-object-meta-color} → {@code X-Object-Meta-Color},
     * {@code etag} → {@code Etag}.
     */
    public static String title(String name) {
        return io.zerostore.common.swift.HeaderCase.title(name);
    }

    /** True for header names that are user metadata of the given type ({@code x-object-meta-*}). */
    public static boolean isUserMeta(String type, String name) {
        return name.regionMatches(true, 0, "x-" + type + "-meta-", 0, type.length() + 8);
    }

    public static boolean isSysMeta(String type, String name) {
        return name.regionMatches(true, 0, "x-" + type + "-sysmeta-", 0, type.length() + 11);
    }
}
