package io.zerostore.node.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.Timestamp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row ids, row logs, sync points and record merges of two devices' DBs, on real RocksDB. */
class RocksDbReplicasTest {
    static final HashPath HASH = new HashPath("test-prefix", "test-suffix");
    @TempDir
    Path tmp;
    IndexDevice d1;
    IndexDevice d2;
    ContainerIndex c1;
    ContainerIndex c2;
    ReplicaDb<ObjectRow> r1;
    ReplicaDb<ObjectRow> r2;
    String hash = HASH.hex("a", "c", null);

    @BeforeEach
    void open() {
        d1 = IndexDevice.open("d1", tmp.resolve("d1"), IndexOptions.DEFAULTS);
        d2 = IndexDevice.open("d2", tmp.resolve("d2"), IndexOptions.DEFAULTS);
        c1 = new RocksDbContainerIndex(d1, HASH);
        c2 = new RocksDbContainerIndex(d2, HASH);
        r1 = new ContainerReplicas(d1, HASH);
        r2 = new ContainerReplicas(d2, HASH);
    }

    @AfterEach
    void close() {
        d1.close();
        d2.close();
    }

    static Timestamp ts(long s) {
        return new Timestamp(s * Timestamp.TICKS_PER_SECOND, 0);
    }

    static ObjectRow put(String name, long t, long size) {
        return ObjectRow.put(name, ts(t), size, "text/plain", "etag" + t);
    }

