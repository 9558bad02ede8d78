package io.zerostore.node.replication;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.node.testkit.ObjectCluster;
import io.zerostore.node.testkit.ObjectCluster.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replication between real object servers on 127.0.0.1 with real files: handoffs go home, lost
 * replicas come back, tombstones and metadata spread, and an older version never replaces a
 * newer one. The test plays the proxy (it writes to the nodes the ring names) and runs one
 * replication pass on every node where the daemons would run theirs.
 */
@Timeout(60)
class ObjectReplicationTest {
    private static final byte[] BODY = "replicated body".getBytes(StandardCharsets.UTF_8);
    private ObjectCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void aHandoffCopyGoesHomeAndTheHandoffRemovesIt() throws Exception {
        cluster = ObjectCluster.start(4);
        List<Node> primaries = cluster.primaries("o");
        Node down = primaries.get(0);
        Node handoff = cluster.handoffs("o").get(0);
        down.stop();
        // what the proxy does with a primary down: the first handoff takes its place
        for (Node n : List.of(primaries.get(1), primaries.get(2), handoff)) {
            assertThat(n.put("o", ts(10), BODY).statusCode()).isEqualTo(201);
        }
        assertThat(handoff.files("o")).containsExactly(ts(10) + ".data");
        down.start();

        ObjectReplicator.Pass pass = cluster.replicate();

        assertThat(pass.handoffsRemoved()).isEqualTo(1);
        assertThat(pass.filesPushed()).isEqualTo(1);
        assertThat(text(down.get("o").body())).isEqualTo("replicated body");
        assertThat(down.files("o")).containsExactly(ts(10) + ".data");
        Path handoffPartition = handoff.deviceDir().resolve("objects").resolve(Integer.toString(cluster.partition("o")));
        assertThat(handoffPartition).doesNotExist();
        for (Node p : primaries) {
            assertThat(p.get("o").statusCode()).isEqualTo(200);
        }
        // in sync now: the next pass has nothing to do
        ObjectReplicator.Pass again = cluster.replicate();
        assertThat(again.filesPushed()).isZero();
        assertThat(again.suffixesSynced()).isZero();
        assertThat(again.failures()).isZero();
    }

