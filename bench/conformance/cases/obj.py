"""Objects: PUT/GET/HEAD/POST/DELETE, ETag, lengths and encodings, names, content types, methods."""

from kit import case, q


def container(x, suffix=""):
    c = x.c(suffix)
    x.setup("PUT", x.cpath(c))
    return c


@case("object.put-get-head-delete")
def _(x):
    """The basic round trip and the headers of each answer."""
    c = container(x)
    o = x.obj(c, "hello.txt")
    x.req("PUT", o, [("Content-Type", "text/plain")], "hello world")
    x.req("GET", o)
    x.req("HEAD", o)
    x.req("PUT", o, [("Content-Type", "text/plain")], "hello again")
    x.req("GET", o)
    x.req("DELETE", o)
    x.req("GET", o)
    x.req("HEAD", o)
    x.req("DELETE", o)
    x.req("POST", o, [("X-Object-Meta-A", "b")])


@case("object.missing")
def _(x):
    """Objects and containers that do not exist."""
    c = container(x)
    x.req("GET", x.obj(c, "nope"))
    x.req("HEAD", x.obj(c, "nope"))
    x.req("GET", x.obj(x.c("-missing"), "nope"))
    x.req("PUT", x.obj(x.c("-missing"), "o"), [("Content-Type", "text/plain")], "x")
    x.req("POST", x.obj(x.c("-missing"), "o"), [("X-Object-Meta-A", "b")])
    x.req("DELETE", x.obj(x.c("-missing"), "o"))


@case("object.etag")
def _(x):
    """ETag on PUT: matching, quoted, mismatching (422), upper case."""
    c = container(x)
    md5 = "5eb63bbbe01eeed093cb22bb8f5acdc3"
    x.req("PUT", x.obj(c, "a"), [("ETag", md5)], "hello world")
    x.req("PUT", x.obj(c, "b"), [("ETag", '"%s"' % md5)], "hello world")
    x.req("PUT", x.obj(c, "c"), [("ETag", "0" * 32)], "hello world")
    x.req("PUT", x.obj(c, "d"), [("ETag", md5.upper())], "hello world")
    x.req("PUT", x.obj(c, "e"), [("ETag", "garbage")], "hello world")
    x.req("HEAD", x.obj(c, "c"))
    x.req("GET", x.obj(c, "b"))


@case("object.zero-byte")
def _(x):
    """0-byte object: PUT, GET, HEAD."""
    c = container(x)
    x.req("PUT", x.obj(c, "z"), [("Content-Type", "text/plain")], "")
    x.req("GET", x.obj(c, "z"))
    x.req("HEAD", x.obj(c, "z"))
    x.req("PUT", x.obj(c, "z2"), [("Content-Type", "text/plain")], chunks=[])
    x.req("HEAD", x.obj(c, "z2"))


@case("object.chunked-upload")
def _(x):
    """Transfer-Encoding: chunked uploads; chunked wins over Content-Length; Expect: 100-continue."""
    c = container(x)
    x.req("PUT", x.obj(c, "ch"), [("Content-Type", "text/plain")], chunks=[b"hello ", b"chunked ", b"world"])
    x.req("GET", x.obj(c, "ch"))
    x.req("PUT", x.obj(c, "ch4"), [("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked")],
          chunks=[b"x" * 70000, b"y"])
    x.req("HEAD", x.obj(c, "ch4"))
    x.req("PUT", x.obj(c, "ex"), [("Content-Type", "text/plain")], "continue", expect_continue=True)
    x.req("GET", x.obj(c, "ex"))


@case("object.chunked-with-content-length")
def _(x):
    """Both Transfer-Encoding: chunked and Content-Length: chunked wins (the length is dropped)."""
    c = container(x)
    x.req("PUT", x.obj(c, "ch2"), [("Content-Type", "text/plain"), ("Content-Length", "3")],
          chunks=[b"hello ", b"world"], fresh=True)
    x.req("GET", x.obj(c, "ch2"), fresh=True)


@case("object.chunked-capitalised")
def _(x):
    """Transfer-Encoding: Chunked (capital C; transfer codings are case-insensitive)."""
    c = container(x)
    x.req("PUT", x.obj(c, "ch3"), [("Content-Type", "text/plain"), ("Transfer-Encoding", "Chunked")],
          chunks=[b"x" * 70000, b"y"], fresh=True)
    x.req("HEAD", x.obj(c, "ch3"), fresh=True)


