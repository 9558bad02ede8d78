package io.zerostore.node.server;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.node.testkit.RawHttp;
import io.zerostore.node.testkit.TestNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failed PUT never leaves a partial object or a temporary file; 100-continue gets the final status. */
@Timeout(60)
class ObjectPutFailureTest {
    private static final String OBJ = "/d1/5/AUTH_test/c/o";
    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        node = TestNode.start("client_timeout = 1\n");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long filesUnder(String dir) throws IOException {
        Path p = node.devices.resolve("d1").resolve(dir);
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            // not the partition's suffix hash cache (hashes.json, hashes.invalid)
            return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("hashes."))
                    .count();
        }
    }

    /** The temporary file goes away asynchronously after a disconnect. */
    private void awaitNoTempFiles() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (filesUnder("tmp") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(filesUnder("tmp")).isZero();
    }

    @Test
    void etagMismatchIs422AndLeavesNothing() throws Exception {
        var r = node.client.put(OBJ, "body".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b",
                "ETag", "\"00000000000000000000000000000000\"");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(new String(r.body())).isEqualTo("<html><h1>Unprocessable Entity</h1>"
                + "<p>Unable to process the contained instructions</p></html>");
        assertThat(node.client.get(OBJ).statusCode()).isEqualTo(404);
        assertThat(filesUnder("objects")).isZero();
        assertThat(filesUnder("tmp")).isZero();
        // Swift compares the digest exactly: upper-case hex is a mismatch too
        var upper = node.client.put(OBJ, "body".getBytes(), "X-Timestamp", ts(2), "Content-Type", "a/b",
                "ETag", "\"841A2D689AD86BD1611447453C22C6FC\"");
        assertThat(upper.statusCode()).isEqualTo(422);
        var ok = node.client.put(OBJ, "body".getBytes(), "X-Timestamp", ts(3), "Content-Type", "a/b",
                "ETag", "\"841a2d689ad86bd1611447453c22c6fc\"");
        assertThat(ok.statusCode()).isEqualTo(201);
    }

    @Test
    void disconnectMidBodyLeavesNothingAndKeepsTheOldVersion() throws Exception {
        assertThat(node.client.put(OBJ, "old".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b").statusCode())
                .isEqualTo(201);
        try (RawHttp raw = new RawHttp(node.objectServer.port())) {
            raw.send("PUT " + OBJ + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts(2)
                    + "\r\nContent-Type: a/b\r\nContent-Length: 1048576\r\n\r\n");
            raw.send(new byte[100_000]);
            Thread.sleep(200);
        }
        awaitNoTempFiles();
        var get = node.client.get(OBJ);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(new String(get.body())).isEqualTo("old");
        assertThat(filesUnder("objects")).isEqualTo(1);
    }

    @Test
    void stalledClientGets408AndNothingIsStored() throws Exception {
        try (RawHttp raw = new RawHttp(node.objectServer.port())) {
            raw.send("PUT " + OBJ + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts(2)
                    + "\r\nContent-Type: a/b\r\nContent-Length: 1000\r\n\r\n");
            raw.send(new byte[10]);
            RawHttp.Head head = raw.readHead();
            assertThat(head.status()).isEqualTo(408);
            assertThat(head.header("connection")).isEqualTo("close");
        }
        awaitNoTempFiles();
        assertThat(node.client.get(OBJ).statusCode()).isEqualTo(404);
    }

    @Test
    void expectContinueIsAnsweredOnlyAfterTheChecks() throws Exception {
        assertThat(node.client.put(OBJ, "v1".getBytes(), "X-Timestamp", ts(5), "Content-Type", "a/b").statusCode())
                .isEqualTo(201);
        try (RawHttp raw = new RawHttp(node.objectServer.port())) {
            raw.send("PUT " + OBJ + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts(4)
                    + "\r\nContent-Type: a/b\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
            RawHttp.Head head = raw.readHead();
            assertThat(head.status()).isEqualTo(409);
            assertThat(head.header("x-backend-timestamp")).isEqualTo(ts(5));
        }
        try (RawHttp raw = new RawHttp(node.objectServer.port())) {
            raw.send("PUT /nodev/5/a/c/o HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts(6)
                    + "\r\nContent-Type: a/b\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.readHead().status()).isEqualTo(507);
        }
        try (RawHttp raw = new RawHttp(node.objectServer.port())) {
            raw.send("PUT " + OBJ + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts(6)
                    + "\r\nContent-Type: a/b\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.readHead().status()).isEqualTo(100);
            raw.send("v2".getBytes(StandardCharsets.US_ASCII));
            RawHttp.Head done = raw.readHead();
            assertThat(done.status()).isEqualTo(201);
            // keep-alive: the next request on the same connection works
            raw.readBody(done);
            raw.send("GET " + OBJ + " HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Head get = raw.readHead();
            assertThat(get.status()).isEqualTo(200);
            assertThat(new String(raw.readBody(get), StandardCharsets.US_ASCII)).isEqualTo("v2");
        }
    }

    @Test
    void refusedPutWithAWholeBodyKeepsTheConnectionUsable() throws Exception {
        assertThat(node.client.put(OBJ, "v5".getBytes(), "X-Timestamp", ts(5), "Content-Type", "a/b").statusCode())
                .isEqualTo(201);
        try (RawHttp raw = new RawHttp(node.objectServer.port())) {
            for (int i = 0; i < 3; i++) {
                raw.send("PUT " + OBJ + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts(4)
                        + "\r\nContent-Type: a/b\r\nContent-Length: 4\r\n\r\nbody");
                RawHttp.Head refused = raw.readHead();
                assertThat(refused.status()).isEqualTo(409);
                raw.readBody(refused);
                raw.send("GET " + OBJ + " HTTP/1.1\r\nHost: x\r\n\r\n");
                RawHttp.Head get = raw.readHead();
                assertThat(get.status()).isEqualTo(200);
                assertThat(new String(raw.readBody(get), StandardCharsets.US_ASCII)).isEqualTo("v5");
            }
        }
    }

    @Test
    void missingLengthAndTooLarge() throws Exception {
        try (RawHttp raw = new RawHttp(node.objectServer.port())) {
            raw.send("PUT " + OBJ + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts(6) + "\r\nContent-Type: a/b\r\n\r\n");
            RawHttp.Head head = raw.readHead();
            assertThat(head.status()).isEqualTo(411);
            assertThat(new String(raw.readBody(head))).isEqualTo("Missing Content-Length header.");
        }
        try (RawHttp raw = new RawHttp(node.objectServer.port())) {
            raw.send("PUT " + OBJ + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts(6)
                    + "\r\nContent-Type: a/b\r\nContent-Length: 5368709123\r\n\r\n");
            RawHttp.Head head = raw.readHead();
            assertThat(head.status()).isEqualTo(413);
            assertThat(new String(raw.readBody(head))).isEqualTo("Your request is too large.");
        }
    }
}
