package io.zerostore.node.replication;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerostore.node.testkit.RawHttp;
import io.zerostore.node.testkit.TestNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The REPLICATE and SSYNC endpoints of the object server, request by request. */
@Timeout(30)
class ReplicationServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PART = 7;
    private static final String OBJ = "/d1/" + PART + "/a/c/o";
    private static final String HASH = TestNode.HASH_PATH.hex("a", "c", "o");
    private TestNode source;
    private TestNode target;

    @BeforeEach
    void start() throws Exception {
        source = TestNode.start();
        target = TestNode.start();
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
    }

    private static Path hashDir(TestNode n) {
        return n.devices.resolve("d1").resolve("objects").resolve(Integer.toString(PART)).resolve(HASH.substring(29))
                .resolve(HASH);
    }

    private static RawHttp.Head call(TestNode n, String method, String path, byte[] body, StringBuilder answer,
                                     String... headers) throws Exception {
        try (RawHttp raw = new RawHttp(n.objectServer.port())) {
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: x\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            raw.send(head.append("\r\n").toString());
            if (body != null) {
                raw.send(body);
            }
            RawHttp.Head h = raw.readHead();
            if (answer != null) {
                answer.append(new String(raw.readBody(h), StandardCharsets.UTF_8));
            }
            return h;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> hashes(TestNode n, String path) throws Exception {
        StringBuilder body = new StringBuilder();
        RawHttp.Head h = call(n, "REPLICATE", path, null, body);
        assertThat(h.status()).isEqualTo(200);
        return JSON.readValue(body.toString(), Map.class);
    }

    @Test
    void replicateAnswersTheSuffixHashesAndFollowsEveryWrite() throws Exception {
        assertThat(hashes(source, "/d1/" + PART)).isEmpty();
        assertThat(source.devices.resolve("d1").resolve("objects").resolve(Integer.toString(PART))).doesNotExist();
        assertThat(source.client.put(OBJ, "v1".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b").statusCode())
                .isEqualTo(201);
        Map<String, String> first = hashes(source, "/d1/" + PART);
        assertThat(first).containsOnlyKeys(HASH.substring(29));
        assertThat(source.client.post(OBJ, "X-Timestamp", ts(2), "X-Object-Meta-K", "v").statusCode()).isEqualTo(202);
        Map<String, String> second = hashes(source, "/d1/" + PART);
        assertThat(second.get(HASH.substring(29))).isNotEqualTo(first.get(HASH.substring(29)));
        // the same versions on another node hash the same
        assertThat(target.client.put(OBJ, "v1".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b").statusCode())
                .isEqualTo(201);
        assertThat(hashes(target, "/d1/" + PART)).isEqualTo(first);
        // recalculating on request (after files changed behind the server's back)
        Files.delete(hashDir(source).resolve(ts(2) + ".meta"));
        assertThat(hashes(source, "/d1/" + PART)).isEqualTo(second);
        assertThat(hashes(source, "/d1/" + PART + "/" + HASH.substring(29))).isEqualTo(first);
    }

    @Test
    void replicateRefusesBadRequests() throws Exception {
        assertThat(call(source, "REPLICATE", "/d1/x", null, null).status()).isEqualTo(400);
        assertThat(call(source, "REPLICATE", "/d1/1/abcd", null, null).status()).isEqualTo(400);
        assertThat(call(source, "REPLICATE", "/d9/1", null, null).status()).isEqualTo(507);
        assertThat(call(source, "SSYNC", "/d9/1", "".getBytes(), null).status()).isEqualTo(507);
    }

    @Test
    void theMissingCheckWantsOnlyWhatWouldCount() throws Exception {
        assertThat(source.client.put(OBJ, "v".getBytes(), "X-Timestamp", ts(20), "Content-Type", "a/b").statusCode())
                .isEqualTo(201);
        String offer = HASH + " " + ts(10) + ".data " + ts(15) + ".meta\n"
                + HASH + " " + ts(20) + ".data " + ts(25) + ".meta\n"
                + HASH + " " + ts(20) + ".ts\n"
                + TestNode.HASH_PATH.hex("a", "c", "other") + " " + ts(5) + ".ts\n";
        StringBuilder answer = new StringBuilder();
        assertThat(call(source, "SSYNC", "/d1/" + PART, offer.getBytes(), answer).status()).isEqualTo(200);
        assertThat(answer.toString().split("\n")).containsExactlyInAnyOrder(
                HASH + " " + ts(25) + ".meta",
                HASH + " " + ts(20) + ".ts", // a tombstone wins a tie
                TestNode.HASH_PATH.hex("a", "c", "other") + " " + ts(5) + ".ts");
        assertThat(call(source, "SSYNC", "/d1/" + PART, (HASH + " ../x.data\n").getBytes(), null).status())
                .isEqualTo(400);
        assertThat(call(source, "SSYNC", "/d1/" + PART, ("nothex " + ts(1) + ".data\n").getBytes(), null).status())
                .isEqualTo(400);
        assertThat(call(source, "SSYNC", "/d1/" + PART, (HASH + " 1.0.data\n").getBytes(), null).status())
                .isEqualTo(400);
    }

    private byte[] storedFile(String name) throws Exception {
        return Files.readAllBytes(hashDir(source).resolve(name));
    }

    private RawHttp.Head push(TestNode n, String name, byte[] file, long bodyLength) throws Exception {
        return call(n, "SSYNC", "/d1/" + PART + "/" + HASH + "/" + name, file, null,
                "X-Backend-Body-Length", Long.toString(bodyLength));
    }

    @Test
    void aPushedFileIsStoredOnceAndNeverOverANewerOne() throws Exception {
        assertThat(source.client.put(OBJ, "version one".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b",
                "X-Object-Meta-Color", "red").statusCode()).isEqualTo(201);
        byte[] v1 = storedFile(ts(1) + ".data");

        assertThat(push(target, ts(1) + ".data", v1, 11).status()).isEqualTo(201);
        var get = target.client.get(OBJ);
        assertThat(new String(get.body())).isEqualTo("version one");
        assertThat(get.headers().firstValue("X-Object-Meta-Color")).hasValue("red");
        assertThat(Files.readAllBytes(hashDir(target).resolve(ts(1) + ".data"))).isEqualTo(v1);
        assertThat(push(target, ts(1) + ".data", v1, 11).status()).isEqualTo(409);

        assertThat(target.client.delete(OBJ, "X-Timestamp", ts(5)).statusCode()).isEqualTo(204);
        RawHttp.Head older = push(target, ts(1) + ".data", v1, 11);
        assertThat(older.status()).isEqualTo(409);
        assertThat(older.header("X-Backend-Timestamp")).isEqualTo(ts(5));
        assertThat(Files.list(hashDir(target)).map(p -> p.getFileName().toString())).containsExactly(ts(5) + ".ts");
        assertThat(tmpFiles(target)).isZero();
    }

    @Test
    void anUnsoundCopyIsRefusedAndLeavesNothing() throws Exception {
        assertThat(source.client.put(OBJ, "version one".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b")
                .statusCode()).isEqualTo(201);
        byte[] v1 = storedFile(ts(1) + ".data");
        byte[] flipped = v1.clone();
        flipped[2] ^= 1;
        assertThat(push(target, ts(1) + ".data", flipped, 11).status()).isEqualTo(422);
        byte[] badTrailer = v1.clone();
        badTrailer[v1.length - 20] ^= 1;
        assertThat(push(target, ts(1) + ".data", badTrailer, 11).status()).isEqualTo(422);
        assertThat(push(target, ts(2) + ".data", v1, 11).status()).as("a name that is not its timestamp")
                .isEqualTo(422);
        assertThat(push(target, ts(1) + ".data", v1, 10).status()).as("a wrong body length").isEqualTo(422);
        assertThat(push(target, ts(1) + ".data", v1, v1.length).status()).isEqualTo(400);
        assertThat(push(target, "x.data", v1, 11).status()).isEqualTo(400);
        assertThat(call(target, "SSYNC", "/d1/" + PART + "/" + HASH + "/" + ts(1) + ".data", v1, null).status())
                .as("no X-Backend-Body-Length").isEqualTo(400);
        assertThat(target.client.get(OBJ).statusCode()).isEqualTo(404);
        assertThat(hashDir(target)).doesNotExist();
        assertThat(tmpFiles(target)).isZero();
    }

    private static long tmpFiles(TestNode n) throws Exception {
        Path tmp = n.devices.resolve("d1").resolve("tmp");
        if (!Files.exists(tmp)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(tmp)) {
            return s.count();
        }
    }
}
