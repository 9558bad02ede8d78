package io.zerostore.proxy.controller;

import java.util.List;
import java.util.Locale;

/**
 * The cluster's storage policy (Swift's {@code [storage-policy:0]} of {@code swift.conf}): its
 * name is what containers report in {@code X-Storage-Policy} and what {@code /info} lists; a
 * container PUT may name it or one of its aliases, in any case.
 *
 * @param name    the policy's name ({@code Policy-0} when swift.conf defines none, as in Swift)
 * @param aliases every name it answers to, the name first
 */
public record StoragePolicy(String name, List<String> aliases) {
    public static final StoragePolicy DEFAULT = new StoragePolicy("Policy-0", List.of("Policy-0"));

    public StoragePolicy {
        aliases = List.copyOf(aliases);
    }

    /** True when a client's {@code X-Storage-Policy} value names this policy. */
    public boolean answersTo(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return aliases.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(v));
    }

    /** The {@code /info} entry: {@code {"name": ..., "aliases": "a, b", "default": true}}. */
    public java.util.Map<String, Object> info() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        m.put("aliases", String.join(", ", aliases));
        m.put("default", true);
        return m;
    }
}
