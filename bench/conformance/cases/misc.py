"""/info, /healthcheck, API versions, unknown paths, CORS."""

import json

from kit import case


SWIFT_KEYS = ("strict_cors_mode", "policies", "allow_account_management", "account_autocreate", "max_file_size",
              "max_meta_name_length", "max_meta_value_length", "max_meta_count", "max_meta_overall_size",
              "max_header_size", "max_object_name_length", "container_listing_limit", "account_listing_limit",
              "max_account_name_length", "max_container_name_length", "extra_header_count", "valid_api_versions")


@case("misc.info")
def _(x):
    """GET/HEAD/OPTIONS /info; the keys of the swift section and their values; top-level keys."""
    r = x.req("GET", "/info", user=None, extras=("no-body",), label="GET /info (body compared as keys below)")
    info = json.loads(r.body)
    x.note("top-level keys", sorted(info))
    sw = info.get("swift", {})
    x.note("swift keys", sorted(sw))
    for k in SWIFT_KEYS:
        x.note("swift." + k, json.dumps(sw.get(k, "(absent)"), sort_keys=True))
    x.note("tempauth", json.dumps(info.get("tempauth"), sort_keys=True))
    x.req("HEAD", "/info", user=None)
    x.req("OPTIONS", "/info", user=None)
    x.req("POST", "/info", user=None)
    x.req("GET", "/info", user="tester", extras=("no-body",))
    x.req("GET", "/info?swiftinfo_sig=x&swiftinfo_expires=1", user=None, extras=("no-body",))
    x.req("GET", "/info/", user=None)


@case("misc.healthcheck")
def _(x):
    """/healthcheck with every method, no auth."""
    for m in ("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"):
        x.req(m, "/healthcheck", user=None)
    x.req("GET", "/healthcheck?x=1", user=None)
    x.req("GET", "/healthcheck/", user=None)


@case("misc.versions-and-paths")
def _(x):
    """Bad API versions (400), bare versions, root, unknown top-level paths."""
    for path in ("/v2/AUTH_test", "/v1.1/AUTH_test", "/V1/AUTH_test", "/v1", "/v1/", "/v1.0", "/", "/foo",
                 "/favicon.ico", "/crossdomain.xml", "/v2", "/auth", "/v1/AUTH_test/", "/v1//x",
                 "/info/x"):
        x.req("GET", path, extras=("no-body", "listing-lengths") if path == "/v1/AUTH_test/" else ())
    x.req("GET", "/v2/AUTH_test", user=None)
    x.req("PUT", "/v2/AUTH_test/c/o", [], "x")
    x.req("GET", "http://127.0.0.1/v1/AUTH_test?prefix=none-such", label="GET absolute-form URI")
    x.req("GET", "*")


@case("misc.metrics")
def _(x):
    """/metrics: Zerostore's Prometheus endpoint (Swift has none)."""
    x.req("GET", "/metrics", user=None, extras=("no-body", "listing-lengths"))


@case("misc.cors")
def _(x):
    """CORS preflight (denied / allowed by container meta) and actual requests with Origin."""
    c = x.c()
    x.setup("PUT", x.cpath(c))
    x.setup("PUT", x.obj(c, "o"), [("Content-Type", "text/plain"), ("X-Object-Meta-Color", "blue")], "cors")
    pre = [("Origin", "http://example.com"), ("Access-Control-Request-Method", "GET")]
    x.req("OPTIONS", x.obj(c, "o"), pre, user=None)
    x.req("OPTIONS", x.cpath(c), pre, user=None)
    x.req("OPTIONS", "/v1/AUTH_test", pre, user=None)
    x.req("OPTIONS", x.obj(c, "o"), [("Origin", "http://example.com")], user=None)
    x.setup("POST", x.cpath(c), [("X-Container-Meta-Access-Control-Allow-Origin", "http://example.com"),
                                 ("X-Container-Meta-Access-Control-Max-Age", "60"),
                                 ("X-Container-Meta-Access-Control-Expose-Headers", "X-Foo")])
    x.req("OPTIONS", x.obj(c, "o"), pre, user=None)
    x.req("OPTIONS", x.obj(c, "o"), pre + [("Access-Control-Request-Headers", "x-auth-token, content-type")],
          user=None)
    x.req("OPTIONS", x.obj(c, "o"), [("Origin", "http://other.com"), ("Access-Control-Request-Method", "GET")],
          user=None)
    x.req("OPTIONS", x.obj(c, "o"), [("Origin", "http://example.com"), ("Access-Control-Request-Method", "PATCH")],
          user=None)
    x.req("GET", x.obj(c, "o"), [("Origin", "http://example.com")])
    x.req("HEAD", x.obj(c, "o"), [("Origin", "http://example.com")])
    x.req("GET", x.obj(c, "o"), [("Origin", "http://other.com")])
    x.req("GET", x.cpath(c), [("Origin", "http://example.com")], extras=("listing-dates",))
    x.setup("POST", x.cpath(c), [("X-Container-Meta-Access-Control-Allow-Origin", "*")])
    x.req("OPTIONS", x.obj(c, "o"), [("Origin", "http://any.com"), ("Access-Control-Request-Method", "PUT")],
          user=None)
    x.req("GET", x.obj(c, "o"), [("Origin", "http://any.com")])
