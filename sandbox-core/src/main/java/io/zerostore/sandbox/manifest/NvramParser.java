package io.zerostore.sandbox.manifest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses ZRT's nvram file:
 * <pre>
 * [args]
 * args = lua /main.lua
 * [env]
 * name=LANG, value=C
 * [fstab]
 * channel=/dev/image, mountpoint=/, access=ro, removable=no
 * [mapping]
 * channel=/dev/stdin, mode=char
 * [time]
 * seconds=1370908800
 * </pre>
 * Values may carry {@code \xHH} escapes (ZRT's way to write spaces and commas inside a value).
 * Sections ZRT had that we do not need ({@code [debug]}, {@code [precache]}) are skipped;
 * malformed lines and unknown sections are errors with their line number.
 */
public final class NvramParser {
    private static final Set<String> SKIPPED = Set.of("debug", "precache");
    private static final Set<String> MODES = Set.of("file", "char", "pipe", "block");

    private NvramParser() {
    }

    public static Nvram parse(String text) {
        List<String> args = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<Nvram.Mount> fstab = new ArrayList<>();
        Map<String, String> mapping = new LinkedHashMap<>();
        Long time = null;
        String section = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new ManifestException(no, "bad section header '" + line + "'");
                }
                section = line.substring(1, line.length() - 1).trim();
                if (!SKIPPED.contains(section) && !Set.of("args", "env", "fstab", "mapping", "time")
                        .contains(section)) {
                    throw new ManifestException(no, "unknown nvram section [" + section + "]");
                }
                continue;
            }
            if (section == null) {
                throw new ManifestException(no, "nvram line outside any section");
            }
            switch (section) {
                case "args" -> {
                    Map<String, String> kv = pairs(no, line);
                    String v = require(no, kv, "args");
                    for (String tok : v.trim().split("\\s+")) {
                        if (!tok.isEmpty()) {
                            args.add(unescape(no, tok));
                        }
                    }
                }
                case "env" -> {
                    Map<String, String> kv = pairs(no, line);
                    env.put(unescape(no, require(no, kv, "name")), unescape(no, require(no, kv, "value")));
                }
                case "fstab" -> {
                    Map<String, String> kv = pairs(no, line);
                    String access = kv.getOrDefault("access", "ro");
                    if (!access.equals("ro") && !access.equals("rw")) {
                        throw new ManifestException(no, "access must be ro or rw");
                    }
                    fstab.add(new Nvram.Mount(require(no, kv, "channel"), require(no, kv, "mountpoint"),
                            true, "yes".equals(kv.get("removable"))));
                }
                case "mapping" -> {
                    Map<String, String> kv = pairs(no, line);
                    String mode = require(no, kv, "mode");
                    if (!MODES.contains(mode)) {
                        throw new ManifestException(no, "mode must be one of " + MODES + ", got " + mode);
                    }
                    mapping.put(require(no, kv, "channel"), mode);
                }
                case "time" -> {
                    Map<String, String> kv = pairs(no, line);
                    time = ManifestParser.number(no, "seconds", require(no, kv, "seconds"));
                }
                default -> { } // skipped section
            }
        }
        return new Nvram(List.copyOf(args), Map.copyOf(env), List.copyOf(fstab), Map.copyOf(mapping),
                time);
    }

    /** "k1=v1, k2=v2" → map; values keep inner blanks, the pairs are comma-separated. */
    private static Map<String, String> pairs(int no, String line) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : line.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new ManifestException(no, "expected key=value, got '" + part.trim() + "'");
            }
            kv.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return kv;
    }

    private static String require(int no, Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new ManifestException(no, "missing '" + key + "='");
        }
        return v;
    }

    /** Decodes {@code \xHH} escapes (UTF-8 bytes). */
    static String unescape(int no, String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\\' && i + 3 < b.length && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
                try {
                    out.write(Integer.parseInt(new String(b, i + 2, 2, StandardCharsets.US_ASCII), 16));
                } catch (NumberFormatException e) {
                    throw new ManifestException(no, "bad \\x escape in '" + s + "'");
                }
                i += 3;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
