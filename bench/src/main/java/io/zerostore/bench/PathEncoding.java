package io.zerostore.bench;

import java.nio.charset.StandardCharsets;

/** Percent-encodes a name for a URL path segment, keeping '/' (object names may contain it). */
final class PathEncoding {
    private static final String SAFE = "-._~/";

    private PathEncoding() {
    }

    static String encode(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (byte c : name.getBytes(StandardCharsets.UTF_8)) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || SAFE.indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }
}
