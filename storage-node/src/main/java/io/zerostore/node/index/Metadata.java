package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Account or container metadata: each header (user meta, sysmeta, ACLs) with the timestamp of the
 * request that set it. Updates merge per key, the newer timestamp winning, so replicas that see
 * the same updates in any order agree. An empty value is a deletion that still carries its time.
 */
public final class Metadata {
    /** Swift's {@code MAX_META_COUNT} and {@code MAX_META_OVERALL_SIZE} for account/container metadata. */
    public static final int MAX_COUNT = 90;
    public static final int MAX_OVERALL_SIZE = 4096;

    /** One header's value and the time it was set. */
    public record Item(String value, Timestamp timestamp) {}

    private static final Metadata EMPTY = new Metadata(new TreeMap<>());
    private final TreeMap<String, Item> items;

    private Metadata(TreeMap<String, Item> items) {
        this.items = items;
    }

    public static Metadata empty() {
        return EMPTY;
    }

    /** Metadata of one request: every header set at the request's timestamp. Keys are normalised. */
    public static Metadata of(Map<String, String> headers, Timestamp timestamp) {
        TreeMap<String, Item> m = new TreeMap<>();
        headers.forEach((k, v) -> m.put(titleCase(k), new Item(v, timestamp)));
        return new Metadata(m);
    }

    /** Metadata with each item as given (value and timestamp), e.g. as another replica sent it. */
    public static Metadata ofItems(Map<String, Item> items) {
        return new Metadata(new TreeMap<>(items));
    }

    public Map<String, Item> items() {
        return Collections.unmodifiableMap(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The headers to show: keys with a non-empty value. */
    public Map<String, String> visible() {
        Map<String, String> out = new LinkedHashMap<>();
        items.forEach((k, item) -> {
            if (!item.value().isEmpty()) {
                out.put(k, item.value());
            }
        });
        return out;
    }

    /** Swift's {@code update_metadata}: a key takes the update only if the update is newer. */
    public Metadata merge(Metadata updates) {
        if (updates.items.isEmpty()) {
            return this;
        }
        TreeMap<String, Item> m = new TreeMap<>(items);
        updates.items.forEach((k, u) -> {
            Item old = m.get(k);
            if (old == null || u.timestamp().isAfter(old.timestamp())) {
                m.put(k, u);
            }
        });
        return new Metadata(m);
    }

    /** What a DB delete does first: every key set to empty at the delete's timestamp (if newer). */
    public Metadata clearedAt(Timestamp timestamp) {
        TreeMap<String, Item> cleared = new TreeMap<>();
        items.keySet().forEach(k -> cleared.put(k, new Item("", timestamp)));
        return merge(new Metadata(cleared));
    }

    /**
     * Swift's {@code validate_metadata}: at most 90 user items with at most 4096 characters of
     * names (after the prefix) and values; sysmeta does not count.
     *
     * @throws MetadataLimitException with Swift's 400 body
     */
    public void checkLimits() {
        int count = 0;
        int size = 0;
        for (Map.Entry<String, Item> e : items.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue().value();
            String prefix = key.startsWith("x-container-meta-") ? "x-container-meta-"
                    : key.startsWith("x-account-meta-") ? "x-account-meta-" : null;
            if (prefix != null && !value.isEmpty()) {
                count++;
                String name = key.substring(prefix.length());
                size += name.codePointCount(0, name.length()) + value.codePointCount(0, value.length());
            }
        }
        if (count > MAX_COUNT) {
            throw new MetadataLimitException("Too many metadata items; max " + MAX_COUNT);
        }
        if (size > MAX_OVERALL_SIZE) {
            throw new MetadataLimitException("Total metadata too large; max " + MAX_OVERALL_SIZE);
        }
    }

    /**
     * Header names as Swift stores them: Python's {@code str.title()} of the WSGI name, which
     * upper-cases every letter that follows a non-letter ({@code x-container-meta-my2ndkey} becomes
     * {@code X-Container-Meta-My2Ndkey}). Lookups and merges therefore ignore the client's casing.
     */
    public static String titleCase(String name) {
        return io.zerostore.common.swift.HeaderCase.title(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata m && m.items.equals(items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
