package io.zerostore.node.server;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.swift.SwiftException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which request headers an object stores, and Swift's limits on them ({@code check_metadata},
 * SWIFT-API.md §9). Names are stored in Python's title case, as Swift's WSGI layer presents them.
 */
final class MetadataRules {
    static final String USER_PREFIX = "x-object-meta-";
    static final String SYSMETA_PREFIX = "x-object-sysmeta-";
    static final String TRANSIENT_PREFIX = "x-object-transient-sysmeta-";
    /** The object server's {@code allowed_headers}: stored on PUT and POST, returned on GET/HEAD. */
    static final Set<String> ALLOWED = Set.of("content-disposition", "content-encoding", "x-delete-at",
            "x-object-manifest", "x-static-large-object", "cache-control", "content-language", "expires",
            "x-robots-tag");
    static final int MAX_NAME = 128;
    static final int MAX_VALUE = 256;
    static final int MAX_COUNT = 90;
    static final int MAX_OVERALL = 4096;
    static final int MAX_HEADER_SIZE = 8192;

    private MetadataRules() {}

    static boolean isUserMeta(String name) {
        return lower(name).startsWith(USER_PREFIX);
    }

    /** User meta, sysmeta or transient sysmeta: what a PUT stores besides the allowed headers. */
    static boolean isStoredOnPut(String name) {
        String n = lower(name);
        return n.startsWith(USER_PREFIX) || n.startsWith(SYSMETA_PREFIX) || n.startsWith(TRANSIENT_PREFIX);
    }

    /** What a POST replaces: user meta and transient sysmeta (sysmeta stays with the data). */
    static boolean isStoredOnPost(String name) {
        String n = lower(name);
        return n.startsWith(USER_PREFIX) || n.startsWith(TRANSIENT_PREFIX);
    }

    /** Returned on GET/HEAD. */
    static boolean isReturned(String name) {
        return isStoredOnPut(name) || ALLOWED.contains(lower(name));
    }

    /** Copies the storable headers into {@code into}. */
    static void collect(HttpHeaders headers, boolean put, Map<String, String> into) {
        for (Map.Entry<String, String> e : headers) {
            String name = e.getKey();
            if (put ? isStoredOnPut(name) : isStoredOnPost(name)) {
                into.put(titleCase(name), e.getValue());
            } else if (ALLOWED.contains(lower(name))) {
                into.put(titleCase(name), e.getValue());
            }
        }
    }

    /** Swift's {@code check_metadata} for objects: the first violation in header order is reported. */
    static void check(HttpHeaders headers) {
        int count = 0;
        int size = 0;
        for (Map.Entry<String, String> e : headers) {
            String key = e.getKey();
            String value = e.getValue();
            if (value.length() > MAX_HEADER_SIZE) {
                throw SwiftException.plain(400, "Header value too long: "
                        + titleCase(key).substring(0, Math.min(key.length(), MAX_NAME)));
            }
            if (!lower(key).startsWith(USER_PREFIX)) {
                continue;
            }
            String name = titleCase(key).substring(USER_PREFIX.length());
            if (name.isEmpty()) {
                throw SwiftException.plain(400, "Metadata name cannot be empty");
            }
            count++;
            size += name.length() + value.length();
            if (name.length() > MAX_NAME) {
                throw SwiftException.plain(400, "Metadata name too long: " + USER_PREFIX + name);
            }
            if (value.length() > MAX_VALUE) {
                throw SwiftException.plain(400, "Metadata value longer than " + MAX_VALUE + ": " + USER_PREFIX + name);
            }
            if (count > MAX_COUNT) {
                throw SwiftException.plain(400, "Too many metadata items; max " + MAX_COUNT);
            }
            if (size > MAX_OVERALL) {
                throw SwiftException.plain(400, "Total metadata too large; max " + MAX_OVERALL);
            }
        }
    }

    /** Swift's title case: an ASCII letter after a non-letter is upper case, others lower ({@code HeaderCase}). */
    static String titleCase(String name) {
        return io.zerostore.common.swift.HeaderCase.title(name);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
