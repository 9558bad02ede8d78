"""Container and account listings: formats, Accept negotiation, every parameter, 204/200/406/412."""

from kit import case, q

NAMES = ["a/b/c", "a/d", "b", "empty", "o1", "o2.json", "sp ace", "\u00fc", "\u00fcber/x", "zz//double", "trail/"]

L = ("listing-dates",)


def populate(x):
    c = x.c()
    x.setup("PUT", x.cpath(c))
    for n in NAMES:
        body = b"" if n == "empty" else n.encode()
        x.setup("PUT", x.obj(c, n), [("Content-Type", "text/plain;charset=utf-8")], body)
    x.setup("PUT", x.obj(c, "typed"), [("Content-Type", "application/x-thing; a=b")], b"12345")
    return x.cpath(c)


@case("listing.container.formats")
def _(x):
    """format=json|xml|plain|JSON|foo, with and without objects."""
    c = populate(x)
    for fmt in ("", "?format=json", "?format=xml", "?format=plain", "?format=JSON", "?format=foo",
                "?format=txt", "?format="):
        x.req("GET", c + fmt, extras=L)
    x.req("HEAD", c + "?format=json")
    x.req("HEAD", c + "?format=xml")


@case("listing.container.accept")
def _(x):
    """Accept negotiation: each type, q-values, wildcards, unacceptable (406), malformed, format wins."""
    c = populate(x) + "?prefix=a/"
    for accept in ("application/json", "application/xml", "text/xml", "text/plain", "*/*", "application/*",
                   "text/*", "application/json;q=0.5, text/xml;q=0.9", "text/xml, application/json",
                   "application/json;q=0", "image/png", "image/png, */*;q=0.1", "application/json; charset=utf-8",
                   "garbage", "application/json;q=x", ""):
        x.req("GET", c, [("Accept", accept)], extras=L)
    x.req("GET", c + "&format=xml", [("Accept", "application/json")], extras=L)
    x.req("GET", c + "&format=json", [("Accept", "image/png")], extras=L)
    x.req("HEAD", c, [("Accept", "image/png")])
    x.req("HEAD", c, [("Accept", "application/json")])


@case("listing.container.params")
def _(x):
    """prefix, delimiter (1 and many chars), marker, end_marker, path, combinations."""
    c = populate(x)
    for qs in ("prefix=a/", "prefix=a", "delimiter=/", "prefix=a/&delimiter=/", "delimiter=b/", "delimiter=//",
               "marker=b", "marker=zzzz", "end_marker=o1", "marker=a/d&end_marker=sp%20ace", "marker=%C3%BC",
               "path=a", "path=", "prefix=%C3%BC", "prefix=nothing", "delimiter=/&marker=a", "prefix=a/&marker=a/b/c",
               "delimiter=/&end_marker=b", "prefix=zz/&delimiter=/", "prefix=zz//&delimiter=/"):
        for fmt in ("", "&format=json", "&format=xml"):
            x.req("GET", c + "?" + qs + fmt, extras=L)


@case("listing.container.limit-reverse")
def _(x):
    """limit (0, 2, 10000, 10001, -1, abc), reverse (true/1/yes/on/false/garbage), reverse with markers."""
    c = populate(x)
    for qs in ("limit=2", "limit=0", "limit=10000", "limit=10001", "limit=-1", "limit=abc", "limit=",
               "reverse=true", "reverse=1", "reverse=yes", "reverse=on", "reverse=false", "reverse=maybe",
               "reverse=true&marker=o1", "reverse=true&end_marker=o1", "reverse=true&marker=sp%20ace&end_marker=b",
               "reverse=true&delimiter=/", "reverse=true&limit=3", "limit=2&delimiter=/", "limit=3&format=json",
               "limit=0&format=json", "limit=0&format=xml", "limit=10001&format=json"):
        x.req("GET", c + "?" + qs, extras=L)


