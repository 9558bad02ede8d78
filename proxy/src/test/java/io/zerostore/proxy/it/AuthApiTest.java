package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.proxy.testkit.RawHttp;
import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.SwiftClient.Res;
import io.zerostore.proxy.testkit.TestCluster;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TempAuth and container ACLs through the proxy against a real cluster. */
@Timeout(120)
class AuthApiTest {
    static TestCluster cluster;
    static SwiftClient tester;
    static SwiftClient tester3;
    static SwiftClient tester2;
    static SwiftClient anonymous;
    static final String HTML401 = "<html><h1>Unauthorized</h1><p>This server could not verify that you are "
            + "authorized to access the document you requested.</p></html>";

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.start(3);
        tester = cluster.client().login("test:tester", "testing");
        tester3 = cluster.client().login("test:tester3", "testing3");
        tester2 = cluster.client().login("test2:tester2", "testing2").withStorageUrl(tester.storageUrl());
        anonymous = cluster.client().anonymous(tester.storageUrl());
        assertThat(tester.call("PUT", "/private").status()).isEqualTo(201);
        assertThat(tester.call("PUT", "/private/o", "secret".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void loginAnswersWithTokenAndStorageUrl() throws Exception {
        RawHttp.Response r = RawHttp.exchange(cluster.proxyPort(), "GET /auth/v1.0 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                + "X-Auth-User: test:tester\r\nX-Auth-Key: testing", null);
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(r.header("X-Auth-Token")).matches("AUTH_tk[0-9a-f]{32}").isEqualTo(r.header("X-Storage-Token"));
        assertThat(r.header("X-Storage-Url")).isEqualTo("http://127.0.0.1:8080/v1/AUTH_test");
        assertThat(Integer.parseInt(r.header("X-Auth-Token-Expires"))).isBetween(86000, 86400);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(r.header("X-Trans-Id")).isNotNull();
        // the same user gets the same token back
        assertThat(r.header("X-Auth-Token")).isEqualTo(tester.token());

        Res storage = cluster.client().raw("GET", "/auth/v1/test/auth", null, "X-Storage-User", "tester",
                "X-Storage-Pass", "testing");
        assertThat(storage.status()).isEqualTo(200);
        Res wrong = cluster.client().raw("GET", "/auth/v1.0", null, "X-Auth-User", "test:tester", "X-Auth-Key", "no");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text()).isEqualTo(HTML401);
        assertThat(wrong.header("Www-Authenticate")).isEqualTo("Swift realm=\"unknown\"");
        Res unknown = cluster.client().raw("GET", "/auth/v1.0", null, "X-Auth-User", "test:bob", "X-Auth-Key", "x");
        assertThat(unknown.header("Www-Authenticate")).isEqualTo("Swift realm=\"test\"");
    }

    @Test
    void badOrMissingTokensAre401WithTheAccountAsRealm() throws Exception {
        Res none = anonymous.call("GET", "/private/o");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Www-Authenticate")).isEqualTo("Swift realm=\"AUTH_test\"");
        Res bogus = anonymous.call("GET", "/private/o", "X-Auth-Token", "AUTH_tk00000000000000000000000000000000");
        assertThat(bogus.status()).isEqualTo(401);
        assertThat(bogus.header("Www-Authenticate")).isEqualTo("Swift realm=\"AUTH_test\"");
        cluster.proxy().tokens().revoke(tester3.token());
        assertThat(tester3.call("GET", "/private/o").status()).isEqualTo(401);
        tester3 = cluster.client().login("test:tester3", "testing3");
    }

    @Test
    void usersWithoutAdminAndOtherAccountsAreForbidden() throws Exception {
        assertThat(tester3.call("GET", "/private/o").status()).isEqualTo(403);
        assertThat(tester3.call("GET", "").status()).isEqualTo(403);
        assertThat(tester3.call("PUT", "/mine").status()).isEqualTo(403);
        assertThat(tester2.call("GET", "/private/o").status()).isEqualTo(403);
        assertThat(tester2.call("HEAD", "/private").status()).isEqualTo(403);
        SwiftClient reseller = cluster.client().login("admin:admin", "admin").withStorageUrl(tester.storageUrl());
        assertThat(reseller.call("GET", "/private/o").text()).isEqualTo("secret");
    }

    @Test
    void readAclOpensObjectsAndRlistingsOpensListings() throws Exception {
        tester.call("PUT", "/public", "X-Container-Read", ".r:*");
        tester.call("PUT", "/public/o", "pub".getBytes(StandardCharsets.UTF_8));
        assertThat(anonymous.call("GET", "/public/o").text()).isEqualTo("pub");
        assertThat(anonymous.call("GET", "/public").status()).isEqualTo(401);
        assertThat(anonymous.call("PUT", "/public/x", "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        tester.call("POST", "/public", "X-Container-Read", ".r:*,.rlistings");
        Res listing = anonymous.call("GET", "/public");
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.text()).isEqualTo("o\n");
        // ACLs are the owner's business
        assertThat(listing.header("X-Container-Read")).isNull();
        assertThat(tester.call("HEAD", "/public").header("X-Container-Read")).isEqualTo(".r:*,.rlistings");
    }

    @Test
    void userAclsGrantReadAndWrite() throws Exception {
        tester.call("PUT", "/shared", "X-Container-Read", "test:tester3", "X-Container-Write", "test:tester3");
        assertThat(tester3.call("PUT", "/shared/o", "3".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        assertThat(tester3.call("GET", "/shared/o").text()).isEqualTo("3");
        assertThat(tester3.call("GET", "/shared").text()).isEqualTo("o\n");
        assertThat(tester3.call("POST", "/shared", "X-Container-Read", "").status()).isEqualTo(403);
        assertThat(tester3.call("DELETE", "/shared/o").status()).isEqualTo(204);
        assertThat(tester3.call("GET", "/shared/missing").status()).isEqualTo(404);
        assertThat(tester2.call("GET", "/shared/missing").status()).isEqualTo(403);
    }

    @Test
    void healthcheckAndInfoNeedNoToken() throws Exception {
        RawHttp.Response h = RawHttp.exchange(cluster.proxyPort(), "GET /healthcheck HTTP/1.1\r\nHost: x", null);
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.text()).isEqualTo("OK");
        assertThat(h.header("Content-Type")).isEqualTo("text/plain");
        Res info = cluster.client().raw("GET", "/info", null);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(info.text()).contains("\"max_file_size\":5368709122", "\"max_meta_count\":90",
                "\"container_listing_limit\":10000", "\"account_autocreate\":true", "\"tempauth\"");
        assertThat(cluster.client().raw("OPTIONS", "/info", null).header("Allow")).isEqualTo("HEAD, GET, OPTIONS");
        assertThat(cluster.client().raw("POST", "/info", null).status()).isEqualTo(405);
        Res metrics = cluster.client().raw("GET", "/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("zerostore_proxy_requests");
        RawHttp.Response extra = RawHttp.exchange(cluster.proxyPort(), "GET /healthcheck HTTP/1.1\r\nHost: x\r\n"
                + "X-Trans-Id-Extra: my extra", null);
        assertThat(extra.header("X-Trans-Id")).matches("tx[0-9a-f]{21}-[0-9a-f]{10}-my%20extra");
    }
}