    @Test
    void everyChangeTakesTheNextRowIdAndTheLogNamesEachRowOnce() {
        c1.put("a", "c", ts(1), Metadata.empty(), List.of()).join();
        c1.updateObject("a", "c", put("x", 2, 10)).join();
        c1.updateObject("a", "c", put("y", 3, 20)).join();
        c1.updateObject("a", "c", put("x", 4, 30)).join();
        c1.updateObject("a", "c", put("x", 3, 99)).join(); // older: ignored, no row id

        List<LoggedRow<ObjectRow>> rows = r1.rowsSince(hash, 0, 100).join();
        assertThat(rows).extracting(LoggedRow::rowId).containsExactly(2L, 3L);
        assertThat(rows).extracting(r -> r.row().name()).containsExactly("y", "x");
        assertThat(rows.get(1).row().size()).isEqualTo(30);
        assertThat(r1.rowsSince(hash, 2, 100).join()).extracting(LoggedRow::rowId).containsExactly(3L);
        assertThat(r1.rowsSince(hash, 0, 1).join()).hasSize(1);
        assertThat(r1.info(hash).join().orElseThrow().maxRowId()).isEqualTo(3);

        c1.updateObject("a", "c", ObjectRow.delete("y", ts(5))).join();
        rows = r1.rowsSince(hash, 3, 100).join();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.row().deleted()).isTrue();
            assertThat(r.rowId()).isEqualTo(4);
        });
    }

    @Test
    void mergedRowsConvergeNewestWinsAndEchoesStop() {
        c1.put("a", "c", ts(1), Metadata.of(Map.of("X-Container-Meta-A", "1"), ts(1)), List.of()).join();
        c1.updateObject("a", "c", put("x", 2, 10)).join();
        c1.updateObject("a", "c", put("y", 3, 20)).join();
        ReplicaInfo i1 = r1.info(hash).join().orElseThrow();

        // d2 never saw the container: the sync creates it, the rows follow
        SyncAnswer a = r2.mergeRecord(hash, i1.record(), i1.id()).join();
        assertThat(a.point()).isZero();
        c2.updateObject("a", "c", put("y", 9, 90)).join(); // newer on d2
        assertThat(r2.mergeRows(hash, i1.id(), r1.rowsSince(hash, a.point(), 100).join()).join()).isTrue();
        assertThat(r2.mergeRecord(hash, i1.record(), i1.id()).join().point()).isEqualTo(i1.maxRowId());

        ReplicaInfo i2 = r2.info(hash).join().orElseThrow();
        assertThat(r1.mergeRecord(hash, i2.record(), i2.id()).join().point()).isZero();
        r1.mergeRows(hash, i2.id(), r2.rowsSince(hash, 0, 100).join()).join();

        ContainerInfo s1 = c1.info("a", "c").join().orElseThrow();
        ContainerInfo s2 = c2.info("a", "c").join().orElseThrow();
        assertThat(s1.objectCount()).isEqualTo(2).isEqualTo(s2.objectCount());
        assertThat(s1.bytesUsed()).isEqualTo(100).isEqualTo(s2.bytesUsed());
        assertThat(s2.metadata().visible()).containsEntry("X-Container-Meta-A", "1");
        assertThat(listing(c1)).isEqualTo(listing(c2));

        // d1's rows echoed back from d2 change nothing on d1: no new row ids, nothing more to push
        long max1 = r1.info(hash).join().orElseThrow().maxRowId();
        ReplicaInfo now1 = r1.info(hash).join().orElseThrow();
        long point = r2.mergeRecord(hash, now1.record(), now1.id()).join().point();
        r2.mergeRows(hash, now1.id(), r1.rowsSince(hash, point, 100).join()).join();
        ReplicaInfo now2 = r2.info(hash).join().orElseThrow();
        long back = r1.mergeRecord(hash, now2.record(), now2.id()).join().point();
        r1.mergeRows(hash, now2.id(), r2.rowsSince(hash, back, 100).join()).join();
        assertThat(r1.info(hash).join().orElseThrow().maxRowId()).isEqualTo(max1);
    }

    private static List<String> listing(ContainerIndex c) {
        return c.list("a", "c", new ListingQuery(null, null, null, null, 100, false, null)).join().entries().stream()
                .map(Object::toString).toList();
    }

    @Test
    void recordMergeKeepsOldestCreationNewestTimestampsAndNewestMetadataPerKey() {
        c1.put("a", "c", ts(1), Metadata.of(Map.of("X-Container-Meta-A", "old", "X-Container-Meta-B", "b"), ts(1)),
                List.of()).join();
        c2.put("a", "c", ts(5), Metadata.of(Map.of("X-Container-Meta-A", "new"), ts(5)), List.of()).join();
        ReplicaInfo i2 = r2.info(hash).join().orElseThrow();
        r1.mergeRecord(hash, i2.record(), i2.id()).join();
        ContainerInfo merged = c1.info("a", "c").join().orElseThrow();
        assertThat(merged.createdAt()).isEqualTo(ts(1));
        assertThat(merged.putTimestamp()).isEqualTo(ts(5));
        assertThat(merged.metadata().visible()).containsEntry("X-Container-Meta-A", "new")
                .containsEntry("X-Container-Meta-B", "b");

        // a delete on one replica reaches the other as a newer delete timestamp
        c2.delete("a", "c", ts(7), List.of()).join();
        r1.mergeRecord(hash, r2.info(hash).join().orElseThrow().record(), i2.id()).join();
        assertThat(c1.info("a", "c").join().orElseThrow().isDeleted()).isTrue();
    }

    @Test
    void syncPointsRiseOnlyAndIgnoreTheReplicaItself() {
        c1.put("a", "c", ts(1), Metadata.empty(), List.of()).join();
        ReplicaId own = r1.info(hash).join().orElseThrow().id();
        ReplicaId other = ReplicaId.random();
        r1.mergeRows(hash, other, List.of(new LoggedRow<>(7, put("x", 2, 1)))).join();
        r1.mergeSyncs(hash, Map.of(other, 3L, own, 50L)).join();
        ReplicaInfo i = r1.info(hash).join().orElseThrow();
        assertThat(i.syncPoints()).containsExactly(Map.entry(other, 7L));
        r1.mergeSyncs(hash, Map.of(other, 12L)).join();
        assertThat(r1.info(hash).join().orElseThrow().syncPoints()).containsEntry(other, 12L);
        // rows for a record this device does not have are refused
        assertThat(r2.mergeRows(hash, other, List.of(new LoggedRow<>(1, put("x", 2, 1)))).join()).isFalse();
    }

    @Test
    void removeTakesEverythingUnlessTheRecordChanged() {
        c1.put("a", "c", ts(1), Metadata.empty(), List.of()).join();
        c1.updateObject("a", "c", put("x", 2, 10)).join();
        ReplicaInfo pushed = r1.info(hash).join().orElseThrow();
        c1.updateObject("a", "c", put("z", 3, 10)).join();
        assertThat(r1.remove(hash, pushed).join()).isFalse();
        assertThat(c1.info("a", "c").join()).isPresent();

        pushed = r1.info(hash).join().orElseThrow();
        assertThat(r1.remove(hash, pushed).join()).isTrue();
        assertThat(c1.info("a", "c").join()).isEmpty();
        assertThat(r1.records(null, 10).join()).isEmpty();
        assertThat(d1.read(v -> {
            var it = v.iterator();
            it.seekToFirst();
            return it.isValid();
        }).join()).as("no key left").isFalse();
    }

    @Test
    void reclaimDropsOldTombstonesWithTheirLogEntries() {
        c1.put("a", "c", ts(1), Metadata.empty(), List.of()).join();
        c1.updateObject("a", "c", put("x", 2, 10)).join();
        c1.updateObject("a", "c", ObjectRow.delete("y", ts(3))).join();
        c1.updateObject("a", "c", ObjectRow.delete("z", ts(10))).join();
        assertThat(r1.reclaim(hash, ts(5)).join()).isEqualTo(1);
        assertThat(r1.rowsSince(hash, 0, 10).join()).extracting(r -> r.row().name()).containsExactly("x", "z");
        assertThat(r1.reclaim(hash, ts(5)).join()).isZero();
        assertThat(c1.info("a", "c").join().orElseThrow().objectCount()).isEqualTo(1);
        assertThat(r1.info(hash).join().orElseThrow().deleted()).isFalse();
        // a late PUT older than the reclaimed tombstone is a new row again (why reclaim_age must be long)
        c1.updateObject("a", "c", put("y", 2, 1)).join();
        assertThat(c1.info("a", "c").join().orElseThrow().objectCount()).isEqualTo(2);

        AccountIndex a1 = new RocksDbAccountIndex(d1, HASH);
        ReplicaDb<ContainerRow> ar1 = new AccountReplicas(d1, HASH);
        String ah = HASH.hex("acct", null, null);
        a1.put("acct", ts(1), Metadata.empty()).join();
        a1.updateContainer("acct", new ContainerRow("gone", ts(2), ts(3), 0, 0)).join();
        a1.updateContainer("acct", new ContainerRow("kept", ts(2), Timestamp.ZERO, 1, 5)).join();
        assertThat(ar1.reclaim(ah, ts(5)).join()).isEqualTo(1);
        assertThat(ar1.rowsSince(ah, 0, 10).join()).extracting(r -> r.row().name()).containsExactly("kept");
        AccountInfo info = a1.info("acct").join().orElseThrow();
        assertThat(info.containerCount()).isEqualTo(1);
        assertThat(info.bytesUsed()).isEqualTo(5);
    }

    @Test
    void containerRowValuesOfEarlierFormatsStillRead() {
        ContainerRow row = new ContainerRow("c", ts(2), ts(1), 3, 30, ts(5));
        byte[] now = RowCodec.containerRow(row, 42);
        assertThat(RowCodec.containerRow("c", now)).isEqualTo(row);
        assertThat(RowCodec.containerRowId(now)).isEqualTo(42);
        // a row id but no counted-at (the first format with row ids)
        byte[] withId = new byte[now.length - 16];
        System.arraycopy(now, 0, withId, 0, now.length - 24);
        System.arraycopy(now, now.length - 8, withId, now.length - 24, 8);
        assertThat(RowCodec.containerRowId(withId)).isEqualTo(42);
        assertThat(RowCodec.containerRow("c", withId).countedAt()).isEqualTo(Timestamp.ZERO);
        // neither (before replication)
        byte[] plain = Arrays.copyOf(now, now.length - 24);
        assertThat(RowCodec.containerRowId(plain)).isZero();
        assertThat(RowCodec.containerRow("c", plain).objectCount()).isEqualTo(3);
    }

    @Test
    void recordsScanInHashOrderFromAMarker() {
        for (int i = 0; i < 5; i++) {
            c1.put("a", "c" + i, ts(1), Metadata.empty(), List.of()).join();
        }
        List<RecordRef> all = r1.records(null, 100).join();
        assertThat(all).hasSize(5).extracting(RecordRef::hash).isSorted();
        assertThat(all).extracting(RecordRef::account).containsOnly("a");
        assertThat(r1.records(all.get(1).hash(), 2).join()).containsExactly(all.get(2), all.get(3));
    }

    @Test
    void rowsStoredBeforeRowIdsGetThemWhenReplicationFirstLooks() {
        c1.put("a", "c", ts(1), Metadata.empty(), List.of()).join();
        byte[] h = HASH.digest("a", "c", null);
        // the format before row ids: no identity key, row values without the trailing row id
        d1.write(v -> {
            byte[] live = RowCodec.liveObject(put("old", 2, 5), 0);
            v.put(Keys.row(Keys.OBJECT, h, "old"), Arrays.copyOf(live, live.length - Long.BYTES));
            byte[] dead = RowCodec.deletedObject(ts(3), 0);
            v.put(Keys.row(Keys.OBJECT_DELETED, h, "gone"), Arrays.copyOf(dead, dead.length - Long.BYTES));
            return null;
        }).join();
        ReplicaInfo i = r1.info(hash).join().orElseThrow();
        assertThat(i.id()).isNotNull();
        assertThat(i.maxRowId()).isEqualTo(2);
        assertThat(r1.rowsSince(hash, 0, 10).join()).extracting(r -> r.row().name())
                .containsExactlyInAnyOrder("old", "gone");
        assertThat(listing(c1)).hasSize(1);
    }

    @Test
    void accountRowCountsFollowTheLatestReport() {
        AccountIndex a1 = new RocksDbAccountIndex(d1, HASH);
        ReplicaDb<ContainerRow> ar1 = new AccountReplicas(d1, HASH);
        String ah = HASH.hex("acct", null, null);
        a1.put("acct", ts(1), Metadata.empty()).join();
        a1.updateContainer("acct", new ContainerRow("c", ts(2), Timestamp.ZERO, 5, 50)).join();
        ReplicaId peer = ReplicaId.random();
        // a replica's row with counts reported before ours does not overwrite them (but its put time counts)
        Timestamp earlier = Timestamp.now().withOffset(0);
        earlier = new Timestamp(earlier.ticks() - 10 * Timestamp.TICKS_PER_SECOND, 0);
        ar1.mergeRows(ah, peer, List.of(new LoggedRow<>(1, new ContainerRow("c", ts(3), Timestamp.ZERO, 3, 30,
                earlier)))).join();
        AccountInfo info = a1.info("acct").join().orElseThrow();
        assertThat(info.objectCount()).isEqualTo(5);
        long max = ar1.info(ah).join().orElseThrow().maxRowId();
        List<LoggedRow<ContainerRow>> rows = ar1.rowsSince(ah, 0, 10).join();
        assertThat(rows.get(0).row().putTimestamp()).isEqualTo(ts(3));
        // one reported later does
        Timestamp later = new Timestamp(Timestamp.now().ticks() + 10 * Timestamp.TICKS_PER_SECOND, 0);
        ar1.mergeRows(ah, peer, List.of(new LoggedRow<>(2, new ContainerRow("c", ts(3), Timestamp.ZERO, 7, 70,
                later)))).join();
        info = a1.info("acct").join().orElseThrow();
        assertThat(info.objectCount()).isEqualTo(7);
        assertThat(info.bytesUsed()).isEqualTo(70);
        assertThat(info.containerCount()).isEqualTo(1);
        assertThat(ar1.info(ah).join().orElseThrow().maxRowId()).isEqualTo(max + 1);
        // the same row again changes nothing: no new row id
        ar1.mergeRows(ah, peer, List.of(new LoggedRow<>(2, new ContainerRow("c", ts(3), Timestamp.ZERO, 7, 70,
                later)))).join();
        assertThat(ar1.info(ah).join().orElseThrow().maxRowId()).isEqualTo(max + 1);
        // a report always sets the counts, even against a stamp from a clock ahead of ours
        a1.updateContainer("acct", new ContainerRow("c", ts(3), Timestamp.ZERO, 6, 60)).join();
        assertThat(a1.info("acct").join().orElseThrow().objectCount()).isEqualTo(6);
    }
}
