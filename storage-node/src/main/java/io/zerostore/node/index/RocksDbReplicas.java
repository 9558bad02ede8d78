package io.zerostore.node.index;

import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rocksdb.RocksIterator;

/**
 * {@link ReplicaDb} on a device's RocksDB: what containers and accounts share (row log, sync
 * points, identity, scans, removal). The subclasses say which keys a record has and merge with
 * the same code as the servers' updates ({@link ObjectRows}, {@link ContainerRows}).
 *
 * <p>Records written before row ids existed have no identity: the first time replication looks at
 * one, its rows get row ids ({@link #adopt}) so they replicate like any other.
 */
abstract class RocksDbReplicas<R> implements ReplicaDb<R> {
    /** Row key types of the record: {@code live} and {@code deleted} rows. */
    record RowTypes(byte live, byte deleted) {}

    final IndexDevice device;
    final HashPath hashPath;

    RocksDbReplicas(IndexDevice device, HashPath hashPath) {
        this.device = device;
        this.hashPath = hashPath;
    }

    /** The record key type ({@code C} or {@code A}). */
    abstract byte recordType();

    /** Key types of the record's single keys besides the record and identity (stats, pending marks). */
    abstract byte[] extraKeyTypes();

    abstract RowTypes rowTypes();

    abstract ReplicaRecord decodeRecord(byte[] value);

    /** The path hash the record's names give. */
    abstract byte[] hashOf(ReplicaRecord r);

    /** Merges the peer's record into the stored one (null: missing), writing it; true when it changed. */
    abstract boolean mergeRecord(IndexDevice.WriteView v, byte[] h, byte[] stored, ReplicaRecord peer);

    /** The row named {@code name}, from its live or deleted key; null when it has neither. */
    abstract R readRow(IndexDevice.ReadView v, byte[] h, String name);

    /** The row id at the end of a stored row value of key type {@code type}. */
    abstract long rowIdOf(byte type, byte[] value);

    /** The stored row value re-encoded with a row id (for {@link #adopt}). */
    abstract byte[] withRowId(byte type, String name, byte[] value, long rowId);

    /** Merges rows into the existing record {@code stored}. */
    abstract void mergeRows(IndexDevice.WriteView v, byte[] h, byte[] stored, List<R> rows);

    /** Whether the stored record is deleted, with its stats. */
    abstract boolean isDeleted(IndexDevice.ReadView v, byte[] h, byte[] stored);

    /** When a deleted row (key type {@code rowTypes().deleted()}) was deleted. */
    abstract Timestamp deletedAt(byte[] value);

    /** A deleted row goes for good: what it still adds to the stats goes with it. */
    void reclaimed(IndexDevice.WriteView v, byte[] h, byte[] value) {
    }

    // ---- ReplicaDb ----

