package io.zerostore.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Run-wide clock and operation counter that every connection loop asks before each request. */
final class RunState {
    private final RunPlan plan;
    private final long startNanos;
    private final long measureFromNanos;
    private final long deadlineNanos;
    private final AtomicLong issued = new AtomicLong();
    private volatile boolean stopped;

    RunState(RunPlan plan) {
        this.plan = plan;
        this.startNanos = System.nanoTime();
        this.measureFromNanos = startNanos + plan.warmup().toNanos();
        this.deadlineNanos = plan.duration().isZero() ? Long.MAX_VALUE
            : measureFromNanos + plan.duration().toNanos();
    }

    /** @return the next operation number, or -1 when no more requests should be issued. */
    long claim() {
        if (stopped) {
            return -1;
        }
        if (System.nanoTime() - deadlineNanos >= 0 && issued.get() >= plan.minOps()) {
            return -1;
        }
        long seq = issued.getAndIncrement();
        if (plan.maxOps() > 0 && seq >= plan.maxOps()) {
            return -1;
        }
        return seq;
    }

    boolean running() {
        return !stopped && (System.nanoTime() - deadlineNanos < 0 || issued.get() < plan.minOps())
            && (plan.maxOps() <= 0 || issued.get() < plan.maxOps());
    }

    void stop() {
        stopped = true;
    }

    boolean measured(long endNanos) {
        return endNanos - measureFromNanos >= 0;
    }

    long measureFromNanos() {
        return measureFromNanos;
    }

    long startNanos() {
        return startNanos;
    }
}
