"""Container ACLs with a non-admin user (test:tester3), anonymous referrer access, other accounts."""

from kit import case


def setup(x, read=None, write=None):
    c = x.c()
    h = []
    if read is not None:
        h.append(("X-Container-Read", read))
    if write is not None:
        h.append(("X-Container-Write", write))
    x.setup("PUT", x.cpath(c), h)
    x.setup("PUT", x.obj(c, "o"), [("Content-Type", "text/plain")], "acl body")
    return c


@case("acl.none")
def _(x):
    """No ACL: tester3 and anonymous are refused (403 / 401), other account's admin 403."""
    c = setup(x)
    for user in ("tester3", None, "tester2"):
        x.req("GET", x.cpath(c), user=user)
        x.req("HEAD", x.cpath(c), user=user)
        x.req("GET", x.obj(c, "o"), user=user)
        x.req("HEAD", x.obj(c, "o"), user=user)
        x.req("PUT", x.obj(c, "new"), [], "x", user=user)
        x.req("POST", x.obj(c, "o"), [("X-Object-Meta-A", "b")], user=user)
        x.req("DELETE", x.obj(c, "o"), user=user)
        x.req("GET", x.obj(c, "missing"), user=user)
        x.req("POST", x.cpath(c), [("X-Container-Meta-A", "b")], user=user)
        x.req("PUT", x.cpath(c), user=user)
        x.req("DELETE", x.cpath(c), user=user)
        x.req("GET", x.cpath(x.c("-missing")), user=user)


@case("acl.referrer-any")
def _(x):
    """.r:* lets anyone read objects but not list; .rlistings adds listing; referrer rules."""
    c = setup(x, read=".r:*")
    x.req("GET", x.obj(c, "o"), user=None)
    x.req("HEAD", x.obj(c, "o"), user=None)
    x.req("GET", x.obj(c, "missing"), user=None)
    x.req("GET", x.cpath(c), user=None)
    x.req("HEAD", x.cpath(c), user=None)
    x.req("PUT", x.obj(c, "anon"), [], "x", user=None)
    x.req("GET", x.obj(c, "o"), user="tester3")
    x.req("GET", x.cpath(c), user="tester3")
    x.req("HEAD", x.cpath(c), user="tester3")
    x.setup("POST", x.cpath(c), [("X-Container-Read", ".r:*,.rlistings")])
    x.req("GET", x.cpath(c), user=None)
    x.req("HEAD", x.cpath(c), user=None)
    x.req("GET", x.cpath(c) + "?format=json", user=None, extras=("listing-dates",))
    x.req("HEAD", x.cpath(c))
    x.setup("POST", x.cpath(c), [("X-Container-Read", ".r:.example.com,.rlistings")])
    x.req("GET", x.obj(c, "o"), [("Referer", "http://www.example.com/page")], user=None)
    x.req("GET", x.obj(c, "o"), [("Referer", "http://www.other.com/page")], user=None)
    x.req("GET", x.obj(c, "o"), user=None)
    x.setup("POST", x.cpath(c), [("X-Container-Read", ".r:*,.r:-bad.com")])
    x.req("GET", x.obj(c, "o"), [("Referer", "http://bad.com/x")], user=None)
    x.req("GET", x.obj(c, "o"), [("Referer", "http://good.com/x")], user=None)


@case("acl.user-read-write")
def _(x):
    """Read and write ACLs naming test:tester3, the account, and groups; ACL headers hidden from non-owners."""
    c = setup(x, read="test:tester3")
    x.req("GET", x.obj(c, "o"), user="tester3")
    x.req("GET", x.cpath(c), user="tester3")
    x.req("HEAD", x.cpath(c), user="tester3")
    x.req("PUT", x.obj(c, "w"), [], "x", user="tester3")
    x.setup("POST", x.cpath(c), [("X-Container-Write", "test:tester3")])
    x.req("PUT", x.obj(c, "w"), [], "x", user="tester3")
    x.req("POST", x.obj(c, "w"), [("X-Object-Meta-A", "b")], user="tester3")
    x.req("COPY", x.obj(c, "w"), [("Destination", "%s/w2" % c)], user="tester3")
    x.req("DELETE", x.obj(c, "w"), user="tester3")
    x.req("HEAD", x.cpath(c), user="tester3")
    x.req("POST", x.cpath(c), [("X-Container-Read", ".r:*"), ("X-Container-Meta-By", "tester3")], user="tester3")
    x.req("HEAD", x.cpath(c))
    x.req("DELETE", x.cpath(c), user="tester3")
    x.setup("POST", x.cpath(c), [("X-Container-Read", "test"), ("X-Container-Write", "")])
    x.req("GET", x.obj(c, "o"), user="tester3")
    x.req("PUT", x.obj(c, "w3"), [], "x", user="tester3")
    x.setup("POST", x.cpath(c), [("X-Container-Read", "test2")])
    x.req("GET", x.obj(c, "o"), user="tester2")
    x.req("GET", x.obj(c, "o"), user="tester3")


@case("acl.write-only")
def _(x):
    """Write ACL without read: PUT allowed, GET refused; anonymous PUT with only a read ACL."""
    c = setup(x, write="test:tester3")
    x.req("PUT", x.obj(c, "w"), [], "x", user="tester3")
    x.req("GET", x.obj(c, "w"), user="tester3")
    x.req("HEAD", x.obj(c, "w"), user="tester3")
    x.req("DELETE", x.obj(c, "o"), user="tester3")
    x.req("GET", x.cpath(c), user="tester3")
    c2 = setup(x, read=".r:*")
    x.req("PUT", x.obj(c2, "anon"), [], "x", user=None)


@case("acl.invalid")
def _(x):
    """Malformed ACLs: referrers in a write ACL, bad referrer syntax, empty."""
    c = x.c()
    x.req("PUT", x.cpath(c), [("X-Container-Write", ".r:*")])
    x.req("PUT", x.cpath(c), [("X-Container-Read", ".r:")])
    x.req("PUT", x.cpath(c), [("X-Container-Read", ".rlistings")])
    x.req("PUT", x.cpath(c), [("X-Container-Read", ".unknown")])
    x.req("PUT", x.cpath(c), [("X-Container-Read", ".r:*, test:tester3 , ,")])
    x.req("HEAD", x.cpath(c))
    x.req("POST", x.cpath(c), [("X-Container-Write", ".r:*")])
    x.req("POST", x.cpath(c), [("X-Container-Read", "")])
    x.req("HEAD", x.cpath(c))
