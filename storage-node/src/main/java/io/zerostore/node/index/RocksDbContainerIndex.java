package io.zerostore.node.index;

import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.ListingEntry;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.ContainerRecord.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rocksdb.RocksIterator;

/**
 * {@link ContainerIndex} on a device's RocksDB ({@link IndexDevice}); key layout in {@link Keys}.
 * Each write is one read-modify-write on the device's writer thread: read the record, stats and
 * the row, decide by timestamp, write the new row and the stats delta in the same group commit.
 */
public final class RocksDbContainerIndex implements ContainerIndex {
    private static final byte[] MARK = new byte[0];

    private final IndexDevice device;
    private final HashPath hashPath;

    public RocksDbContainerIndex(IndexDevice device, HashPath hashPath) {
        this.device = device;
        this.hashPath = hashPath;
    }

    private byte[] hash(String account, String container) {
        return hashPath.digest(account, container, null);
    }

    @Override
    public CompletableFuture<ContainerUpdate> put(String account, String container, Timestamp ts, Metadata metadata,
                                                  List<AccountTarget> accountTargets) {
        byte[] h = hash(account, container);
        return device.write(v -> {
            ContainerRecord rec = RowCodec.container(v.get(Keys.of(Keys.CONTAINER, h)));
            Stats stats = RowCodec.containerStats(v.get(Keys.of(Keys.CONTAINER_STATS, h)));
            Outcome outcome;
            if (rec == null) {
                rec = ContainerRecord.created(account, container, ts);
                outcome = Outcome.CREATED;
            } else {
                boolean recreated = rec.isDeleted(stats);
                if (ts.isAfter(rec.putTimestamp())) {
                    rec = rec.withPut(ts);
                }
                if (rec.isDeleted(stats)) {
                    return new ContainerUpdate(Outcome.CONFLICT, rec.info(stats), null);
                }
                if (recreated) {
                    rec = rec.withStatusChangedAt(ts);
                }
                outcome = recreated ? Outcome.CREATED : Outcome.ACCEPTED;
            }
            return store(v, h, rec, stats, metadata, accountTargets, outcome);
        });
    }

    @Override
    public CompletableFuture<ContainerUpdate> post(String account, String container, Timestamp ts, Metadata metadata) {
        byte[] h = hash(account, container);
        return device.write(v -> {
            ContainerRecord rec = RowCodec.container(v.get(Keys.of(Keys.CONTAINER, h)));
            Stats stats = RowCodec.containerStats(v.get(Keys.of(Keys.CONTAINER_STATS, h)));
            if (rec == null || rec.isDeleted(stats)) {
                return new ContainerUpdate(Outcome.NOT_FOUND, rec == null ? null : rec.info(stats), null);
            }
            if (ts.isAfter(rec.putTimestamp())) {
                rec = rec.withPut(ts);
            }
            return store(v, h, rec, stats, metadata, List.of(), Outcome.ACCEPTED);
        });
    }

    private static ContainerUpdate store(IndexDevice.WriteView v, byte[] h, ContainerRecord rec, Stats stats,
                                         Metadata metadata, List<AccountTarget> targets, Outcome outcome) {
        Metadata merged = rec.metadata().merge(metadata);
        if (!metadata.isEmpty()) {
            merged.checkLimits();
        }
        rec = rec.withMetadata(merged);
        if (!targets.isEmpty()) {
            rec = rec.withTargets(targets);
        }
        v.put(Keys.of(Keys.CONTAINER, h), RowCodec.container(rec));
        AccountReport report = null;
        if (!rec.targets().isEmpty()) {
            v.put(Keys.of(Keys.REPORT_PENDING, h), MARK);
            report = rec.report(stats);
        }
        return new ContainerUpdate(outcome, rec.info(stats), report);
    }

