package io.zerostore.node.replication.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.metrics.Metrics;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.index.RecordRef;
import io.zerostore.node.index.ReplicaDb;
import io.zerostore.node.index.ReplicaInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Swift's container or account replicator for the devices of one server: every {@code interval}
 * a pass walks each device's records; for each it finds the partition's primaries in the ring and
 * pushes the record and its changed rows to every other primary ({@link PeerSync}). A record on a
 * device that is not one of its primaries (a handoff) is pushed to all primaries and removed once
 * each has taken everything. As Swift's {@code _reclaim}, deleted rows older than
 * {@code reclaim_age} are dropped first, and a record deleted longer ago than that is removed
 * instead of pushed. Passes never overlap; {@link #runOnce()} runs one now (tests, tools). Without
 * a ring file a pass does nothing.
 */
public final class DbReplicator<R> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DbReplicator.class.getName());
    private static final int PAGE = 1000;

    /**
     * Counts of one pass: records looked at, pushes to peers that succeeded and failed, rows pushed,
     * handoff records removed after moving home, records and rows removed past reclaim_age.
     */
    public record Pass(int records, int pushes, int failures, long rowsPushed, int handoffsRemoved,
                       int recordsReclaimed, long rowsReclaimed) {
        static final Pass NONE = new Pass(0, 0, 0, 0, 0, 0, 0);
    }

    private final DbKind<R> kind;
    private final IndexDevices devices;
    private final LazyRing ring;
    private final LocalDevices self;
    private final ReplicatorConfig cfg;
    private final PeerSync<R> sync;
    private final DaemonThreads threads;
    private final Counter recordsMetric;
    private final Counter rowsMetric;
    private final Counter failuresMetric;
    private final Counter removedMetric;
    private final Timer passMetric;
    private volatile boolean closed;

    public DbReplicator(DbKind<R> kind, IndexDevices devices, HttpClient client, LazyRing ring, LocalDevices self,
                        ReplicatorConfig cfg) {
        this.kind = kind;
        this.devices = devices;
        this.ring = ring;
        this.self = self;
        this.cfg = cfg;
        this.sync = new PeerSync<>(kind, client, cfg);
        this.threads = new DaemonThreads(kind.name() + "-replicator", cfg.concurrency());
        this.recordsMetric = counter("records", "records examined");
        this.rowsMetric = counter("rows", "rows pushed to other replicas");
        this.failuresMetric = counter("failures", "pushes to a replica that failed");
        this.removedMetric = counter("handoffs.removed", "handoff records removed after moving home");
        this.passMetric = Timer.builder("zerostore.replicator.db.pass").description("DB replicator pass duration")
                .tag("kind", kind.name()).register(Metrics.registry());
    }

    public DbKind<R> kind() {
        return kind;
    }

    private Counter counter(String name, String description) {
        return Counter.builder("zerostore.replicator.db." + name).description(description).tag("kind", kind.name())
                .register(Metrics.registry());
    }

    /** Runs a pass every {@code interval} (the first one interval after now); a zero interval runs none. */
    public DbReplicator<R> start() {
        threads.every(cfg.interval(), this::runOnce, LOG, kind.name() + " replicator pass failed");
        return this;
    }

    /** One pass over every device now; returns when it is done. */
    public synchronized Pass runOnce() {
        Optional<Ring> r = ring.get();
        if (r.isEmpty()) {
            return Pass.NONE;
        }
        long start = System.nanoTime();
        Timestamp now = Timestamp.now();
        PassState state = new PassState(r.get(), new Timestamp(now.ticks() - cfg.reclaimAge().toMillis()
                * (Timestamp.TICKS_PER_SECOND / 1000), 0));
        for (String device : localDevices()) {
            try {
                replicateDevice(device, state);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, kind.name() + " replication of device " + device + " failed", e);
            }
        }
        passMetric.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return state.pass();
    }

    /** Devices of the root that hold an index DB (opened here when no request has opened them yet). */
    private List<String> localDevices() {
        try (Stream<Path> s = Files.list(devices.root())) {
            return s.filter(p -> Files.isDirectory(p.resolve(IndexDevices.DB_DIR)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list devices under " + devices.root() + ": " + e);
            return List.of();
        }
    }

    private void replicateDevice(String device, PassState state) {
        ReplicaDb<R> db = kind.db(devices, device).join();
        String after = null;
        while (!closed) {
            List<RecordRef> page = db.records(after, PAGE).join();
            if (page.isEmpty()) {
                return;
            }
            List<CompletableFuture<Void>> done = new ArrayList<>(page.size());
            for (RecordRef ref : page) {
                done.add(CompletableFuture.runAsync(() -> replicateRecord(db, device, ref, state), threads.workers()));
            }
            try {
                CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, kind.name() + " replication on " + device + " failed", e);
            }
            after = page.get(page.size() - 1).hash();
        }
    }

    private void replicateRecord(ReplicaDb<R> db, String device, RecordRef ref, PassState state) {
        if (closed) {
            return;
        }
        try {
            Optional<ReplicaInfo> found = db.info(ref.hash()).join();
            if (found.isEmpty()) {
                return;
            }
            ReplicaInfo info = found.get();
            state.records.incrementAndGet();
            recordsMetric.increment();
            if (info.deleted() && state.reclaimBefore.isAfter(info.record().deleteTimestamp())) {
                if (db.remove(ref.hash(), info).join()) {
                    state.recordsReclaimed.incrementAndGet();
                }
                return;
            }
            state.rowsReclaimed.addAndGet(db.reclaim(ref.hash(), state.reclaimBefore).join());
            int partition = state.ring.partition(HexFormat.of().parseHex(ref.hash()));
            List<Device> primaries = state.ring.primaries(partition);
            boolean handoff = primaries.stream().noneMatch(d -> self.isLocal(d, device));
            boolean complete = true;
            int peers = 0;
            for (Device peer : primaries) {
                if (self.isLocal(peer, device)) {
                    continue;
                }
                peers++;
                complete &= push(db, info, peer, partition, state);
            }
            if (handoff && complete && peers > 0 && db.remove(ref.hash(), info).join()) {
                state.removed.incrementAndGet();
                removedMetric.increment();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, kind.name() + " replication of " + ref + " on " + device + " failed", e);
            state.failures.incrementAndGet();
        }
    }

    private boolean push(ReplicaDb<R> db, ReplicaInfo info, Device peer, int partition, PassState state) {
        String peerKey = peer.replicationIp() + ":" + peer.replicationPort();
        if (state.unreachable.contains(peerKey)) {
            state.failures.incrementAndGet();
            return false;
        }
        try {
            PeerSync.Result r = sync.push(db, info, peer, partition);
            state.pushes.incrementAndGet();
            state.rows.addAndGet(r.rowsPushed());
            rowsMetric.increment(r.rowsPushed());
            return r.complete();
        } catch (PeerSync.Unreachable e) {
            // one connection failure per pass is enough: the other records skip this peer
            state.unreachable.add(peerKey);
            LOG.log(System.Logger.Level.INFO, kind.name() + " replicator: " + peerKey + " unreachable this pass: "
                    + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, kind.name() + " push of " + info.hash() + " to " + peerKey + "/"
                    + peer.device() + " failed: " + e.getMessage());
        }
        state.failures.incrementAndGet();
        failuresMetric.increment();
        return false;
    }

    /** The counts and memory of one pass. */
    private static final class PassState {
        final Ring ring;
        final Timestamp reclaimBefore;
        final AtomicInteger recordsReclaimed = new AtomicInteger();
        final AtomicLong rowsReclaimed = new AtomicLong();
        final AtomicInteger records = new AtomicInteger();
        final AtomicInteger pushes = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicLong rows = new AtomicLong();
        final AtomicInteger removed = new AtomicInteger();
        final Set<String> unreachable = ConcurrentHashMap.newKeySet();

        PassState(Ring ring, Timestamp reclaimBefore) {
            this.ring = ring;
            this.reclaimBefore = reclaimBefore;
        }

        Pass pass() {
            return new Pass(records.get(), pushes.get(), failures.get(), rows.get(), removed.get(),
                    recordsReclaimed.get(), rowsReclaimed.get());
        }
    }

    @Override
    public void close() {
        closed = true;
        threads.close();
    }
}
