"""Object metadata: set on PUT, replaced by POST, limits, non-ASCII bytes."""

from kit import case


def container(x):
    c = x.c()
    x.setup("PUT", x.cpath(c))
    return c


@case("meta.object.post-replaces")
def _(x):
    """POST replaces all user metadata (202 + HTML body); X-Remove- is meaningless; ctype change."""
    c = container(x)
    o = x.obj(c, "m")
    x.req("PUT", o, [("Content-Type", "text/plain"), ("X-Object-Meta-Color", "blue"), ("X-Object-Meta-Shape", "round")],
          "abc")
    x.req("HEAD", o)
    x.req("POST", o, [("X-Object-Meta-Color", "red")])
    x.req("HEAD", o)
    x.req("POST", o, [("X-Remove-Object-Meta-Color", "x")])
    x.req("HEAD", o)
    x.req("POST", o, [("X-Object-Meta-Empty", "")])
    x.req("HEAD", o)
    x.req("POST", o, [("Content-Type", "application/x-new"), ("X-Object-Meta-New", "1")])
    x.req("GET", o)
    x.req("POST", o, [("Content-Length", "3")], "abc")
    x.req("POST", o, [("x-object-meta-lower", "v"), ("X-OBJECT-META-UPPER", "V")])
    x.req("HEAD", o)


@case("meta.object.non-ascii")
def _(x):
    """UTF-8 and latin-1 metadata bytes come back byte for byte (names title-cased)."""
    c = container(x)
    o = x.obj(c, "u")
    x.req("PUT", o, [("X-Object-Meta-Color", "bl\u00fce"), ("X-Object-Meta-Snow", "\u2603 \U0001f600")], "abc")
    x.req("GET", o)
    x.req("HEAD", o)
    x.req("POST", o, [("X-Object-Meta-Latin", b"bl\xfce"), ("X-Object-Meta-Mixed", b"\xc3\xbc\xff")])
    x.req("HEAD", o)
    # names: latin-1 bytes, then UTF-8 bytes
    x.req("PUT", o, [("X-Object-Meta-\u00fcml", "v")], "abc")
    x.req("HEAD", o)
    x.req("PUT", o, [(b"X-Object-Meta-\xc3\xbcml".decode("latin-1"), "v"), ("X-OBJECT-META-\u00c4BC", "w")], "abc")
    x.req("HEAD", o)
    x.req("GET", x.cpath(c) + "?format=json", extras=("listing-dates",))


@case("meta.object.control-characters")
def _(x):
    """A control character (other than tab) in a metadata value."""
    c = container(x)
    o = x.obj(c, "ctl")
    x.req("PUT", o, [("X-Object-Meta-Ctl", b"a\x01b")], "abc", fresh=True)
    x.req("HEAD", o, fresh=True)
    x.req("PUT", o, [("X-Object-Meta-Tab", b"a\tb")], "abc", fresh=True)
    x.req("HEAD", o, fresh=True)


@case("meta.object.limits")
def _(x):
    """Object metadata constraints at and over each limit, on PUT and POST."""
    c = container(x)
    o = x.obj(c, "l")
    x.setup("PUT", o, [], "abc")
    for method in ("PUT", "POST"):
        body = "abc" if method == "PUT" else None
        x.req(method, o, [("X-Object-Meta-" + "n" * 128, "v")], body)
        x.req(method, o, [("X-Object-Meta-" + "n" * 129, "v")], body)
        x.req(method, o, [("X-Object-Meta-Big", "v" * 256)], body)
        x.req(method, o, [("X-Object-Meta-Big", "v" * 257)], body)
        x.req(method, o, [("X-Object-Meta-M%d" % i, "v") for i in range(90)], body)
        x.req(method, o, [("X-Object-Meta-M%d" % i, "v") for i in range(91)], body)
        x.req(method, o, [("X-Object-Meta-M%02d" % i, "v" * 253) for i in range(15)]
              + [("X-Object-Meta-Last", "v" * 252)], body)
        x.req(method, o, [("X-Object-Meta-M%02d" % i, "v" * 253) for i in range(15)]
              + [("X-Object-Meta-Last", "v" * 253)], body)
        x.req(method, o, [("X-Object-Meta-", "v")], body)
        x.req(method, o, [("X-Object-Meta-" + "\u00fc" * 65, "v")], body)
        x.req(method, o, [("X-Object-Meta-" + "\u00fc" * 64, "v")], body)
        x.req(method, o, [("X-Object-Meta-Val", "\u00fc" * 129)], body)
        x.req(method, o, [("X-Object-Meta-Val", "\u00fc" * 128)], body)
        x.req(method, o, [("X-Object-Meta-Long", "v" * 8193)], body)
        x.req(method, o, [("X-Other", "v" * 8190)], body)
    x.req("HEAD", o)
    x.req("GET", o)


@case("meta.object.limits-large-set")
def _(x):
    """Metadata exactly at the 4096-byte overall limit is stored and returned in full."""
    c = container(x)
    o = x.obj(c, "full")
    meta = [("X-Object-Meta-M%02d" % i, chr(ord("a") + i) * 253) for i in range(15)] + [("X-Object-Meta-Last", "z" * 252)]
    x.req("PUT", o, meta, "abc")
    x.req("HEAD", o)
    x.req("POST", o, meta[::-1])
    x.req("GET", o)
