package io.zerostore.node.audit;

import java.util.concurrent.TimeUnit;

/**
 * Keeps a loop at or below a rate by sleeping (Swift's {@code ratelimit_sleep}): each call
 * reserves its units, and the caller sleeps until the reservation is due. Up to one second of
 * unused rate may be spent at once. A rate of 0 or less is unlimited. One thread at a time.
 */
final class RatePacer {
    private static final long MAX_CREDIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final double perSecond;
    private long next = System.nanoTime();

    RatePacer(double perSecond) {
        this.perSecond = perSecond;
    }

    void acquire(double units) throws InterruptedException {
        if (perSecond <= 0 || units <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (next < now - MAX_CREDIT_NANOS) {
            next = now - MAX_CREDIT_NANOS;
        }
        next += (long) (units / perSecond * 1e9);
        long wait = next - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
