package io.zerostore.proxy.controller;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code GET /info} reports (Swift's register_swift_info): the {@code swift} section with the
 * core settings and constraints, and one section per filter that registers itself.
 */
public final class Capabilities {
    private final Map<String, Map<String, Object>> sections = Collections.synchronizedMap(new LinkedHashMap<>());

    public void register(String section, Map<String, Object> values) {
        sections.merge(section, new LinkedHashMap<>(values), (a, b) -> {
            Map<String, Object> m = new LinkedHashMap<>(a);
            m.putAll(b);
            return m;
        });
    }

    public Map<String, Map<String, Object>> snapshot() {
        synchronized (sections) {
            return new LinkedHashMap<>(sections);
        }
    }
}
