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
 * bytes that are not valid UTF-8 (or a NUL) mark the path or parameter invalid instead of being
 * replaced, because Swift refuses such names (412) rather than storing a mangled one.
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
                String k = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
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

    /** Percent-decodes strictly; null when the bytes are not UTF-8 or contain NUL. */
    public static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s.indexOf('\0') >= 0 ? null : s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%' && i + 2 < in.length) {
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            out.write(plusIsSpace && b == '+' ? ' ' : b);
        }
        byte[] bytes = out.toByteArray();
        for (byte b : bytes) {
            if (b == 0) {
                return null;
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
