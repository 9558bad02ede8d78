"""X-Delete-At / X-Delete-After: validation, storage, expiry, and X-If-Delete-At."""

import time

from kit import case

D = ("delete-at",)


@case("expiry.validation")
def _(x):
    """Non-integer, past and valid X-Delete-At / X-Delete-After on PUT and POST."""
    c = x.c()
    x.setup("PUT", x.cpath(c))
    o = x.obj(c, "e")
    x.setup("PUT", o, [], "abc")
    future = "2000000000"
    for method in ("PUT", "POST"):
        body = "abc" if method == "PUT" else None
        x.req(method, o, [("X-Delete-At", "abc")], body)
        x.req(method, o, [("X-Delete-At", "1000")], body)
        x.req(method, o, [("X-Delete-At", "-5")], body)
        x.req(method, o, [("X-Delete-At", "1.5")], body)
        x.req(method, o, [("X-Delete-After", "abc")], body)
        x.req(method, o, [("X-Delete-After", "0")], body)
        x.req(method, o, [("X-Delete-After", "-10")], body)
        x.req(method, o, [("X-Delete-After", "1.5")], body)
        x.req(method, o, [("X-Delete-At", future)], body)
        x.req("HEAD", o)
        x.req(method, o, [("X-Delete-After", "86400")], body, extras=D)
        x.req("HEAD", o, extras=D)
        x.req(method, o, [("X-Delete-At", "99999999999")], body)
        x.req("HEAD", o, extras=D)
        x.req(method, o, [("X-Delete-At", future), ("X-Delete-After", "100")], body, extras=D)
        x.req("HEAD", o, extras=D)
    x.req("POST", o, [])
    x.req("HEAD", o)


@case("expiry.expires")
def _(x):
    """An object with X-Delete-After: 1 is gone (404) two seconds later but still listed."""
    c = x.c()
    x.setup("PUT", x.cpath(c))
    o = x.obj(c, "soon")
    x.req("PUT", o, [("X-Delete-After", "2")], "abc")
    x.req("HEAD", o, extras=D)
    time.sleep(3.5)
    x.req("GET", o)
    x.req("HEAD", o)
    x.req("POST", o, [("X-Object-Meta-A", "b")])
    x.req("COPY", o, [("Destination", "%s/copy" % c)])
    x.req("GET", x.cpath(c), extras=("listing-dates",))
    x.req("DELETE", o)
    x.req("PUT", o, [], "new")
    x.req("GET", o)


@case("expiry.if-delete-at")
def _(x):
    """DELETE with X-If-Delete-At that does (not) match."""
    c = x.c()
    x.setup("PUT", x.cpath(c))
    o = x.obj(c, "e")
    at = "2000000000"
    x.setup("PUT", o, [("X-Delete-At", at)], "abc")
    x.req("DELETE", o, [("X-If-Delete-At", "12345")])
    x.req("DELETE", o, [("X-If-Delete-At", "abc")])
    x.req("DELETE", o, [("X-If-Delete-At", at)])
    x.req("HEAD", o)
