package io.zerostore.node.audit;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.DiskFile;
import io.zerostore.node.diskfile.DiskFileConfig;
import io.zerostore.node.diskfile.DiskFileWriter;
import io.zerostore.node.diskfile.LocalDiskFileManager;
import io.zerostore.node.diskfile.ObjectMetadata;
import io.zerostore.node.diskfile.ObjectState;
import io.zerostore.node.diskfile.SuffixHashes;
import io.zerostore.node.testkit.TestDirs;
import io.zerostore.node.testkit.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The auditor on real files: what it quarantines, what it leaves, and how fast it may go. */
@Timeout(60)
class ObjectAuditorTest {
    private Path root;
    private LocalDiskFileManager manager;
    private ObjectAuditor auditor;

    @BeforeEach
    void setUp() throws Exception {
        root = TestDirs.create("auditor");
        Files.createDirectories(root.resolve("sda"));
        manager = new LocalDiskFileManager(DiskFileConfig.defaults(root), TestNode.HASH_PATH);
    }

    @AfterEach
    void tearDown() {
        if (auditor != null) {
            auditor.close();
        }
        TestDirs.delete(root);
    }

    private DiskFile put(String object, String ts, byte[] body) throws Exception {
        DiskFile f = manager.get("sda", 1, "a", "c", object);
        try (DiskFileWriter w = f.create(body.length)) {
            w.write(Unpooled.wrappedBuffer(body));
            w.commit(ObjectMetadata.of(Map.of(ObjectMetadata.TIMESTAMP, ts, ObjectMetadata.CONTENT_LENGTH,
                    Integer.toString(body.length), ObjectMetadata.ETAG, w.etag(), ObjectMetadata.CONTENT_TYPE, "a/b")));
        }
        return f;
    }

    private Path file(DiskFile f, String name) {
        return root.resolve("sda").resolve("objects").resolve("1").resolve(f.hash().substring(29)).resolve(f.hash())
                .resolve(name);
    }

    /** Flips a bit of the byte {@code fromEnd} bytes before the end (negative: at {@code -fromEnd - 1} from the start). */
    private static void flip(Path file, long fromEnd) throws Exception {
        byte[] b = Files.readAllBytes(file);
        int i = fromEnd < 0 ? (int) (-fromEnd - 1) : (int) (b.length - fromEnd);
        b[i] ^= 0x40;
        Files.write(file, b);
    }

    private Path quarantined(DiskFile f, String name) {
        return root.resolve("sda").resolve("quarantined").resolve("objects").resolve(f.hash()).resolve(name);
    }

    private static AuditorConfig unlimited() {
        return new AuditorConfig(Duration.ZERO, 0, 0);
    }

    @Test
    void badFilesOfEveryKindAreQuarantinedAndGoodOnesStay() throws Exception {
        DiskFile good = put("good", ts(1), "fine".getBytes());
        DiskFile bodyRot = put("body", ts(1), "rotten body".getBytes());
        flip(file(bodyRot, ts(1) + ".data"), -3); // the third body byte
        DiskFile tomb = manager.get("sda", 1, "a", "c", "tomb");
        tomb.delete(Timestamp.parse(ts(2)));
        flip(file(tomb, ts(2) + ".ts"), 14); // the trailer's JSON: its checksum fails
        DiskFile meta = put("meta", ts(1), "data".getBytes());
        meta.writeMetadata(ObjectMetadata.of(Map.of(ObjectMetadata.TIMESTAMP, ts(3), "X-Object-Meta-A", "b")));
        flip(file(meta, ts(3) + ".meta"), 14);
        DiskFile renamed = put("renamed", ts(1), "data".getBytes());
        Files.move(file(renamed, ts(1) + ".data"), file(renamed, ts(4) + ".data")); // name and trailer disagree
        long goodSize = Files.size(file(good, ts(1) + ".data"));
        auditor = ObjectAuditor.start(unlimited(), manager, 604800);

        ObjectAuditor.Pass pass = auditor.runOnce();

        assertThat(pass.quarantined()).isEqualTo(4);
        assertThat(pass.files()).isEqualTo(6);
        assertThat(pass.bytes()).isGreaterThanOrEqualTo(goodSize);
        assertThat(pass.errors()).isZero();
        assertThat(file(good, ts(1) + ".data")).exists();
        assertThat(file(meta, ts(1) + ".data")).as("the data beside a bad .meta stays").exists();
        assertThat(quarantined(bodyRot, ts(1) + ".data")).exists();
        assertThat(quarantined(tomb, ts(2) + ".ts")).exists();
        assertThat(quarantined(meta, ts(3) + ".meta")).exists();
        assertThat(quarantined(renamed, ts(4) + ".data")).exists();
        assertThat(bodyRot.read(0)).isInstanceOf(ObjectState.Missing.class);
        // their suffixes are invalid now, so the replicator hashes them again
        Path partition = root.resolve("sda").resolve("objects").resolve("1");
        assertThat(Files.readAllLines(partition.resolve(SuffixHashes.INVALID)))
                .contains(bodyRot.hash().substring(29), tomb.hash().substring(29));
        assertThat(auditor.runOnce().quarantined()).isZero();
    }