    @Test
    void theBackgroundPassesBringAHandoffHomeWithoutBeingAsked() throws Exception {
        cluster = ObjectCluster.start(4, "", "interval = 0.2\n");
        List<Node> primaries = cluster.primaries("o");
        Node handoff = cluster.handoffs("o").get(0);
        primaries.get(0).stop();
        for (Node n : List.of(primaries.get(1), primaries.get(2), handoff)) {
            assertThat(n.put("o", ts(10), BODY).statusCode()).isEqualTo(201);
        }
        primaries.get(0).start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((!handoff.files("o").isEmpty() || primaries.get(0).files("o").isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(primaries.get(0).files("o")).containsExactly(ts(10) + ".data");
        assertThat(handoff.files("o")).isEmpty();
    }

    @Test
    void aHandoffKeepsItsCopyWhileAPrimaryIsDown() throws Exception {
        cluster = ObjectCluster.start(4);
        List<Node> primaries = cluster.primaries("o");
        Node handoff = cluster.handoffs("o").get(0);
        primaries.get(0).stop();
        for (Node n : List.of(primaries.get(1), primaries.get(2), handoff)) {
            assertThat(n.put("o", ts(10), BODY).statusCode()).isEqualTo(201);
        }

        ObjectReplicator.Pass pass = cluster.replicate();

        assertThat(pass.handoffsRemoved()).isZero();
        assertThat(pass.failures()).isPositive();
        assertThat(handoff.files("o")).containsExactly(ts(10) + ".data");
    }

    @Test
    void aLostReplicaIsRestoredFromItsPeers() throws Exception {
        cluster = ObjectCluster.start(3);
        for (Node n : cluster.nodes()) {
            assertThat(n.put("o", ts(10), BODY, "X-Object-Meta-Color", "blue").statusCode()).isEqualTo(201);
        }
        Node lost = cluster.node(2);
        // the disk lost the partition (a replaced drive, a bad fsck): its cached hashes went too
        deleteTree(lost.deviceDir().resolve("objects").resolve(Integer.toString(cluster.partition("o"))));
        assertThat(lost.get("o").statusCode()).isEqualTo(404);

        ObjectReplicator.Pass pass = cluster.replicate();

        assertThat(pass.filesPushed()).isPositive();
        var res = lost.get("o");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(text(res.body())).isEqualTo("replicated body");
        assertThat(res.headers().firstValue("X-Object-Meta-Color")).hasValue("blue");
        assertThat(res.headers().firstValue("X-Timestamp")).isEqualTo(
                cluster.node(1).get("o").headers().firstValue("X-Timestamp"));
    }

    @Test
    void aDeletedDataFileIsFoundByTheAuditorAndRestored() throws Exception {
        cluster = ObjectCluster.start(3);
        for (Node n : cluster.nodes()) {
            assertThat(n.put("o", ts(10), BODY).statusCode()).isEqualTo(201);
        }
        cluster.replicate(); // every node's suffix hashes are cached and equal
        Node lost = cluster.node(3);
        Files.delete(lost.hashDir("o").resolve(ts(10) + ".data")); // behind the object server's back
        // the cached hashes still claim the file: a pass alone cannot see the loss
        assertThat(cluster.replicate().filesPushed()).isZero();

        var audit = lost.auditor().runOnce();
        assertThat(audit.suffixesInvalidated()).isEqualTo(1);
        ObjectReplicator.Pass pass = cluster.replicate();

        assertThat(pass.filesPushed()).isEqualTo(1);
        assertThat(text(lost.get("o").body())).isEqualTo("replicated body");
    }

    @Test
    void aCorruptedByteIsQuarantinedByTheAuditorAndRestoredByReplication() throws Exception {
        cluster = ObjectCluster.start(3);
        for (Node n : cluster.nodes()) {
            assertThat(n.put("o", ts(10), BODY).statusCode()).isEqualTo(201);
        }
        cluster.replicate();
        Node bad = cluster.node(2);
        Path data = bad.hashDir("o").resolve(ts(10) + ".data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[3] ^= 0x20; // one flipped bit in the body; the trailer is intact
        Files.write(data, bytes);

        var audit = bad.auditor().runOnce();

        assertThat(audit.quarantined()).isEqualTo(1);
        Path quarantined = bad.deviceDir().resolve("quarantined").resolve("objects")
                .resolve(ObjectCluster.hash("o")).resolve(ts(10) + ".data");
        assertThat(quarantined).exists();
        assertThat(bad.get("o").statusCode()).isEqualTo(404);

        ObjectReplicator.Pass pass = cluster.replicate();

        assertThat(pass.filesPushed()).isEqualTo(1);
        var res = bad.get("o");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(text(res.body())).isEqualTo("replicated body");
        assertThat(bad.auditor().runOnce().quarantined()).isZero();
    }

    @Test
    void aCorruptCopyIsNeverSpreadByReplication() throws Exception {
        cluster = ObjectCluster.start(3);
        Node source = cluster.node(1);
        assertThat(source.put("o", ts(10), BODY).statusCode()).isEqualTo(201);
        Path data = source.hashDir("o").resolve(ts(10) + ".data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[0] ^= 0x01;
        Files.write(data, bytes);

        ObjectReplicator.Pass pass = source.replicator().runOnce();

        assertThat(pass.filesPushed()).isZero();
        assertThat(cluster.node(2).files("o")).isEmpty();
        assertThat(cluster.node(3).files("o")).isEmpty();
        // the peer refused it (422) and the sender found its own copy bad
        assertThat(source.files("o")).isEmpty();
        assertThat(source.deviceDir().resolve("quarantined").resolve("objects").resolve(ObjectCluster.hash("o")))
                .isDirectory();
    }

    @Test
    void aDeleteWhileANodeWasDownEndsAsATombstoneEverywhere() throws Exception {
        cluster = ObjectCluster.start(3);
        for (Node n : cluster.nodes()) {
            assertThat(n.put("o", ts(10), BODY).statusCode()).isEqualTo(201);
        }
        Node down = cluster.node(3);
        down.stop();
        assertThat(cluster.node(1).delete("o", ts(20)).statusCode()).isEqualTo(204);
        assertThat(cluster.node(2).delete("o", ts(20)).statusCode()).isEqualTo(204);
        down.start();
        assertThat(down.get("o").statusCode()).isEqualTo(200); // still the old data

        cluster.replicate();

        for (Node n : cluster.nodes()) {
            assertThat(n.files("o")).as("node %d", n.number).containsExactly(ts(20) + ".ts");
            var res = n.get("o");
            assertThat(res.statusCode()).isEqualTo(404);
            assertThat(res.headers().firstValue("X-Backend-Timestamp")).hasValue(ts(20));
        }
    }

    @Test
    void olderVersionsNeverReplaceNewerOnesAndMetadataSpreads() throws Exception {
        cluster = ObjectCluster.start(3);
        Node n1 = cluster.node(1);
        Node n2 = cluster.node(2);
        Node n3 = cluster.node(3);
        assertThat(n1.put("o", ts(10), "old".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        assertThat(n2.put("o", ts(20), "new".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        assertThat(n3.put("o", ts(10), "old".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        assertThat(n3.post("o", ts(15), "X-Object-Meta-Note", "for the old one").statusCode()).isEqualTo(202);
        assertThat(n2.post("o", ts(30), "X-Object-Meta-Note", "latest").statusCode()).isEqualTo(202);

        cluster.replicate();
        cluster.replicate(); // a node that received something pushes it on only in its own pass

        for (Node n : cluster.nodes()) {
            assertThat(n.files("o")).as("node %d", n.number).containsExactly(ts(20) + ".data", ts(30) + ".meta");
            var res = n.get("o");
            assertThat(text(res.body())).isEqualTo("new");
            assertThat(res.headers().firstValue("X-Object-Meta-Note")).hasValue("latest");
        }
    }

    @Test
    void aPrimaryWithAnUnusableDiskIsStoodInForByAHandoff() throws Exception {
        cluster = ObjectCluster.start(4);
        List<Node> primaries = cluster.primaries("o");
        for (Node n : primaries) {
            assertThat(n.put("o", ts(10), BODY).statusCode()).isEqualTo(201);
        }
        Node broken = primaries.get(2);
        deleteTree(broken.deviceDir()); // the server answers 507 for it now
        Node handoff = cluster.handoffs("o").get(0);

        cluster.replicate();

        assertThat(handoff.files("o")).containsExactly(ts(10) + ".data");
        // the disk is replaced: the handoff's copy goes home and leaves
        Files.createDirectories(broken.deviceDir());
        cluster.replicate();
        assertThat(broken.files("o")).containsExactly(ts(10) + ".data");
        assertThat(handoff.files("o")).isEmpty();
    }

    @Test
    void oldTombstonesAreReclaimedAndNotSpread() throws Exception {
        cluster = ObjectCluster.start(3, "", "reclaim_age = 3600\n");
        long old = System.currentTimeMillis() / 1000 - 7200;
        String oldTs = io.zerostore.node.testkit.TestTimes.absolute(old);
        assertThat(cluster.node(1).delete("o", oldTs).statusCode()).isEqualTo(404);
        assertThat(cluster.node(1).files("o")).containsExactly(oldTs + ".ts");

        ObjectReplicator.Pass pass = cluster.replicate();

        assertThat(pass.filesPushed()).isZero();
        for (Node n : cluster.nodes()) {
            assertThat(n.files("o")).isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
