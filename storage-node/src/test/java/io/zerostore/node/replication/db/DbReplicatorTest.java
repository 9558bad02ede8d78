package io.zerostore.node.replication.db;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Container and account replicas converge through the DB replicators: real nodes on loopback, real
 * RocksDB, requests straight to the container and account servers as the proxy and object servers
 * send them.
 */
@Timeout(60)
class DbReplicatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private NodeCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String containerPath(NodeCluster.Node n, String a, String c) {
        return "/" + n.device() + "/" + cluster.containerPartition(a, c) + "/" + a + "/" + c;
    }

    private int putContainer(NodeCluster.Node n, String a, String c, long t, String... headers) throws Exception {
        List<String> h = new ArrayList<>(List.of("X-Timestamp", ts(t)));
        h.addAll(List.of(headers));
        return cluster.send(n.containerPort, "PUT", containerPath(n, a, c), h.toArray(String[]::new)).statusCode();
    }

    private int putRow(NodeCluster.Node n, String a, String c, String o, long t, long size) throws Exception {
        return cluster.send(n.containerPort, "PUT", containerPath(n, a, c) + "/" + o, "X-Timestamp", ts(t),
                "X-Size", Long.toString(size), "X-Content-Type", "text/plain", "X-Etag", "etag" + t).statusCode();
    }

    private int deleteRow(NodeCluster.Node n, String a, String c, String o, long t) throws Exception {
        return cluster.send(n.containerPort, "DELETE", containerPath(n, a, c) + "/" + o, "X-Timestamp", ts(t))
                .statusCode();
    }

    /** The listing, object count and bytes used as one replica answers them. */
    private record View(int status, String count, String bytes, JsonNode listing) {}

    private View view(NodeCluster.Node n, String a, String c) throws Exception {
        HttpResponse<String> r = cluster.send(n.containerPort, "GET", containerPath(n, a, c) + "?format=json");
        return new View(r.statusCode(), r.headers().firstValue("X-Container-Object-Count").orElse(null),
                r.headers().firstValue("X-Container-Bytes-Used").orElse(null),
                r.statusCode() == 200 ? JSON.readTree(r.body()) : null);
    }

    @Test
    void containerCreatedWhileAReplicaWasDownConvergesInBatches() throws Exception {
        cluster = NodeCluster.start(3, "[container-replicator]\nper_diff = 7\n");
        List<NodeCluster.Node> replicas = cluster.containerPrimaries("AUTH_a", "c");
        NodeCluster.Node down = replicas.get(2);
        down.stop();
        for (NodeCluster.Node n : replicas.subList(0, 2)) {
            assertThat(putContainer(n, "AUTH_a", "c", 1, "X-Container-Meta-Color", "blue")).isEqualTo(201);
            for (int i = 0; i < 25; i++) {
                assertThat(putRow(n, "AUTH_a", "c", "o" + i, 2 + i, 10 + i)).isEqualTo(201);
            }
        }
        down.start();
        assertThat(view(down, "AUTH_a", "c").status()).isEqualTo(404);

        var pass = replicas.get(0).containerReplicator().runOnce();
        assertThat(pass.records()).isEqualTo(1);
        assertThat(pass.rowsPushed()).isEqualTo(25 * 2); // 25 to the new replica, 25 echoes to the other
        assertThat(pass.failures()).isZero();

        View expected = view(replicas.get(0), "AUTH_a", "c");
        assertThat(expected.count()).isEqualTo("25");
        for (NodeCluster.Node n : replicas) {
            View v = view(n, "AUTH_a", "c");
            assertThat(v).as("replica on node " + n.number).isEqualTo(expected);
        }
        HttpResponse<String> head = cluster.send(down.containerPort, "HEAD", containerPath(down, "AUTH_a", "c"));
        assertThat(head.headers().firstValue("X-Container-Meta-Color")).hasValue("blue");

        // a second pass finds everyone in sync: nothing to push
        cluster.replicateAll();
        assertThat(replicas.get(0).containerReplicator().runOnce().rowsPushed()).isZero();
    }

    @Test
    void rowsOnSingleReplicasConvergeAndTheNewestWins() throws Exception {
        cluster = NodeCluster.start(3, "");
        List<NodeCluster.Node> r = cluster.containerPrimaries("AUTH_a", "c");
        for (NodeCluster.Node n : r) {
            putContainer(n, "AUTH_a", "c", 1);
        }
        putRow(r.get(0), "AUTH_a", "c", "x", 5, 10);
        putRow(r.get(1), "AUTH_a", "c", "x", 7, 20);   // newest
        deleteRow(r.get(2), "AUTH_a", "c", "x", 6);
        putRow(r.get(2), "AUTH_a", "c", "y", 3, 1);
        putRow(r.get(0), "AUTH_a", "c", "z", 3, 4);
        deleteRow(r.get(1), "AUTH_a", "c", "z", 9);     // newer than z's PUT
        cluster.send(r.get(2).containerPort, "POST", containerPath(r.get(2), "AUTH_a", "c"), "X-Timestamp", ts(8),
                "X-Container-Meta-Owner", "bob");

        cluster.replicateAll();

        for (NodeCluster.Node n : r) {
            View v = view(n, "AUTH_a", "c");
            assertThat(v.count()).as("node " + n.number).isEqualTo("2");
            assertThat(v.bytes()).isEqualTo("21");
            assertThat(v.listing()).hasSize(2);
            assertThat(v.listing().get(0).get("name").asText()).isEqualTo("x");
            assertThat(v.listing().get(0).get("bytes").asLong()).isEqualTo(20);
            assertThat(v.listing().get(0).get("hash").asText()).isEqualTo("etag" + 7);
            assertThat(v.listing().get(1).get("name").asText()).isEqualTo("y");
            assertThat(cluster.send(n.containerPort, "HEAD", containerPath(n, "AUTH_a", "c"))
                    .headers().firstValue("X-Container-Meta-Owner")).hasValue("bob");
        }
    }

    @Test
    void aRecordOnAHandoffMovesHomeAndLeaves() throws Exception {
        cluster = NodeCluster.start(4, "");
        NodeCluster.Node handoff = cluster.node(4);
        String c = null;
        for (int i = 0; c == null; i++) {
            if (!cluster.containerPrimaries("AUTH_a", "h" + i).contains(handoff)) {
                c = "h" + i;
            }
        }
        assertThat(putContainer(handoff, "AUTH_a", c, 1)).isEqualTo(201);
        putRow(handoff, "AUTH_a", c, "moved", 2, 42);

        var pass = handoff.containerReplicator().runOnce();
        assertThat(pass.handoffsRemoved()).isEqualTo(1);
        assertThat(view(handoff, "AUTH_a", c).status()).isEqualTo(404);
        for (NodeCluster.Node n : cluster.containerPrimaries("AUTH_a", c)) {
            View v = view(n, "AUTH_a", c);
            assertThat(v.count()).as("primary " + n.number).isEqualTo("1");
            assertThat(v.listing().get(0).get("name").asText()).isEqualTo("moved");
        }
        // nothing left on the handoff for the next pass
        assertThat(handoff.containerReplicator().runOnce().records()).isZero();
    }

    @Test
    void aHandoffStaysWhileAPrimaryIsDown() throws Exception {
        cluster = NodeCluster.start(4, "");
        NodeCluster.Node handoff = cluster.node(4);
        String c = null;
        for (int i = 0; c == null; i++) {
            if (!cluster.containerPrimaries("AUTH_a", "h" + i).contains(handoff)) {
                c = "h" + i;
            }
        }
        putContainer(handoff, "AUTH_a", c, 1);
        putRow(handoff, "AUTH_a", c, "kept", 2, 1);
        cluster.containerPrimaries("AUTH_a", c).get(1).stop();
        var pass = handoff.containerReplicator().runOnce();
        assertThat(pass.handoffsRemoved()).isZero();
        assertThat(pass.failures()).isPositive();
        assertThat(view(handoff, "AUTH_a", c).count()).isEqualTo("1");
    }

    @Test
    void oldTombstonesAndDeletedContainersAreReclaimed() throws Exception {
        cluster = NodeCluster.start(3, "[container-replicator]\nreclaim_age = 3600\n");
        List<NodeCluster.Node> r = cluster.containerPrimaries("AUTH_a", "old");
        for (NodeCluster.Node n : r) {
            putContainer(n, "AUTH_a", "old", 1);
            putRow(n, "AUTH_a", "old", "o", 2, 1);
            deleteRow(n, "AUTH_a", "old", "o", 3);        // a day ago: past reclaim_age
            putContainer(n, "AUTH_a", "fresh", System.currentTimeMillis() / 1000 - io.zerostore.node.testkit.TestTimes.BASE);
        }
        var pass = r.get(0).containerReplicator().runOnce();
        assertThat(pass.rowsReclaimed()).isEqualTo(1);
        assertThat(pass.recordsReclaimed()).isZero();
        for (NodeCluster.Node n : r) {
            assertThat(cluster.send(n.containerPort, "DELETE", containerPath(n, "AUTH_a", "old"), "X-Timestamp", ts(4))
                    .statusCode()).isEqualTo(204);
            assertThat(cluster.send(n.containerPort, "DELETE", containerPath(n, "AUTH_a", "fresh"), "X-Timestamp",
                    io.zerostore.node.testkit.TestTimes.absolute(System.currentTimeMillis() / 1000 + 1)).statusCode())
                    .isEqualTo(204);
        }
        cluster.replicateAll();
        for (NodeCluster.Node n : r) {
            var again = n.containerReplicator().runOnce();
            assertThat(again.records()).as("only the recently deleted container is left on node " + n.number)
                    .isEqualTo(1);
            // the deleted container that is kept still answers as deleted, with its timestamps
            assertThat(cluster.send(n.containerPort, "HEAD", containerPath(n, "AUTH_a", "fresh"))
                    .headers().firstValue("X-Backend-Delete-Timestamp")).isPresent();
            assertThat(cluster.send(n.containerPort, "HEAD", containerPath(n, "AUTH_a", "old"))
                    .headers().firstValue("X-Backend-Delete-Timestamp")).isEmpty();
        }
    }

    @Test
    void accountListingsConverge() throws Exception {
        cluster = NodeCluster.start(3, "");
        List<NodeCluster.Node> r = cluster.accountPrimaries("AUTH_b");
        r.get(2).stop();
        for (NodeCluster.Node n : r.subList(0, 2)) {
            String path = "/" + n.device() + "/" + cluster.accountPartition("AUTH_b") + "/AUTH_b";
            assertThat(cluster.send(n.accountPort, "PUT", path, "X-Timestamp", ts(1)).statusCode()).isEqualTo(201);
        }
        // container reports reached one account replica each
        report(r.get(0), "c1", 2, 3, 30);
        report(r.get(1), "c2", 3, 1, 5);
        r.get(2).start();

        cluster.replicateAll();

        String expected = null;
        for (NodeCluster.Node n : r) {
            String path = "/" + n.device() + "/" + cluster.accountPartition("AUTH_b") + "/AUTH_b?format=json";
            HttpResponse<String> res = cluster.send(n.accountPort, "GET", path);
            assertThat(res.statusCode()).as("node " + n.number).isEqualTo(200);
            assertThat(res.headers().firstValue("X-Account-Container-Count")).hasValue("2");
            assertThat(res.headers().firstValue("X-Account-Object-Count")).hasValue("4");
            assertThat(res.headers().firstValue("X-Account-Bytes-Used")).hasValue("35");
            if (expected == null) {
                expected = res.body();
            }
            assertThat(res.body()).isEqualTo(expected);
        }
        assertThat(JSON.readTree(expected)).hasSize(2);
    }

    private void report(NodeCluster.Node n, String c, long t, long count, long bytes) throws Exception {
        String path = "/" + n.device() + "/" + cluster.accountPartition("AUTH_b") + "/AUTH_b/" + c;
        assertThat(cluster.send(n.accountPort, "PUT", path, "X-Put-Timestamp", ts(t), "X-Delete-Timestamp", "0",
                "X-Object-Count", Long.toString(count), "X-Bytes-Used", Long.toString(bytes), "X-Timestamp", ts(t))
                .statusCode()).isEqualTo(201);
    }
}
