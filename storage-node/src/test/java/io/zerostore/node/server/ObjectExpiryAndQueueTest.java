package io.zerostore.node.server;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.node.testkit.TestNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** X-Delete-At expiry on GET/HEAD/POST, and 503 when a device's disk queue is full. */
@Timeout(60)
class ObjectExpiryAndQueueTest {
    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        node = TestNode.start("threads_per_device = 1\ndevice_queue_size = 1\n");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void expiredObjectIs404OnGetHeadAndPost() throws Exception {
        long deleteAt = System.currentTimeMillis() / 1000 + 60;
        String obj = "/d1/2/a/c/expiring";
        assertThat(node.client.put(obj, "x".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b",
                "X-Delete-At", Long.toString(deleteAt)).statusCode()).isEqualTo(201);
        var head = node.client.head(obj);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Delete-At")).hasValue(Long.toString(deleteAt));

        node.advanceClock(Duration.ofSeconds(61));
        var get = node.client.get(obj);
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.headers().firstValue("X-Backend-Timestamp")).hasValue(ts(1));
        assertThat(node.client.head(obj).statusCode()).isEqualTo(404);
        // POST checks expiry at the request's timestamp, as Swift does
        assertThat(node.client.post(obj, "X-Timestamp", ts(86400 + 120)).statusCode()).isEqualTo(404);
        // a PUT replaces the expired object
        assertThat(node.client.put(obj, "y".getBytes(), "X-Timestamp", ts(2), "Content-Type", "a/b").statusCode())
                .isEqualTo(201);
        assertThat(node.client.get(obj).body()).isEqualTo("y".getBytes());
    }

    @Test
    void postCanSetAndClearDeleteAt() throws Exception {
        String obj = "/d1/2/a/c/o";
        node.client.put(obj, "x".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b");
        long soon = System.currentTimeMillis() / 1000 + 30;
        assertThat(node.client.post(obj, "X-Timestamp", ts(2), "X-Delete-At", Long.toString(soon)).statusCode())
                .isEqualTo(202);
        assertThat(node.client.post(obj, "X-Timestamp", ts(3), "X-Delete-At", "12").statusCode()).isEqualTo(400);
        assertThat(node.client.post(obj, "X-Timestamp", ts(3), "X-Delete-At", "soon").statusCode()).isEqualTo(400);
        node.advanceClock(Duration.ofSeconds(31));
        assertThat(node.client.get(obj).statusCode()).isEqualTo(404);
    }

    @Test
    void fullDiskQueueIs503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        var executors = node.objectServer.executors();
        CompletableFuture<Object> busy = executors.continueWith("d1", () -> {
            release.await();
            return null;
        });
        CompletableFuture<Object> queued = executors.continueWith("d1", () -> null);
        try {
            var r = node.client.get("/d1/2/a/c/o");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(new String(r.body())).contains("Service Unavailable");
        } finally {
            release.countDown();
        }
        busy.get();
        queued.get();
        assertThat(node.client.get("/d1/2/a/c/o").statusCode()).isEqualTo(404);
    }
}
