package io.zerostore.proxy.controller;

import io.zerostore.common.swift.SwiftException;
import java.util.Arrays;

/**
 * The parts of a client path {@code /<version>/<account>[/<container>[/<object>]]}, split the way
 * Swift's {@code split_path(path, 1, 4, rest_with_last=True)} does: the object keeps every further
 * slash, an empty segment counts as absent.
 *
 * @param version   {@code v1} or {@code v1.0}
 * @param account   never null for a routed request
 * @param container null when absent or empty
 * @param object    null when absent or empty; may contain {@code /}
 */
public record SwiftPath(String version, String account, String container, String object) {

    public static SwiftPath of(String account, String container, String object) {
        return new SwiftPath("v1", account, emptyToNull(container), emptyToNull(object));
    }

    public boolean isAccount() {
        return container == null && object == null;
    }

    public boolean isContainer() {
        return container != null && object == null;
    }

    public boolean isObject() {
        return container != null && object != null;
    }

    /** The backend path {@code /a[/c[/o]]} (not yet quoted). */
    public String entityPath() {
        StringBuilder sb = new StringBuilder().append('/').append(account);
        if (container != null) {
            sb.append('/').append(container);
            if (object != null) {
                sb.append('/').append(object);
            }
        }
        return sb.toString();
    }

    /** The client path {@code /v1/a[/c[/o]]} (not yet quoted). */
    public String clientPath() {
        return "/" + version + entityPath();
    }

    public SwiftPath withContainerAndObject(String c, String o) {
        return new SwiftPath(version, account, emptyToNull(c), emptyToNull(o));
    }

    public SwiftPath withAccount(String a) {
        return new SwiftPath(version, a, container, object);
    }

    /**
     * Swift's {@code split_path}: {@code minsegs..maxsegs} segments, null for the missing ones.
     * With {@code restWithLast} the last segment keeps the remaining slashes.
     *
     * @throws IllegalArgumentException for a path that does not fit (Swift's ValueError)
     */
    public static String[] split(String path, int minsegs, int maxsegs, boolean restWithLast) {
        String[] out = splitOrNull(path, minsegs, maxsegs, restWithLast);
        if (out == null) {
            throw new IllegalArgumentException("Invalid path: " + path);
        }
        return out;
    }

    /** {@link #split}, with null for a path that does not fit: for callers that only ask whether it does. */
    public static String[] splitOrNull(String path, int minsegs, int maxsegs, boolean restWithLast) {
        String[] segs;
        int min = minsegs + 1;
        int max = maxsegs + 1;
        if (restWithLast) {
            segs = path.split("/", maxsegs + 1);
            int count = segs.length;
            if (!segs[0].isEmpty() || count < min || count > max || anyEmpty(segs, 1, min)) {
                return null;
            }
        } else {
            segs = path.split("/", max + 1);
            int count = segs.length;
            if (!segs[0].isEmpty() || count < min || count > max + 1 || anyEmpty(segs, 1, min)
                    || (count == max + 1 && !segs[max].isEmpty())) {
                return null;
            }
        }
        String[] out = new String[maxsegs];
        int n = Math.min(segs.length - 1, maxsegs);
        System.arraycopy(segs, 1, out, 0, n);
        return out;
    }

    private static boolean anyEmpty(String[] segs, int from, int to) {
        return Arrays.stream(segs, from, Math.min(to, segs.length)).anyMatch(String::isEmpty);
    }

    /**
     * Routes a decoded client path as Swift's proxy does: unsplittable → 404, an unknown API
     * version → 400, a path naming no account (or a gap such as {@code /v1/a//o}) → 412 "Bad URL".
     */
    public static SwiftPath parse(String path) {
        String[] parts = splitOrNull(path, 1, 4, true);
        if (parts == null) {
            throw new SwiftException(404);
        }
        String version = parts[0];
        String account = emptyToNull(parts[1]);
        String container = emptyToNull(parts[2]);
        String object = emptyToNull(parts[3]);
        if (account != null && !validVersion(version)) {
            throw new SwiftException(400);
        }
        // /v1/a//o names an object without a container: nothing serves that
        boolean routable = account != null && (container != null || object == null);
        if (!routable) {
            throw SwiftException.html(412, "Bad URL");
        }
        return new SwiftPath(version, account, container, object);
    }

    public static boolean validVersion(String version) {
        return "v1".equals(version) || "v1.0".equals(version);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
