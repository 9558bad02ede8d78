package io.zerostore.common.http;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Swift's {@code client_timeout} for a request body a server receives: {@code onStall} runs once
 * when the sender has owed the next chunk for longer than the limit. Time the server itself spends
 * (writing to disk before it asks again) never counts. One timer per body on its event loop, re-armed
 * only when it fires, not per chunk.
 */
public final class StallWatch {
    private final EventLoop loop;
    private final long limitNanos;
    private final Runnable onStall;
    /** When the next chunk was asked for (-1: not waiting for the sender). */
    private volatile long waitingSince = -1;
    private volatile boolean stopped;
    private ScheduledFuture<?> timer;

    public StallWatch(EventLoop loop, Duration limit, Runnable onStall) {
        this.loop = loop;
        this.limitNanos = limit.toNanos();
        this.onStall = onStall;
    }

    /** Starts watching, waiting for the first chunk. */
    public void start() {
        waiting();
        arm(limitNanos);
    }

    /** The next chunk was asked for: the sender's time runs. */
    public void waiting() {
        waitingSince = System.nanoTime();
    }

    /** A chunk (or the end) came: the server's time runs until it asks again. */
    public void received() {
        waitingSince = -1;
    }

    /** The body is done with (taken in whole, or given up); nothing fires after this. */
    public void stop() {
        stopped = true;
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void arm(long delayNanos) {
        timer = loop.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (stopped) {
            return;
        }
        long since = waitingSince;
        long waited = since < 0 ? 0 : System.nanoTime() - since;
        if (since >= 0 && waited >= limitNanos) {
            onStall.run();
        } else {
            arm(limitNanos - waited);
        }
    }
}
