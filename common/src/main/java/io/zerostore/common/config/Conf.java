package io.zerostore.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Swift-style configuration file: {@code [section]} headers, {@code key = value} lines, {@code #}
 * and {@code ;} comments, and a {@code [DEFAULT]} section whose keys every section inherits. Every
 * key has a default in the code that reads it, so an empty file is a valid configuration.
 */
public final class Conf {
    public static final String DEFAULT = "DEFAULT";
    private final Map<String, Map<String, String>> sections;

    private Conf(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    public static Conf empty() {
        return new Conf(Map.of());
    }

    public static Conf load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static Conf parse(String text) {
        return parse(text, "<string>");
    }

    private static Conf parse(String text, String source) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        String current = null;
        String lastKey = null;
        int lineNo = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new ConfException(source + ":" + lineNo + ": bad section header: " + line);
                }
                current = line.substring(1, line.length() - 1).strip();
                sections.computeIfAbsent(current, k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && lastKey != null && current != null) {
                // continuation line, as in Python's configparser
                sections.get(current).merge(lastKey, " " + line, String::concat);
                continue;
            }
            int eq = indexOfSeparator(line);
            if (eq < 0) {
                throw new ConfException(source + ":" + lineNo + ": expected 'key = value': " + line);
            }
            if (current == null) {
                throw new ConfException(source + ":" + lineNo + ": key outside of a [section]");
            }
            lastKey = line.substring(0, eq).strip();
            sections.get(current).put(lastKey, line.substring(eq + 1).strip());
        }
        return new Conf(sections);
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** The named section with [DEFAULT] underneath; empty (all defaults) when absent. */
    public ConfSection section(String name) {
        Map<String, String> merged = new LinkedHashMap<>(sections.getOrDefault(DEFAULT, Map.of()));
        merged.putAll(sections.getOrDefault(name, Map.of()));
        return new ConfSection(name, Collections.unmodifiableMap(merged));
    }

    public Optional<ConfSection> findSection(String name) {
        return sections.containsKey(name) ? Optional.of(section(name)) : Optional.empty();
    }

    public boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    public Iterable<String> sectionNames() {
        return sections.keySet();
    }
}
