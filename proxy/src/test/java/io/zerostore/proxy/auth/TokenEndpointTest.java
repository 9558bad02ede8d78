package io.zerostore.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.config.Conf;
import io.zerostore.common.swift.SwiftException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final TokenStore tokens = new TokenStore(now::get);
    private final TokenEndpoint endpoint =
            new TokenEndpoint(TempAuthConfig.from(Conf.empty().section("filter:tempauth")), tokens);

    private static HttpHeaders h(String... kv) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (int i = 0; i < kv.length; i += 2) {
            h.add(kv[i], kv[i + 1]);
        }
        return h;
    }

    private SwiftException refusal(String path, HttpHeaders headers) {
        try {
            endpoint.handle("GET", path, headers, "http://127.0.0.1:8080");
        } catch (SwiftException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void issuesATokenAndTheStorageUrlOfTheUsersAccount() {
        Map<String, String> r = endpoint.handle("GET", "/v1.0", h("X-Auth-User", "test:tester", "X-Auth-Key", "testing"),
                "http://127.0.0.1:8080");
        assertThat(r.get("X-Auth-Token")).matches("AUTH_tk[0-9a-f]{32}");
        assertThat(r.get("X-Storage-Token")).isEqualTo(r.get("X-Auth-Token"));
        assertThat(r.get("X-Auth-Token-Expires")).isEqualTo("86400");
        assertThat(r.get("X-Storage-Url")).isEqualTo("http://127.0.0.1:8080/v1/AUTH_test");
        assertThat(tokens.groups(r.get("X-Auth-Token"))).isEqualTo("test,test:tester,AUTH_test");
    }

    @Test
    void reusesAValidTokenWhoseExpiryCountsDown() {
        HttpHeaders login = h("X-Storage-User", "test2:tester2", "X-Storage-Pass", "testing2");
        String first = endpoint.handle("GET", "/auth", login, "http://h").get("X-Auth-Token");
        now.addAndGet(3_000);
        Map<String, String> again = endpoint.handle("GET", "/v1.0", login, "http://h");
        assertThat(again.get("X-Auth-Token")).isEqualTo(first);
        assertThat(again.get("X-Auth-Token-Expires")).isEqualTo("86397");
        now.addAndGet(86_400_000);
        assertThat(tokens.groups(first)).isNull();
        assertThat(endpoint.handle("GET", "/v1.0", login, "http://h").get("X-Auth-Token")).isNotEqualTo(first);
    }

    @Test
    void acceptsTheAccountInThePath() {
        Map<String, String> r = endpoint.handle("GET", "/v1/test/auth", h("X-Storage-User", "tester3",
                "X-Storage-Pass", "testing3"), "http://h");
        assertThat(r.get("X-Storage-Url")).isEqualTo("http://h/v1/AUTH_test");
        assertThat(refusal("/v1/test2/auth", h("X-Auth-User", "test:tester", "X-Auth-Key", "testing")).status())
                .isEqualTo(401);
    }

    @Test
    void refusalsCarrySwiftsRealms() {
        SwiftException wrongKey = refusal("/v1.0", h("X-Auth-User", "test:tester", "X-Auth-Key", "nope"));
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.headers()).containsEntry("Www-Authenticate", "Swift realm=\"unknown\"");
        SwiftException unknownUser = refusal("/v1.0", h("X-Auth-User", "test:nobody", "X-Auth-Key", "x"));
        assertThat(unknownUser.headers()).containsEntry("Www-Authenticate", "Swift realm=\"test\"");
        SwiftException noColon = refusal("/v1.0", h("X-Auth-User", "tester", "X-Auth-Key", "testing"));
        assertThat(noColon.headers()).containsEntry("Www-Authenticate", "Swift realm=\"unknown\"");
        assertThat(refusal("/v1.0", h()).status()).isEqualTo(401);
    }

    @Test
    void otherPathsAndMethodsAreRefused() {
        assertThat(refusal("/v2", h()).status()).isEqualTo(400);
        assertThat(refusal("/", h()).status()).isEqualTo(404);
        try {
            endpoint.handle("POST", "/v1.0", h(), "http://h");
            throw new AssertionError("accepted");
        } catch (SwiftException e) {
            assertThat(e.status()).isEqualTo(405);
        }
    }

    @Test
    void readsUsersFromConfigWithGroupsAndUrls() {
        TempAuthConfig c = TempAuthConfig.from(Conf.parse("[filter:tempauth]\n"
                + "user_acct_bob = secret .admin\n"
                + "user_acct_eve = pw group1 group2 https://example.com/v1/AUTH_acct\n"
                + "token_life = 60\nreseller_prefix = KEY\n").section("filter:tempauth"));
        assertThat(c.resellerPrefix()).isEqualTo("KEY_");
        assertThat(c.tokenLife().getSeconds()).isEqualTo(60);
        assertThat(c.users()).containsOnlyKeys("acct:bob", "acct:eve");
        assertThat(c.users().get("acct:bob").url()).isEqualTo("$HOST/v1/KEY_acct");
        assertThat(TokenEndpoint.groupsOf(c.users().get("acct:bob"))).isEqualTo("acct,acct:bob,KEY_acct");
        assertThat(c.users().get("acct:eve").groups()).containsExactly("group1", "group2");
        assertThat(c.users().get("acct:eve").url()).isEqualTo("https://example.com/v1/AUTH_acct");
    }

    @Test
    void defaultUsersAreThoseOfSwiftsAllInOne() {
        TempAuthConfig c = TempAuthConfig.from(Conf.empty().section("filter:tempauth"));
        assertThat(c.users()).containsOnlyKeys("admin:admin", "test:tester", "test2:tester2", "test:tester3");
        assertThat(TokenEndpoint.groupsOf(c.users().get("admin:admin")))
                .isEqualTo("admin,admin:admin,.reseller_admin,AUTH_admin");
    }
}
