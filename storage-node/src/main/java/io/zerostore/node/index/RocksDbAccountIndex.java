package io.zerostore.node.index;

import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.ListingEntry;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.AccountRecord.Stats;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AccountIndex} on a device's RocksDB ({@link IndexDevice}); key layout in {@link Keys}.
 * Stats follow Swift's triggers: the container count counts live rows, object count and bytes
 * sum every row (a deleted row reports zero objects anyway).
 */
public final class RocksDbAccountIndex implements AccountIndex {
    private final IndexDevice device;
    private final HashPath hashPath;

    public RocksDbAccountIndex(IndexDevice device, HashPath hashPath) {
        this.device = device;
        this.hashPath = hashPath;
    }

    private byte[] hash(String account) {
        return hashPath.digest(account, null, null);
    }

    @Override
    public CompletableFuture<Outcome> put(String account, Timestamp ts, Metadata metadata) {
        byte[] h = hash(account);
        return device.write(v -> {
            AccountRecord rec = RowCodec.account(v.get(Keys.of(Keys.ACCOUNT, h)));
            Outcome outcome;
            if (rec == null) {
                rec = AccountRecord.created(account, ts);
                outcome = Outcome.CREATED;
            } else if (rec.statusDeleted()) {
                return Outcome.RECENTLY_DELETED;
            } else {
                Stats stats = RowCodec.accountStats(v.get(Keys.of(Keys.ACCOUNT_STATS, h)));
                boolean recreated = rec.isDeleted(stats);
                if (ts.isAfter(rec.putTimestamp())) {
                    rec = rec.withPut(ts);
                }
                if (rec.isDeleted(stats)) {
                    return Outcome.CONFLICT;
                }
                outcome = recreated ? Outcome.CREATED : Outcome.ACCEPTED;
            }
            store(v, h, rec, metadata);
            return outcome;
        });
    }

    @Override
    public CompletableFuture<Outcome> post(String account, Timestamp ts, Metadata metadata) {
        byte[] h = hash(account);
        return device.write(v -> {
            AccountRecord rec = RowCodec.account(v.get(Keys.of(Keys.ACCOUNT, h)));
            Outcome missing = missing(v, h, rec);
            if (missing != null) {
                return missing;
            }
            store(v, h, rec, metadata);
            return Outcome.ACCEPTED;
        });
    }

    /** NOT_FOUND or RECENTLY_DELETED when the account cannot take a POST or DELETE, else null. */
    private static Outcome missing(IndexDevice.WriteView v, byte[] h, AccountRecord rec) {
        if (rec == null) {
            return Outcome.NOT_FOUND;
        }
        if (rec.statusDeleted()) {
            return Outcome.RECENTLY_DELETED;
        }
        return rec.isDeleted(RowCodec.accountStats(v.get(Keys.of(Keys.ACCOUNT_STATS, h)))) ? Outcome.NOT_FOUND : null;
    }

    private static void store(IndexDevice.WriteView v, byte[] h, AccountRecord rec, Metadata metadata) {
        Metadata merged = rec.metadata().merge(metadata);
        if (!metadata.isEmpty()) {
            merged.checkLimits();
        }
        v.put(Keys.of(Keys.ACCOUNT, h), RowCodec.account(rec.withMetadata(merged)));
    }

    @Override
    public CompletableFuture<Outcome> delete(String account, Timestamp ts) {
        byte[] h = hash(account);
        return device.write(v -> {
            AccountRecord rec = RowCodec.account(v.get(Keys.of(Keys.ACCOUNT, h)));
            Outcome missing = missing(v, h, rec);
            if (missing != null) {
                return missing;
            }
            v.put(Keys.of(Keys.ACCOUNT, h), RowCodec.account(rec.deletedAt(ts)));
            return Outcome.DELETED;
        });
    }

    @Override
    public CompletableFuture<Outcome> updateContainer(String account, ContainerRow row) {
        byte[] h = hash(account);
        return device.write(v -> {
            AccountRecord rec = RowCodec.account(v.get(Keys.of(Keys.ACCOUNT, h)));
            byte[] statsKey = Keys.of(Keys.ACCOUNT_STATS, h);
            Stats stats = RowCodec.accountStats(v.get(statsKey));
            if (rec == null || rec.isDeleted(stats)) {
                return Outcome.NOT_FOUND;
            }
            ContainerRows.merge(v, h, row, true);
            return Outcome.ACCEPTED;
        });
    }

    @Override
    public CompletableFuture<Optional<AccountInfo>> info(String account) {
        byte[] h = hash(account);
        return device.read(v -> Optional.ofNullable(read(v, h)));
    }

    private static AccountInfo read(IndexDevice.ReadView v, byte[] h) {
        AccountRecord rec = RowCodec.account(v.get(Keys.of(Keys.ACCOUNT, h)));
        return rec == null ? null : rec.info(RowCodec.accountStats(v.get(Keys.of(Keys.ACCOUNT_STATS, h))));
    }

    @Override
    public CompletableFuture<Listing<AccountInfo>> list(String account, ListingQuery query) {
        byte[] h = hash(account);
        return device.read(v -> {
            AccountInfo info = read(v, h);
            if (info == null || info.isDeleted()) {
                return new Listing<>(info, List.of());
            }
            ListingScan scan = new ListingScan(Keys.of(Keys.CONTAINER_ROW, h), query, (name, value) -> {
                ContainerRow r = RowCodec.containerRow(name, value);
                return new ListingEntry.ContainerEntry(name, r.objectCount(), r.bytesUsed(), r.putTimestamp());
            });
            return new Listing<>(info, scan.run(v.iterator()));
        });
    }
}
