"""Container: PUT/HEAD/GET/POST/DELETE, metadata semantics and limits, policies, names, methods."""

import time

from kit import case, q


@case("container.lifecycle")
def _(x):
    """PUT 201 then 202, HEAD 204, empty listings, DELETE 204 then 404, DELETE non-empty 409."""
    c = x.cpath(x.c())
    x.req("PUT", c)
    x.req("PUT", c)
    x.req("HEAD", c)
    x.req("GET", c)
    x.req("GET", c + "?format=json")
    x.req("GET", c + "?format=xml")
    x.req("PUT", c + "/o", body="data", headers=[("Content-Type", "text/plain")])
    x.req("HEAD", c)
    x.req("DELETE", c)
    x.req("DELETE", c + "/o")
    x.req("DELETE", c)
    x.req("DELETE", c)
    x.req("HEAD", c)
    x.req("GET", c)
    x.req("POST", c, [("X-Container-Meta-A", "b")])


@case("container.put-body")
def _(x):
    """Container PUT with a body and with chunked encoding."""
    x.req("PUT", x.cpath(x.c("1")), body="ignored?")
    x.req("PUT", x.cpath(x.c("2")), chunks=[b"abc"])
    x.req("HEAD", x.cpath(x.c("1")))


@case("container.metadata")
def _(x):
    """Container metadata: PUT sets, POST adds/replaces per key, empty value and X-Remove- delete."""
    c = x.cpath(x.c())
    x.req("PUT", c, [("X-Container-Meta-Color", "blue"), ("X-Container-Meta-Shape", "round")])
    x.req("HEAD", c)
    x.req("POST", c, [("X-Container-Meta-Color", "red"), ("X-Container-Meta-Size", "big")])
    x.req("HEAD", c)
    x.req("POST", c, [("X-Container-Meta-Color", ""), ("X-Remove-Container-Meta-Shape", "yes")])
    x.req("GET", c)
    x.req("PUT", c, [("X-Container-Meta-Again", "1")])
    x.req("HEAD", c)
    x.req("POST", c, [("X-Container-Meta-Utf8", "bl\u00fce")])
    x.req("HEAD", c)
    x.req("POST", c, [("X-Container-Meta-Latin1", b"bl\xfce")])
    x.req("PUT", c, [("X-Container-Meta-Latin1", b"bl\xfce")])
    x.req("POST", c, [("X-Remove-Container-Meta-Nonexistent", "x")])
    x.req("POST", c, [("X-Container-Meta-Spaces", "  padded  ")])
    x.req("HEAD", c)


@case("container.last-modified")
def _(x):
    """A container's Last-Modified follows its last PUT/POST (X-Timestamp, its creation time, differs
    between replicas in Swift, so it is not compared)."""
    c = x.cpath(x.c())
    x.setup("PUT", c)
    before = x.req("HEAD", c, record=False)
    time.sleep(1.2)
    x.setup("POST", c, [("X-Container-Meta-A", "1")])
    after = x.req("HEAD", c, record=False)
    x.note("Last-Modified advanced by POST", before.header("Last-Modified") != after.header("Last-Modified"))
    time.sleep(1.2)
    x.setup("PUT", c, [("X-Container-Meta-B", "2")])
    again = x.req("HEAD", c, record=False)
    x.note("Last-Modified advanced by re-PUT", after.header("Last-Modified") != again.header("Last-Modified"))


@case("container.metadata-limits")
def _(x):
    """Container metadata constraints on PUT and POST."""
    c = x.cpath(x.c())
    x.setup("PUT", c)
    for method in ("PUT", "POST"):
        x.req(method, c, [("X-Container-Meta-" + "n" * 128, "v")])
        x.req(method, c, [("X-Container-Meta-" + "n" * 129, "v")])
        x.req(method, c, [("X-Container-Meta-Big", "v" * 256)])
        x.req(method, c, [("X-Container-Meta-Big", "v" * 257)])
        x.req(method, c, [("X-Container-Meta-M%d" % i, "v") for i in range(91)])
        x.req(method, c, [("X-Container-Meta-M%d" % i, "v" * 250) for i in range(17)])
        x.req(method, c, [("X-Container-Meta-", "v")])
        x.req(method, c, [("X-Container-Meta-Long", "v" * 8193)])
        x.req(method, c, [("X-Other-Long", "v" * 8170)])
    x.req("HEAD", c)


