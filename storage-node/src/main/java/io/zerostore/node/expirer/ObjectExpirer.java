package io.zerostore.node.expirer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.zerostore.common.metrics.Metrics;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.ExpiringObjects;
import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.ListingEntry;
import io.zerostore.node.index.ContainerIndex;
import io.zerostore.node.index.ContainerInfo;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.index.ListingQuery;
import io.zerostore.node.index.ObjectRow;
import io.zerostore.node.index.RecordRef;
import io.zerostore.node.index.ReplicaDb;
import io.zerostore.node.replication.db.DaemonThreads;
import io.zerostore.node.replication.db.LazyRing;
import io.zerostore.node.replication.db.LocalDevices;
import io.zerostore.node.server.ContainerServer;
import io.zerostore.node.server.NodeContext;
import io.zerostore.node.server.StorageNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Swift's object-expirer, run by every node that runs a container server. The queue
 * ({@link ExpiringObjects}) lives in the container DBs, so each node reads the queue containers it
 * holds itself instead of listing them through a proxy. The three replicas of a queue container
 * split its rows without talking: a row belongs to the primary whose position among the
 * partition's primaries is the row name's hash modulo their number (a down primary's share waits
 * for it, like a Swift expirer process's share). For each due row it owns, the node deletes the
 * object ({@link ExpiryActions#deleteObject}) and removes the row; an emptied queue container of a
 * past day is deleted by its first primary.
 */
public final class ObjectExpirer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ObjectExpirer.class.getName());
    private static final int PAGE = 1000;

    /**
     * Counts of one pass: rows whose object was deleted, rows dropped as stale (the object was gone,
     * newer, or had another X-Delete-At), rows left for the next pass, queue containers deleted.
     */
    public record Pass(int expired, int stale, int failed, int containersDeleted) {}

    private final IndexDevices devices;
    private final LazyRing objectRing;
    private final LazyRing containerRing;
    private final LocalDevices self;
    private final ExpiryActions actions;
    private final LongSupplier clock;
    private final DaemonThreads threads;
    private final Duration interval;
    private final Counter expiredMetric;
    private final Counter failedMetric;
    private final Timer passMetric;
    private volatile boolean closed;

    private ObjectExpirer(IndexDevices devices, LazyRing objectRing, LazyRing containerRing, LocalDevices self,
                          ExpiryActions actions, ExpirerConfig cfg, LongSupplier clock) {
        this.devices = devices;
        this.objectRing = objectRing;
        this.containerRing = containerRing;
        this.self = self;
        this.actions = actions;
        this.clock = clock;
        this.interval = cfg.interval();
        this.threads = new DaemonThreads("object-expirer", cfg.concurrency());
        this.expiredMetric = Counter.builder("zerostore.expirer.objects").description("expired objects deleted")
                .register(Metrics.registry());
        this.failedMetric = Counter.builder("zerostore.expirer.failures")
                .description("queue entries whose object could not be deleted this pass").register(Metrics.registry());
        this.passMetric = Timer.builder("zerostore.expirer.pass").description("object expirer pass duration")
                .register(Metrics.registry());
    }

    /** The node's expirer ({@link StorageNode#DAEMONS}): runs where a container server runs. */
    public static Optional<AutoCloseable> start(NodeContext node, StorageNode running) {
        return running.server(ContainerServer.class).map(s -> {
            ExpirerConfig cfg = ExpirerConfig.from(node.conf());
            var section = node.conf().section(ExpirerConfig.SECTION);
            return new ObjectExpirer(s.devices(), LazyRing.in(section, "object.ring.gz"),
                    LazyRing.in(section, "container.ring.gz"), LocalDevices.of(s.port()),
                    new ExpiryActions(node.client(), node.hashPath()), cfg, () -> System.currentTimeMillis() / 1000)
                    .startLoop();
        });
    }

    /** The node's expirer, if it runs one. */
    public static Optional<ObjectExpirer> of(StorageNode node) {
        return node.daemons().stream().filter(ObjectExpirer.class::isInstance).map(ObjectExpirer.class::cast)
                .findFirst();
    }

    private ObjectExpirer startLoop() {
        threads.every(interval, this::runOnce, LOG, "object expirer pass failed");
        return this;
    }

    /** One pass over the queue containers of this node's devices, now. */
    public synchronized Pass runOnce() {
        Optional<Ring> objects = objectRing.get();
        Optional<Ring> containers = containerRing.get();
        PassCounts counts = new PassCounts();
        if (objects.isEmpty() || containers.isEmpty()) {
            return counts.pass();
        }
        long start = System.nanoTime();
        for (String device : localDevices()) {
            try {
                expireDevice(device, objects.get(), containers.get(), counts);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "expirer pass over " + device + " failed", e);
            }
        }
        passMetric.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return counts.pass();
    }

    private List<String> localDevices() {
        try (Stream<Path> s = Files.list(devices.root())) {
            return s.filter(p -> Files.isDirectory(p.resolve(IndexDevices.DB_DIR)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void expireDevice(String device, Ring objects, Ring containers, PassCounts counts) {
        ReplicaDb<ObjectRow> records = devices.containerReplicas(device).join();
        ContainerIndex index = devices.containers(device).join();
        long now = clock.getAsLong();
        String after = null;
        while (!closed) {
            List<RecordRef> page = records.records(after, PAGE).join();
            if (page.isEmpty()) {
                return;
            }
            for (RecordRef ref : page) {
                if (ExpiringObjects.ACCOUNT.equals(ref.account()) && isDue(ref.container(), now)) {
                    expireContainer(device, index, ref, objects, containers, now, counts);
                }
            }
            after = page.get(page.size() - 1).hash();
        }
    }

    private static boolean isDue(String queueContainer, long now) {
        try {
            return Long.parseLong(queueContainer) <= now;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void expireContainer(String device, ContainerIndex index, RecordRef ref, Ring objects, Ring containers,
                                 long now, PassCounts counts) {
        int part = containers.partition(java.util.HexFormat.of().parseHex(ref.hash()));
        List<Device> primaries = containers.primaries(part);
        int mine = -1;
        for (int i = 0; i < primaries.size(); i++) {
            if (self.isLocal(primaries.get(i), device)) {
                mine = i;
            }
        }
        if (mine < 0) {
            return; // a handoff copy: the replicator takes it home
        }
        String marker = null;
        boolean sawRows = false;
        while (!closed) {
            var listing = index.list(ExpiringObjects.ACCOUNT, ref.container(),
                    ListingQuery.builder().marker(marker).build()).join();
            ContainerInfo info = listing.info();
            if (info == null || info.isDeleted() || listing.entries().isEmpty()) {
                break;
            }
            sawRows = true;
            List<CompletableFuture<Void>> work = new ArrayList<>();
            boolean reachedFuture = false;
            for (ListingEntry e : listing.entries()) {
                marker = e.name();
                ExpiringObjects.Entry entry = ExpiringObjects.Entry.parse(e.name());
                if (entry != null && entry.deleteAt() > now) {
                    reachedFuture = true; // rows sort by delete-at: the rest is not due either
                    break;
                }
                if (Math.floorMod(nameHash(e.name()), primaries.size()) == mine) {
                    String row = e.name();
                    work.add(CompletableFuture.runAsync(() -> expire(ref.container(), row, entry, objects, containers,
                            counts), threads.workers()));
                }
            }
            await(work);
            if (reachedFuture) {
                break;
            }
        }
        if (!sawRows && mine == 0 && Long.parseLong(ref.container()) + ExpiringObjects.DIVISOR + 100 < now
                && !isDeleted(index, ref.container()) && actions.deleteContainer(ref.container(), containers, transId())) {
            counts.containersDeleted.incrementAndGet();
        }
    }

    private static boolean isDeleted(ContainerIndex index, String container) {
        return index.info(ExpiringObjects.ACCOUNT, container).join().map(ContainerInfo::isDeleted).orElse(true);
    }

    private void expire(String queueContainer, String row, ExpiringObjects.Entry entry, Ring objects, Ring containers,
                        PassCounts counts) {
        if (closed) {
            return;
        }
        String tx = transId();
        try {
            // a row that is not a queue entry is dropped like a stale one (Swift logs and pops it too)
            ExpiryActions.Outcome o = entry == null ? ExpiryActions.Outcome.STALE
                    : actions.deleteObject(entry, objects, containers, tx);
            if (o != ExpiryActions.Outcome.FAILED) {
                actions.pop(queueContainer, row, containers, tx);
                if (o == ExpiryActions.Outcome.DELETED) {
                    counts.expired.incrementAndGet();
                    expiredMetric.increment();
                } else {
                    counts.stale.incrementAndGet();
                }
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "expiring " + row + " failed", e);
        }
        counts.failed.incrementAndGet();
        failedMetric.increment();
    }

    private void await(List<CompletableFuture<Void>> work) {
        try {
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "expirer work failed", e.getCause());
        }
    }

    private static int nameHash(String name) {
        byte[] d = HashPath.md5().digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return ((d[0] & 0xFF) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
    }

    private static String transId() {
        return "tx" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 21) + "-expirer";
    }

    private static final class PassCounts {
        final AtomicInteger expired = new AtomicInteger();
        final AtomicInteger stale = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger containersDeleted = new AtomicInteger();

        Pass pass() {
            return new Pass(expired.get(), stale.get(), failed.get(), containersDeleted.get());
        }
    }

    @Override
    public void close() {
        closed = true;
        threads.close();
    }
}
