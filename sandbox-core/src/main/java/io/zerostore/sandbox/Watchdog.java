package io.zerostore.sandbox;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import io.zerostore.sandbox.channel.IoShield;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Enforces wall-clock timeouts: when a run's time is up, its thread is interrupted, which stops
 * both Chicory engines (compiled code has no fuel counter, so interruption is the only brake).
 * One daemon thread serves every run of a sandbox.
 */
final class Watchdog implements AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;

    Watchdog() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "zerovm-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Starts watching the calling thread. Close the watch when the run ends. */
    Watch watch(Duration timeout) {
        Watch w = new Watch(Thread.currentThread());
        w.future = timer.schedule(w::fire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return w;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * One watched run. It is also the run's {@link IoShield}: while the thread is inside a host
     * I/O call that an interrupt would damage (an NIO read of a shared file), a timeout is only
     * recorded, and the run stops as soon as the call returns.
     */
    static final class Watch implements IoShield, AutoCloseable {
        private final Thread thread;
        private ScheduledFuture<?> future;
        private boolean shielded;
        private boolean fired;
        private boolean done;

        private Watch(Thread thread) {
            this.thread = thread;
        }

        private synchronized void fire() {
            if (done) {
                return;
            }
            fired = true;
            if (!shielded) {
                thread.interrupt();
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        @Override
        public synchronized void shield() {
            if (fired) {
                throw new ChicoryInterruptedException("timeout");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new ChicoryInterruptedException("interrupted");
            }
            shielded = true;
        }

        @Override
        public synchronized void unshield() {
            shielded = false;
            if (fired) {
                throw new ChicoryInterruptedException("timeout");
            }
        }

        /** Stops watching; clears the interrupt this watch caused so the thread can be reused. */
        @Override
        public void close() {
            future.cancel(false);
            boolean wasFired;
            synchronized (this) {
                done = true;
                wasFired = fired;
            }
            if (wasFired) {
                Thread.interrupted();
            }
        }
    }
}
