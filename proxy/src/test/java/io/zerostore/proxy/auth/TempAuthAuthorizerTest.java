package io.zerostore.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TempAuthAuthorizerTest {
    private static final String P = "AUTH_";
    private final TempAuthAuthorizer tester = new TempAuthAuthorizer(P, "test,test:tester,AUTH_test");
    private final TempAuthAuthorizer tester3 = new TempAuthAuthorizer(P, "test,test:tester3");
    private final TempAuthAuthorizer reseller = new TempAuthAuthorizer(P, "admin,admin:admin,.reseller_admin,AUTH_admin");
    private final TempAuthAuthorizer anonymous = new TempAuthAuthorizer(P, null);

    private static AuthRequest req(String method, String a, String c, String o, String acl, String referer) {
        return new AuthRequest(method, a, c, o, acl, referer);
    }

    @Test
    void adminOwnsItsAccountButMayNotCreateOrDeleteIt() {
        assertThat(tester.authorize(req("GET", "AUTH_test", null, null, null, null))).isEqualTo(Decision.OWNER);
        assertThat(tester.authorize(req("PUT", "AUTH_test", "c", null, null, null))).isEqualTo(Decision.OWNER);
        assertThat(tester.authorize(req("DELETE", "AUTH_test", "c", "o", null, null))).isEqualTo(Decision.OWNER);
        assertThat(tester.authorize(req("PUT", "AUTH_test", null, null, null, null))).isEqualTo(Decision.FORBIDDEN);
        assertThat(tester.authorize(req("DELETE", "AUTH_test", null, null, null, null))).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    void otherAccountsAreForbidden() {
        assertThat(tester.authorize(req("GET", "AUTH_test2", "c", null, null, null))).isEqualTo(Decision.FORBIDDEN);
        assertThat(tester.authorize(req("GET", "notours", null, null, null, null))).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    void resellerAdminOwnsEveryAccountExceptDotAccounts() {
        assertThat(reseller.authorize(req("PUT", "AUTH_new", null, null, null, null))).isEqualTo(Decision.OWNER);
        assertThat(reseller.authorize(req("GET", "AUTH_test", "c", "o", null, null))).isEqualTo(Decision.OWNER);
        assertThat(reseller.authorize(req("GET", "AUTH_.hidden", null, null, null, null))).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    void nonAdminsNeedAnAcl() {
        assertThat(tester3.authorize(req("GET", "AUTH_test", "c", "o", null, null))).isEqualTo(Decision.FORBIDDEN);
        assertThat(tester3.authorize(req("GET", "AUTH_test", "c", "o", "test:tester3", null))).isEqualTo(Decision.ALLOWED);
        assertThat(tester3.authorize(req("PUT", "AUTH_test", "c", "o", "test", null))).isEqualTo(Decision.ALLOWED);
        assertThat(tester3.authorize(req("GET", "AUTH_test", "c", "o", "test2:tester2", null))).isEqualTo(Decision.FORBIDDEN);
        assertThat(tester3.authorize(req("OPTIONS", "AUTH_test", "c", "o", null, null))).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void anonymousReadersNeedAReferrerRuleAndListingsNeedRlistings() {
        assertThat(anonymous.authorize(req("GET", "AUTH_test", "c", "o", null, null))).isEqualTo(Decision.UNAUTHORIZED);
        assertThat(anonymous.authorize(req("GET", "AUTH_test", "c", "o", ".r:*", null))).isEqualTo(Decision.ALLOWED);
        assertThat(anonymous.authorize(req("GET", "AUTH_test", "c", null, ".r:*", null))).isEqualTo(Decision.UNAUTHORIZED);
        assertThat(anonymous.authorize(req("GET", "AUTH_test", "c", null, ".r:*,.rlistings", null)))
                .isEqualTo(Decision.ALLOWED);
        String acl = ".r:.example.com,.r:-bad.example.com";
        assertThat(anonymous.authorize(req("GET", "AUTH_test", "c", "o", acl, "http://www.example.com/page")))
                .isEqualTo(Decision.ALLOWED);
        assertThat(anonymous.authorize(req("GET", "AUTH_test", "c", "o", acl, "http://bad.example.com/")))
                .isEqualTo(Decision.UNAUTHORIZED);
        assertThat(anonymous.authorize(req("GET", "AUTH_test", "c", "o", acl, null))).isEqualTo(Decision.UNAUTHORIZED);
    }
}
