package io.zerostore.node.diskfile;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One bounded thread pool per device, so a slow or failing disk stalls only its own requests.
 *
 * <p>Admission is bounded, continuation is not: a request's first task goes through
 * {@link #submit}, which rejects (the server answers 503) when the device's queue already holds
 * {@code queueLimit} tasks; the later tasks of an admitted request (the next body chunk, the
 * commit) go through {@link #continueWith} and are never refused, since each admitted request has
 * at most one task queued at a time. The queue therefore stays bounded by the admitted requests,
 * and an upload is never cut off half-way because other clients arrived.
 */
public final class DeviceExecutors implements AutoCloseable {
    private final int threadsPerDevice;
    private final int queueLimit;
    private final Map<String, ThreadPoolExecutor> pools = new ConcurrentHashMap<>();

    public DeviceExecutors(int threadsPerDevice, int queueLimit) {
        if (threadsPerDevice < 1 || queueLimit < 1) {
            throw new IllegalArgumentException("threads and queue limit must be positive");
        }
        this.threadsPerDevice = threadsPerDevice;
        this.queueLimit = queueLimit;
    }

    private ThreadPoolExecutor pool(String device) {
        return pools.computeIfAbsent(device, d -> {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor p = new ThreadPoolExecutor(threadsPerDevice, threadsPerDevice, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "disk-" + d + "-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            p.allowCoreThreadTimeOut(true);
            return p;
        });
    }

    /**
     * Starts a new request's disk work.
     *
     * @throws RejectedExecutionException the device's queue is full
     */
    public <T> CompletableFuture<T> submit(String device, Callable<T> task) {
        ThreadPoolExecutor p = pool(device);
        if (p.getQueue().size() >= queueLimit) {
            throw new RejectedExecutionException("disk queue of " + device + " is full");
        }
        return run(p, task);
    }

    /**
     * Continues an admitted request's disk work; never rejected while the executors are open (after
     * {@link #close} the future fails with {@link RejectedExecutionException}).
     */
    public <T> CompletableFuture<T> continueWith(String device, Callable<T> task) {
        return run(pool(device), task);
    }

    private static <T> CompletableFuture<T> run(ThreadPoolExecutor p, Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            p.execute(() -> {
                try {
                    f.complete(task.call());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(e); // shut down: the caller cleans up without the disk thread
        }
        return f;
    }

    /** Tasks waiting (not running) on a device, for metrics. */
    public int queued(String device) {
        ThreadPoolExecutor p = pools.get(device);
        return p == null ? 0 : p.getQueue().size();
    }

    @Override
    public void close() {
        pools.values().forEach(ThreadPoolExecutor::shutdown);
        for (ThreadPoolExecutor p : pools.values()) {
            try {
                p.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
