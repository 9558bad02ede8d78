package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Swift's default constraints ({@code swift/common/constraints.py}) and the checks that apply them,
 * each failing with the exact status, body and content type Swift answers.
 *
 * <p>Header values arrive as one char per byte (ISO-8859-1), as in WSGI, so their lengths are byte
 * lengths and UTF-8 checks decode those bytes.
 */
public final class Constraints {
    public static final long MAX_FILE_SIZE = 5368709122L;
    public static final int MAX_META_NAME_LENGTH = 128;
    public static final int MAX_META_VALUE_LENGTH = 256;
    public static final int MAX_META_COUNT = 90;
    public static final int MAX_META_OVERALL_SIZE = 4096;
    public static final int MAX_HEADER_SIZE = 8192;
    public static final int MAX_OBJECT_NAME_LENGTH = 1024;
    public static final int CONTAINER_LISTING_LIMIT = 10000;
    public static final int ACCOUNT_LISTING_LIMIT = 10000;
    public static final int MAX_ACCOUNT_NAME_LENGTH = 256;
    public static final int MAX_CONTAINER_NAME_LENGTH = 256;
    public static final int EXTRA_HEADER_COUNT = 0;

    private Constraints() {}

    /** The {@code swift} section of {@code /info}: every constraint by its key. */
    public static Map<String, Object> info() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("max_file_size", MAX_FILE_SIZE);
        m.put("max_meta_name_length", MAX_META_NAME_LENGTH);
        m.put("max_meta_value_length", MAX_META_VALUE_LENGTH);
        m.put("max_meta_count", MAX_META_COUNT);
        m.put("max_meta_overall_size", MAX_META_OVERALL_SIZE);
        m.put("max_header_size", MAX_HEADER_SIZE);
        m.put("max_object_name_length", MAX_OBJECT_NAME_LENGTH);
        m.put("container_listing_limit", CONTAINER_LISTING_LIMIT);
        m.put("account_listing_limit", ACCOUNT_LISTING_LIMIT);
        m.put("max_account_name_length", MAX_ACCOUNT_NAME_LENGTH);
        m.put("max_container_name_length", MAX_CONTAINER_NAME_LENGTH);
        m.put("extra_header_count", EXTRA_HEADER_COUNT);
        return m;
    }

    /**
     * Swift's {@code check_metadata}: header value sizes, then the {@code x-<type>-meta-*} names,
     * values, count and total size; account and container metadata must be UTF-8.
     */
    public static void checkMetadata(HttpHeaders headers, String type) {
        String prefix = "x-" + type + "-meta-";
        int count = 0;
        int size = 0;
        for (Map.Entry<String, String> e : headers) {
            String key = Headers.title(e.getKey());
            String value = e.getValue();
            if (value.length() > MAX_HEADER_SIZE) {
                throw SwiftException.plain(400, "Header value too long: "
                        + key.substring(0, Math.min(key.length(), MAX_META_NAME_LENGTH)));
            }
            if (!key.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                continue;
            }
            String name = key.substring(prefix.length());
            if (name.isEmpty()) {
                throw SwiftException.plain(400, "Metadata name cannot be empty");
            }
            if ((type.equals("account") || type.equals("container"))
                    && (!isUtf8(name) || (!value.isEmpty() && !isUtf8(value)))) {
                throw SwiftException.plain(400, "Metadata must be valid UTF-8");
            }
            count++;
            size += name.length() + value.length();
            if (name.length() > MAX_META_NAME_LENGTH) {
                throw SwiftException.plain(400, "Metadata name too long: " + prefix + name);
            }
            if (value.length() > MAX_META_VALUE_LENGTH) {
                throw SwiftException.plain(400, "Metadata value longer than " + MAX_META_VALUE_LENGTH + ": "
                        + prefix + name);
            }
            if (count > MAX_META_COUNT) {
                throw SwiftException.plain(400, "Too many metadata items; max " + MAX_META_COUNT);
            }
            if (size > MAX_META_OVERALL_SIZE) {
                throw SwiftException.plain(400, "Total metadata too large; max " + MAX_META_OVERALL_SIZE);
            }
        }
    }

    /**
     * The body length a PUT announces: its Content-Length, or -1 when chunked.
     *
     * @throws SwiftException 400 / 501 for a Transfer-Encoding Swift refuses
     */
    public static long messageLength(HttpHeaders headers) {
        String te = headers.get("Transfer-Encoding");
        if (te != null && !te.isEmpty()) {
            String[] codings = te.split(",");
            if (codings.length > 1) {
                throw SwiftException.plain(501,
                        "Unsupported Transfer-Coding header value specified in Transfer-Encoding header");
            }
            if (codings[0].strip().equalsIgnoreCase("chunked")) {
                return -1;
            }
            throw SwiftException.plain(400, "Invalid Transfer-Encoding header value");
        }
        String cl = headers.get("Content-Length");
        if (cl == null) {
            return -2;
        }
        try {
            long n = Long.parseLong(cl.strip());
            if (n < 0) {
                throw new NumberFormatException(cl);
            }
            return n;
        } catch (NumberFormatException e) {
            throw SwiftException.plain(400, "Invalid Content-Length header value");
        }
    }

    /** Swift's {@code check_object_creation} (delete-at headers are checked separately). */
    public static void checkObjectCreation(HttpHeaders headers, String objectName) {
        long length = messageLength(headers);
        if (length > MAX_FILE_SIZE) {
            throw SwiftException.plain(413, "Your request is too large.");
        }
        if (length == -2) {
            throw SwiftException.plain(411, "Missing Content-Length header.");
        }
        if (headers.contains("X-Copy-From") && length > 0) {
            throw SwiftException.plain(400, "Copy requests require a zero byte body");
        }
        int nameLength = nameLength(objectName);
        if (nameLength > MAX_OBJECT_NAME_LENGTH) {
            throw SwiftException.plain(400, "Object name length of " + nameLength + " longer than "
                    + MAX_OBJECT_NAME_LENGTH);
        }
        String ctype = headers.get("Content-Type");
        if (ctype == null) {
            throw SwiftException.plain(400, "No content type");
        }
        if (!isUtf8(ctype)) {
            throw SwiftException.plain(400, "Invalid Content-Type");
        }
        checkMetadata(headers, "object");
    }

    /**
     * The length Swift checks names against: characters of the decoded name (Swift on Python 3
     * unquotes path segments to text), so {@code ü} counts 1, not its 2 UTF-8 bytes.
     */
    public static int nameLength(String name) {
        return name.codePointCount(0, name.length());
    }

    /** Swift's {@code check_content_type}: {@code swift_*} parameters are reserved. */
    public static void checkContentTypeParams(String contentType) {
        if (contentType == null || contentType.indexOf(';') < 0) {
            return;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].stripLeading().startsWith("swift_")) {
                throw SwiftException.html(400, "Invalid Content-Type, swift_* is not a valid parameter name.");
            }
        }
    }

    /**
     * Swift's {@code check_delete_headers}: turns {@code X-Delete-After} into {@code X-Delete-At}
     * and normalizes it to {@code %010d}; both must lie after the request's timestamp.
     */
    public static void checkDeleteHeaders(HttpHeaders headers, Timestamp now) {
        double nowSeconds = now.ticks() / (double) Timestamp.TICKS_PER_SECOND;
        if (headers.contains("X-Delete-After")) {
            long after;
            try {
                after = Long.parseLong(headers.get("X-Delete-After").strip());
            } catch (NumberFormatException e) {
                throw SwiftException.plain(400, "Non-integer X-Delete-After");
            }
            long at = normalizeDeleteAt((long) (nowSeconds + after));
            if (at <= nowSeconds) {
                throw SwiftException.plain(400, "X-Delete-After in past");
            }
            headers.set("X-Delete-At", String.format("%010d", at));
            headers.remove("X-Delete-After");
        }
        if (headers.contains("X-Delete-At")) {
            long at;
            try {
                at = normalizeDeleteAt(Long.parseLong(headers.get("X-Delete-At").strip()));
            } catch (NumberFormatException e) {
                throw SwiftException.plain(400, "Non-integer X-Delete-At");
            }
            if (at <= nowSeconds) {
                throw SwiftException.plain(400, "X-Delete-At in past");
            }
            headers.set("X-Delete-At", String.format("%010d", at));
        }
    }

    private static long normalizeDeleteAt(long t) {
        return Math.min(Math.max(0, t), 9999999999L);
    }

    /** True when the ISO-8859-1 chars of a header value are the bytes of valid UTF-8 without NUL. */
    public static boolean isUtf8(String latin1) {
        if (latin1.indexOf('\0') >= 0) {
            return false;
        }
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
