package io.zerostore.node.diskfile;

import io.zerostore.common.swift.Timestamp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiPredicate;

/**
 * The metadata stored with an object version: Swift's metadata dict. Keys are header names in
 * Swift's title case ({@code X-Object-Meta-Color}, {@code Content-Type}, {@code ETag}), values
 * verbatim. The system keys are {@code X-Timestamp} (internal form), {@code Content-Length},
 * {@code ETag} and {@code Content-Type}; the rest are user metadata, sysmeta and the allowed headers.
 */
public final class ObjectMetadata {
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String ETAG = "ETag";
    public static final String DELETE_AT = "X-Delete-At";

    private final Map<String, String> values;

    private ObjectMetadata(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static ObjectMetadata of(Map<String, String> values) {
        return new ObjectMetadata(new LinkedHashMap<>(values));
    }

    public static ObjectMetadata empty() {
        return new ObjectMetadata(new LinkedHashMap<>());
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String get(String key) {
        String v = values.get(key);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    public Timestamp timestamp() {
        return Timestamp.parse(get(TIMESTAMP));
    }

    public long contentLength() {
        return Long.parseLong(get(CONTENT_LENGTH));
    }

    public String etag() {
        return get(ETAG);
    }

    public String contentType() {
        String ct = get(CONTENT_TYPE);
        return ct == null ? "application/octet-stream" : ct;
    }

    /** X-Delete-At in whole seconds, if set and numeric. */
    public OptionalLong deleteAt() {
        String v = get(DELETE_AT);
        if (v == null || v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of((long) Math.floor(Double.parseDouble(v)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** True once X-Delete-At has passed {@code nowSeconds} (Swift: delete_at <= now). */
    public boolean isExpired(double nowSeconds) {
        OptionalLong at = deleteAt();
        return at.isPresent() && at.getAsLong() <= nowSeconds;
    }

    /** A copy with {@code key} set (replacing any key that differs only in case). */
    public ObjectMetadata with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.keySet().removeIf(k -> k.equalsIgnoreCase(key));
        m.put(key, value);
        return new ObjectMetadata(m);
    }

    /** The entries whose key matches, e.g. everything that a .meta file overrides. */
    public Map<String, String> select(BiPredicate<String, String> keep) {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (keep.test(k, v)) {
                m.put(k, v);
            }
        });
        return m;
    }

    public static boolean isSysmeta(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith("x-object-sysmeta-");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectMetadata m && m.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
