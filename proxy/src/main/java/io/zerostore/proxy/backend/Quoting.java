package io.zerostore.proxy.backend;

import java.nio.charset.StandardCharsets;

/** Python's {@code urllib.parse.quote}: what Swift uses for paths in backend requests, headers and logs. */
public final class Quoting {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Quoting() {}

    /** Quotes with {@code /} kept, like {@code quote(s)}. */
    public static String quote(String s) {
        return quote(s, "/");
    }

    /** Quotes every byte of the UTF-8 form except letters, digits, {@code _.-~} and {@code safe}. */
    public static String quote(String s, String safe) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~' || (c < 0x80 && safe.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }
}
