"""Account: HEAD/GET/POST metadata, reseller PUT/DELETE, autocreate, methods, names."""

from kit import case


def clean_meta(x, account, user):
    """Removes every X-Account-Meta-* of a shared account so a case starts from none."""
    r = x.req("HEAD", "/v1/" + account, user=user, record=False)
    names = [k for k, _ in r.headers if k.lower().startswith("x-account-meta-")]
    if names:
        x.setup("POST", "/v1/" + account, [("X-Remove-Account-Meta-" + n[len("x-account-meta-"):], "x")
                                            for n in names], user=user)


@case("account.head-get")
def _(x):
    """HEAD and GET of the account (stats normalised), with format and Accept variants."""
    x.req("HEAD", "/v1/AUTH_test")
    x.req("HEAD", "/v1/AUTH_test?format=json")
    x.req("HEAD", "/v1/AUTH_test", [("Accept", "application/xml")])
    x.req("GET", "/v1/AUTH_test?prefix=none-such-" + x.run)
    x.req("GET", "/v1/AUTH_test?prefix=none-such-%s&format=json" % x.run)
    x.req("GET", "/v1/AUTH_test?prefix=none-such-%s&format=xml" % x.run)
    x.req("GET", "/v1.0/AUTH_test?prefix=none-such-%s&format=json" % x.run)
    x.req("GET", "/v1/AUTH_test/?prefix=none-such-%s&format=json" % x.run)


@case("account.post-metadata")
def _(x):
    """POST X-Account-Meta-*: set, replace one, remove by empty value and by X-Remove-."""
    clean_meta(x, "AUTH_test2", "tester2")
    x.req("POST", "/v1/AUTH_test2", [("X-Account-Meta-Color", "blue"), ("X-Account-Meta-Shape", "round"),
                                     ("X-Account-Meta-Size", "big")], user="tester2")
    x.req("HEAD", "/v1/AUTH_test2", user="tester2")
    x.req("POST", "/v1/AUTH_test2", [("X-Account-Meta-Color", "red")], user="tester2")
    x.req("HEAD", "/v1/AUTH_test2", user="tester2")
    x.req("POST", "/v1/AUTH_test2", [("X-Account-Meta-Color", ""), ("X-Remove-Account-Meta-Shape", "x")],
          user="tester2")
    x.req("GET", "/v1/AUTH_test2?prefix=none-such", user="tester2")
    x.req("POST", "/v1/AUTH_test2", [("x-account-meta-lower-case", "v")], user="tester2")
    x.req("HEAD", "/v1/AUTH_test2", user="tester2")
    clean_meta(x, "AUTH_test2", "tester2")


@case("account.post-metadata-utf8")
def _(x):
    """Account metadata must be UTF-8: a UTF-8 value round-trips byte for byte, latin-1 is 400."""
    clean_meta(x, "AUTH_test2", "tester2")
    x.req("POST", "/v1/AUTH_test2", [("X-Account-Meta-Color", "bl\u00fce")], user="tester2")
    x.req("HEAD", "/v1/AUTH_test2", user="tester2")
    x.req("POST", "/v1/AUTH_test2", [("X-Account-Meta-Color", b"bl\xfce")], user="tester2")
    x.req("HEAD", "/v1/AUTH_test2", user="tester2")
    clean_meta(x, "AUTH_test2", "tester2")


@case("account.post-metadata-non-ascii-name")
def _(x):
    """An account metadata name with non-ASCII (UTF-8) bytes: refused, by different layers."""
    clean_meta(x, "AUTH_test2", "tester2")
    x.req("POST", "/v1/AUTH_test2", [(b"X-Account-Meta-Col\xc3\xb6r".decode("latin-1"), "x")], user="tester2")
    x.req("HEAD", "/v1/AUTH_test2", user="tester2")


@case("account.post-metadata-limits")
def _(x):
    """Account metadata constraints: name, value, count, overall size, empty name."""
    a = "/v1/AUTH_test2"
    x.req("POST", a, [("X-Account-Meta-" + "n" * 129, "v")], user="tester2")
    x.req("POST", a, [("X-Account-Meta-Big", "v" * 257)], user="tester2")
    x.req("POST", a, [("X-Account-Meta-M%d" % i, "v") for i in range(91)], user="tester2")
    x.req("POST", a, [("X-Account-Meta-M%d" % i, "v" * 250) for i in range(17)], user="tester2")
    x.req("POST", a, [("X-Account-Meta-", "v")], user="tester2")
    x.req("POST", a, [("X-Account-Meta-Long", "v" * 8193)], user="tester2")
    clean_meta(x, "AUTH_test2", "tester2")


@case("account.admin-cannot-put-delete")
def _(x):
    """An account admin (.admin) may not PUT or DELETE its own account."""
    x.req("PUT", "/v1/AUTH_test")
    x.req("DELETE", "/v1/AUTH_test")
    x.req("PUT", "/v1/AUTH_test", user="tester3")
    x.req("POST", "/v1/AUTH_test", [("X-Account-Meta-X", "y")], user="tester3")


@case("account.reseller-lifecycle")
def _(x):
    """Reseller admin: PUT 201/202, HEAD, POST, DELETE 204, then 410 Gone; containers in it."""
    a = "/v1/AUTH_cf%s" % x.run
    x.req("PUT", a, user="admin")
    x.req("PUT", a, user="admin")
    x.req("HEAD", a, user="admin")
    x.req("POST", a, [("X-Account-Meta-Owner", "me")], user="admin")
    x.req("GET", a, user="admin")
    x.req("PUT", a + "/c1", user="admin")
    x.req("GET", a + "?format=json", user="admin", extras=("listing-dates",))
    x.req("DELETE", a, user="admin")
    x.req("HEAD", a, user="admin")
    x.req("GET", a, user="admin")
    x.req("POST", a, [("X-Account-Meta-Owner", "me")], user="admin")
    x.req("PUT", a + "/c2", user="admin")
    x.req("DELETE", a, user="admin")


@case("account.autocreate")
def _(x):
    """A never-used account: HEAD 200 (quirk), GET 204 / json [] / xml, POST."""
    a = "/v1/AUTH_cfnew%s" % x.run
    x.req("HEAD", a, user="admin")
    x.req("GET", a, user="admin")
    x.req("GET", a + "?format=json", user="admin")
    x.req("GET", a + "?format=xml", user="admin")
    x.req("GET", a, [("Accept", "application/json")], user="admin")


@case("account.methods")
def _(x):
    """OPTIONS, COPY and unknown methods on the account."""
    x.req("OPTIONS", "/v1/AUTH_test")
    x.req("OPTIONS", "/v1/AUTH_test", user=None)
    x.req("COPY", "/v1/AUTH_test")
    x.req("PATCH", "/v1/AUTH_test")
    x.req("FOO", "/v1/AUTH_test")
    x.req("TRACE", "/v1/AUTH_test", user=None)


@case("account.name-length")
def _(x):
    """Account names up to 256 bytes."""
    x.req("HEAD", "/v1/AUTH_" + "a" * 251, user="admin")
    x.req("HEAD", "/v1/AUTH_" + "a" * 252, user="admin")
    x.req("GET", "/v1/AUTH_" + "a" * 300, user="admin")
