package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.proxy.testkit.RawHttp;
import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.SwiftClient.Res;
import io.zerostore.proxy.testkit.TestCluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Containers and accounts through the proxy against a real 3-node cluster. */
@Timeout(120)
class ContainerAccountApiTest {
    static TestCluster cluster;
    static SwiftClient s;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.start(3);
        s = cluster.client().login("test:tester", "testing");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void newAccountIsSynthesizedUntilItsFirstContainer() throws Exception {
        SwiftClient t2 = cluster.client().login("test2:tester2", "testing2");
        Res head = t2.call("HEAD", "");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("X-Account-Container-Count")).isEqualTo("0");
        assertThat(head.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(t2.call("GET", "").status()).isEqualTo(204);
        Res json = t2.call("GET", "?format=json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text()).isEqualTo("[]");
        assertThat(json.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(t2.call("GET", "", "Accept", "image/png").status()).isEqualTo(406);

        assertThat(t2.call("PUT", "/first").status()).isEqualTo(201);
        Res after = t2.call("HEAD", "");
        assertThat(after.status()).isEqualTo(204);
        assertThat(after.header("X-Put-Timestamp")).isNull();
        assertThat(t2.call("GET", "").text()).isEqualTo("first\n");
    }

    @Test
    void containerLifecycle() throws Exception {
        Res created = s.call("PUT", "/life", "X-Container-Meta-Color", "red");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        Res again = s.call("PUT", "/life");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text()).isEqualTo("<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>");

        RawHttp.Response head = RawHttp.exchange(cluster.proxyPort(), "HEAD /v1/AUTH_test/life HTTP/1.1\r\nHost: x\r\n"
                + "X-Auth-Token: " + s.token(), null);
        assertThat(head.status()).isEqualTo(204);
        assertThat(head.header("X-Container-Meta-Color")).isEqualTo("red");
        assertThat(head.header("X-Container-Object-Count")).isEqualTo("0");
        assertThat(head.header("X-Storage-Policy")).isEqualTo("Policy-0");
        // Swift also sends Content-Length: 0 here; Netty drops it from every 204 (RFC 7230 3.3.2)
        assertThat(head.header("Connection")).isEqualTo("close");

        assertThat(s.call("POST", "/life", "X-Container-Meta-Size", "big", "X-Remove-Container-Meta-Color", "x")
                .status()).isEqualTo(204);
        Res meta = s.call("HEAD", "/life");
        assertThat(meta.header("X-Container-Meta-Size")).isEqualTo("big");
        assertThat(meta.header("X-Container-Meta-Color")).isNull();

        s.call("PUT", "/life/a/b", "x".getBytes(StandardCharsets.UTF_8));
        s.call("PUT", "/life/b", "y".getBytes(StandardCharsets.UTF_8));
        assertThat(s.call("GET", "/life").text()).isEqualTo("a/b\nb\n");
        assertThat(s.call("GET", "/life?delimiter=/").text()).isEqualTo("a/\nb\n");
        Res json = s.call("GET", "/life?format=json&prefix=a");
        assertThat(json.text()).startsWith("[{\"bytes\": 1, \"hash\": ").contains("\"name\": \"a/b\"");
        assertThat(s.call("GET", "/life?limit=10001").status()).isEqualTo(412);

        Res conflict = s.call("DELETE", "/life");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text()).isEqualTo("<html><h1>Conflict</h1><p>There was a conflict when trying to "
                + "complete your request.</p></html>");
        s.call("DELETE", "/life/a/b");
        s.call("DELETE", "/life/b");
        assertThat(s.call("DELETE", "/life").status()).isEqualTo(204);
        assertThat(s.call("DELETE", "/life").status()).isEqualTo(404);
        assertThat(s.call("HEAD", "/life").status()).isEqualTo(404);
        assertThat(s.call("POST", "/life", "X-Container-Meta-A", "b").status()).isEqualTo(404);
    }

    @Test
    void containerConstraints() throws Exception {
        Res longName = s.call("PUT", "/" + "c".repeat(257));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.text()).isEqualTo("Container name length of 257 longer than 256");
        assertThat(longName.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(s.call("PUT", "/" + "c".repeat(256)).status()).isEqualTo(201);
        Res policy = s.call("PUT", "/pol", "X-Storage-Policy", "nope");
        assertThat(policy.status()).isEqualTo(400);
        assertThat(policy.text()).isEqualTo("Invalid X-Storage-Policy 'nope'");
        Res acl = s.call("PUT", "/acl", "X-Container-Write", ".r:*");
        assertThat(acl.status()).isEqualTo(400);
        assertThat(acl.text()).isEqualTo("Referrers not allowed in write ACL: '.r:*'");
    }

