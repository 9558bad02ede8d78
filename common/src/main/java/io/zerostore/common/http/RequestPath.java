package io.zerostore.common.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request URI split into its percent-decoded path and query parameters. Decoding is strict:
 * bytes that are not valid UTF-8 (or, in the path, a NUL) mark the path or parameter invalid
 * instead of being replaced, because Swift refuses such names (412 for the path, 400 for a
 * listing parameter) rather than storing a mangled one.
 */
public final class RequestPath {
    private final String rawPath;
    private final String path;
    private final boolean pathValid;
    private final String rawQuery;
    private final Map<String, List<String>> params;
    private final List<String> invalidParams;

    private RequestPath(String rawPath, String path, boolean pathValid, String rawQuery,
                        Map<String, List<String>> params, List<String> invalidParams) {
        this.rawPath = rawPath;
        this.path = path;
        this.pathValid = pathValid;
        this.rawQuery = rawQuery;
        this.params = params;
        this.invalidParams = invalidParams;
    }

    public static RequestPath parse(String uri) {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        String decoded = decode(rawPath, false);
        Map<String, List<String>> params = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                // Swift's get_param takes a NUL in a value (only bad UTF-8 is refused)
                String k = decode(eq < 0 ? pair : pair.substring(0, eq), true, true);
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1), true, true);
                if (k == null) {
                    continue;
                }
                if (v == null) {
                    invalid.add(k);
                    continue;
                }
                params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        return new RequestPath(rawPath, decoded == null ? rawPath : decoded, decoded != null, rawQuery,
                Collections.unmodifiableMap(params), List.copyOf(invalid));
    }

    /**
     * Percent-decodes strictly; null when the bytes are not UTF-8 or contain NUL. The chars of
     * {@code s} are taken as bytes (ISO-8859-1), which is how Netty hands over a request line and
     * header values, so raw UTF-8 bytes on the wire decode like their percent-escaped form.
     */
    public static String decode(String s, boolean plusIsSpace) {
        return decode(s, plusIsSpace, false);
    }

    private static String decode(String s, boolean plusIsSpace, boolean allowNul) {
        if (isPlainAscii(s, plusIsSpace)) {
            return !allowNul && s.indexOf('\0') >= 0 ? null : s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            if (c > 0xFF) {
                // not a wire byte: a caller's own text
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        byte[] bytes = out.toByteArray();
        if (!allowNul) {
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isPlainAscii(String s, boolean plusIsSpace) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c > 0x7F || (plusIsSpace && c == '+')) {
                return false;
            }
        }
        return true;
    }

    public String rawPath() {
        return rawPath;
    }

    /** The decoded path; equals the raw path when {@link #isPathValid()} is false. */
    public String path() {
        return path;
    }

    public boolean isPathValid() {
        return pathValid;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public Map<String, List<String>> params() {
        return params;
    }

    /** Names of parameters whose value was not valid UTF-8. */
    public List<String> invalidParams() {
        return invalidParams;
    }

    public String param(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public boolean hasParam(String name) {
        return params.containsKey(name);
    }
}
