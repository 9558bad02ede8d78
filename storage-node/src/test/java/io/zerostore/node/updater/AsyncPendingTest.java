package io.zerostore.node.updater;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.zerostore.common.http.HttpServer;
import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.testkit.TestNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Container updates after PUT/DELETE, and the async pending files kept when a container replica
 * fails, retried by the sweeper. The container side is a small real HTTP server that answers 503
 * until told otherwise: it tests the object server's retry logic, not the container server.
 */
@Timeout(60)
class AsyncPendingTest {
    /** What the fake container server saw: method, path and the update headers. */
    record Seen(HttpMethod method, String path, String timestamp, String size, String etag, String contentType) {}

    private TestNode node;
    private TestNode slowNode;
    private HttpServer container;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile long delayMillis;

    @BeforeEach
    void start() throws Exception {
        node = TestNode.start("container_update_timeout = 5\n");
        slowNode = TestNode.start("container_update_timeout = 0.2\n");
        container = HttpServer.start("127.0.0.1", 0, 1, ex -> {
            seen.add(new Seen(ex.method(), ex.path().path(), ex.headers().get("X-Timestamp"),
                    ex.headers().get("X-Size"), ex.headers().get("X-Etag"), ex.headers().get("X-Content-Type")));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 201;
            ex.eventLoop().schedule(() -> ex.respond(status, new DefaultHttpHeaders(), ""), delayMillis,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        });
    }

    @AfterEach
    void stop() {
        container.close();
        node.close();
        slowNode.close();
    }

    private String[] updateHeaders(String host, String ts) {
        return new String[] {"X-Timestamp", ts, "Content-Type", "text/plain", "X-Container-Host", host,
            "X-Container-Partition", "42", "X-Container-Device", "cdev"};
    }

    private List<Path> pendingFiles() throws Exception {
        Path root = node.devices.resolve("d1/async_pending");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void successfulUpdateLeavesNoPendingFile() throws Exception {
        String host = "127.0.0.1:" + container.port();
        assertThat(node.client.put("/d1/9/AUTH_a/c/o%20x", "hello".getBytes(), updateHeaders(host, ts(1)))
                .statusCode()).isEqualTo(201);
        assertThat(seen).containsExactly(new Seen(HttpMethod.PUT, "/cdev/42/AUTH_a/c/o x", ts(1), "5",
                "5d41402abc4b2a76b9719d911017c592", "text/plain"));
        assertThat(node.client.delete("/d1/9/AUTH_a/c/o%20x", updateHeaders(host, ts(2))).statusCode())
                .isEqualTo(204);
        assertThat(seen.get(1).method()).isEqualTo(HttpMethod.DELETE);
        assertThat(seen.get(1).timestamp()).isEqualTo(ts(2));
        assertThat(pendingFiles()).isEmpty();
    }

    @Test
    void failedUpdateIsKeptAndSweptUntilDelivered() throws Exception {
        String host = "127.0.0.1:" + container.port();
        failuresLeft.set(2); // the PUT's own update and the first sweep fail
        assertThat(node.client.put("/d1/9/AUTH_a/c/o", "hello".getBytes(), updateHeaders(host, ts(1)))
                .statusCode()).isEqualTo(201);
        String hash = new HashPath("test-prefix", "test-suffix").hex("AUTH_a", "c", "o");
        Path expected = node.devices.resolve("d1/async_pending").resolve(hash.substring(29))
                .resolve(hash + "-" + Timestamp.parse(ts(1)).internal());
        assertThat(pendingFiles()).containsExactly(expected);
        ContainerUpdate saved = AsyncPendingStore.read(expected);
        assertThat(saved.op()).isEqualTo("PUT");
        assertThat(saved.obj()).isEqualTo("o");
        assertThat(saved.targets()).containsExactly(new ContainerUpdate.Target(host, 42, "cdev"));
        assertThat(saved.headers()).containsEntry("X-Size", "5").containsEntry("X-Timestamp", ts(1));

        AsyncPendingSweeper sweeper = node.objectServer.sweeper();
        assertThat(sweeper.sweep()).isEqualTo(new AsyncPendingSweeper.Pass(0, 1, 0));
        assertThat(pendingFiles()).containsExactly(expected);
        assertThat(sweeper.sweep()).isEqualTo(new AsyncPendingSweeper.Pass(1, 0, 0));
        assertThat(pendingFiles()).isEmpty();
        assertThat(seen).hasSize(3).allMatch(s -> s.path().equals("/cdev/42/AUTH_a/c/o") && s.size().equals("5"));
    }

    @Test
    void slowFailingUpdateDoesNotDelayTheAnswerAndIsStillKept() throws Exception {
        delayMillis = 1500;
        failuresLeft.set(1);
        String host = "127.0.0.1:" + container.port();
        long start = System.nanoTime();
        assertThat(slowNode.client.put("/d1/9/AUTH_a/c/o", "hello".getBytes(), updateHeaders(host, ts(1)))
                .statusCode()).isEqualTo(201);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1200);
        Path root = slowNode.devices.resolve("d1/async_pending");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(root) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        try (Stream<Path> s = Files.walk(root)) {
            assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
    }

    @Test
    void unreachableContainerAndObsoleteUpdates() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String down = "127.0.0.1:" + closedPort;
        String up = "127.0.0.1:" + container.port();
        String both = down + "," + up;
        String[] h = {"X-Timestamp", ts(1), "Content-Type", "text/plain", "X-Container-Host", both,
            "X-Container-Partition", "42", "X-Container-Device", "cdev,cdev2"};
        assertThat(node.client.put("/d1/9/AUTH_a/c/o", "v1".getBytes(), h).statusCode()).isEqualTo(201);
        h[1] = ts(2);
        assertThat(node.client.delete("/d1/9/AUTH_a/c/o", h).statusCode()).isEqualTo(204);
        // the reachable replica got both; the other one is pending twice, only the newest matters
        assertThat(seen).extracting(Seen::path).containsExactly("/cdev2/42/AUTH_a/c/o", "/cdev2/42/AUTH_a/c/o");
        List<Path> pending = pendingFiles();
        assertThat(pending).hasSize(2);
        assertThat(AsyncPendingStore.read(pending.get(1)).targets())
                .containsExactly(new ContainerUpdate.Target(down, 42, "cdev"));
        AsyncPendingSweeper.Pass pass = node.objectServer.sweeper().sweep();
        assertThat(pass).isEqualTo(new AsyncPendingSweeper.Pass(0, 1, 1));
        assertThat(pendingFiles()).hasSize(1);
        assertThat(AsyncPendingStore.read(pendingFiles().get(0)).op()).isEqualTo("DELETE");
    }
}