@case("container.post-missing")
def _(x):
    """POST, HEAD, GET, DELETE on a container that does not exist."""
    c = x.cpath(x.c())
    x.req("POST", c, [("X-Container-Meta-A", "b")])
    x.req("HEAD", c)
    x.req("GET", c)
    x.req("GET", c + "?format=json")
    x.req("DELETE", c)


@case("container.policy")
def _(x):
    """X-Storage-Policy: known name (any case), unknown name, change on an existing container."""
    x.req("PUT", x.cpath(x.c("1")), [("X-Storage-Policy", "gold")])
    x.req("HEAD", x.cpath(x.c("1")))
    x.req("PUT", x.cpath(x.c("2")), [("X-Storage-Policy", "GOLD")])
    x.req("PUT", x.cpath(x.c("3")), [("X-Storage-Policy", "nope")])
    x.req("PUT", x.cpath(x.c("1")), [("X-Storage-Policy", "gold")])
    x.req("PUT", x.cpath(x.c("4")), [("X-Storage-Policy", "")])
    x.req("POST", x.cpath(x.c("1")), [("X-Storage-Policy", "nope")])


@case("container.names")
def _(x):
    """Container name length (256 ok, 257 is 400), UTF-8 names, spaces, bad bytes, NUL."""
    x.req("PUT", x.cpath(x.c("-") + "n" * (256 - len(x.c("-")))))
    x.req("PUT", x.cpath(x.c("-") + "n" * (257 - len(x.c("-")))))
    x.req("HEAD", x.cpath(x.c("-") + "n" * (257 - len(x.c("-")))))
    x.req("PUT", x.cpath(x.c("-\u00fc sp")))
    x.req("HEAD", x.cpath(x.c("-\u00fc sp")))
    x.req("PUT", "/v1/AUTH_test/" + q(x.c()) + "%ff")
    x.req("PUT", "/v1/AUTH_test/" + q(x.c()) + "%00")
    x.req("HEAD", "/v1/AUTH_test/" + q(x.c()) + "%C3%28")
    # lengths count characters, not bytes, in Swift on Python 3
    x.req("PUT", x.cpath(x.c("-") + "\u00fc" * (256 - len(x.c("-")))))
    x.req("PUT", x.cpath(x.c("-") + "\u00fc" * (257 - len(x.c("-")))))


@case("container.methods")
def _(x):
    """OPTIONS, COPY and unknown methods on a container."""
    c = x.cpath(x.c())
    x.setup("PUT", c)
    x.req("OPTIONS", c)
    x.req("OPTIONS", c, user=None)
    x.req("COPY", c, [("Destination", "x/y")])
    x.req("PATCH", c)
    x.req("MERGE", c)


@case("container.conditionals-ignored")
def _(x):
    """Container GET/HEAD ignore If-None-Match / If-Match / Range."""
    c = x.cpath(x.c())
    x.setup("PUT", c)
    x.setup("PUT", c + "/o", body="abc")
    x.req("GET", c, [("If-None-Match", "*")])
    x.req("GET", c, [("If-Match", "nope")])
    x.req("HEAD", c, [("If-None-Match", "*")])
    x.req("GET", c, [("Range", "bytes=0-1")])
    x.req("GET", c, [("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")])


@case("container.sysmeta-and-special-headers")
def _(x):
    """Sysmeta and backend headers are stripped; X-Container-Sync/-Versions headers are stored."""
    c = x.cpath(x.c())
    x.req("PUT", c, [("X-Container-Sysmeta-Foo", "bar"), ("X-Backend-Foo", "bar")])
    x.req("HEAD", c)
    x.req("POST", c, [("X-Versions-Location", "elsewhere")])
    x.req("HEAD", c)
    x.req("POST", c, [("X-Remove-Versions-Location", "x")])
    x.req("HEAD", c)