    @Test
    void accountMetadataAndManagement() throws Exception {
        assertThat(s.call("POST", "", "X-Account-Meta-Owner", "me").status()).isEqualTo(204);
        assertThat(s.call("HEAD", "").header("X-Account-Meta-Owner")).isEqualTo("me");
        assertThat(s.call("POST", "", "X-Remove-Account-Meta-Owner", "x").status()).isEqualTo(204);
        assertThat(s.call("HEAD", "").header("X-Account-Meta-Owner")).isNull();

        // an account admin may not create or delete accounts; the reseller admin may
        assertThat(s.call("PUT", "").status()).isEqualTo(403);
        SwiftClient admin = cluster.client().login("admin:admin", "admin");
        SwiftClient other = admin.withStorageUrl(cluster.url() + "/v1/AUTH_made");
        assertThat(other.call("PUT", "").status()).isEqualTo(201);
        assertThat(other.call("HEAD", "").status()).isEqualTo(204);
        Res longName = s.withStorageUrl(cluster.url() + "/v1/AUTH_" + "a".repeat(260)).call("HEAD", "");
        assertThat(longName.status()).isIn(400, 403);
    }

    @Test
    void unknownMethodsAndOptions() throws Exception {
        Res patch = s.call("PATCH", "/c/o");
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.header("Allow")).isEqualTo("DELETE, PUT, POST, OPTIONS, GET, HEAD, COPY".replace(", COPY", ""));
        Res opts = cluster.client().raw("OPTIONS", "/v1/AUTH_test/c/o", null);
        assertThat(opts.status()).isEqualTo(200);
        assertThat(opts.header("Allow")).isEqualTo("DELETE, PUT, POST, OPTIONS, GET, HEAD, COPY");
        assertThat(s.call("COPY", "/c").status()).isEqualTo(405);
    }

    @Test
    void corsPreflightFollowsTheContainersAllowedOrigins() throws Exception {
        s.call("PUT", "/cors", "X-Container-Meta-Access-Control-Allow-Origin", "http://ok.example",
                "X-Container-Meta-Access-Control-Max-Age", "60");
        SwiftClient plain = cluster.client();
        Res denied = plain.raw("OPTIONS", "/v1/AUTH_test/cors/o", null, "Origin", "http://evil.example",
                "Access-Control-Request-Method", "GET");
        assertThat(denied.status()).isEqualTo(401);
        // Swift turns the preflight's 200 into 401 late: no realm is added
        assertThat(denied.header("Www-Authenticate")).isNull();
        Res ok = plain.raw("OPTIONS", "/v1/AUTH_test/cors/o", null, "Origin", "http://ok.example",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-auth-token");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("http://ok.example");
        assertThat(ok.header("Access-Control-Allow-Methods")).isEqualTo("DELETE, PUT, POST, OPTIONS, GET, HEAD, COPY");
        assertThat(ok.header("Access-Control-Max-Age")).isEqualTo("60");
        assertThat(ok.header("Access-Control-Allow-Headers")).isEqualTo("x-auth-token");
        assertThat(ok.header("Vary")).isEqualTo("Origin, Access-Control-Request-Headers");
        // Swift replaces the preflight answer's headers: no Content-Type
        assertThat(ok.header("Content-Type")).isNull();
    }

    @Test
    void corsRequestsFromAnAllowedOriginGetAllowOriginAndExposeHeaders() throws Exception {
        s.call("PUT", "/cors2", "X-Container-Meta-Access-Control-Allow-Origin", "http://ok.example",
                "X-Container-Meta-Access-Control-Expose-Headers", "X-Extra");
        s.call("PUT", "/cors2/o", "x".getBytes(), "X-Object-Meta-Color", "blue");
        Res ok = s.call("GET", "/cors2/o", "Origin", "http://ok.example");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("http://ok.example");
        assertThat(ok.header("Vary")).isEqualTo("Origin");
        assertThat(List.of(ok.header("Access-Control-Expose-Headers").split(", "))).contains("etag",
                "x-timestamp", "x-trans-id", "x-object-meta-color", "x-extra");
        Res listing = s.call("GET", "/cors2", "Origin", "http://ok.example");
        assertThat(listing.header("Vary")).isEqualTo("Origin, Accept");
        Res other = s.call("GET", "/cors2/o", "Origin", "http://evil.example");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        assertThat(other.header("Access-Control-Expose-Headers")).isNull();
    }
}
