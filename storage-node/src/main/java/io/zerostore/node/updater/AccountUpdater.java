package io.zerostore.node.updater;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.node.index.AccountReport;
import io.zerostore.node.index.AccountTarget;
import io.zerostore.node.index.ContainerIndex;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.server.db.DbPath;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Tells accounts about their containers (Swift's container → account update plus its
 * container-updater daemon; named for what it updates, beside the object server's
 * {@link ContainerUpdater}). A container PUT/DELETE sends its report at once and the server waits
 * for it; object-count changes are pushed shortly after they happen (a nudge coalesces them per
 * device), and a periodic sweep retries whatever is still pending. What is pending lives in the
 * device's index DB (the {@code U} keys, written in the same commit as the change), so it survives
 * restarts; a failed report is retried after {@code interval}.
 */
public final class AccountUpdater implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AccountUpdater.class.getName());
    private static final int SWEEP_BATCH = 256;
    /**
     * How long object-count changes gather before one report per container goes out. Each report
     * costs a synced write on three account replicas and one on the container's DB, so under a
     * stream of uploads a short delay costs nearly as much as the uploads' own container updates;
     * a second keeps account stats fresh (Swift's container-updater: every 300 s) at a few
     * reports per second.
     */
    private static final long NUDGE_DELAY_MS = 1000;

    /** How the account replicas answered one report. */
    public record Result(int total, int successes, int notFound) {
        public boolean allOk() {
            return successes == total;
        }

        /** Swift's container server answers 404 when every account replica said 404. */
        public boolean allNotFound() {
            return total > 0 && notFound == total;
        }
    }

    private final IndexDevices devices;
    private final HttpClient client;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private final Map<String, AtomicBoolean> nudged = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> sweeping = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> again = new ConcurrentHashMap<>();
    /** Containers whose last report failed: not retried before this time (ms). */
    private final Map<String, Long> retryAfter = new ConcurrentHashMap<>();
    private final String userAgent = "container-server " + ProcessHandle.current().pid();

    public AccountUpdater(IndexDevices devices, HttpClient client, Duration interval) {
        this.devices = devices;
        this.client = client;
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-updater");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the periodic sweep over every device that has an index DB. */
    public AccountUpdater start() {
        long ms = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::sweepAll, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Sends a report to all its targets; never fails (a failure counts as an unsuccessful answer). */
    public CompletableFuture<Result> send(AccountReport report, String transId) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (AccountTarget t : report.targets()) {
            answers.add(put(t, report, transId));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(x -> {
            int ok = 0;
            int notFound = 0;
            for (CompletableFuture<Integer> a : answers) {
                int status = a.join();
                if (status >= 200 && status < 300) {
                    ok++;
                } else if (status == 404) {
                    notFound++;
                }
            }
            return new Result(answers.size(), ok, notFound);
        });
    }

    /** Sends a report and, when every account replica took it, clears the container's pending mark. */
    public CompletableFuture<Result> report(ContainerIndex index, AccountReport report, String transId) {
        return send(report, transId).thenCompose(r -> {
            String key = key(report);
            if (!r.allOk()) {
                retryAfter.put(key, System.currentTimeMillis() + interval.toMillis());
                return CompletableFuture.completedFuture(r);
            }
            retryAfter.remove(key);
            return index.reported(report).handle((cleared, e) -> r);
        });
    }

    /** A container of this device changed: push its pending reports soon (coalesced). */
    public void nudge(String device) {
        AtomicBoolean flag = nudged.computeIfAbsent(device, d -> new AtomicBoolean());
        if (flag.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> {
                    flag.set(false);
                    sweep(device);
                }, NUDGE_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                flag.set(false); // closing
            }
        }
    }

    private void sweepAll() {
        try (Stream<Path> dirs = Files.list(devices.root())) {
            dirs.filter(d -> Files.isDirectory(d.resolve(IndexDevices.DB_DIR)))
                    .forEach(d -> sweep(d.getFileName().toString()));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "account updater sweep of " + devices.root() + " failed", e);
        }
    }

    /** Sends the device's pending reports, one batch at a time; one sweep per device at once. */
    private void sweep(String device) {
        AtomicBoolean running = sweeping.computeIfAbsent(device, d -> new AtomicBoolean());
        AtomicBoolean rerun = again.computeIfAbsent(device, d -> new AtomicBoolean());
        if (!running.compareAndSet(false, true)) {
            rerun.set(true); // the running sweep may have read its batch before this change
            return;
        }
        devices.containers(device)
                .thenCompose(index -> index.pendingReports(SWEEP_BATCH).thenCompose(reports -> {
                    long now = System.currentTimeMillis();
                    List<CompletableFuture<Result>> sends = new ArrayList<>();
                    for (AccountReport r : reports) {
                        Long after = retryAfter.get(key(r));
                        if (after == null || after <= now) {
                            sends.add(report(index, r, "-"));
                        }
                    }
                    return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
                }))
                .whenComplete((x, e) -> {
                    running.set(false);
                    if (rerun.getAndSet(false)) {
                        nudge(device);
                    }
                    if (e != null) {
                        LOG.log(System.Logger.Level.DEBUG, "account updater sweep of " + device + " failed", e);
                    }
                });
    }

    private CompletableFuture<Integer> put(AccountTarget t, AccountReport r, String transId) {
        String path = "/" + DbPath.quote(t.device()) + "/" + DbPath.quote(t.partition()) + "/"
                + DbPath.quote(r.account()) + "/" + DbPath.quote(r.container());
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, path,
                Unpooled.EMPTY_BUFFER);
        req.headers()
                .set("Host", t.hostPort())
                .set("Content-Length", 0)
                .set("X-Put-Timestamp", r.putTimestamp().internal())
                .set("X-Delete-Timestamp", r.deleteTimestamp().internal())
                .set("X-Object-Count", r.objectCount())
                .set("X-Bytes-Used", r.bytesUsed())
                .set("X-Trans-Id", transId == null ? "-" : transId)
                .set("X-Backend-Storage-Policy-Index", 0)
                .set("User-Agent", userAgent);
        try {
            return client.send(new InetSocketAddress(t.host(), t.port()), req)
                    .handle((res, e) -> {
                        if (e != null) {
                            LOG.log(System.Logger.Level.DEBUG, "account update to " + t.hostPort() + " failed", e);
                            return 503;
                        }
                        return res.status();
                    });
        } catch (RuntimeException e) {
            req.release();
            return CompletableFuture.completedFuture(503);
        }
    }

    private static String key(AccountReport r) {
        return r.account() + "/" + r.container();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
