"""A raw HTTP/1.1 client for differential testing: it sends exactly the bytes it is told to and
keeps the response exactly as received (status line, header names in their case and order,
header values as bytes, the body de-chunked), which http.client would normalise away."""

import socket

CRLF = b"\r\n"


class Response:
    """One response as received. Header values are bytes (latin-1 on the wire is not assumed)."""

    def __init__(self, version, status, reason, headers, body, chunked, closed):
        self.version = version
        self.status = status
        self.reason = reason
        self.headers = headers  # list of (name str, value bytes) in wire order
        self.body = body
        self.chunked = chunked
        self.closed = closed  # the server closed the connection after this response

    def header(self, name, default=None):
        """The first value of a header, decoded as latin-1 (every byte kept)."""
        lname = name.lower()
        for k, v in self.headers:
            if k.lower() == lname:
                return v.decode("latin-1")
        return default

    def header_names(self):
        return [k for k, _ in self.headers]

    def __repr__(self):
        return "<Response %d %s, %d headers, %d body bytes>" % (
            self.status, self.reason, len(self.headers), len(self.body))


class Connection:
    """A keep-alive connection to one server; reconnects transparently when the server closed it."""

    def __init__(self, host, port, timeout=60.0):
        self.host = host
        self.port = port
        self.timeout = timeout
        self.sock = None
        self.buf = b""

    def close(self):
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
        self.sock = None
        self.buf = b""

    def _connect(self):
        if self.sock is None:
            self.sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.buf = b""

    def exchange(self, head, body_parts=(), method="GET", half_close=False, fresh=False):
        """Sends a request head (bytes, ending with the blank line) and body parts, returns the
        final Response (interim 1xx responses are skipped). half_close shuts down our sending
        side after the body (a client that disappears mid-upload)."""
        if fresh:
            self.close()
        for attempt in (0, 1):
            self._connect()
            try:
                self.sock.sendall(head)
                for part in body_parts:
                    self.sock.sendall(part)
                if half_close:
                    self.sock.shutdown(socket.SHUT_WR)
                while True:
                    resp = self._read_response(method)
                    if 100 <= resp.status < 200:
                        continue
                    break
            except (ConnectionError, BrokenPipeError, EmptyReply):
                # a kept-alive connection the server closed meanwhile: retry once on a new one
                self.close()
                if attempt == 0 and not half_close:
                    continue
                raise
            if resp.closed or half_close:
                self.close()
            return resp
        raise AssertionError("unreachable")

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise EmptyReply("connection closed by server")
        self.buf += data

    def _read_line(self):
        while CRLF not in self.buf:
            self._fill()
        line, self.buf = self.buf.split(CRLF, 1)
        return line

    def _read_exact(self, n):
        while len(self.buf) < n:
            self._fill()
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def _read_to_close(self):
        chunks = [self.buf]
        self.buf = b""
        while True:
            data = self.sock.recv(65536)
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)

    def _read_response(self, method):
        status_line = self._read_line()
        parts = status_line.split(b" ", 2)
        version = parts[0].decode("latin-1")
        status = int(parts[1])
        reason = parts[2].decode("latin-1") if len(parts) > 2 else ""
        headers = []
        while True:
            line = self._read_line()
            if not line:
                break
            name, _, value = line.partition(b":")
            headers.append((name.decode("latin-1"), value.strip(b" \t")))
        lower = {k.lower(): v for k, v in headers}
        conn = lower.get("connection", b"").lower()
        closed = conn == b"close" or (version == "HTTP/1.0" and conn != b"keep-alive")
        chunked = b"chunked" in lower.get("transfer-encoding", b"").lower()
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            body = b""
        elif chunked:
            body = self._read_chunked()
        elif "content-length" in lower:
            body = self._read_exact(int(lower["content-length"]))
        else:
            body = self._read_to_close()
            closed = True
        return Response(version, status, reason, headers, body, chunked, closed)

    def _read_chunked(self):
        out = []
        while True:
            size = int(self._read_line().split(b";")[0].strip(), 16)
            if size == 0:
                while self._read_line():
                    pass  # trailers
                return b"".join(out)
            out.append(self._read_exact(size))
            self._read_line()


class EmptyReply(ConnectionError):
    pass


def build_head(method, target, headers, version="HTTP/1.1"):
    """The request head. headers: list of (name, value) with str or bytes values (str values are
    encoded as UTF-8, as curl sends what the shell gives it)."""
    lines = [("%s %s %s" % (method, target, version)).encode("latin-1")]
    for name, value in headers:
        if isinstance(value, str):
            value = value.encode("utf-8")
        lines.append(name.encode("latin-1") + b": " + value)
    return CRLF.join(lines) + CRLF + CRLF


def chunked(parts):
    """Transfer-Encoding: chunked framing of the given byte parts."""
    out = []
    for p in parts:
        if p:
            out.append(b"%x\r\n" % len(p) + p + CRLF)
    out.append(b"0\r\n\r\n")
    return out
