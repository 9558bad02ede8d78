"""Server-side copy: COPY with Destination, PUT with X-Copy-From, metadata merge, errors."""

from kit import case, q


def setup(x):
    c = x.c()
    x.setup("PUT", x.cpath(c))
    x.setup("PUT", x.obj(c, "src"), [("Content-Type", "text/x-src"), ("X-Object-Meta-Color", "blue"),
                                     ("X-Object-Meta-Shape", "round"), ("Content-Disposition", "inline")],
            "source body")
    return c


@case("copy.copy-method")
def _(x):
    """COPY with Destination: 201 with X-Copied-From*, metadata merged, request meta wins."""
    c = setup(x)
    src = x.obj(c, "src")
    x.req("COPY", src, [("Destination", "%s/dst1" % c)])
    x.req("GET", x.obj(c, "dst1"))
    x.req("COPY", src, [("Destination", "/%s/dst2" % c), ("X-Object-Meta-Color", "red"), ("Content-Type", "text/new")])
    x.req("HEAD", x.obj(c, "dst2"))
    x.req("COPY", src, [("Destination", "%s/dst3" % c), ("X-Fresh-Metadata", "true"), ("X-Object-Meta-Only", "me")])
    x.req("HEAD", x.obj(c, "dst3"))
    x.req("COPY", src, [("Destination", "%s/src" % c), ("X-Object-Meta-Self", "yes")])
    x.req("HEAD", src)
    x.req("COPY", src, [("Destination", q("%s/d\u00fcst sp" % c))])
    x.req("HEAD", x.obj(c, "d\u00fcst sp"))
    x.req("COPY", x.obj(c, "d\u00fcst sp"), [("Destination", "%s/back" % c)])


@case("copy.x-copy-from")
def _(x):
    """PUT with X-Copy-From: 201, merge, fresh metadata, quoted source names."""
    c = setup(x)
    x.req("PUT", x.obj(c, "p1"), [("X-Copy-From", "%s/src" % c)], "")
    x.req("GET", x.obj(c, "p1"))
    x.req("PUT", x.obj(c, "p2"), [("X-Copy-From", "/%s/src" % c), ("X-Object-Meta-Extra", "1")], "")
    x.req("HEAD", x.obj(c, "p2"))
    x.req("PUT", x.obj(c, "p3"), [("X-Copy-From", "%s/src" % c), ("X-Fresh-Metadata", "yes"),
                                  ("Content-Type", "text/override")], "")
    x.req("HEAD", x.obj(c, "p3"))
    x.req("PUT", x.obj(c, "p4"), [("X-Copy-From", "%s/src" % c)], chunks=[])


@case("copy.errors")
def _(x):
    """Missing/malformed Destination or X-Copy-From, missing source, a body on a copy."""
    c = setup(x)
    src = x.obj(c, "src")
    x.req("COPY", src)
    x.req("COPY", src, [("Destination", "noslash")])
    x.req("COPY", src, [("Destination", "/")])
    x.req("COPY", src, [("Destination", "%s/" % c)])
    x.req("COPY", x.obj(c, "nosuch"), [("Destination", "%s/d" % c)])
    x.req("COPY", src, [("Destination", "nosuchcontainer-%s/d" % x.run)])
    x.req("COPY", src, [("Destination", "%s/d" % c)], "a body")
    x.req("PUT", x.obj(c, "e1"), [("X-Copy-From", "noslash")], "")
    x.req("PUT", x.obj(c, "e2"), [("X-Copy-From", "%s/nosuch" % c)], "")
    x.req("PUT", x.obj(c, "e3"), [("X-Copy-From", "%s/src" % c)], "body")
    x.req("PUT", x.obj(c, "e4"), [("X-Copy-From", "%s/src" % c), ("ETag", "0" * 32)], "")
    x.req("PUT", x.obj(c, "e5"), [("X-Copy-From", "%s/src" % c), ("If-None-Match", "*")], "")
    x.req("PUT", x.obj(c, "e6"), [("X-Copy-From", "%s/%s" % (c, "n" * 1025))], "")
    x.req("COPY", src, [("Destination", "%s/%s" % (c, "n" * 1025))])


@case("copy.accounts-and-acl")
def _(x):
    """Destination-Account / X-Copy-From-Account; copies a non-owner may or may not do."""
    c = setup(x)
    src = x.obj(c, "src")
    x.req("COPY", src, [("Destination", "%s/d" % c), ("Destination-Account", "AUTH_test2")])
    x.req("COPY", src, [("Destination", "%s/d" % c), ("Destination-Account", "AUTH_test")])
    x.req("HEAD", x.obj(c, "d"))
    x.req("PUT", x.obj(c, "d2"), [("X-Copy-From", "%s/src" % c), ("X-Copy-From-Account", "AUTH_test")], "")
    x.req("PUT", x.obj(c, "d3"), [("X-Copy-From", "%s/src" % c), ("X-Copy-From-Account", "AUTH_test2")], "")
    x.req("COPY", src, [("Destination", "%s/d4" % c)], user="tester3")
    x.req("COPY", src, [("Destination", "%s/d4" % c)], user=None)


@case("copy.range-and-conditionals")
def _(x):
    """A copy ignores Range? and honours conditionals on the source."""
    c = setup(x)
    src = x.obj(c, "src")
    x.req("COPY", src, [("Destination", "%s/r" % c), ("Range", "bytes=0-3")])
    x.req("GET", x.obj(c, "r"))
    x.req("COPY", src, [("Destination", "%s/r2" % c), ("If-Match", "nope")])
    x.req("PUT", x.obj(c, "r3"), [("X-Copy-From", "%s/src" % c), ("Range", "bytes=1-2")], "")
    x.req("GET", x.obj(c, "r3"))
