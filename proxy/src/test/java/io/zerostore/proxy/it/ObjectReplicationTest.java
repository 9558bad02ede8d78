package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.HashPath;
import io.zerostore.node.replication.ObjectReplicator;
import io.zerostore.node.server.ObjectServer;
import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.TestCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Object replication end to end, through the proxy: what a handoff took while a primary was down
 * goes home once the primary is back, and a DELETE that a node missed reaches it as a tombstone.
 */
@Timeout(120)
class ObjectReplicationTest {
    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private List<Integer> primaryNodes(String c, String o) throws IOException {
        Ring ring = Ring.load(cluster.swiftDir().resolve("object.ring.gz"));
        int part = ring.partition(new HashPath("test-prefix", "test-suffix").digest("AUTH_test", c, o));
        return ring.primaries(part).stream().map(Device::device).map(d -> Integer.parseInt(d.substring(1))).toList();
    }

    /** Names of the version files of the object ({@code .data}, {@code .ts}, ...) on a node's disk. */
    private static List<String> objectFiles(TestCluster.Node node, String c, String o) throws IOException {
        String hash = new HashPath("test-prefix", "test-suffix").hex("AUTH_test", c, o);
        Path objects = node.deviceDir().resolve("objects");
        if (!Files.isDirectory(objects)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(objects)) {
            return s.filter(p -> p.getParent().getFileName().toString().equals(hash))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void replicateEverywhere() {
        for (TestCluster.Node n : cluster.nodes()) {
            if (n.isRunning()) {
                ObjectReplicator r = n.storageNode().server(ObjectServer.class).orElseThrow().replicator();
                r.runOnce();
            }
        }
    }

    @Test
    void whatAHandoffTookGoesHomeWhenThePrimaryReturns() throws Exception {
        cluster = TestCluster.start(4);
        SwiftClient s = cluster.client().login("test:tester", "testing");
        assertThat(s.call("PUT", "/c").status()).isEqualTo(201);
        List<Integer> primaries = primaryNodes("c", "o");
        int down = primaries.get(0);
        int handoff = Stream.of(1, 2, 3, 4).filter(n -> !primaries.contains(n)).findFirst().orElseThrow();
        cluster.stopNode(down);
        assertThat(s.call("PUT", "/c/o", "home at last".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        assertThat(objectFiles(cluster.node(handoff), "c", "o")).hasSize(1);
        assertThat(objectFiles(cluster.node(down), "c", "o")).isEmpty();

        cluster.startNode(down);
        cluster.resetErrorLimits();
        replicateEverywhere();

        assertThat(objectFiles(cluster.node(down), "c", "o")).hasSize(1).allMatch(f -> f.endsWith(".data"));
        assertThat(objectFiles(cluster.node(handoff), "c", "o")).isEmpty();
        for (int p : primaries) {
            assertThat(objectFiles(cluster.node(p), "c", "o")).as("primary %d", p)
                    .isEqualTo(objectFiles(cluster.node(down), "c", "o"));
        }
        // the returned primary alone can serve it
        primaries.stream().filter(p -> p != down).forEach(cluster::stopNode);
        assertThat(s.call("GET", "/c/o").text()).isEqualTo("home at last");
    }

    @Test
    void aDeleteANodeMissedReachesItAsATombstone() throws Exception {
        cluster = TestCluster.start(3);
        SwiftClient s = cluster.client().login("test:tester", "testing");
        assertThat(s.call("PUT", "/c").status()).isEqualTo(201);
        assertThat(s.call("PUT", "/c/o", "short-lived".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        cluster.stopNode(3);
        assertThat(s.call("DELETE", "/c/o").status()).isEqualTo(204);
        cluster.startNode(3);
        cluster.resetErrorLimits();
        assertThat(objectFiles(cluster.node(3), "c", "o")).allMatch(f -> f.endsWith(".data"));

        replicateEverywhere();

        List<String> tombstone = objectFiles(cluster.node(1), "c", "o");
        assertThat(tombstone).hasSize(1).allMatch(f -> f.endsWith(".ts"));
        for (TestCluster.Node n : cluster.nodes()) {
            assertThat(objectFiles(n, "c", "o")).as("node %s", n.device()).isEqualTo(tombstone);
        }
        // no node can bring the old data back
        cluster.stopNode(1);
        cluster.stopNode(2);
        assertThat(s.call("GET", "/c/o").status()).isEqualTo(404);
    }
}
