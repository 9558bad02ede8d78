package io.zerostore.node.server;

import static io.zerostore.node.testkit.TestTimes.absolute;
import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.metrics.Metrics;
import io.zerostore.common.swift.HashPath;
import io.zerostore.node.testkit.TestNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Round trips of the backend object API over real HTTP against real files. */
@Timeout(60)
class ObjectServerTest {
    private static final String OBJ = "/d1/7/AUTH_test/c/o/with%20space";
    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        node = TestNode.start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    static String md5(byte[] b) {
        return HexFormat.of().formatHex(HashPath.md5().digest(b));
    }

    private Path hashDir() {
        String hash = new HashPath("test-prefix", "test-suffix").hex("AUTH_test", "c", "o/with space");
        return node.devices.resolve("d1/objects/7").resolve(hash.substring(29)).resolve(hash);
    }

    @Test
    void putThenGetHeadReturnsBodyAndMetadata() throws Exception {
        byte[] body = "hello world".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> put = node.client.put(OBJ, body, "X-Timestamp", absolute(1700000000),
                "Content-Type", "text/plain", "X-Object-Meta-Color", "blue", "Content-Disposition", "inline",
                "X-Object-Sysmeta-Secret", "s", "X-Unrelated", "dropped");
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Etag")).hasValue(md5(body));

        HttpResponse<byte[]> get = node.client.get(OBJ);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(body);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(get.headers().firstValue("Etag")).hasValue(md5(body));
        assertThat(get.headers().firstValue("X-Object-Meta-Color")).hasValue("blue");
        assertThat(get.headers().firstValue("Content-Disposition")).hasValue("inline");
        assertThat(get.headers().firstValue("X-Object-Sysmeta-Secret")).hasValue("s");
        assertThat(get.headers().firstValue("X-Unrelated")).isEmpty();
        assertThat(get.headers().firstValue("X-Timestamp")).hasValue("1700000000.00000");
        assertThat(get.headers().firstValue("Last-Modified")).hasValue("Tue, 14 Nov 2023 22:13:20 GMT");
        assertThat(get.headers().firstValue("Accept-Ranges")).hasValue("bytes");

        HttpResponse<byte[]> head = node.client.head(OBJ);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("11");
        assertThat(head.body()).isEmpty();

        try (Stream<Path> files = Files.list(hashDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(absolute(1700000000) + ".data");
        }
        assertThat(Metrics.registry().find("zerostore.object.requests").tags("method", "PUT", "status", "201")
                .timer()).isNotNull();
    }

    @Test
    void newestTimestampWinsAndOlderFilesAreCleanedUp() throws Exception {
        assertThat(node.client.put(OBJ, "v1".getBytes(), "X-Timestamp", ts(1000), "Content-Type", "a/b")
                .statusCode()).isEqualTo(201);
        assertThat(node.client.put(OBJ, "v2".getBytes(), "X-Timestamp", ts(2000), "Content-Type", "a/b")
                .statusCode()).isEqualTo(201);
        HttpResponse<byte[]> older = node.client.put(OBJ, "v0".getBytes(), "X-Timestamp", ts(1500),
                "Content-Type", "a/b");
        assertThat(older.statusCode()).isEqualTo(409);
        assertThat(older.headers().firstValue("X-Backend-Timestamp")).hasValue(ts(2000));
        assertThat(node.client.put(OBJ, "v2b".getBytes(), "X-Timestamp", ts(2000), "Content-Type", "a/b")
                .statusCode()).isEqualTo(409);
        assertThat(new String(node.client.get(OBJ).body())).isEqualTo("v2");
        try (Stream<Path> files = Files.list(hashDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(ts(2000) + ".data");
        }
    }

    @Test
    void postReplacesUserMetadataAndKeepsData() throws Exception {
        node.client.put(OBJ, "data".getBytes(), "X-Timestamp", ts(1000), "Content-Type", "text/plain",
                "X-Object-Meta-A", "1", "X-Object-Meta-B", "2", "X-Object-Sysmeta-S", "kept");
        HttpResponse<byte[]> post = node.client.post(OBJ, "X-Timestamp", ts(1100), "X-Object-Meta-C", "3",
                "Content-Type", "application/json");
        assertThat(post.statusCode()).isEqualTo(202);
        assertThat(new String(post.body())).isEqualTo(
                "<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>");
        HttpResponse<byte[]> get = node.client.get(OBJ);
        assertThat(get.body()).isEqualTo("data".getBytes());
        assertThat(get.headers().firstValue("X-Object-Meta-A")).isEmpty();
        assertThat(get.headers().firstValue("X-Object-Meta-C")).hasValue("3");
        assertThat(get.headers().firstValue("X-Object-Sysmeta-S")).hasValue("kept");
        assertThat(get.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(get.headers().firstValue("Etag")).hasValue(md5("data".getBytes()));
        assertThat(get.headers().firstValue("X-Timestamp")).hasValue(ts(1100));
        assertThat(get.headers().firstValue("X-Backend-Data-Timestamp")).hasValue(ts(1000));

        HttpResponse<byte[]> stale = node.client.post(OBJ, "X-Timestamp", ts(1050));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("X-Backend-Timestamp")).hasValue(ts(1100));
        assertThat(node.client.post("/d1/7/AUTH_test/c/missing", "X-Timestamp", ts(1100)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void deleteWritesTombstoneWithSwiftStatuses() throws Exception {
        HttpResponse<byte[]> missing = node.client.delete(OBJ, "X-Timestamp", ts(500));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Backend-Timestamp")).hasValue(ts(500));

        node.client.put(OBJ, "x".getBytes(), "X-Timestamp", ts(1000), "Content-Type", "a/b");
        HttpResponse<byte[]> older = node.client.delete(OBJ, "X-Timestamp", ts(900));
        assertThat(older.statusCode()).isEqualTo(409);
        assertThat(older.headers().firstValue("X-Backend-Timestamp")).hasValue(ts(1000));

        HttpResponse<byte[]> del = node.client.delete(OBJ, "X-Timestamp", ts(2000));
        assertThat(del.statusCode()).isEqualTo(204);
        assertThat(del.body()).isEmpty();

        HttpResponse<byte[]> get = node.client.get(OBJ);
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.headers().firstValue("X-Backend-Timestamp")).hasValue(ts(2000));
        HttpResponse<byte[]> head = node.client.head(OBJ);
        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("0");
        assertThat(head.headers().firstValue("X-Backend-Timestamp")).hasValue(ts(2000));
        assertThat(node.client.head("/nodev/1/a/c/o").headers().firstValue("Content-Length")).hasValue("0");
        assertThat(node.client.put(OBJ, "y".getBytes(), "X-Timestamp", ts(1999), "Content-Type", "a/b")
                .statusCode()).isEqualTo(409);
        assertThat(node.client.delete(OBJ, "X-Timestamp", ts(2001)).statusCode()).isEqualTo(404);
        try (Stream<Path> files = Files.list(hashDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(ts(2001) + ".ts");
        }
        assertThat(node.client.put(OBJ, "z".getBytes(), "X-Timestamp", ts(3000), "Content-Type", "a/b")
                .statusCode()).isEqualTo(201);
        assertThat(node.client.get(OBJ).body()).isEqualTo("z".getBytes());
    }

    @Test
    void emptyObjectAndChunkedUpload() throws Exception {
        HttpResponse<byte[]> put = node.client.put(OBJ, new byte[0], "X-Timestamp", ts(1000), "Content-Type", "a/b");
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Etag")).hasValue("d41d8cd98f00b204e9800998ecf8427e");
        HttpResponse<byte[]> get = node.client.get(OBJ);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Length")).hasValue("0");

        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(1).nextBytes(big);
        var req = node.client.request(OBJ).header("X-Timestamp", ts(2000)).header("Content-Type", "a/b")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));
        HttpResponse<byte[]> chunked = node.client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(chunked.statusCode()).isEqualTo(201);
        assertThat(chunked.headers().firstValue("Etag")).hasValue(md5(big));
        assertThat(md5(node.client.get(OBJ).body())).isEqualTo(md5(big));
    }

    @Test
    void badRequestsGetSwiftStatuses() throws Exception {
        assertThat(node.client.put(OBJ, "x".getBytes(), "Content-Type", "a/b").statusCode()).isEqualTo(400);
        assertThat(node.client.put(OBJ, "x".getBytes(), "X-Timestamp", ts(1)).statusCode()).isEqualTo(400);
        assertThat(node.client.put("/d1/notint/a/c/o", "x".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b")
                .statusCode()).isEqualTo(400);
        assertThat(node.client.get("/d1/1/a/c").statusCode()).isEqualTo(400);
        HttpResponse<byte[]> noDevice = node.client.put("/nodev/1/a/c/o", "x".getBytes(), "X-Timestamp", ts(1),
                "Content-Type", "a/b");
        assertThat(noDevice.statusCode()).isEqualTo(507);
        assertThat(new String(noDevice.body())).contains("Drive: nodev");
        assertThat(node.client.get("/nodev/1/a/c/o").statusCode()).isEqualTo(507);
        assertThat(node.client.put(OBJ, "x".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b",
                "X-Delete-At", "12").statusCode()).isEqualTo(400);
        assertThat(node.client.send("PATCH", OBJ, null).statusCode()).isEqualTo(405);
        HttpResponse<byte[]> health = node.client.get("/healthcheck");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new String(health.body())).isEqualTo("OK");
        HttpResponse<byte[]> recon = node.client.get("/recon/diskusage");
        assertThat(recon.statusCode()).isEqualTo(200);
        assertThat(new String(recon.body())).contains("\"device\":\"d1\"", "\"mounted\":true");
        assertThat(node.objectServer.pipelineNames()).containsExactly("healthcheck", "recon");
    }
}
