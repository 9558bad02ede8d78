"""Range requests (SWIFT-API.md section 8): single, suffix, open, clipped, ignored, 416, multipart."""

from kit import case

BODY = "hello world"  # 11 bytes

SPECS = [
    "bytes=0-1", "bytes=4-5", "bytes=0-0", "bytes=10-10", "bytes=5-", "bytes=-3", "bytes=-11", "bytes=-20",
    "bytes=0-100", "bytes=3-100", "bytes=11-", "bytes=11-20", "bytes=100-200", "bytes=-0", "bytes=5-3",
    "bytes=-", "bytes=a-b", "bytes=1-a", "0-1", "bytes 0-1", "Bytes=0-1", "BYTES=0-1", "bytes= 0-1",
    "bytes=0 -1", "bytes=0-1,", "bytes=,0-1", "bytes=0-1,,4-5", "bytes=0-1;4-5", "items=0-1", "bytes=",
    "bytes=0-1,4-5", "bytes=0-1,100-200", "bytes=100-200,0-1", "bytes=0-1,-3", "bytes=-3,0-1",
    "bytes=0-1,11-", "bytes=0-5,3-8", "bytes=0-5,2-8,4-9", "bytes=0-5,2-8,1-9", "bytes=0-5,2-8,4-9,0-0",
    "bytes=0-1,0-1", "bytes=0-0,0-0,0-0", "bytes=1-1,0-0",
    "bytes=7-7,6-6,5-5,4-4,3-3,2-2,1-1", "bytes=8-8,7-7,6-6,5-5,4-4,3-3,2-2,1-1",
    "bytes=" + ",".join("%d-%d" % (i % 11, i % 11) for i in range(50)),
    "bytes=" + ",".join("%d-%d" % (i % 11, i % 11) for i in range(51)),
    "bytes=" + ",".join("0-0" for _ in range(51)),
    "bytes=0-1,20-30,40-50", "bytes=-5,-5", "bytes=00-01", "bytes=+1-2", "bytes=1-2,a",
    "bytes=0-18446744073709551616", "bytes=99999999999999999999-",
]


def setup(x):
    c = x.c()
    x.setup("PUT", x.cpath(c))
    x.setup("PUT", x.obj(c, "o"), [("Content-Type", "text/plain")], BODY)
    x.setup("PUT", x.obj(c, "z"), [("Content-Type", "text/plain")], "")
    return c


@case("range.get")
def _(x):
    """Every Range edge case on an 11-byte object."""
    c = setup(x)
    for s in SPECS:
        x.req("GET", x.obj(c, "o"), [("Range", s)])


@case("range.head")
def _(x):
    """Range on HEAD."""
    c = setup(x)
    for s in ("bytes=0-1", "bytes=0-1,4-5", "bytes=11-", "bytes=5-3", "bytes=-3"):
        x.req("HEAD", x.obj(c, "o"), [("Range", s)])


@case("range.zero-byte")
def _(x):
    """Ranges on a 0-byte object: suffix gives 200, anything else 416."""
    c = setup(x)
    for s in ("bytes=-5", "bytes=0-5", "bytes=0-", "bytes=0-0", "bytes=-0", "bytes=0-1,-5", "bytes=5-3"):
        x.req("GET", x.obj(c, "z"), [("Range", s)])
    x.req("HEAD", x.obj(c, "z"), [("Range", "bytes=0-5")])


@case("range.large-multipart")
def _(x):
    """Multipart ranges over a larger body with a stored content type carrying parameters."""
    c = x.c()
    x.setup("PUT", x.cpath(c))
    body = bytes(range(256)) * 400
    x.setup("PUT", x.obj(c, "big"), [("Content-Type", "application/x-thing; a=b")], body)
    x.req("GET", x.obj(c, "big"), [("Range", "bytes=0-9,50000-50009,-10")])
    x.req("GET", x.obj(c, "big"), [("Range", "bytes=100000-")])
    x.req("GET", x.obj(c, "big"), [("Range", "bytes=70000-80000,90000-100000")])
