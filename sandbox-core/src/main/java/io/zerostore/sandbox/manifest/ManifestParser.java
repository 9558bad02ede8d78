package io.zerostore.sandbox.manifest;

import io.zerostore.sandbox.channel.ChannelSpec;
import io.zerostore.sandbox.channel.ChannelType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses ZeroVM's manifest format. Rules, as ZeroVM had them: one {@code Key = value} per line,
 * blanks around tokens ignored; {@code Version}, {@code Program}, {@code Timeout}, {@code Memory}
 * and at least one {@code Channel} are required; every key but {@code Channel} at most once;
 * numbers may be decimal, octal (0…) or hex (0x…). Ours: empty lines and {@code #} comments are
 * allowed, and an unknown key is an error. Every error names its line.
 */
public final class ManifestParser {
    /** ZeroVM's manifest size limit. */
    public static final int MAX_SIZE = 0x80000;
    /** ZeroVM's line limit. */
    public static final int MAX_LINES = 0x2000;

    private ManifestParser() {
    }

    public static Manifest parse(String text) {
        if (text.length() > MAX_SIZE) {
            throw new ManifestException(0, "manifest larger than " + MAX_SIZE + " bytes");
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            throw new ManifestException(0, "manifest has more than " + MAX_LINES + " lines");
        }
        Map<String, Integer> seen = new HashMap<>();
        String program = null;
        Long timeout = null;
        long[] memory = null;
        List<ChannelSpec> channelList = new ArrayList<>();
        Integer node = null;
        String job = null;
        String nameServer = null;
        String broker = null;
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = stripComment(lines[i]).trim();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ManifestException(no, "expected 'Key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (!key.equals("Channel") && seen.containsKey(key)) {
                throw new ManifestException(no, "duplicate " + key + " keyword (first on line "
                        + seen.get(key) + ")");
            }
            seen.putIfAbsent(key, no);
            switch (key) {
                case "Version" -> {
                    if (!Manifest.VERSION.equals(value)) {
                        throw new ManifestException(no, "invalid manifest version '" + value
                                + "', expected " + Manifest.VERSION);
                    }
                }
                case "Program" -> program = requireValue(no, key, value);
                case "Timeout" -> {
                    timeout = number(no, key, value);
                    if (timeout <= 0) {
                        throw new ManifestException(no, "Timeout must be positive");
                    }
                }
                case "Memory" -> memory = memory(no, value);
                case "Channel" -> channelList.add(channel(no, value));
                case "Node" -> node = (int) number(no, key, value);
                case "Job" -> job = requireValue(no, key, value);
                case "NameServer" -> nameServer = requireValue(no, key, value);
                case "Broker" -> broker = requireValue(no, key, value);
                default -> throw new ManifestException(no, "unknown key '" + key + "'");
            }
        }
        for (String required : new String[] {"Version", "Program", "Timeout", "Memory"}) {
            if (!seen.containsKey(required)) {
                throw new ManifestException(0, required + " not specified");
            }
        }
        if (channelList.isEmpty()) {
            throw new ManifestException(0, "Channel not specified");
        }
        Manifest.Builder b = Manifest.builder(program).timeoutSeconds(timeout)
                .memory(memory[0], memory[1] == 1).node(node).job(job).nameServer(nameServer)
                .broker(broker);
        channelList.forEach(b::channel);
        return b.build();
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static String requireValue(int no, String key, String value) {
        if (value.isEmpty()) {
            throw new ManifestException(no, key + " has no value");
        }
        return value;
    }

    static long number(int no, String what, String text) {
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.length() > 1 && t.startsWith("0")) {
                return Long.parseLong(t.substring(1), 8);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ManifestException(no, "invalid numeric value '" + t + "' for " + what);
        }
    }

    private static long[] memory(int no, String value) {
        String[] t = value.split(",", -1);
        if (t.length > 2) {
            throw new ManifestException(no, "invalid memory token: expected 'bytes,etag'");
        }
        long bytes = number(no, "Memory", t[0]);
        long tag = t.length == 2 ? number(no, "Memory etag", t[1]) : 0;
        if (bytes <= 0) {
            throw new ManifestException(no, "Memory must be positive");
        }
        if (tag != 0 && tag != 1) {
            throw new ManifestException(no, "invalid memory etag token '" + t[1].trim() + "'");
        }
        return new long[] {bytes, tag};
    }

    private static ChannelSpec channel(int no, String value) {
        String[] t = value.split(",", -1);
        if (t.length != 8) {
            throw new ManifestException(no, "invalid channel tokens number: " + t.length
                    + " (expected uri,alias,type,etag,gets,get_size,puts,put_size)");
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i].trim();
        }
        if (t[0].isEmpty() || t[1].isEmpty()) {
            throw new ManifestException(no, "channel uri and alias must not be empty");
        }
        if (!t[1].startsWith("/")) {
            throw new ManifestException(no, "channel alias must be an absolute path: " + t[1]);
        }
        long type = number(no, "channel type", t[2]);
        if (type < 0 || type > 3) {
            throw new ManifestException(no, "channel type must be 0..3, got " + type);
        }
        long tag = number(no, "channel etag", t[3]);
        if (tag != 0 && tag != 1) {
            throw new ManifestException(no, "invalid channel etag token '" + t[3] + "'");
        }
        long[] limits = new long[4];
        String[] names = {"gets", "get_size", "puts", "put_size"};
        for (int i = 0; i < 4; i++) {
            limits[i] = number(no, names[i], t[4 + i]);
            if (limits[i] < 0) {
                throw new ManifestException(no, "negative " + names[i] + " for " + t[1]);
            }
        }
        return new ChannelSpec(t[0], t[1], ChannelType.ofCode((int) type), tag == 1,
                limits[0], limits[1], limits[2], limits[3]);
    }
}
