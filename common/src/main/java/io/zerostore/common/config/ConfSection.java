package io.zerostore.common.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One section of a {@link Conf}, with typed getters that take the default in the call. */
public record ConfSection(String name, Map<String, String> values) {
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");

    public String get(String key, String def) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? def : v;
    }

    public int getInt(String key, int def) {
        String v = values.get(key);
        try {
            return v == null || v.isEmpty() ? def : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ConfException("[" + name + "] " + key + " must be an integer, not '" + v + "'");
        }
    }

    public long getLong(String key, long def) {
        String v = values.get(key);
        try {
            return v == null || v.isEmpty() ? def : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new ConfException("[" + name + "] " + key + " must be an integer, not '" + v + "'");
        }
    }

    public double getDouble(String key, double def) {
        String v = values.get(key);
        try {
            return v == null || v.isEmpty() ? def : Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new ConfException("[" + name + "] " + key + " must be a number, not '" + v + "'");
        }
    }

    /** Swift's truth values: true, 1, yes, on, t, y (case-insensitive). */
    public boolean getBool(String key, boolean def) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? def : TRUE.contains(v.strip().toLowerCase(Locale.ROOT));
    }

    /** Seconds, possibly fractional, as Swift writes timeouts ({@code node_timeout = 10}). */
    public Duration getSeconds(String key, Duration def) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return def;
        }
        return Duration.ofNanos((long) (getDouble(key, 0) * 1e9));
    }

    /** A space- or comma-separated list. */
    public List<String> getList(String key, String def) {
        String v = get(key, def);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }
}