    @Test
    void aSuffixWhoseCachedHashDisagreesWithTheDiskIsInvalidated() throws Exception {
        DiskFile a = put("a", ts(1), "x".getBytes());
        DiskFile b = put("b", ts(1), "y".getBytes());
        Path partition = root.resolve("sda").resolve("objects").resolve("1");
        SuffixHashes.get(partition, List.of(), true, 604800, System.currentTimeMillis() / 1000.0);
        Files.delete(file(a, ts(1) + ".data")); // lost behind the server's back
        auditor = ObjectAuditor.start(unlimited(), manager, 604800);

        ObjectAuditor.Pass pass = auditor.runOnce();

        assertThat(pass.suffixesInvalidated()).isEqualTo(1);
        assertThat(Files.readAllLines(partition.resolve(SuffixHashes.INVALID))).containsExactly(a.hash().substring(29));
        assertThat(file(b, ts(1) + ".data")).exists();
    }

    @Test
    void aSuffixWithTombstonesDueForReclaimIsHashedAgainAndCleaned() throws Exception {
        DiskFile t = manager.get("sda", 1, "a", "c", "t");
        t.delete(Timestamp.parse(ts(0))); // a day old
        Path partition = root.resolve("sda").resolve("objects").resolve("1");
        double now = System.currentTimeMillis() / 1000.0;
        SuffixHashes.get(partition, List.of(), true, 604800, now);
        auditor = ObjectAuditor.start(unlimited(), manager, 3600); // reclaim after an hour

        assertThat(auditor.runOnce().suffixesInvalidated()).isEqualTo(1);

        assertThat(SuffixHashes.get(partition, List.of(), false, 3600, now)).isEmpty();
        assertThat(file(t, ts(0) + ".ts")).doesNotExist();
    }

    @Test
    void filesPerSecondAndBytesPerSecondBoundThePass() throws Exception {
        for (int i = 0; i < 6; i++) {
            put("o" + i, ts(1), "x".getBytes());
        }
        auditor = ObjectAuditor.start(new AuditorConfig(Duration.ZERO, 10, 0), manager, 604800);
        long start = System.nanoTime();
        assertThat(auditor.runOnce().files()).isEqualTo(6);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        auditor.close();

        byte[] big = new byte[3 << 20];
        new Random(1).nextBytes(big);
        put("big", ts(2), big);
        auditor = ObjectAuditor.start(new AuditorConfig(Duration.ZERO, 0, 4 << 20), manager, 604800);
        start = System.nanoTime();
        assertThat(auditor.runOnce().bytes()).isGreaterThan(3 << 20);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(650));
    }

    @Test
    void theBackgroundPassesFindCorruptionWithoutBeingAsked() throws Exception {
        DiskFile f = put("o", ts(1), "some bytes".getBytes());
        flip(file(f, ts(1) + ".data"), -1);
        auditor = ObjectAuditor.start(new AuditorConfig(Duration.ofMillis(100), 0, 0), manager, 604800);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(quarantined(f, ts(1) + ".data")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(quarantined(f, ts(1) + ".data")).exists();
        assertThat(file(f, ts(1) + ".data")).doesNotExist();
    }
}
