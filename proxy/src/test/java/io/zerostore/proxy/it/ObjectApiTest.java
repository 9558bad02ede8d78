package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.proxy.testkit.RawHttp;
import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.SwiftClient.Res;
import io.zerostore.proxy.testkit.TestCluster;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Objects through the proxy against a real 3-node cluster: Swift's statuses, headers and bodies. */
@Timeout(120)
class ObjectApiTest {
    static TestCluster cluster;
    static SwiftClient s;
    static String path;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.start(3);
        s = cluster.client().login("test:tester", "testing");
        assertThat(s.call("PUT", "/c").status()).isEqualTo(201);
        path = "/v1/AUTH_test";
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    @Test
    void putGetHeadDelete() throws Exception {
        Res put = s.call("PUT", "/c/hello.txt", bytes("hello world"), "X-Object-Meta-Color", "blue");
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Etag")).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
        assertThat(put.header("Last-Modified")).endsWith(" GMT");
        assertThat(put.header("X-Timestamp")).isNull();
        assertThat(put.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(put.header("X-Trans-Id")).matches("tx[0-9a-f]{21}-[0-9a-f]{10}");
        assertThat(put.header("X-Openstack-Request-Id")).isEqualTo(put.header("X-Trans-Id"));

        Res get = s.call("GET", "/c/hello.txt");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo("hello world");
        assertThat(get.header("Content-Type")).isEqualTo("text/plain");
        assertThat(get.header("X-Object-Meta-Color")).isEqualTo("blue");
        assertThat(get.header("Etag")).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
        assertThat(get.header("X-Timestamp")).matches("\\d{10}\\.\\d{5}");
        assertThat(get.header("Accept-Ranges")).isEqualTo("bytes");

        RawHttp.Response head = RawHttp.exchange(cluster.proxyPort(), "HEAD " + path + "/c/hello.txt HTTP/1.1\r\n"
                + "Host: x\r\nX-Auth-Token: " + s.token(), null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("11");
        assertThat(head.names()).contains("Etag", "X-Object-Meta-Color", "Last-Modified", "X-Timestamp",
                "X-Trans-Id", "X-Openstack-Request-Id", "Date", "Content-Length", "Content-Type");
        assertThat(head.names()).noneMatch(n -> n.toLowerCase().startsWith("x-backend"));

        assertThat(s.call("DELETE", "/c/hello.txt").status()).isEqualTo(204);
        Res gone = s.call("GET", "/c/hello.txt");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
        Res again = s.call("DELETE", "/c/hello.txt");
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void zeroByteObjectAndMismatchedEtag() throws Exception {
        Res empty = s.call("PUT", "/c/empty", new byte[0]);
        assertThat(empty.status()).isEqualTo(201);
        assertThat(empty.header("Etag")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        Res get = s.call("GET", "/c/empty");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Length")).isEqualTo("0");

        Res bad = s.call("PUT", "/c/etag", bytes("abc"), "Etag", "00000000000000000000000000000000");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text()).isEqualTo("<html><h1>Unprocessable Entity</h1><p>Unable to process the contained "
                + "instructions</p></html>");
        assertThat(bad.header("Last-Modified")).isNotNull();
        assertThat(s.call("HEAD", "/c/etag").status()).isEqualTo(404);
        Res good = s.call("PUT", "/c/etag", bytes("abc"), "Etag", "\"" + md5(bytes("abc")) + "\"");
        assertThat(good.status()).isEqualTo(201);
    }

    @Test
    void contentTypeIsGuessedOrDetected() throws Exception {
        s.call("PUT", "/c/o2.json", bytes("{}"));
        assertThat(s.call("HEAD", "/c/o2.json").header("Content-Type")).isEqualTo("application/json");
        s.call("PUT", "/c/noext", bytes("x"));
        assertThat(s.call("HEAD", "/c/noext").header("Content-Type")).isEqualTo("application/octet-stream");
        s.call("PUT", "/c/pic.png", bytes("x"), "Content-Type", "text/plain", "X-Detect-Content-Type", "true");
        assertThat(s.call("HEAD", "/c/pic.png").header("Content-Type")).isEqualTo("image/png");
        s.call("PUT", "/c/typed.png", bytes("x"), "Content-Type", "text/x-mine;charset=utf-8");
        assertThat(s.call("HEAD", "/c/typed.png").header("Content-Type")).isEqualTo("text/x-mine;charset=utf-8");
        Res reserved = s.call("PUT", "/c/t", bytes("x"), "Content-Type", "text/plain; swift_bytes=1");
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.text()).isEqualTo("Invalid Content-Type, swift_* is not a valid parameter name.");
    }

    @Test
    void postReplacesAllUserMetadata() throws Exception {
        s.call("PUT", "/c/meta", bytes("data"), "X-Object-Meta-A", "1", "X-Object-Meta-B", "2");
        Res post = s.call("POST", "/c/meta", "X-Object-Meta-C", "3", "Content-Type", "text/x-new");
        assertThat(post.status()).isEqualTo(202);
        Res head = s.call("HEAD", "/c/meta");
        assertThat(head.header("X-Object-Meta-C")).isEqualTo("3");
        assertThat(head.header("X-Object-Meta-A")).isNull();
        assertThat(head.header("Content-Type")).isEqualTo("text/x-new");
        assertThat(head.header("Etag")).isEqualTo(md5(bytes("data")));
        assertThat(s.call("POST", "/c/missing", "X-Object-Meta-C", "3").status()).isEqualTo(404);
    }

    @Test
    void rangesAndConditionalsAreRelayedFromTheObjectServer() throws Exception {
        s.call("PUT", "/c/r.txt", bytes("hello world"));
        Res part = s.call("GET", "/c/r.txt", "Range", "bytes=0-4");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.text()).isEqualTo("hello");
        assertThat(part.header("Content-Range")).isEqualTo("bytes 0-4/11");
        Res suffix = s.call("GET", "/c/r.txt", "Range", "bytes=-5");
        assertThat(suffix.text()).isEqualTo("world");
        Res multi = s.call("GET", "/c/r.txt", "Range", "bytes=0-1,4-5");
        assertThat(multi.status()).isEqualTo(206);
        assertThat(multi.header("Content-Type")).startsWith("multipart/byteranges;boundary=");
        assertThat(s.call("GET", "/c/r.txt", "Range", "bytes=20-30").status()).isEqualTo(416);
        String etag = md5(bytes("hello world"));
        assertThat(s.call("GET", "/c/r.txt", "If-None-Match", etag).status()).isEqualTo(304);
        Res pre = s.call("GET", "/c/r.txt", "If-Match", "nope");
        assertThat(pre.status()).isEqualTo(412);
        assertThat(pre.body()).isEmpty();
        assertThat(s.call("GET", "/c/r.txt", "If-Match", "\"" + etag + "\"").status()).isEqualTo(200);
        assertThat(s.call("GET", "/c/r.txt", "If-Modified-Since", "Wed, 01 Jan 2100 00:00:00 GMT").status())
                .isEqualTo(304);
        assertThat(s.call("GET", "/c/r.txt", "If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:01 GMT").status())
                .isEqualTo(412);
    }

    @Test
    void ifNoneMatchStarRefusesAnOverwrite() throws Exception {
        assertThat(s.call("PUT", "/c/once", bytes("1"), "If-None-Match", "*").status()).isEqualTo(201);
        assertThat(s.call("PUT", "/c/once", bytes("2"), "If-None-Match", "*").status()).isEqualTo(412);
        Res bad = s.call("PUT", "/c/once", bytes("2"), "If-None-Match", "abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).isEqualTo("If-None-Match only supports *");
        assertThat(s.call("GET", "/c/once").text()).isEqualTo("1");
    }

    @Test
    void clientTimestampsAreIgnored() throws Exception {
        Res put = s.call("PUT", "/c/ts", bytes("x"), "X-Timestamp", "1000000000.00000");
        assertThat(put.status()).isEqualTo(201);
        double ts = Double.parseDouble(s.call("HEAD", "/c/ts").header("X-Timestamp"));
        assertThat(ts).isGreaterThan(1.7e9);
        assertThat(s.call("PUT", "/c/ts2", bytes("x"), "X-Timestamp", "abc").status()).isEqualTo(201);
    }

    @Test
    void sysmetaFromClientsIsDropped() throws Exception {
        s.call("PUT", "/c/sys", bytes("x"), "X-Object-Sysmeta-Secret", "1", "X-Backend-Thing", "2");
        Res head = s.call("HEAD", "/c/sys");
        assertThat(head.header("X-Object-Sysmeta-Secret")).isNull();
    }

    @Test
    void constraintErrorsAreSwifts() throws Exception {
        Res longName = s.call("PUT", "/c/" + "o".repeat(1025), bytes("x"));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.text()).isEqualTo("Object name length of 1025 longer than 1024");
        assertThat(longName.header("Content-Type")).isEqualTo("text/plain");
        assertThat(s.call("PUT", "/c/" + "o".repeat(1024), bytes("x")).status()).isEqualTo(201);

        Res meta = s.call("PUT", "/c/m", bytes("x"), "X-Object-Meta-" + "n".repeat(129), "v");
        assertThat(meta.status()).isEqualTo(400);
        assertThat(meta.text()).startsWith("Metadata name too long: x-object-meta-N");

        RawHttp.Response noLength = RawHttp.exchange(cluster.proxyPort(), "PUT " + path + "/c/nolen HTTP/1.1\r\nHost: x\r\n"
                + "X-Auth-Token: " + s.token(), null);
        assertThat(noLength.status()).isEqualTo(411);
        assertThat(noLength.text()).isEqualTo("Missing Content-Length header.");

        RawHttp.Response big = RawHttp.exchange(cluster.proxyPort(), "PUT " + path + "/c/big HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 5368709123\r\nX-Auth-Token: " + s.token(), null);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.text()).isEqualTo("Your request is too large.");

        RawHttp.Response gzip = RawHttp.exchange(cluster.proxyPort(), "PUT " + path + "/c/te HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: gzip\r\nX-Auth-Token: " + s.token(), null);
        // Netty's decoder refuses it before the proxy sees it: Swift's status, but an empty body
        assertThat(gzip.status()).isEqualTo(400);

        RawHttp.Response badUtf8 = RawHttp.exchange(cluster.proxyPort(), "GET " + path + "/c/%ff HTTP/1.1\r\nHost: x\r\n"
                + "X-Auth-Token: " + s.token(), null);
        assertThat(badUtf8.status()).isEqualTo(412);
        assertThat(badUtf8.text()).isEqualTo("Invalid UTF8 or contains NULL");
        assertThat(RawHttp.exchange(cluster.proxyPort(), "GET " + path + "/c/a%00b HTTP/1.1\r\nHost: x", null)
                .status()).isEqualTo(412);

        Res delAt = s.call("PUT", "/c/exp", bytes("x"), "X-Delete-At", "1000");
        assertThat(delAt.status()).isEqualTo(400);
        assertThat(delAt.text()).isEqualTo("X-Delete-At in past");
        assertThat(s.call("PUT", "/no-such-container/o", bytes("x")).status()).isEqualTo(404);
    }

    @Test
    void chunkedUploadAndUtf8Names() throws Exception {
        String name = "/c/sp%20ace/%C3%BC";
        String chunked = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        RawHttp.Response r = RawHttp.exchange(cluster.proxyPort(), "PUT " + path + name + " HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nX-Auth-Token: " + s.token(), bytes(chunked));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Etag")).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
        assertThat(s.call("GET", name).text()).isEqualTo("hello world");
    }

    @Test
    void deleteAfterExpiresTheObject() throws Exception {
        // X-Delete-At = int(now + after): at least after - 1 seconds of life
        assertThat(s.call("PUT", "/c/expiring", bytes("x"), "X-Delete-After", "3").status()).isEqualTo(201);
        String at = s.call("HEAD", "/c/expiring").header("X-Delete-At");
        assertThat(at).matches("\\d{10}");
        long waitMillis = Long.parseLong(at) * 1000 - System.currentTimeMillis() + 200;
        Thread.sleep(Math.max(0, waitMillis));
        assertThat(s.call("GET", "/c/expiring").status()).isEqualTo(404);
    }
}
