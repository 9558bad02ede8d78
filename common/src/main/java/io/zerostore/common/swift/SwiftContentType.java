package io.zerostore.common.swift;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swift's content-type parameter handling ({@code parse_content_type}, {@code extract_swift_bytes}).
 * Listings show content types re-assembled from their parsed parameters, so
 * {@code text/plain; charset=utf-8} lists as {@code text/plain;charset=utf-8}.
 */
public final class SwiftContentType {
    private static final String TOKEN = "[^()<>@,;:\"/\\[\\]?={}\\x00-\\x20\\x7f]+";
    private static final Pattern PARAM = Pattern.compile(
            "(?:\\s*;\\s*(" + TOKEN + ")\\s*(?:=\\s*(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))?)",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** The content type without {@code swift_bytes}, and that parameter's value (null if absent). */
    public record SwiftBytes(String contentType, String swiftBytes) {}

    private SwiftContentType() {}

    public static SwiftBytes extractSwiftBytes(String contentType) {
        int semi = contentType.indexOf(';');
        if (semi < 0) {
            return new SwiftBytes(contentType, null);
        }
        StringBuilder out = new StringBuilder(contentType.length()).append(contentType, 0, semi);
        String swiftBytes = null;
        Matcher m = PARAM.matcher(contentType.substring(semi));
        while (m.find()) {
            String key = m.group(1).strip();
            String value = m.group(2) == null ? "" : m.group(2).strip();
            if (key.equals("swift_bytes")) {
                swiftBytes = value;
            } else {
                out.append(';').append(key).append('=').append(value);
            }
        }
        return new SwiftBytes(out.toString(), swiftBytes);
    }
}
