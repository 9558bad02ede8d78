package io.zerostore.node.replication;

import io.netty.channel.EventLoopGroup;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.ReloadingRing;
import io.zerostore.common.ring.Ring;
import io.zerostore.node.diskfile.DiskFileManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * Swift's object replicator for this node. Each pass takes the object ring's devices that are
 * this node's ({@link LocalDevices}), and for every partition directory on them runs a
 * {@link HandoffRevert} (this device is not a primary: send everything home, then delete) or a
 * {@link PrimaryUpdate} (compare suffix hashes with the other primaries, sync what differs).
 * Handoff partitions go first, as with Swift's {@code handoffs_first}. Devices run in parallel
 * (up to {@code concurrency}), partitions of one device one after another. A pass starts
 * {@code interval} after the previous one ended; passes never overlap. Every 10th pass (and the
 * first) also lists each partition's suffix directories, to find ones the cache does not know.
 */
public final class ObjectReplicator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ObjectReplicator.class.getName());
    private static final int LIST_DIR_EVERY = 10;

    /** Totals of one pass over all local devices. */
    public record Pass(int partitions, int suffixesSynced, int filesPushed, long bytesPushed, int handoffsRemoved,
                       int failures) {}

    private final ReplicatorConfig config;
    private final DiskFileManager files;
    private final InetSocketAddress bound;
    private final ReplicatorContext ctx;
    private final ExecutorService devicePool;
    private ScheduledExecutorService loop;
    private ReloadingRing ring;
    private long passes;
    private boolean warnedNoRing;

    private ObjectReplicator(ReplicatorConfig config, DiskFileManager files, InetSocketAddress bound,
                             EventLoopGroup loops, DoubleSupplier clock) {
        this.config = config;
        this.files = files;
        this.bound = bound;
        this.ctx = new ReplicatorContext(new ReplicationClient(loops, config), new ReplicationMetrics(),
                config.reclaimAge(), clock);
        AtomicInteger n = new AtomicInteger();
        this.devicePool = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "object-replicator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Creates the replicator of the object server bound at {@code bound} (its address says which
     * ring devices are local) and, unless the interval is 0, starts its background passes.
     *
     * @param clock seconds since the epoch (tombstone reclaim)
     */
    public static ObjectReplicator start(ReplicatorConfig config, DiskFileManager files, InetSocketAddress bound,
                                         EventLoopGroup loops, DoubleSupplier clock) {
        ObjectReplicator r = new ObjectReplicator(config, files, bound, loops, clock);
        if (!config.interval().isZero()) {
            r.loop = Executors.newSingleThreadScheduledExecutor(t -> {
                Thread th = new Thread(t, "object-replicator");
                th.setDaemon(true);
                return th;
            });
            // the first pass soon after start, as Swift's replicator begins at once
            r.loop.scheduleWithFixedDelay(r::runQuietly, Math.min(1000, config.interval().toMillis()),
                    Math.max(1, config.interval().toMillis()), TimeUnit.MILLISECONDS);
        }
        return r;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "replication pass failed", e);
        }
    }

    /** One pass over every local device, now (devices in parallel); returns its totals. */
    public synchronized Pass runOnce() {
        Ring r = ring();
        if (r == null) {
            return new PassStats().toPass();
        }
        boolean listDir = passes++ % LIST_DIR_EVERY == 0;
        List<Future<PassStats>> running = new ArrayList<>();
        for (Device d : LocalDevices.of(r, bound)) {
            Path device;
            try {
                device = files.device(d.device());
            } catch (IOException e) {
                continue; // not mounted: its partitions wait for it
            }
            running.add(devicePool.submit(() -> replicateDevice(r, d, device, listDir)));
        }
        PassStats total = new PassStats();
        for (Future<PassStats> f : running) {
            try {
                total.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(x -> x.cancel(true));
                break;
            } catch (ExecutionException e) {
                total.failures++;
                LOG.log(System.Logger.Level.ERROR, "replication of a device failed", e.getCause());
            }
        }
        return total.toPass();
    }

    private PassStats replicateDevice(Ring r, Device local, Path device, boolean listDir) {
        long start = System.nanoTime();
        PassStats stats = new PassStats();
        List<ReplicationJob> handoffs = new ArrayList<>();
        List<ReplicationJob> primaries = new ArrayList<>();
        Path objects = device.resolve("objects");
        for (String name : partitionDirs(objects)) {
            int part = Integer.parseInt(name);
            if (part >= r.partitionCount()) {
                LOG.log(System.Logger.Level.WARNING, "partition " + objects.resolve(name) + " is not in the ring");
                continue;
            }
            ReplicationJob job = new ReplicationJob(local, part, objects.resolve(name), r, r.primaries(part));
            (job.isHandoff() ? handoffs : primaries).add(job);
        }
        handoffs.addAll(primaries);
        for (ReplicationJob job : handoffs) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            stats.partitions++;
            ctx.metrics().partition(local.device());
            try {
                if (job.isHandoff()) {
                    HandoffRevert.run(job, ctx, stats);
                } else {
                    PrimaryUpdate.run(job, ctx, listDir, stats);
                }
            } catch (IOException | RuntimeException e) {
                stats.failures++;
                ctx.metrics().failure(local.device());
                LOG.log(System.Logger.Level.WARNING, "replication of " + job.partition() + " failed", e);
            }
        }
        ctx.metrics().pass(local.device(), Duration.ofNanos(System.nanoTime() - start));
        return stats;
    }

    private static List<String> partitionDirs(Path objects) {
        List<String> names = new ArrayList<>();
        try (var ds = Files.newDirectoryStream(objects)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && n.length() < 10 && n.chars().allMatch(Character::isDigit) && Files.isDirectory(p)) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            return names;
        }
        names.sort(java.util.Comparator.comparingInt(Integer::parseInt));
        return names;
    }

    /** The object ring, opened on first use; null (and the pass skipped) while the file is missing. */
    private Ring ring() {
        if (ring == null) {
            try {
                ring = ReloadingRing.open(config.ringFile(), config.ringCheckInterval());
            } catch (IOException e) {
                if (!warnedNoRing) {
                    warnedNoRing = true;
                    LOG.log(System.Logger.Level.INFO, "no object ring at " + config.ringFile()
                            + " yet: replication waits for it");
                }
                return null;
            }
        }
        return ring.current();
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.shutdownNow();
        }
        devicePool.shutdownNow();
        try {
            devicePool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.client().close();
    }
}
