package io.zerostore.common.swift;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The framing of a multi-range 206 exactly as swob writes it: {@code Content-Type:
 * multipart/byteranges;boundary=<32 hex>}, each part {@code --b CRLF Content-Type CRLF
 * Content-Range CRLF CRLF <bytes> CRLF}, closed by {@code --b--} without a trailing CRLF.
 */
public final class MultipartByteranges {
    private final String boundary;
    private final String contentType;
    private final long size;

    public MultipartByteranges(String contentType, long size) {
        this(randomBoundary(), contentType, size);
    }

    public MultipartByteranges(String boundary, String contentType, long size) {
        this.boundary = boundary;
        this.contentType = contentType;
        this.size = size;
    }

    public static String randomBoundary() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The response's Content-Type header. */
    public String responseContentType() {
        return "multipart/byteranges;boundary=" + boundary;
    }

    /** Bytes before one part's data. */
    public byte[] partHead(ByteRanges.Range r) {
        return ("--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: "
                + r.contentRange(size) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bytes after one part's data. */
    public static byte[] partTail() {
        return new byte[] {'\r', '\n'};
    }

    /** The closing delimiter. */
    public byte[] closing() {
        return ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The exact Content-Length of the whole body. */
    public long contentLength(List<ByteRanges.Range> ranges) {
        long n = closing().length;
        for (ByteRanges.Range r : ranges) {
            n += partHead(r).length + r.length() + 2;
        }
        return n;
    }
}
