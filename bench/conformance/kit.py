"""The case kit: targets, the per-target context a case runs in, and the case registry."""

import time
import urllib.parse

import rawhttp
from normalize import normalize

USERS = {
    "tester": ("test:tester", "testing"),
    "tester2": ("test2:tester2", "testing2"),
    "tester3": ("test:tester3", "testing3"),
    "admin": ("admin:admin", "admin"),
}


def q(name):
    """URL-quotes a name (UTF-8), keeping slashes."""
    return urllib.parse.quote(name, safe="/")


class Target:
    def __init__(self, name, url):
        u = urllib.parse.urlsplit(url)
        self.name = name
        self.host = u.hostname
        self.port = u.port
        self.tokens = {}

    def connection(self):
        return rawhttp.Connection(self.host, self.port)

    def login(self):
        """Logs every test user in and makes sure both test accounts exist. A cluster that has just
        started may answer 503 until its storage servers are up: retried for up to two minutes."""
        conn = self.connection()
        try:
            for user, (name, key) in USERS.items():
                r = self._ready(conn, "GET", "/auth/v1.0", [("X-Auth-User", name), ("X-Auth-Key", key)])
                if r.status != 200:
                    raise SystemExit("%s: login of %s failed: %d %s" % (self.name, name, r.status, r.reason))
                self.tokens[user] = r.header("X-Auth-Token")
            # both test accounts must exist (not merely be auto-created on the fly) before any
            # case runs, as on a cluster that has been used
            for account, user in (("AUTH_test", "tester"), ("AUTH_test2", "tester2")):
                r = self._ready(conn, "PUT", "/v1/%s/conformance-init" % account,
                                [("X-Auth-Token", self.tokens[user]), ("Content-Length", "0")])
                if r.status not in (201, 202):
                    raise SystemExit("%s: PUT %s/conformance-init: %d %s" % (self.name, account, r.status, r.reason))
        finally:
            conn.close()

    def _ready(self, conn, method, path, headers):
        deadline = time.time() + 120
        while True:
            try:
                head = rawhttp.build_head(method, path, [("Host", "%s:%d" % (self.host, self.port))] + headers)
                r = conn.exchange(head, method=method)
                if r.status < 500 or time.time() > deadline:
                    return r
            except OSError:
                conn.close()
                if time.time() > deadline:
                    raise
            time.sleep(1)


class Step:
    def __init__(self, label, request, response, record):
        self.label = label
        self.request = request
        self.response = response
        self.record = record
        self.note = None


class Ctx:
    """What a case sees for one target: requests (recorded or setup), names, tokens."""

    def __init__(self, target, run_id, case):
        self.target = target
        self.run = run_id
        self.case = case
        self.steps = []
        self.acct = "AUTH_test"
        self.conn = target.connection()

    def c(self, suffix=""):
        """A container name unique to this run and case."""
        return "cf%s-%s%s" % (self.run, self.case.slug, suffix)

    def token(self, user="tester"):
        return self.target.tokens[user]

    def req(self, method, path, headers=(), body=None, *, user="tester", label=None, record=True,
            extras=(), chunks=None, length=True, version="HTTP/1.1", half_close=False, fresh=False,
            host=True, expect_continue=False):
        """One request. headers: list of (name, value) or a dict; values str (sent as UTF-8) or
        bytes. user: whose token to send (None: anonymous). Returns the rawhttp.Response."""
        hdrs = list(headers.items()) if isinstance(headers, dict) else list(headers)
        names = {k.lower() for k, _ in hdrs}
        out = []
        if host:
            out.append(("Host", "%s:%d" % (self.target.host, self.target.port)))
        if user is not None:
            out.append(("X-Auth-Token", self.token(user)))
        out.extend(hdrs)
        parts = []
        if chunks is not None:
            if "transfer-encoding" not in names:
                out.append(("Transfer-Encoding", "chunked"))
            parts = rawhttp.chunked(chunks)
        elif body is not None:
            if isinstance(body, str):
                body = body.encode("utf-8")
            if length and "content-length" not in names:
                out.append(("Content-Length", str(len(body))))
            parts = [body]
        if expect_continue:
            out.append(("Expect", "100-continue"))
        head = rawhttp.build_head(method, path, out, version)
        resp = self.conn.exchange(head, parts, method=method, half_close=half_close, fresh=fresh)
        if record:
            shown = [(k, v) for k, v in hdrs if k.lower() not in ("x-auth-token",)]
            desc = "%s %s" % (method, path)
            if shown:
                desc += " " + " ".join("%s:%s" % (k, _short(v)) for k, v in shown)
            if user not in (None, "tester"):
                desc += " [as %s]" % user
            elif user is None:
                desc += " [anonymous]"
            rec = normalize(resp, self.target.port, extras)
            self.steps.append(Step(label or desc, desc, resp, rec))
        return resp

    def setup(self, method, path, headers=(), body=None, **kw):
        """A request that prepares state; not compared, but must succeed (2xx)."""
        r = self.req(method, path, headers, body, record=False, **kw)
        if not 200 <= r.status < 300:
            raise AssertionError("setup %s %s -> %d %s %r" % (method, path, r.status, r.reason, r.body[:200]))
        return r

    def note(self, label, value):
        """Records a derived value (e.g. 'same token as before') for comparison; differences show
        as field note:<label> (spaces become dashes, so known-diffs.txt can name it)."""
        label = label.replace(" ", "-")
        resp = rawhttp.Response("", 0, "", [], str(value).encode(), False, False)
        rec = normalize(resp, self.target.port, ("no-ceil-check",))
        step = Step("note: " + label, "note " + label, resp, rec)
        step.note = label
        self.steps.append(step)

    def obj(self, container, name):
        return "/v1/%s/%s/%s" % (self.acct, q(container), q(name))

    def cpath(self, container, account=None):
        return "/v1/%s/%s" % (account or self.acct, q(container))

    def close(self):
        self.conn.close()


def _short(v):
    if isinstance(v, bytes):
        v = v.decode("latin-1")
    return v if len(v) <= 60 else v[:40] + "...(%d)" % len(v)


class Case:
    def __init__(self, cid, fn, doc):
        self.id = cid
        self.fn = fn
        self.doc = doc
        self.slug = cid.replace(".", "-").replace("_", "-")[:60]


CASES = []


def case(cid):
    def deco(fn):
        CASES.append(Case(cid, fn, (fn.__doc__ or "").strip()))
        return fn
    return deco


