package io.zerostore.node.diskfile;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.testkit.TestDirs;
import io.zerostore.node.testkit.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-partition suffix hash cache on real files: hashing, invalidation by writes, reclaim, removal. */
class SuffixHashesTest {
    private static final long WEEK = 604800;
    private Path root;
    private LocalDiskFileManager manager;
    private Path partition;

    @BeforeEach
    void setUp() throws Exception {
        root = TestDirs.create("suffixhashes");
        Files.createDirectories(root.resolve("sda"));
        manager = new LocalDiskFileManager(DiskFileConfig.defaults(root), TestNode.HASH_PATH);
        partition = root.resolve("sda").resolve("objects").resolve("3");
    }

    @AfterEach
    void tearDown() {
        TestDirs.delete(root);
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private DiskFile put(String object, String ts) throws Exception {
        DiskFile f = manager.get("sda", 3, "a", "c", object);
        try (DiskFileWriter w = f.create(1)) {
            w.write(Unpooled.wrappedBuffer(new byte[] {'x'}));
            w.commit(ObjectMetadata.of(Map.of(ObjectMetadata.TIMESTAMP, ts, ObjectMetadata.CONTENT_LENGTH, "1",
                    ObjectMetadata.ETAG, w.etag(), ObjectMetadata.CONTENT_TYPE, "a/b")));
        }
        return f;
    }

    private Map<String, String> get() throws Exception {
        return SuffixHashes.get(partition, List.of(), false, WEEK, now());
    }

    private static String suffix(DiskFile f) {
        return f.hash().substring(29);
    }

    @Test
    void aMissingPartitionHasNoSuffixesAndIsNotCreated() throws Exception {
        assertThat(get()).isEmpty();
        assertThat(partition).doesNotExist();
    }

    @Test
    void writesInvalidateTheirSuffixAndOnlyThatOneIsHashedAgain() throws Exception {
        DiskFile a = put("a", ts(1));
        Map<String, String> first = get();
        assertThat(first).containsOnlyKeys(suffix(a));
        assertThat(partition.resolve(SuffixHashes.HASHES)).exists();
        assertThat(partition.resolve(SuffixHashes.INVALID)).doesNotExist();

        a.delete(Timestamp.parse(ts(2)));
        assertThat(Files.readString(partition.resolve(SuffixHashes.INVALID))).isEqualTo(suffix(a) + "\n");
        Map<String, String> second = get();
        assertThat(second.get(suffix(a))).isNotEqualTo(first.get(suffix(a)));
        assertThat(partition.resolve(SuffixHashes.INVALID)).doesNotExist();

        // a change nobody announced stays invisible until asked for or listed
        Path suffixDir = partition.resolve(suffix(a));
        Files.delete(suffixDir.resolve(a.hash()).resolve(ts(2) + ".ts"));
        Files.delete(suffixDir.resolve(a.hash()));
        Files.delete(suffixDir);
        assertThat(get()).isEqualTo(second);
        assertThat(SuffixHashes.get(partition, List.of(), true, WEEK, now())).isEmpty();
    }

    @Test
    void theHashDependsOnTheFilesThatCountOnly() throws Exception {
        DiskFile a = put("a", ts(1));
        String withOne = get().get(suffix(a));
        Path dir = partition.resolve(suffix(a)).resolve(a.hash());
        // an obsolete version left behind (a crash before cleanup) is cleaned, not hashed
        Files.copy(dir.resolve(ts(1) + ".data"), dir.resolve(ts(0) + ".data"));
        assertThat(SuffixHashes.get(partition, List.of(suffix(a)), false, WEEK, now()).get(suffix(a)))
                .isEqualTo(withOne);
        assertThat(dir.resolve(ts(0) + ".data")).doesNotExist();
        // a foreign file is left alone and not hashed
        Files.writeString(dir.getParent().resolve("README"), "x");
        assertThat(SuffixHashes.get(partition, List.of(suffix(a)), false, WEEK, now()).get(suffix(a)))
                .isEqualTo(withOne);
    }

    @Test
    void oldTombstonesAndOrphanedMetadataAreReclaimed() throws Exception {
        String old = io.zerostore.node.testkit.TestTimes.absolute((long) now() - 2 * WEEK);
        DiskFile a = manager.get("sda", 3, "a", "c", "a");
        a.delete(Timestamp.parse(old));
        DiskFile b = manager.get("sda", 3, "a", "c", "b");
        b.writeMetadata(ObjectMetadata.of(Map.of(ObjectMetadata.TIMESTAMP, old)));
        DiskFile c = manager.get("sda", 3, "a", "c", "c");
        c.delete(Timestamp.parse(ts(1)));

        Map<String, String> hashes = get();

        assertThat(hashes).containsOnlyKeys(suffix(c));
        assertThat(partition.resolve(suffix(a)).resolve(a.hash())).doesNotExist();
        assertThat(partition.resolve(suffix(b)).resolve(b.hash())).doesNotExist();
        assertThat(partition.resolve(suffix(c)).resolve(c.hash()).resolve(ts(1) + ".ts")).exists();
    }

    @Test
    void aTornCacheIsRecalculated() throws Exception {
        DiskFile a = put("a", ts(1));
        Map<String, String> good = get();
        Files.writeString(partition.resolve(SuffixHashes.HASHES), "{\"ab");
        assertThat(get()).isEqualTo(good);
        assertThat(SuffixHashes.cached(partition)).isEqualTo(good);
        assertThat(suffix(a)).isIn(good.keySet());
    }

    @Test
    void aPartitionWithOnlyItsCacheLeftIsRemoved() throws Exception {
        DiskFile a = put("a", ts(1));
        get();
        assertThat(SuffixHashes.removeIfOnlyCache(partition)).isFalse();
        Files.delete(partition.resolve(suffix(a)).resolve(a.hash()).resolve(ts(1) + ".data"));
        assertThat(SuffixHashes.get(partition, List.of(suffix(a)), false, WEEK, now())).isEmpty();
        assertThat(partition.resolve(suffix(a))).doesNotExist(); // empty directories went while hashing
        SuffixHashes.invalidateSuffix(partition, "abc");
        assertThat(SuffixHashes.removeIfOnlyCache(partition)).isTrue();
        assertThat(partition).doesNotExist();
        SuffixHashes.invalidateSuffix(partition, "abc"); // no partition: nothing to do, no error
        assertThat(partition).doesNotExist();
    }

    @Test
    @Timeout(60)
    void concurrentWritesAreNeverLostFromTheHashes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        put("o" + thread + "-" + i, ts(i));
                    }
                    return null;
                }));
            }
            while (!writers.stream().allMatch(Future::isDone)) {
                get(); // hashing races with the writers
            }
            for (Future<?> w : writers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> cached = get();
        Map<String, String> fresh = SuffixHashes.get(partition, cached.keySet(), true, WEEK, now());
        assertThat(cached).isEqualTo(fresh);
        assertThat(cached).hasSizeGreaterThan(100);
    }
}
