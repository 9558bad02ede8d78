package io.zerostore.sandbox;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import io.zerostore.sandbox.channel.IoShield;
import io.zerostore.sandbox.codegen.Interruption;
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

    /** A watch of the calling thread, not yet armed. Close it when the run ends. */
    Watch watch() {
        return new Watch(Thread.currentThread(), this);
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
        private final Watchdog owner;
        private ScheduledFuture<?> future;
        private static final long REPEAT_MILLIS = 50;
        private boolean shielded;
        private volatile boolean fired;
        private boolean done;

        private Watch(Thread thread, Watchdog owner) {
            this.thread = thread;
            this.owner = owner;
        }

        /**
         * Starts the clock: after {@code timeout} the thread is interrupted (or stopped at
         * unshield), and interrupted again every {@link #REPEAT_MILLIS} ms until the run ends, in
         * case something swallowed an interrupt.
         */
        void arm(Duration timeout) {
            future = owner.timer.scheduleAtFixedRate(this::fire, timeout.toNanos(),
                    TimeUnit.MILLISECONDS.toNanos(REPEAT_MILLIS), TimeUnit.NANOSECONDS);
        }

        private synchronized void fire() {
            if (done) {
                return;
            }
            if (!fired) {
                Interruption.arm(); // before the interrupt: compiled code must look at it
            }
            fired = true;
            if (!shielded) {
                thread.interrupt();
            }
        }

        boolean fired() {
            return fired;
        }

        @Override
        public void checkpoint() {
            if (fired) {
                throw new ChicoryInterruptedException("timeout");
            }
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
            if (future != null) {
                future.cancel(false);
            }
            boolean wasFired;
            synchronized (this) {
                done = true;
                wasFired = fired;
            }
            if (wasFired) {
                Thread.interrupted();
                Interruption.release();
            }
        }
    }
}