@case("object.length-errors")
def _(x):
    """411 without length, invalid Transfer-Encoding (400/501), bad Content-Length, 413."""
    c = container(x)
    x.req("PUT", x.obj(c, "nolen"), [("Content-Type", "text/plain")], "")
    x.req("PUT", x.obj(c, "nolen"), [("Content-Type", "text/plain")], "", length=False, fresh=True)
    x.req("PUT", x.obj(c, "te"), [("Content-Type", "text/plain"), ("Transfer-Encoding", "gzip")], "abc",
          fresh=True)
    x.req("PUT", x.obj(c, "te"), [("Content-Type", "text/plain"), ("Transfer-Encoding", "gzip, chunked")],
          chunks=[b"abc"], fresh=True)
    x.req("PUT", x.obj(c, "te"), [("Content-Type", "text/plain"), ("Transfer-Encoding", "identity")], "abc",
          fresh=True)
    x.req("PUT", x.obj(c, "cl"), [("Content-Type", "text/plain"), ("Content-Length", "abc")], "", fresh=True)
    x.req("PUT", x.obj(c, "cl"), [("Content-Type", "text/plain"), ("Content-Length", "-1")], "", fresh=True)
    x.req("PUT", x.obj(c, "big"), [("Content-Type", "text/plain"), ("Content-Length", "5368709123")], "",
          fresh=True)
    x.req("PUT", x.obj(c, "big"), [("Content-Type", "text/plain"), ("Content-Length", "5368709122")], "",
          fresh=True, label="PUT of max_file_size announced, no body sent, client half-closes",
          half_close=True)
    x.req("HEAD", x.obj(c, "te"), fresh=True)


@case("object.client-disconnect")
def _(x):
    """The client sends fewer bytes than Content-Length and stops sending: 499, nothing stored."""
    c = container(x)
    x.req("PUT", x.obj(c, "short"), [("Content-Type", "text/plain"), ("Content-Length", "100")], "only ten!!",
          half_close=True, fresh=True)
    x.req("HEAD", x.obj(c, "short"), fresh=True)


@case("object.names")
def _(x):
    """Object names: 1024/1025 bytes, UTF-8, slashes, trailing slash, spaces, NUL and bad UTF-8."""
    c = container(x)
    x.req("PUT", x.obj(c, "n" * 1024), [], "x")
    x.req("PUT", x.obj(c, "n" * 1025), [], "x")
    x.req("PUT", x.obj(c, "\u00fc" * 512), [], "x")
    x.req("PUT", x.obj(c, "\u00fc" * 513), [], "x")
    x.req("GET", x.obj(c, "n" * 1025))
    for name in ("a/b/c", "a//b", "trail/", "/lead", "sp ace", "\u00fc\u2603", "%25percent", "q?mark", "h#sh",
                 "plus+sign", "tab\tx"):
        x.req("PUT", x.obj(c, name), [], "x")
        x.req("HEAD", x.obj(c, name))
    x.req("PUT", x.cpath(c) + "/bad%ff", [], "x")
    x.req("PUT", x.cpath(c) + "/nul%00x", [], "x")
    x.req("GET", x.cpath(c) + "/bad%C3%28")
    x.req("GET", x.cpath(c) + "/%C3%BC%E2%98%83")
    x.req("GET", "/v1/AUTH_test/" + q(c) + "/" + "\u00fc\u2603".encode().decode("latin-1"), label="GET raw UTF-8 path")
    x.req("GET", x.cpath(c) + "/a%2Fb%2Fc")
    x.req("GET", "/v1/AUTH_test//" + q(c) + "/a")
    x.req("GET", x.cpath(c) + "/sp ace".replace(" ", "%20") + "?query=1")
    x.req("GET", x.cpath(c) + "/sp+ace")


