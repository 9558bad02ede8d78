package io.zerostore.node.replication.db;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a Swift-style daemon's {@code run_forever} (the DB replicators, the object
 * expirer): one thread that runs a pass every interval, and a fixed pool the pass fans its work
 * out to. All are daemon threads named after the daemon.
 */
public final class DaemonThreads implements AutoCloseable {
    private final ExecutorService workers;
    private final ScheduledExecutorService loop;

    /** Threads {@code name} (the loop) and {@code name-1..concurrency} (the workers). */
    public DaemonThreads(String name, int concurrency) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, r -> daemon(r, name + "-" + n.incrementAndGet()));
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Where a pass runs its pieces of work. */
    public Executor workers() {
        return workers;
    }

    /**
     * Runs {@code pass} every {@code interval}, the first one an interval from now; a zero interval
     * runs none. A failed pass is logged as {@code failure} and the next one runs on time.
     */
    public void every(Duration interval, Runnable pass, System.Logger log, String failure) {
        long ms = interval.toMillis();
        if (ms > 0) {
            loop.scheduleWithFixedDelay(() -> {
                try {
                    pass.run();
                } catch (RuntimeException e) {
                    log.log(System.Logger.Level.ERROR, failure, e);
                }
            }, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Interrupts the pass in progress, lets queued work end, and waits up to 10 s for each. */
    @Override
    public void close() {
        loop.shutdownNow();
        workers.shutdown();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
