package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.HashPath;
import io.zerostore.node.replication.db.DbKind;
import io.zerostore.node.replication.db.DbReplicators;
import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.TestCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The case DB replication exists for, through the proxy: a container created while one of its
 * replicas was down. Object updates to that replica fail (404) and wait as async pendings; after a
 * replicator pass the replica has the container, the pendings drain, and every container and
 * account replica answers the same listing.
 */
@Timeout(60)
class DbReplicationTest {
    private static final HashPath HASH = new HashPath("test-prefix", "test-suffix");
    private final HttpClient http = HttpClient.newHttpClient();
    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aReplicaThatMissedTheContainerCatchesUp() throws Exception {
        cluster = TestCluster.start(3);
        SwiftClient s = cluster.client().login("test:tester", "testing");
        cluster.stopNode(3);
        assertThat(s.call("PUT", "/c", "X-Container-Meta-Color", "red").status()).isEqualTo(201);
        cluster.startNode(3);
        cluster.resetErrorLimits();
        for (int i = 0; i < 5; i++) {
            assertThat(s.call("PUT", "/c/o" + i, ("body" + i).getBytes(StandardCharsets.UTF_8)).status())
                    .isEqualTo(201);
        }
        assertThat(listings("container", "/AUTH_test/c")).as("node 3 has no container yet").contains((String) null);
        assertThat(asyncPendings()).isNotEmpty();

        for (TestCluster.Node n : cluster.nodes()) {
            DbReplicators.of(n.storageNode(), DbKind.CONTAINER).orElseThrow().runOnce();
        }
        List<String> containers = listings("container", "/AUTH_test/c");
        assertThat(containers).doesNotContainNull().containsOnly(containers.get(0));
        assertThat(containers.get(0)).isEqualTo("o0\no1\no2\no3\no4\n");

        // the async pendings now find the container (the sweeper runs every second in the test cluster)
        eventually(() -> asyncPendings().isEmpty());
        // account replicas converge: container reports plus account replication
        eventually(() -> {
            for (TestCluster.Node n : cluster.nodes()) {
                DbReplicators.of(n.storageNode(), DbKind.ACCOUNT).orElseThrow().runOnce();
            }
            List<String> accounts = listings("account", "/AUTH_test?format=json");
            return !accounts.contains(null) && accounts.stream().distinct().count() == 1
                    && new com.fasterxml.jackson.databind.ObjectMapper().readTree(accounts.get(0)).get(0).get("count")
                    .asLong() == 5;
        });
        assertThat(s.call("HEAD", "/c").header("X-Container-Meta-Color")).isEqualTo("red");
    }

    /** The listing body each replica answers (null for a non-200). */
    private List<String> listings(String kind, String path) throws Exception {
        Ring ring = Ring.load(cluster.swiftDir().resolve(kind + ".ring.gz"));
        String[] parts = path.split("[/?]");
        byte[] hash = kind.equals("account") ? HASH.digest(parts[1], null, null) : HASH.digest(parts[1], parts[2], null);
        int part = ring.partition(hash);
        List<String> out = new ArrayList<>();
        for (Device d : ring.primaries(part)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + d.hostPort() + "/"
                    + d.device() + "/" + part + path)).build(), HttpResponse.BodyHandlers.ofString());
            out.add(r.statusCode() == 200 ? r.body() : null);
        }
        return out;
    }

    private List<Path> asyncPendings() throws Exception {
        List<Path> out = new ArrayList<>();
        for (TestCluster.Node n : cluster.nodes()) {
            Path dir = n.deviceDir().resolve("async_pending");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> st = Files.walk(dir)) {
                    st.filter(Files::isRegularFile).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static void eventually(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + 15_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(100);
        }
    }
}
