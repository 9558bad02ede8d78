package io.zerostore.node.server;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.swift.HttpDate;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.testkit.TestNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Range and conditional GET/HEAD evaluated by the object server as Swift's proxy shows them. */
@Timeout(60)
class ObjectRangeConditionalTest {
    private static final String OBJ = "/d1/3/AUTH_test/c/hello";
    private static final String ETAG = "5eb63bbbe01eeed093cb22bb8f5acdc3";
    private static TestNode node;
    private static String lastModified;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start();
        HttpResponse<byte[]> put = node.client.put(OBJ, "hello world".getBytes(StandardCharsets.US_ASCII),
                "X-Timestamp", ts(10) + "", "Content-Type", "text/plain", "X-Object-Meta-Color", "blue");
        assertThat(put.statusCode()).isEqualTo(201);
        lastModified = HttpDate.format(Timestamp.parse(ts(10)).ceilSeconds());
        node.client.put("/d1/3/AUTH_test/c/empty", new byte[0], "X-Timestamp", ts(10), "Content-Type", "a/b");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static HttpResponse<byte[]> get(String... headers) throws Exception {
        return node.client.get(OBJ, headers);
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void singleRange() throws Exception {
        HttpResponse<byte[]> r = get("Range", "bytes=6-");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(body(r)).isEqualTo("world");
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 6-10/11");
        assertThat(r.headers().firstValue("Content-Length")).hasValue("5");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(body(get("Range", "bytes=-3"))).isEqualTo("rld");
        // one satisfiable range out of several is a plain 206
        HttpResponse<byte[]> one = get("Range", "bytes=50-60,0-1");
        assertThat(one.statusCode()).isEqualTo(206);
        assertThat(body(one)).isEqualTo("he");
        assertThat(one.headers().firstValue("Content-Range")).hasValue("bytes 0-1/11");
    }

    @Test
    void multipleRangesAreMultipartByteranges() throws Exception {
        HttpResponse<byte[]> r = get("Range", "bytes=0-1,4-5");
        assertThat(r.statusCode()).isEqualTo(206);
        String ct = r.headers().firstValue("Content-Type").orElseThrow();
        assertThat(ct).matches("multipart/byteranges;boundary=[0-9a-f]{32}");
        String b = ct.substring(ct.indexOf('=') + 1);
        String expected = "--" + b + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/11\r\n\r\nhe\r\n"
                + "--" + b + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 4-5/11\r\n\r\no \r\n"
                + "--" + b + "--";
        assertThat(body(r)).isEqualTo(expected);
        assertThat(r.headers().firstValue("Content-Length")).hasValue(Integer.toString(expected.length()));
        assertThat(r.headers().firstValue("Content-Range")).isEmpty();
    }

    @Test
    void unsatisfiableAndIgnoredRanges() throws Exception {
        HttpResponse<byte[]> r = get("Range", "bytes=20-30");
        assertThat(r.statusCode()).isEqualTo(416);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */11");
        assertThat(body(r)).isEqualTo("<html><h1>Requested Range Not Satisfiable</h1>"
                + "<p>The Range requested is not available.</p></html>");
        assertThat(r.headers().firstValue("Etag")).hasValue(ETAG);
        assertThat(get("Range", "bytes=0-10,1-9,2-8").statusCode()).isEqualTo(416);
        HttpResponse<byte[]> ignored = get("Range", "bytes=5-3");
        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(body(ignored)).isEqualTo("hello world");
        HttpResponse<byte[]> head = node.client.head(OBJ, "Range", "bytes=0-1");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("11");
        HttpResponse<byte[]> emptySuffix = node.client.get("/d1/3/AUTH_test/c/empty", "Range", "bytes=-5");
        assertThat(emptySuffix.statusCode()).isEqualTo(200);
        assertThat(emptySuffix.body()).isEmpty();
        assertThat(node.client.get("/d1/3/AUTH_test/c/empty", "Range", "bytes=0-5").statusCode()).isEqualTo(416);
    }

    @Test
    void notModifiedCarriesObjectHeadersAndNoBody() throws Exception {
        for (HttpResponse<byte[]> r : new HttpResponse[] {get("If-None-Match", ETAG),
                get("If-None-Match", "*", "Range", "bytes=0-1"), get("If-Modified-Since", lastModified),
                node.client.head(OBJ, "If-None-Match", "\"" + ETAG + "\"")}) {
            assertThat(r.statusCode()).isEqualTo(304);
            assertThat(r.body()).isEmpty();
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
            assertThat(r.headers().firstValue("Etag")).hasValue(ETAG);
            assertThat(r.headers().firstValue("X-Object-Meta-Color")).hasValue("blue");
            assertThat(r.headers().firstValue("Last-Modified")).hasValue(lastModified);
            assertThat(r.headers().firstValue("X-Timestamp")).isPresent();
            assertThat(r.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        }
    }

    @Test
    void preconditionFailedIsEmptyHtml() throws Exception {
        for (HttpResponse<byte[]> r : new HttpResponse[] {get("If-Match", "nope"),
                get("If-Match", "nope", "Range", "bytes=0-1"),
                get("If-Unmodified-Since", "Thu, 01 Jan 2015 00:00:00 GMT")}) {
            assertThat(r.statusCode()).isEqualTo(412);
            assertThat(r.body()).isEmpty();
            assertThat(r.headers().firstValue("Content-Length")).hasValue("0");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
            assertThat(r.headers().firstValue("Etag")).hasValue(ETAG);
            assertThat(r.headers().firstValue("X-Object-Meta-Color")).hasValue("blue");
            assertThat(r.headers().firstValue("Accept-Ranges")).isEmpty();
        }
        assertThat(get("If-Match", ETAG).statusCode()).isEqualTo(200);
        assertThat(get("If-Match", "*").statusCode()).isEqualTo(200);
        assertThat(get("If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT").statusCode()).isEqualTo(200);
        assertThat(node.client.get("/d1/3/AUTH_test/c/missing", "If-Match", "*").statusCode()).isEqualTo(412);
        assertThat(node.client.get("/d1/3/AUTH_test/c/missing", "If-None-Match", "*").statusCode()).isEqualTo(404);
    }

    @Test
    void putIfNoneMatchStarOnExistingObjectIs412() throws Exception {
        HttpResponse<byte[]> r = node.client.put(OBJ, "x".getBytes(), "X-Timestamp", ts(20), "Content-Type", "a/b",
                "If-None-Match", "*");
        assertThat(r.statusCode()).isEqualTo(412);
        assertThat(body(get())).isEqualTo("hello world");
        assertThat(node.client.put("/d1/3/AUTH_test/c/new", "x".getBytes(), "X-Timestamp", ts(20),
                "Content-Type", "a/b", "If-None-Match", "*").statusCode()).isEqualTo(201);
    }
}
