package io.zerostore.common.swift;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Swift timestamp: seconds since the epoch with 10 µs precision, plus an optional offset that
 * orders writes made at the same instant (Swift's "internal" form {@code 1402464677.04188_0000000000000001}).
 * Every object version, tombstone, metadata update and DB row is ordered by these; newest wins.
 */
public record Timestamp(long ticks, long offset) implements Comparable<Timestamp> {
    /** Units of 10 µs in one second. */
    public static final long TICKS_PER_SECOND = 100_000L;
    private static final long MAX_TICKS = 10_000_000_000L * TICKS_PER_SECOND;
    private static final AtomicLong LAST = new AtomicLong();
    private static final DateTimeFormatter ISO_LISTING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    public static final Timestamp ZERO = new Timestamp(0, 0);

    public Timestamp {
        if (ticks < 0 || ticks >= MAX_TICKS || offset < 0) {
            throw new IllegalArgumentException("timestamp out of range");
        }
    }

    /**
     * Now, strictly increasing within this process so that two requests handled in the same
     * 10 µs never share a timestamp (Swift relies on the clock for that; we make it certain).
     */
    public static Timestamp now() {
        long wall = System.currentTimeMillis() * 100;
        long next = LAST.updateAndGet(prev -> Math.max(prev + 1, wall));
        return new Timestamp(next, 0);
    }

    public static Timestamp ofEpochSecond(double seconds) {
        return new Timestamp(Math.round(seconds * TICKS_PER_SECOND), 0);
    }

    /** Parses the normal ({@code 1795632299.07834}) and internal ({@code ..._000000000000000a}) forms. */
    public static Timestamp parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        long offset = 0;
        String normal = text;
        int underscore = text.indexOf('_');
        if (underscore >= 0) {
            normal = text.substring(0, underscore);
            offset = Long.parseUnsignedLong(text.substring(underscore + 1), 16);
        }
        BigDecimal value = new BigDecimal(normal.trim());
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative timestamp: " + text);
        }
        long ticks = value.movePointRight(5).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        return new Timestamp(ticks, offset);
    }

    /** Lenient parse for headers: null when absent or malformed. */
    public static Timestamp parseOrNull(String text) {
        try {
            return text == null ? null : parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Timestamp withOffset(long newOffset) {
        return new Timestamp(ticks, newOffset);
    }

    /** Swift's normal form {@code %016.05f}: what clients see in X-Timestamp. */
    public String normal() {
        long secs = ticks / TICKS_PER_SECOND;
        long frac = ticks % TICKS_PER_SECOND;
        StringBuilder sb = new StringBuilder(16);
        String s = Long.toString(secs);
        for (int i = s.length(); i < 10; i++) {
            sb.append('0');
        }
        sb.append(s).append('.');
        String f = Long.toString(frac);
        for (int i = f.length(); i < 5; i++) {
            sb.append('0');
        }
        return sb.append(f).toString();
    }

    /** The internal form used in file names and between servers. */
    public String internal() {
        if (offset == 0) {
            return normal();
        }
        return normal() + "_" + String.format("%016x", offset);
    }

    /** Whole seconds rounded up, as Last-Modified shows them. */
    public long ceilSeconds() {
        return (ticks + TICKS_PER_SECOND - 1) / TICKS_PER_SECOND;
    }

    public long epochMillis() {
        return ticks / 100;
    }

    /** {@code 2026-11-25T18:45:39.136450}: the listing's last_modified, always 6 decimals. */
    public String isoListing() {
        long secs = ticks / TICKS_PER_SECOND;
        long micros = (ticks % TICKS_PER_SECOND) * 10;
        return ISO_LISTING.format(Instant.ofEpochSecond(secs, micros * 1000));
    }

    @Override
    public int compareTo(Timestamp o) {
        int c = Long.compare(ticks, o.ticks);
        return c != 0 ? c : Long.compare(offset, o.offset);
    }

    public boolean isAfter(Timestamp o) {
        return compareTo(o) > 0;
    }

    @Override
    public String toString() {
        return internal();
    }
}