@case("object.content-type")
def _(x):
    """Content-Type stored verbatim; swift_ parameters and non-UTF-8 types refused."""
    c = container(x)
    for i, ct in enumerate(("text/plain", "text/plain; charset=UTF-8", "TEXT/Plain;charset=utf-8", "x",
                            "application/octet-stream", "text/plain;  a=b ; c=d", "weird value \u00fc")):
        x.req("PUT", x.obj(c, "ct%d" % i), [("Content-Type", ct)], "abc")
        x.req("HEAD", x.obj(c, "ct%d" % i))
    x.req("PUT", x.obj(c, "sw"), [("Content-Type", "text/plain; swift_bytes=5")], "abc")
    x.req("PUT", x.obj(c, "sw2"), [("Content-Type", "text/plain;swift_x=1")], "abc")
    x.req("PUT", x.obj(c, "bad"), [("Content-Type", b"text/pl\xffain")], "abc")
    x.req("POST", x.obj(c, "ct0"), [("Content-Type", "text/plain; swift_bytes=5")])
    x.req("POST", x.obj(c, "ct0"), [("Content-Type", "image/gif")])
    x.req("HEAD", x.obj(c, "ct0"))


@case("object.content-type-detection")
def _(x):
    """No Content-Type: guessed from the name's extension (Python mimetypes); X-Detect-Content-Type."""
    c = container(x)
    names = ["a.json", "a.txt", "a.html", "a.htm", "a.css", "a.js", "a.png", "a.jpg", "a.jpeg", "a.gif", "a.svg",
             "a.pdf", "a.xml", "a.csv", "a.tar.gz", "a.gz", "a.tgz", "a.zip", "a.mp4", "a.mp3", "a.wasm", "a.md",
             "a.yaml", "a.py", "a.c", "a.sh", "a.ico", "a.webp", "a.bin", "a.unknownext", "noext", "a.JSON",
             "dir.json/obj", "a.tar", "a.doc", "a.xlsx", "a.woff2", "a.ogg", "a.webm", "a.mjs", "a.tif",
             "a.bmp", "a.rtf", "a.avif", "a.wav", "a.h", "a.java", "a.jar", "a.7z", "a.rar", "a.iso"]
    for n in names:
        x.req("PUT", x.obj(c, n), [], "x", label="PUT %s (no Content-Type)" % n)
        x.req("HEAD", x.obj(c, n))
    x.req("PUT", x.obj(c, "e.png"), [("Content-Type", "")], "x")
    x.req("HEAD", x.obj(c, "e.png"))
    x.req("PUT", x.obj(c, "d.png"), [("Content-Type", "text/plain"), ("X-Detect-Content-Type", "true")], "x")
    x.req("HEAD", x.obj(c, "d.png"))
    x.req("PUT", x.obj(c, "d.unknownext"), [("Content-Type", "text/plain"), ("X-Detect-Content-Type", "true")],
          "x")
    x.req("HEAD", x.obj(c, "d.unknownext"))
    x.req("PUT", x.obj(c, "f.png"), [("Content-Type", "text/plain"), ("X-Detect-Content-Type", "false")], "x")
    x.req("HEAD", x.obj(c, "f.png"))


@case("object.stored-headers")
def _(x):
    """Allowed headers (Content-Encoding, -Disposition, -Language, Cache-Control, Expires,
    X-Robots-Tag, X-Object-Manifest...) are stored; others are not; sysmeta/backend stripped."""
    c = container(x)
    o = x.obj(c, "h")
    x.req("PUT", o, [("Content-Type", "text/plain"), ("Content-Encoding", "gzip"),
                     ("Content-Disposition", "attachment; filename=x.txt"), ("Content-Language", "en"),
                     ("Cache-Control", "no-cache"), ("Expires", "Wed, 01 Jan 2031 00:00:00 GMT"),
                     ("X-Robots-Tag", "noindex"), ("X-Foo", "not stored"), ("X-Object-Sysmeta-Foo", "s"),
                     ("X-Backend-Foo", "b"), ("X-Object-Transient-Sysmeta-X", "t"), ("X-Timestamp", "1000000000.00000")],
          "abc")
    x.req("GET", o)
    x.req("HEAD", o)
    x.req("POST", o, [("Content-Language", "de"), ("X-Object-Meta-A", "1")])
    x.req("HEAD", o)