@case("listing.container.bad-params")
def _(x):
    """Parameters that are not UTF-8 or contain NUL."""
    c = populate(x)
    for qs in ("prefix=%ff", "marker=%ff", "end_marker=%ff", "delimiter=%ff", "path=%ff", "prefix=%00",
               "format=%ff", "limit=%ff", "reverse=%ff", "includes=%ff", "states=%ff", "foo=%ff",
               "prefix=a&prefix=b", "foo=bar", "prefix"):
        x.req("GET", c + "?" + qs, extras=L)
        x.req("HEAD", c + "?" + qs)
    for qs in ("prefix=%ff", "marker=%ff", "end_marker=%ff", "delimiter=%ff", "format=%ff", "limit=%ff",
               "reverse=%ff", "path=%ff", "foo=%ff"):
        x.req("GET", "/v1/AUTH_test2?" + qs, user="tester2", extras=("no-body", "listing-lengths"))
        x.req("HEAD", "/v1/AUTH_test2?" + qs, user="tester2")


@case("listing.container.content")
def _(x):
    """Listing values: bytes, hash, content_type as stored, unicode escaping, after overwrite/delete."""
    c = x.c()
    x.setup("PUT", x.cpath(c))
    x.setup("PUT", x.obj(c, "t1"), [("Content-Type", "text/plain; charset=UTF-8")], b"hello")
    x.setup("PUT", x.obj(c, "t2"), [("Content-Type", "Application/JSON")], b"{}")
    x.setup("PUT", x.obj(c, "t3.txt"), [], b"")
    x.setup("PUT", x.obj(c, "\u00e9t\u00e9 \u2603 <&>\"'"), [("Content-Type", "a/b")], b"xx")
    x.setup("PUT", x.obj(c, "t1"), [("Content-Type", "text/x-new")], b"hello again")
    x.setup("POST", x.obj(c, "t2"), [("Content-Type", "text/posted")])
    x.req("GET", x.cpath(c) + "?format=json", extras=L)
    x.req("GET", x.cpath(c) + "?format=xml", extras=L)
    x.req("GET", x.cpath(c), extras=L)
    x.req("HEAD", x.cpath(c))
    x.setup("DELETE", x.obj(c, "t3.txt"))
    x.req("GET", x.cpath(c) + "?format=json", extras=L)
    x.req("HEAD", x.cpath(c))


def populate_account(x):
    for n in ("a", "b_1", "b_2", "c", "d\u00fc"):
        x.setup("PUT", x.cpath(x.c("-" + n)))
    return "/v1/AUTH_test?prefix=" + q(x.c("-"))


A = ("listing-dates", "account-counts", "listing-lengths")


@case("listing.account.formats")
def _(x):
    """Account listing formats, Accept, and an empty listing (204 plain / 200 json, xml)."""
    a = populate_account(x)
    for extra in ("", "&format=json", "&format=xml", "&format=plain", "&format=foo"):
        x.req("GET", a + extra, extras=A)
    for accept in ("application/json", "text/xml", "image/png", "application/json;q=0.1, text/plain;q=0.2"):
        x.req("GET", a, [("Accept", accept)], extras=A)
    for fmt in ("", "&format=json", "&format=xml"):
        x.req("GET", "/v1/AUTH_test?prefix=nothing-%s%s" % (x.run, fmt), extras=A)


@case("listing.account.params")
def _(x):
    """Account listing parameters: delimiter, marker, end_marker, limit, reverse."""
    a = populate_account(x)
    p = x.c("-")
    for qs in ("&delimiter=_", "&delimiter=_&format=json", "&delimiter=_&format=xml", "&marker=" + q(p + "b_1"),
               "&end_marker=" + q(p + "c"), "&limit=2", "&limit=0", "&limit=10001", "&reverse=on",
               "&reverse=on&marker=" + q(p + "c"), "&limit=abc", "&marker=%ff"):
        x.req("GET", a + qs, extras=A)
