package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.proxy.testkit.RawHttp;
import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.SwiftClient.Res;
import io.zerostore.proxy.testkit.TestCluster;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Client-visible details where the differential conformance run ({@code bench/conformance})
 * found Zerostore answering differently from Swift 2.30; each test pins Swift's probed answer.
 */
@Timeout(120)
class SwiftConformanceTest {
    static TestCluster cluster;
    static SwiftClient s;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.start(3, "\n[storage-policy:0]\nname = gold\naliases = yellow\n");
        s = cluster.client().login("test:tester", "testing");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static RawHttp.Response raw(String head) throws Exception {
        return RawHttp.exchange(cluster.proxyPort(), head + "\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + s.token(), null);
    }

    private static String path(String rel) {
        return s.storageUrl().substring(cluster.url().length()) + rel;
    }

    @Test
    void containersReportTheConfiguredPolicyAndAcceptRanges() throws Exception {
        assertThat(s.call("PUT", "/pol", "X-Storage-Policy", "GOLD").status()).isEqualTo(201);
        assertThat(s.call("PUT", "/pol2", "X-Storage-Policy", "yellow").status()).isEqualTo(201);
        assertThat(s.call("PUT", "/pol3", "X-Storage-Policy", "").status()).isEqualTo(201);
        Res bad = s.call("PUT", "/pol4", "X-Storage-Policy", "nope");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).isEqualTo("Invalid X-Storage-Policy 'nope'");

        RawHttp.Response head = raw("HEAD " + path("/pol") + " HTTP/1.1");
        assertThat(head.status()).isEqualTo(204);
        assertThat(head.header("X-Storage-Policy")).isEqualTo("gold");
        assertThat(head.header("Accept-Ranges")).isEqualTo("bytes");
        // a 204 says Content-Length: 0, as Swift's server writes it
        assertThat(head.header("Content-Length")).isEqualTo("0");

        Res account = s.call("HEAD", "");
        assertThat(account.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(account.header("X-Account-Storage-Policy-Gold-Container-Count"))
                .isEqualTo(account.header("X-Account-Container-Count"));
        assertThat(account.header("X-Account-Storage-Policy-Gold-Bytes-Used")).isNotNull();
        Res info = cluster.client().raw("GET", "/info", null);
        assertThat(info.text()).contains("\"policies\":[{\"name\":\"gold\",\"aliases\":\"gold, yellow\",\"default\":true}]")
                .doesNotContain("valid_api_versions");
    }

    @Test
    void deletedAccountAnswersWithoutBodies() throws Exception {
        SwiftClient admin = cluster.client().login("admin:admin", "admin");
        String acct = "/v1/AUTH_gone";
        assertThat(admin.withStorageUrl(cluster.url() + acct).call("PUT", "").status()).isEqualTo(201);
        SwiftClient gone = admin.withStorageUrl(cluster.url() + acct);
        assertThat(gone.call("DELETE", "").status()).isEqualTo(204);
        Res get = gone.call("GET", "");
        assertThat(get.status()).isEqualTo(410);
        assertThat(get.body()).isEmpty();
        assertThat(get.header("X-Account-Status")).isEqualTo("Deleted");
        Res post = gone.call("POST", "", "X-Account-Meta-A", "b");
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).isEmpty();
        assertThat(post.header("X-Account-Status")).isEqualTo("Deleted");
        // an error with its own text keeps its length on HEAD
        Res longName = admin.withStorageUrl(cluster.url() + "/v1/AUTH_" + "a".repeat(300)).call("HEAD", "");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.header("Content-Length"))
                .isEqualTo(String.valueOf("Account name length of 305 longer than 256".length()));
    }

    @Test
    void listingParametersAreRefusedWhereSwiftRefusesThem() throws Exception {
        s.call("PUT", "/params");
        Res prefix = s.call("GET", "/params?prefix=%ff");
        assertThat(prefix.status()).isEqualTo(400);
        assertThat(prefix.header("Content-Type")).isEqualTo("text/plain");
        assertThat(prefix.text()).isEqualTo("\"prefix\" parameter not valid UTF-8");
        assertThat(s.call("HEAD", "/params?prefix=%ff").status()).isEqualTo(204);
        assertThat(s.call("HEAD", "/params?format=%ff").status()).isEqualTo(400);
        // a NUL is valid UTF-8: it just matches nothing
        assertThat(s.call("GET", "/params?prefix=%00").status()).isEqualTo(204);
        Res account = s.call("GET", "?marker=%ff");
        assertThat(account.status()).isEqualTo(400);
        assertThat(account.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
    }

    @Test
    void objectPostUpdatesTheListingAndItsContentTypeSticks() throws Exception {
        s.call("PUT", "/post");
        s.call("PUT", "/post/o", "abc".getBytes(), "Content-Type", "a/b");
        assertThat(s.call("POST", "/post/o", "Content-Type", "c/d").status()).isEqualTo(202);
        assertThat(s.call("GET", "/post?format=json").text()).contains("\"content_type\": \"c/d\"");
        assertThat(s.call("POST", "/post/o", "X-Object-Meta-A", "1").status()).isEqualTo(202);
        Res head = s.call("HEAD", "/post/o");
        assertThat(head.header("Content-Type")).isEqualTo("c/d");
        assertThat(head.header("X-Object-Meta-A")).isEqualTo("1");
        assertThat(s.call("GET", "/post?format=json").text()).contains("\"content_type\": \"c/d\"");
    }

    @Test
    void nonAsciiMetadataComesBackByteForByte() throws Exception {
        s.call("PUT", "/meta");
        // the header bytes are UTF-8, as curl sends what the shell gives it
        String utf8 = new String("blüe".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String name = new String("X-Object-Meta-üml".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        RawHttp.Response put = RawHttp.exchange(cluster.proxyPort(), "PUT " + path("/meta/o") + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nX-Auth-Token: " + s.token() + "\r\nContent-Length: 1\r\n"
                + "X-Object-Meta-Color: " + utf8 + "\r\n" + name + ": v", "x".getBytes());
        assertThat(put.status()).isEqualTo(201);
        RawHttp.Response head = raw("HEAD " + path("/meta/o") + " HTTP/1.1");
        assertThat(head.header("X-Object-Meta-Color")).isEqualTo(utf8);
        // title-cased as Swift does: the letter after the non-letter byte is upper case
        assertThat(head.header(new String("X-Object-Meta-üMl".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1))).isEqualTo("v");
    }

    @Test
    void infoAndTokenEndpointDetails() throws Exception {
        Res get = cluster.client().raw("GET", "/info", null);
        Res head = cluster.client().raw("HEAD", "/info", null);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().length));
        assertThat(cluster.client().raw("GET", "/info?swiftinfo_sig=x&swiftinfo_expires=1", null).status())
                .isEqualTo(403);
        Res post = cluster.client().raw("POST", "/auth/v1.0", null, "X-Auth-User", "test:tester",
                "X-Auth-Key", "testing");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isNull();
        // the method is checked before the path
        assertThat(cluster.client().raw("POST", "/auth/v2", null).status()).isEqualTo(405);
    }

    @Test
    void transferEncodingsLikeSwift() throws Exception {
        s.call("PUT", "/te");
        RawHttp.Response gzip = RawHttp.exchange(cluster.proxyPort(), "PUT " + path("/te/o") + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nX-Auth-Token: " + s.token() + "\r\nTransfer-Encoding: gzip", "abc".getBytes());
        assertThat(gzip.status()).isEqualTo(400);
        assertThat(gzip.header("Content-Type")).isEqualTo("text/plain");
        assertThat(gzip.text()).isEqualTo("Invalid Transfer-Encoding header value");
        assertThat(gzip.header("X-Trans-Id")).isNotNull();
        // chunked wins over a Content-Length
        RawHttp.Response both = RawHttp.exchange(cluster.proxyPort(), "PUT " + path("/te/o2") + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nX-Auth-Token: " + s.token() + "\r\nContent-Length: 3\r\n"
                + "Transfer-Encoding: chunked", "b\r\nhello world\r\n0\r\n\r\n".getBytes());
        assertThat(both.status()).isEqualTo(201);
        assertThat(s.call("GET", "/te/o2").text()).isEqualTo("hello world");
    }

    @Test
    void aSmallUnreadBodyKeepsTheConnection() throws Exception {
        try (Socket sock = new Socket("127.0.0.1", cluster.proxyPort())) {
            sock.setSoTimeout(30_000);
            OutputStream out = sock.getOutputStream();
            InputStream in = sock.getInputStream();
            String put = "PUT " + path("/no-such-container/o") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: "
                    + s.token() + "\r\nContent-Length: 5\r\n\r\nhello";
            out.write(put.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            RawHttp.Response refused = RawHttp.read(in, false);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.header("Connection")).isNull();
            out.write(("GET /healthcheck HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            RawHttp.Response next = RawHttp.read(in, false);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.text()).isEqualTo("OK");
        }
    }

    @Test
    void aClientThatStopsSendingGets499() throws Exception {
        s.call("PUT", "/short");
        try (Socket sock = new Socket("127.0.0.1", cluster.proxyPort())) {
            sock.setSoTimeout(30_000);
            OutputStream out = sock.getOutputStream();
            out.write(("PUT " + path("/short/o") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + s.token()
                    + "\r\nContent-Length: 100\r\n\r\nonly ten!!").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            sock.shutdownOutput();
            RawHttp.Response r = RawHttp.read(sock.getInputStream(), false);
            assertThat(r.status()).isEqualTo(499);
            assertThat(r.text()).contains("Client Disconnect");
        }
        assertThat(s.call("HEAD", "/short/o").status()).isEqualTo(404);
    }

    @Test
    void copyAndContainerHeadersLikeSwift() throws Exception {
        s.call("PUT", "/cp", "X-Versions-Location", "elsewhere");
        // without versioned writes Swift accepts and ignores the versions location
        assertThat(s.call("HEAD", "/cp").header("X-Versions-Location")).isNull();
        s.call("PUT", "/cp/src", "abc".getBytes(), "X-Object-Meta-Color", "blue");
        Res copy = s.call("PUT", "/cp/dst", new byte[0], "X-Copy-From", "cp/src", "X-Fresh-Metadata", "yes",
                "X-Object-Meta-Only", "me");
        assertThat(copy.status()).isEqualTo(201);
        Res dst = s.call("HEAD", "/cp/dst");
        assertThat(dst.header("X-Object-Meta-Color")).isNull();
        assertThat(dst.header("X-Object-Meta-Only")).isEqualTo("me");
    }
}