    @Override
    public CompletableFuture<List<RecordRef>> records(String afterHash, int max) {
        return device.read(v -> {
            List<RecordRef> out = new ArrayList<>();
            byte[] start = afterHash == null ? new byte[] {recordType()} : Keys.of(recordType(), bytes(afterHash));
            RocksIterator it = v.iterator();
            for (it.seek(start); it.isValid() && out.size() < max; it.next()) {
                byte[] k = it.key();
                if (k[0] != recordType()) {
                    break;
                }
                if (afterHash != null && Arrays.equals(k, start)) {
                    continue;
                }
                ReplicaRecord r = decodeRecord(it.value());
                out.add(new RecordRef(hex(Keys.hash(k)), r.account(), r.container()));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Optional<ReplicaInfo>> info(String hash) {
        byte[] h = bytes(hash);
        return device.read(v -> readInfo(v, h)).thenCompose(i -> {
            if (i == null) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (i.id() != null) {
                return CompletableFuture.completedFuture(Optional.of(i));
            }
            return adopt(h).thenCompose(x -> device.read(v -> Optional.ofNullable(readInfo(v, h))));
        });
    }

    private ReplicaInfo readInfo(IndexDevice.ReadView v, byte[] h) {
        byte[] rec = v.get(Keys.of(recordType(), h));
        if (rec == null) {
            return null;
        }
        byte[] replica = v.get(Keys.of(Keys.REPLICA, h));
        Map<ReplicaId, Long> points = new HashMap<>();
        forEach(v, Keys.of(Keys.SYNC_POINT, h), (k, value) ->
                points.put(new ReplicaId(Keys.nameBytes(k)), RowCodec.syncPoint(value)));
        return new ReplicaInfo(hex(h), replica == null ? null : RowCodec.replicaId(replica),
                replica == null ? 0 : RowCodec.replicaMaxRowId(replica), decodeRecord(rec), isDeleted(v, h, rec),
                points);
    }

    @Override
    public CompletableFuture<SyncAnswer> mergeRecord(String hash, ReplicaRecord peer, ReplicaId sender) {
        byte[] h = bytes(hash);
        if (!Arrays.equals(h, hashOf(peer))) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("hash " + hash + " is not the hash of "
                    + peer.account() + (peer.container() == null ? "" : "/" + peer.container())));
        }
        return device.write(v -> {
            byte[] stored = v.get(Keys.of(recordType(), h));
            mergeRecord(v, h, stored, peer);
            byte[] replica = v.get(Keys.of(Keys.REPLICA, h));
            if (replica == null && stored == null) {
                replica = RowCodec.replica(ReplicaId.random(), 0);
                v.put(Keys.of(Keys.REPLICA, h), replica);
            }
            return replica;
        }).thenCompose(replica -> replica != null ? CompletableFuture.completedFuture(null) : adopt(h))
                .thenCompose(x -> device.read(v -> {
                    byte[] replica = v.get(Keys.of(Keys.REPLICA, h));
                    long point = RowCodec.syncPoint(v.get(syncKey(h, sender)));
                    return new SyncAnswer(RowCodec.replicaId(replica), RowCodec.replicaMaxRowId(replica), point);
                }));
    }

    @Override
    public CompletableFuture<List<LoggedRow<R>>> rowsSince(String hash, long rowId, int max) {
        byte[] h = bytes(hash);
        return device.read(v -> {
            List<LoggedRow<R>> out = new ArrayList<>();
            byte[] prefix = Keys.of(Keys.ROW_LOG, h);
            RocksIterator it = v.iterator();
            for (it.seek(Keys.logEntry(h, rowId + 1)); it.isValid() && out.size() < max; it.next()) {
                byte[] k = it.key();
                if (!Keys.startsWith(k, prefix)) {
                    break;
                }
                R row = readRow(v, h, new String(it.value(), StandardCharsets.UTF_8));
                if (row != null) {
                    out.add(new LoggedRow<>(Keys.logRowId(k), row));
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Boolean> mergeRows(String hash, ReplicaId sender, List<LoggedRow<R>> rows) {
        byte[] h = bytes(hash);
        return device.write(v -> {
            byte[] stored = v.get(Keys.of(recordType(), h));
            if (stored == null) {
                return false;
            }
            mergeRows(v, h, stored, rows.stream().map(LoggedRow::row).toList());
            long point = rows.stream().mapToLong(LoggedRow::rowId).max().orElse(0);
            raise(v, h, sender, point);
            return true;
        });
    }

    @Override
    public CompletableFuture<Void> mergeSyncs(String hash, Map<ReplicaId, Long> points) {
        byte[] h = bytes(hash);
        return device.write(v -> {
            byte[] replica = v.get(Keys.of(Keys.REPLICA, h));
            if (v.get(Keys.of(recordType(), h)) == null || replica == null) {
                return null;
            }
            ReplicaId own = RowCodec.replicaId(replica);
            points.forEach((id, point) -> {
                if (!id.equals(own)) {
                    raise(v, h, id, point);
                }
            });
            return null;
        });
    }

    private static void raise(IndexDevice.WriteView v, byte[] h, ReplicaId id, long point) {
        byte[] key = syncKey(h, id);
        if (point > RowCodec.syncPoint(v.get(key))) {
            v.put(key, RowCodec.syncPoint(point));
        }
    }

    private static byte[] syncKey(byte[] h, ReplicaId id) {
        return Keys.withName(Keys.of(Keys.SYNC_POINT, h), id.bytes());
    }

    @Override
    public CompletableFuture<Integer> reclaim(String hash, Timestamp before) {
        byte[] h = bytes(hash);
        byte type = rowTypes().deleted();
        return device.read(v -> {
            List<byte[]> old = new ArrayList<>();
            forEach(v, Keys.of(type, h), (k, value) -> {
                if (before.isAfter(deletedAt(value))) {
                    old.add(k);
                }
            });
            return old;
        }).thenCompose(keys -> keys.isEmpty() ? CompletableFuture.completedFuture(0) : device.write(v -> {
            int n = 0;
            for (byte[] k : keys) {
                byte[] value = v.get(k);
                if (value != null && before.isAfter(deletedAt(value))) {
                    long rowId = rowIdOf(type, value);
                    if (rowId > 0) {
                        v.delete(Keys.logEntry(h, rowId));
                    }
                    reclaimed(v, h, value);
                    v.delete(k);
                    n++;
                }
            }
            return n;
        }));
    }

    @Override
    public CompletableFuture<Boolean> remove(String hash, ReplicaInfo pushed) {
        byte[] h = bytes(hash);
        return device.read(v -> {
            List<byte[]> keys = new ArrayList<>();
            keys.add(Keys.of(recordType(), h));
            keys.add(Keys.of(Keys.REPLICA, h));
            for (byte t : extraKeyTypes()) {
                keys.add(Keys.of(t, h));
            }
            for (byte t : new byte[] {rowTypes().live(), rowTypes().deleted(), Keys.ROW_LOG, Keys.SYNC_POINT}) {
                forEach(v, Keys.of(t, h), (k, value) -> keys.add(k));
            }
            return keys;
        }).thenCompose(keys -> device.write(v -> {
            byte[] rec = v.get(Keys.of(recordType(), h));
            if (rec == null) {
                return true;
            }
            byte[] replica = v.get(Keys.of(Keys.REPLICA, h));
            long maxRowId = replica == null ? 0 : RowCodec.replicaMaxRowId(replica);
            if (maxRowId != pushed.maxRowId() || !decodeRecord(rec).equals(pushed.record())) {
                return false;
            }
            keys.forEach(v::delete);
            return true;
        }));
    }

    /**
     * Gives row ids to the rows of a record that has no identity yet (rows stored before row ids
     * existed) and makes its identity. Rows are found on a snapshot, then re-checked in the write.
     */
    CompletableFuture<Void> adopt(byte[] h) {
        RowTypes types = rowTypes();
        return device.read(v -> {
            List<byte[]> keys = new ArrayList<>();
            for (byte t : new byte[] {types.live(), types.deleted()}) {
                forEach(v, Keys.of(t, h), (k, value) -> {
                    if (rowIdOf(t, value) == 0) {
                        keys.add(k);
                    }
                });
            }
            return keys;
        }).thenCompose(keys -> device.write(v -> {
            byte[] replicaKey = Keys.of(Keys.REPLICA, h);
            if (v.get(replicaKey) != null || v.get(Keys.of(recordType(), h)) == null) {
                return null;
            }
            v.put(replicaKey, RowCodec.replica(ReplicaId.random(), 0));
            for (byte[] k : keys) {
                byte[] value = v.get(k);
                if (value != null && rowIdOf(k[0], value) == 0) {
                    String name = new String(Keys.nameBytes(k), StandardCharsets.UTF_8);
                    long id = RowLog.changed(v, h, name, 0);
                    v.put(k, withRowId(k[0], name, value, id));
                }
            }
            return null;
        }));
    }

    // ---- helpers ----

    @FunctionalInterface
    interface KeyValue {
        void accept(byte[] key, byte[] value);
    }

    static void forEach(IndexDevice.ReadView v, byte[] prefix, KeyValue f) {
        RocksIterator it = v.iterator();
        for (it.seek(prefix); it.isValid(); it.next()) {
            byte[] k = it.key();
            if (!Keys.startsWith(k, prefix)) {
                break;
            }
            f.accept(k, it.value());
        }
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static byte[] bytes(String hash) {
        if (hash == null || hash.length() != 2 * Keys.HASH_LENGTH) {
            throw new IllegalArgumentException("bad hash " + hash);
        }
        return HexFormat.of().parseHex(hash);
    }
}