    @Override
    public CompletableFuture<ContainerUpdate> delete(String account, String container, Timestamp ts,
                                                     List<AccountTarget> accountTargets) {
        byte[] h = hash(account, container);
        return device.write(v -> {
            ContainerRecord rec = RowCodec.container(v.get(Keys.of(Keys.CONTAINER, h)));
            Stats stats = RowCodec.containerStats(v.get(Keys.of(Keys.CONTAINER_STATS, h)));
            if (rec == null) {
                return new ContainerUpdate(Outcome.NOT_FOUND, null, null);
            }
            if (stats.objectCount() > 0) {
                return new ContainerUpdate(Outcome.CONFLICT, rec.info(stats), null);
            }
            boolean existed = rec.putTimestamp().isAfter(Timestamp.ZERO) && !rec.isDeleted(stats);
            ContainerRecord deleted = rec;
            if (ts.isAfter(rec.deleteTimestamp())) {
                deleted = rec.withDelete(ts).withStatusChangedAt(ts).withMetadata(rec.metadata().clearedAt(ts));
            }
            if (!deleted.isDeleted(stats)) {
                return new ContainerUpdate(Outcome.CONFLICT, rec.info(stats), null);
            }
            return store(v, h, deleted, stats, Metadata.empty(), accountTargets,
                    existed ? Outcome.DELETED : Outcome.NOT_FOUND);
        });
    }

    @Override
    public CompletableFuture<RowUpdate> updateObject(String account, String container, ObjectRow row) {
        byte[] h = hash(account, container);
        return device.write(v -> {
            byte[] recKey = Keys.of(Keys.CONTAINER, h);
            ContainerRecord rec = RowCodec.container(v.get(recKey));
            if (rec == null) {
                return new RowUpdate(Outcome.NOT_FOUND, false);
            }
            return ObjectRows.merge(v, h, rec, row);
        });
    }

    @Override
    public CompletableFuture<Optional<ContainerInfo>> info(String account, String container) {
        byte[] h = hash(account, container);
        return device.read(v -> Optional.ofNullable(read(v, h)));
    }

    private static ContainerInfo read(IndexDevice.ReadView v, byte[] h) {
        ContainerRecord rec = RowCodec.container(v.get(Keys.of(Keys.CONTAINER, h)));
        return rec == null ? null : rec.info(RowCodec.containerStats(v.get(Keys.of(Keys.CONTAINER_STATS, h))));
    }

    @Override
    public CompletableFuture<Listing<ContainerInfo>> list(String account, String container, ListingQuery query) {
        byte[] h = hash(account, container);
        return device.read(v -> {
            ContainerInfo info = read(v, h);
            if (info == null || info.isDeleted()) {
                return new Listing<>(info, List.of());
            }
            ListingScan scan = new ListingScan(Keys.of(Keys.OBJECT, h), query, (name, value) -> {
                ObjectRow r = RowCodec.liveObject(name, value);
                return ListingEntry.ObjectEntry.ofRow(name, r.size(), r.contentType(), r.etag(), r.timestamp());
            });
            return new Listing<>(info, scan.run(v.iterator()));
        });
    }

    @Override
    public CompletableFuture<List<AccountReport>> pendingReports(int max) {
        return device.read(v -> {
            List<AccountReport> out = new ArrayList<>();
            RocksIterator it = v.iterator();
            byte[] start = {Keys.REPORT_PENDING};
            for (it.seek(start); it.isValid() && out.size() < max; it.next()) {
                byte[] k = it.key();
                if (k[0] != Keys.REPORT_PENDING) {
                    break;
                }
                byte[] h = Keys.hash(k);
                ContainerRecord rec = RowCodec.container(v.get(Keys.of(Keys.CONTAINER, h)));
                if (rec != null && !rec.targets().isEmpty()) {
                    out.add(rec.report(RowCodec.containerStats(v.get(Keys.of(Keys.CONTAINER_STATS, h)))));
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Boolean> reported(AccountReport sent) {
        byte[] h = hash(sent.account(), sent.container());
        return device.write(v -> {
            ContainerRecord rec = RowCodec.container(v.get(Keys.of(Keys.CONTAINER, h)));
            if (rec == null) {
                v.delete(Keys.of(Keys.REPORT_PENDING, h));
                return true;
            }
            AccountReport now = rec.report(RowCodec.containerStats(v.get(Keys.of(Keys.CONTAINER_STATS, h))));
            if (!now.sameState(sent)) {
                return false;
            }
            v.delete(Keys.of(Keys.REPORT_PENDING, h));
            return true;
        });
    }
}
