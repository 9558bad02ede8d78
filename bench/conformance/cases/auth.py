"""TempAuth: token requests on every accepted path and header variant, and token use."""

from kit import case


def get_token(x, path, headers, method="GET"):
    return x.req(method, path, headers, user=None)


@case("auth.v1_0.auth-headers")
def _(x):
    """GET /auth/v1.0 with X-Auth-User / X-Auth-Key; a second login re-uses the token."""
    r = get_token(x, "/auth/v1.0", [("X-Auth-User", "test:tester"), ("X-Auth-Key", "testing")])
    x.note("token is the one of the first login", r.header("X-Auth-Token") == x.token("tester"))
    x.note("storage token equals auth token", r.header("X-Storage-Token") == r.header("X-Auth-Token"))
    x.note("expires counts down below token_life", int(r.header("X-Auth-Token-Expires", "0")) < 86400)


@case("auth.v1_0.storage-headers")
def _(x):
    """GET /auth/v1.0 with X-Storage-User / X-Storage-Pass, and mixed with X-Auth-*."""
    get_token(x, "/auth/v1.0", [("X-Storage-User", "test:tester"), ("X-Storage-Pass", "testing")])
    get_token(x, "/auth/v1.0", [("X-Auth-User", "test:tester"), ("X-Storage-Pass", "testing")])
    get_token(x, "/auth/v1.0", [("X-Storage-User", "test:tester"), ("X-Auth-Key", "testing")])
    # X-Auth-User wins over X-Storage-User on this path
    get_token(x, "/auth/v1.0", [("X-Auth-User", "test:tester"), ("X-Storage-User", "test2:tester2"),
                                ("X-Auth-Key", "testing")])


@case("auth.auth-path")
def _(x):
    """GET /auth/auth (the other legacy path)."""
    get_token(x, "/auth/auth", [("X-Auth-User", "test:tester"), ("X-Auth-Key", "testing")])


@case("auth.v1-account-path")
def _(x):
    """GET /auth/v1/<account>/auth: bare X-Storage-User, or X-Auth-User whose account must match."""
    get_token(x, "/auth/v1/test/auth", [("X-Storage-User", "tester"), ("X-Storage-Pass", "testing")])
    get_token(x, "/auth/v1/test/auth", [("X-Auth-User", "test:tester"), ("X-Auth-Key", "testing")])
    get_token(x, "/auth/v1/test/auth", [("X-Auth-User", "test2:tester2"), ("X-Auth-Key", "testing2")])
    get_token(x, "/auth/v1/test/auth", [("X-Auth-User", "tester"), ("X-Auth-Key", "testing")])
    get_token(x, "/auth/v1/test/auth", [("X-Storage-User", "tester"), ("X-Storage-Pass", "wrong")])
    get_token(x, "/auth/v1/test2/auth", [("X-Storage-User", "tester2"), ("X-Auth-Key", "testing2")])


@case("auth.failures")
def _(x):
    """Wrong key, unknown user, unknown account, missing and malformed credentials: 401 realms."""
    get_token(x, "/auth/v1.0", [("X-Auth-User", "test:tester"), ("X-Auth-Key", "wrong")])
    get_token(x, "/auth/v1.0", [("X-Auth-User", "test:nobody"), ("X-Auth-Key", "testing")])
    get_token(x, "/auth/v1.0", [("X-Auth-User", "nosuch:tester"), ("X-Auth-Key", "testing")])
    get_token(x, "/auth/v1.0", [])
    get_token(x, "/auth/v1.0", [("X-Auth-User", "testtester"), ("X-Auth-Key", "testing")])
    get_token(x, "/auth/v1.0", [("X-Auth-User", "test:tester")])
    get_token(x, "/auth/v1.0", [("X-Auth-User", "test:"), ("X-Auth-Key", "testing")])
    get_token(x, "/auth/v1.0", [("X-Auth-User", ":tester"), ("X-Auth-Key", "testing")])
    get_token(x, "/auth/v1.0", [("X-Auth-User", "test:tester"), ("X-Auth-Key", "")])


@case("auth.paths-and-methods")
def _(x):
    """Unknown auth paths (400/404) and non-GET methods on the token endpoint."""
    creds = [("X-Auth-User", "test:tester"), ("X-Auth-Key", "testing")]
    get_token(x, "/auth/v2", creds)
    get_token(x, "/auth/", creds)
    get_token(x, "/auth/v1.0/extra", creds)
    get_token(x, "/auth/v1/test", creds)
    get_token(x, "/auth/v1/test/auth/more", creds)
    get_token(x, "/auth/v1.0", creds, method="POST")
    get_token(x, "/auth/v1.0", creds, method="HEAD")
    get_token(x, "/auth/v1.0", creds, method="PUT")
    get_token(x, "/auth/v2", creds, method="POST")
    get_token(x, "/auth/v1/test/auth/more", creds, method="DELETE")


@case("auth.token-use")
def _(x):
    """Token headers, bad/unknown tokens, anonymous, other accounts, non-admin, reseller admin."""
    x.req("HEAD", "/v1/AUTH_test", [("X-Storage-Token", x.token())], user=None)
    x.req("HEAD", "/v1/AUTH_test", [("X-Auth-Token", "AUTH_tkdeadbeefdeadbeefdeadbeefdeadbeef")], user=None)
    x.req("HEAD", "/v1/AUTH_test", [("X-Auth-Token", "garbage")], user=None)
    x.req("HEAD", "/v1/AUTH_test", [("X-Auth-Token", "")], user=None)
    x.req("HEAD", "/v1/AUTH_test", user=None)
    x.req("GET", "/v1/AUTH_test", user=None)
    x.req("HEAD", "/v1/AUTH_test", user="tester2")
    x.req("GET", "/v1/AUTH_test?format=json&prefix=nothing-here", user="tester3")
    x.req("HEAD", "/v1/AUTH_test", user="tester3")
    x.req("HEAD", "/v1/AUTH_test2", user="admin", extras=("account-counts",))
    x.req("HEAD", "/v1/AUTH_t%20x", user=None)
    x.req("HEAD", "/v1/AUTH_test/nocontainer-" + x.run, user=None)
    x.req("GET", "/v1/AUTH_test/nocontainer-" + x.run + "/o", user=None)
    x.req("GET", "/v1/AUTH_test/nocontainer-" + x.run + "/o", user="tester2")
