package io.zerostore.common.swift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code Range: bytes=...} header with swob's exact rules (SWIFT-API.md §8). Parsing is
 * all-or-nothing: one syntactically bad spec and the whole header is ignored (200 with the full
 * body). Against an object's length, specs that start past the end are dropped; none left, or an
 * "egregious" set (more than 50 ranges, more than 2 overlapping pairs, 8 or more not in
 * ascending order) is unsatisfiable (416).
 */
public final class ByteRanges {
    static final int MAX_RANGES = 50;
    static final int MAX_OVERLAPS = 2;
    static final int MAX_NONASCENDING = 8;

    /** One spec as written; {@code start} or {@code end} is -1 when absent ({@code -n}, {@code a-}). */
    record Spec(long start, long end) {}

    /** A satisfiable range, half-open: bytes {@code [start, end)}. */
    public record Range(long start, long end) {
        public long length() {
            return end - start;
        }

        /** The Content-Range value {@code bytes a-b/size}. */
        public String contentRange(long size) {
            return "bytes " + start + "-" + (end - 1) + "/" + size;
        }
    }

    private final List<Spec> specs;

    private ByteRanges(List<Spec> specs) {
        this.specs = specs;
    }

    /** The parsed header, or empty when it is absent or not valid (then it is ignored). */
    public static Optional<ByteRanges> parse(String header) {
        if (header == null || header.isEmpty()) {
            return Optional.empty();
        }
        String v = header.replace(" ", "");
        if (!v.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return Optional.empty();
        }
        List<Spec> specs = new ArrayList<>();
        for (String spec : v.substring(6).split(",", -1)) {
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return Optional.empty();
            }
            String a = spec.substring(0, dash);
            String b = spec.substring(dash + 1);
            long start = -1;
            long end = -1;
            if (!a.isEmpty()) {
                start = number(a.startsWith("+") ? a.substring(1) : a);
                if (start < 0) {
                    return Optional.empty();
                }
            }
            if (!b.isEmpty()) {
                end = number(b);
                if (end < 0 || (start >= 0 && end < start)) {
                    return Optional.empty();
                }
            } else if (start < 0) {
                return Optional.empty();
            }
            specs.add(new Spec(start, end));
        }
        return specs.isEmpty() ? Optional.empty() : Optional.of(new ByteRanges(List.copyOf(specs)));
    }

    /** Digits only; saturates instead of overflowing (Python's ints do not overflow). -1 if not digits. */
    private static long number(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n > Long.MAX_VALUE / 20 ? Long.MAX_VALUE / 2 : n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * The ranges to send for an object of {@code length} bytes (swob's {@code ranges_for_length}).
     * An empty list means 416.
     */
    public List<Range> forLength(long length) {
        List<Range> all = new ArrayList<>();
        for (Spec s : specs) {
            if (s.start() < 0) {
                if (s.end() == 0) {
                    continue;
                }
                all.add(s.end() > length ? new Range(0, length) : new Range(length - s.end(), length));
            } else if (s.start() < length) {
                long end = s.end() < 0 ? length : Math.min(s.end() + 1, length);
                all.add(new Range(s.start(), end));
            }
        }
        if (all.size() > MAX_RANGES) {
            return List.of();
        }
        int overlaps = 0;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (overlap(all.get(i), all.get(j)) && ++overlaps > MAX_OVERLAPS) {
                    return List.of();
                }
            }
        }
        boolean ascending = true;
        for (int i = 1; i < all.size() && ascending; i++) {
            Range p = all.get(i - 1);
            Range q = all.get(i);
            ascending = p.start() < q.start() || (p.start() == q.start() && p.end() <= q.end());
        }
        if (!ascending && all.size() >= MAX_NONASCENDING) {
            return List.of();
        }
        return List.copyOf(all);
    }

    private static boolean overlap(Range a, Range b) {
        long s1 = a.start();
        long e1 = a.end();
        long s2 = b.start();
        long e2 = b.end();
        return (s1 < s2 && s2 < e1) || (s1 < e2 && e2 < e1) || (s2 < s1 && s1 < e2) || (s2 < e1 && e1 < e2);
    }
}
