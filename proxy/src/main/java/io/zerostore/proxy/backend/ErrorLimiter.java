package io.zerostore.proxy.backend;

import io.zerostore.common.ring.Device;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Swift's error limiting: a node that failed more than {@code error_suppression_limit} times, the
 * last time less than {@code error_suppression_interval} ago, is skipped, so requests stop paying
 * a connect timeout for a node that is down. A 507 limits a device at once.
 */
public final class ErrorLimiter {
    private record Stats(int errors, long lastErrorNanos) {}

    private final int limit;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Stats> stats = new ConcurrentHashMap<>();

    public ErrorLimiter(int limit, Duration interval) {
        this(limit, interval, System::nanoTime);
    }

    ErrorLimiter(int limit, Duration interval, LongSupplier clock) {
        this.limit = limit;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    private static String key(Device node) {
        return node.ip() + ":" + node.port() + "/" + node.device();
    }

    public boolean isLimited(Device node) {
        String k = key(node);
        Stats s = stats.get(k);
        if (s == null) {
            return false;
        }
        if (clock.getAsLong() - s.lastErrorNanos > intervalNanos) {
            stats.remove(k, s);
            return false;
        }
        return s.errors > limit;
    }

    /** A connection error, timeout or 5xx from the node. */
    public void errorOccurred(Device node) {
        long now = clock.getAsLong();
        stats.merge(key(node), new Stats(1, now), (a, b) -> new Stats(a.errors + 1, now));
    }

    /** A failure that makes the node useless for a while (507: its disk is full or unmounted). */
    public void limit(Device node) {
        stats.put(key(node), new Stats(limit + 1, clock.getAsLong()));
    }

    /** Forgets all errors (tests, and an operator's reset). */
    public void clear() {
        stats.clear();
    }
}
