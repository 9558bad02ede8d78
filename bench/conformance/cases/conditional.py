"""Conditional requests on objects, their order, and with Range; If-None-Match on PUT."""

import email.utils

from kit import case

MD5 = "5eb63bbbe01eeed093cb22bb8f5acdc3"  # md5("hello world")


def setup(x):
    c = x.c()
    x.setup("PUT", x.cpath(c))
    r = x.setup("PUT", x.obj(c, "o"), [("Content-Type", "text/plain"), ("X-Object-Meta-Color", "blue")], "hello world")
    return c, r.header("Last-Modified")


def shift(http_date, seconds):
    t = email.utils.parsedate_to_datetime(http_date).timestamp() + seconds
    return email.utils.formatdate(t, usegmt=True)


@case("conditional.etag")
def _(x):
    """If-None-Match / If-Match with the ETag, quoted, lists, *, and mismatches, on GET and HEAD."""
    c, _ = setup(x)
    o = x.obj(c, "o")
    for method in ("GET", "HEAD"):
        for name, value in (("If-None-Match", MD5), ("If-None-Match", '"%s"' % MD5), ("If-None-Match", "*"),
                            ("If-None-Match", "nope"), ("If-None-Match", 'nope, "%s"' % MD5),
                            ("If-None-Match", 'W/"%s"' % MD5),
                            ("If-Match", MD5), ("If-Match", '"%s"' % MD5), ("If-Match", "*"),
                            ("If-Match", "nope"), ("If-Match", '"nope", "%s"' % MD5), ("If-Match", "")):
            x.req(method, o, [(name, value)])


@case("conditional.dates")
def _(x):
    """If-Modified-Since / If-Unmodified-Since at, before and after Last-Modified; bad dates ignored."""
    c, lm = setup(x)
    o = x.obj(c, "o")
    for method in ("GET", "HEAD"):
        for name, value in (("If-Modified-Since", shift(lm, 0)), ("If-Modified-Since", shift(lm, -1)),
                            ("If-Modified-Since", shift(lm, 3600)), ("If-Modified-Since", "garbage"),
                            ("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"),
                            ("If-Unmodified-Since", shift(lm, 0)), ("If-Unmodified-Since", shift(lm, -1)),
                            ("If-Unmodified-Since", shift(lm, 3600)), ("If-Unmodified-Since", "garbage"),
                            ("If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT")):
            x.req(method, o, [(name, value)])


@case("conditional.order")
def _(x):
    """Evaluation order: If-None-Match, If-Match, IMS, IUS, then Range; conditionals beat Range."""
    c, lm = setup(x)
    o = x.obj(c, "o")
    past, future = shift(lm, -3600), shift(lm, 3600)
    for hdrs in ([("If-None-Match", MD5), ("If-Match", "nope")],
                 [("If-Match", "nope"), ("If-Modified-Since", future)],
                 [("If-Modified-Since", future), ("If-Unmodified-Since", past)],
                 [("If-None-Match", "nope"), ("If-Modified-Since", future)],
                 [("If-Match", MD5), ("If-Unmodified-Since", past)],
                 [("If-None-Match", MD5), ("Range", "bytes=0-1")],
                 [("If-Match", "nope"), ("Range", "bytes=0-1")],
                 [("If-Match", MD5), ("Range", "bytes=0-1")],
                 [("If-None-Match", "nope"), ("Range", "bytes=0-1,4-5")],
                 [("If-Modified-Since", future), ("Range", "bytes=50-60")],
                 [("If-Match", "nope"), ("Range", "bytes=50-60")]):
        x.req("GET", o, hdrs)


@case("conditional.missing-object")
def _(x):
    """Conditionals on a missing object: If-Match: * is 412, others 404."""
    c, _ = setup(x)
    o = x.obj(c, "missing")
    for hdrs in ([("If-Match", "*")], [("If-Match", MD5)], [("If-None-Match", "*")],
                 [("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")]):
        x.req("GET", o, hdrs)
        x.req("HEAD", o, hdrs)


@case("conditional.put")
def _(x):
    """PUT If-None-Match: * creates only; If-None-Match: <etag> is refused; If-Match on PUT."""
    c, _ = setup(x)
    x.req("PUT", x.obj(c, "o"), [("If-None-Match", "*")], "again")
    x.req("PUT", x.obj(c, "new"), [("If-None-Match", "*")], "new")
    x.req("PUT", x.obj(c, "new2"), [("If-None-Match", MD5)], "new")
    x.req("PUT", x.obj(c, "new3"), [("If-None-Match", '"*"')], "new")
    x.req("PUT", x.obj(c, "o"), [("If-Match", "nope")], "again")
    x.req("GET", x.obj(c, "o"))
    x.req("DELETE", x.obj(c, "o"), [("If-Match", "nope")])
    x.req("POST", x.obj(c, "o"), [("If-Match", "nope")])