@case("object.timestamps")
def _(x):
    """Client X-Timestamp is ignored (gatekeeper); Last-Modified follows a POST."""
    c = container(x)
    o = x.obj(c, "t")
    x.req("PUT", o, [("X-Timestamp", "1000000000.00000")], "abc")
    r = x.req("HEAD", o)
    x.note("last-modified is not from the client X-Timestamp", "2001" not in r.header("Last-Modified", ""))
    x.req("PUT", o, [("X-Timestamp", "abc")], "abc")
    x.req("DELETE", o, [("X-Timestamp", "1000000000.00000")])
    x.req("HEAD", o)
    x.req("PUT", o, [("X-Timestamp", "9999999999.99999")], "abc")
    x.req("PUT", o, [], "abcd")
    x.req("HEAD", o)


@case("object.methods")
def _(x):
    """OPTIONS without Origin, unknown methods, COPY without Destination."""
    c = container(x)
    o = x.obj(c, "m")
    x.setup("PUT", o, [], "abc")
    x.req("OPTIONS", o)
    x.req("OPTIONS", o, user=None)
    x.req("OPTIONS", x.obj(c, "missing"), user=None)
    x.req("PATCH", o)
    x.req("PATCH", o, user=None)
    x.req("FOO", o)
    x.req("get", o)
    x.req("PROPFIND", o)


@case("object.trans-id")
def _(x):
    """X-Trans-Id-Extra is appended (quoted, 32 chars max) to the transaction id."""
    c = container(x)
    x.req("HEAD", x.cpath(c), [("X-Trans-Id-Extra", "myextra")])
    x.req("HEAD", x.cpath(c), [("X-Trans-Id-Extra", "a b/c" + "x" * 40)])
    x.req("HEAD", x.cpath(c), [("X-Trans-Id", "txclientchosen")])


@case("object.http10")
def _(x):
    """HTTP/1.0 requests and keep-alive."""
    c = container(x)
    o = x.obj(c, "h10")
    x.setup("PUT", o, [], "hello")
    x.req("GET", o, version="HTTP/1.0", fresh=True)
    x.req("GET", o, [("Connection", "keep-alive")], version="HTTP/1.0", fresh=True)
    x.req("GET", o, [("Connection", "close")], fresh=True)
    x.req("HEAD", o, version="HTTP/1.0", fresh=True)
    x.req("GET", o, host=False, fresh=True, label="GET without Host (HTTP/1.1)")


@case("object.v1_0-and-newest")
def _(x):
    """The v1.0 API path and X-Newest reads."""
    c = container(x)
    x.req("PUT", "/v1.0/AUTH_test/%s/o" % q(c), [("Content-Type", "text/plain")], "v1.0 body")
    x.req("GET", "/v1.0/AUTH_test/%s/o" % q(c))
    x.req("GET", x.obj(c, "o"), [("X-Newest", "true")])
    x.req("HEAD", x.obj(c, "o"), [("X-Newest", "yes")])
    x.req("GET", "/v1.0/AUTH_test/%s" % q(c), extras=("listing-dates",))


@case("object.expect-continue-refused")
def _(x):
    """Expect: 100-continue on requests refused before the body is wanted (no 100 is sent)."""
    c = container(x)
    x.req("PUT", x.obj(c + "-missing", "o"), [("Content-Type", "text/plain")], "body", expect_continue=True,
          fresh=True)
    x.req("PUT", x.obj(c, "o"), [("Content-Type", "text/plain")], "body", expect_continue=True, user=None,
          fresh=True)
    x.req("PUT", x.obj(c, "n" * 1025), [("Content-Type", "text/plain")], "body", expect_continue=True,
          fresh=True)


@case("object.large-object-manifests")
def _(x):
    """Dynamic (X-Object-Manifest) and static (?multipart-manifest=put) large objects."""
    c = container(x)
    for i in range(3):
        x.setup("PUT", x.obj(c, "seg/%d" % i), [("Content-Type", "text/plain")], "part%d;" % i)
    x.req("PUT", x.obj(c, "dlo"), [("X-Object-Manifest", "%s/seg/" % c), ("Content-Type", "text/plain")], "")
    x.req("GET", x.obj(c, "dlo"))
    x.req("HEAD", x.obj(c, "dlo"))
    x.req("GET", x.obj(c, "dlo") + "?multipart-manifest=get")
    manifest = '[{"path": "/%s/seg/0"}, {"path": "/%s/seg/2"}]' % (c, c)
    x.req("PUT", x.obj(c, "slo") + "?multipart-manifest=put", [("Content-Type", "text/plain")], manifest)
    x.req("GET", x.obj(c, "slo"))
