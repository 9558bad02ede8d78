package io.zerostore.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.zerostore.common.swift.SwiftException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's bytes on the wire where Swift's eventlet server and Netty's defaults differ: 204
 * with {@code Content-Length: 0}, HEAD framing, Transfer-Encoding handling, header names with
 * non-ASCII bytes, skipped request bodies, a client that half-closes, HEAD error lengths.
 */
@Timeout(30)
class SwiftWireTest {
    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    /** GET/HEAD /204 → 204; HEAD /obj → 200 with length 5; PUT → echoes the body; POST → 404 unread. */
    private void handle(HttpExchange ex) {
        String path = ex.path().path();
        seen.add(ex.method() + " " + path + " " + ex.headers().get("Transfer-Encoding"));
        if (path.equals("/204")) {
            ex.respond(204, null, "");
        } else if (path.equals("/obj")) {
            HttpHeaders h = SwiftHeaders.create();
            h.set("Content-Length", 5);
            ex.respond(200, h, "hello");
        } else if (path.equals("/error")) {
            ex.respondError(SwiftException.plain(400, "Own text"));
        } else if (path.equals("/default-error")) {
            ex.respondError(new SwiftException(404));
        } else if (path.equals("/meta")) {
            HttpHeaders h = SwiftHeaders.create();
            ex.headers().forEach(e -> {
                if (e.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("x-object-meta-")) {
                    h.add(e.getKey(), e.getValue());
                }
            });
            ex.respond(200, h, "");
        } else if (ex.method().equals(HttpMethod.PUT)) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ex.body().subscribe(new BodySubscriber() {
                @Override
                public void onChunk(ByteBuf chunk) {
                    byte[] b = new byte[chunk.readableBytes()];
                    chunk.readBytes(b);
                    chunk.release();
                    got.writeBytes(b);
                    ex.body().request();
                }

                @Override
                public void onEnd() {
                    ex.respond(201, null, got.toString(StandardCharsets.ISO_8859_1));
                }

                @Override
                public void onError(Throwable cause) {
                    ex.respondError(SwiftException.plain(499, "client gone after " + got.size()));
                }
            });
        } else {
            ex.respondError(new SwiftException(404));
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.start("127.0.0.1", 0, 1, this::handle);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a204KeepsContentLengthZeroAndHeadIsFramedWithoutBody() throws Exception {
        try (Conn c = new Conn()) {
            c.send("GET /204 HTTP/1.1\r\nHost: x\r\n\r\nHEAD /obj HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /obj HTTP/1.1\r\nHost: x\r\n\r\n");
            Resp none = c.read(false);
            assertThat(none.status).isEqualTo(204);
            assertThat(none.headers).containsEntry("content-length", "0");
            Resp head = c.read(true);
            assertThat(head.status).isEqualTo(200);
            assertThat(head.headers).containsEntry("content-length", "5");
            // the GET after the HEAD is read right: the HEAD sent no body bytes
            Resp get = c.read(false);
            assertThat(get.body).isEqualTo("hello");
        }
    }

    @Test
    void chunkedWinsOverAContentLength() throws Exception {
        try (Conn c = new Conn()) {
            c.send("PUT /up HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            Resp r = c.read(false);
            assertThat(r.status).isEqualTo(201);
            assertThat(r.body).isEqualTo("hello world");
            // RFC 9112: a request framed both ways ends its connection
            assertThat(r.headers).containsEntry("connection", "close");
        }
    }

    @Test
    void anUnsupportedTransferEncodingReachesTheApplicationWithoutItsBody() throws Exception {
        try (Conn c = new Conn()) {
            c.send("PUT /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc");
            Resp r = c.read(false);
            // the application decides (Swift's proxy answers its own 400 text); the body is not framed
            assertThat(r.status).isEqualTo(201);
            assertThat(r.body).isEmpty();
            assertThat(r.headers).containsEntry("connection", "close");
            assertThat(seen).contains("PUT /up gzip");
        }
    }

    @Test
    void headerNamesWithNonAsciiBytesPassThroughUnchanged() throws Exception {
        String name = new String("X-Object-Meta-üml".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String value = new String("blüe ☃".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        try (Conn c = new Conn()) {
            c.send("GET /meta HTTP/1.1\r\nHost: x\r\n" + name + ": " + value + "\r\n\r\n");
            Resp r = c.read(false);
            assertThat(r.status).isEqualTo(200);
            assertThat(r.headers).containsEntry(name.toLowerCase(java.util.Locale.ROOT), value);
        }
    }

    @Test
    void aSmallUnreadBodyIsSkippedAndTheConnectionKept() throws Exception {
        try (Conn c = new Conn()) {
            c.send("POST /refused HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789"
                    + "GET /obj HTTP/1.1\r\nHost: x\r\n\r\n");
            Resp refused = c.read(false);
            assertThat(refused.status).isEqualTo(404);
            assertThat(refused.headers).doesNotContainKey("connection");
            Resp next = c.read(false);
            assertThat(next.status).isEqualTo(200);
            assertThat(next.body).isEqualTo("hello");
        }
    }

    @Test
    void aSmallUnreadChunkedBodyIsSkippedToo() throws Exception {
        try (Conn c = new Conn()) {
            c.send("POST /refused HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                    + "GET /obj HTTP/1.1\r\nHost: x\r\n\r\n");
            Resp refused = c.read(false);
            assertThat(refused.status).isEqualTo(404);
            assertThat(refused.headers).doesNotContainKey("connection");
            assertThat(c.read(false).body).isEqualTo("hello");
        }
    }

    @Test
    void anUnreadChunkedBodyBeyondTheLimitEndsTheConnection() throws Exception {
        try (Conn c = new Conn()) {
            c.send("POST /refused HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            assertThat(c.read(false).status).isEqualTo(404);
            String chunk = "10000\r\n" + "x".repeat(0x10000) + "\r\n";
            try {
                for (int i = 0; i < 4; i++) {
                    c.send(chunk);
                }
            } catch (IOException closedMeanwhile) {
                // the server may already have closed
            }
            // ended: an orderly close or, with our chunks unread, a reset
            int end;
            try {
                end = c.in.read();
            } catch (java.net.SocketException reset) {
                end = -1;
            }
            assertThat(end).isEqualTo(-1);
        }
    }

    @Test
    void aLargeUnreadBodyStillClosesTheConnection() throws Exception {
        try (Conn c = new Conn()) {
            c.send("POST /refused HTTP/1.1\r\nHost: x\r\nContent-Length: " + (10 * 1024 * 1024) + "\r\n\r\nabc");
            Resp refused = c.read(false);
            assertThat(refused.status).isEqualTo(404);
            assertThat(refused.headers).containsEntry("connection", "close");
        }
    }

    @Test
    void aClientThatShutsDownItsSendingSideStillGetsItsAnswer() throws Exception {
        try (Conn c = new Conn()) {
            c.send("PUT /up HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten!!");
            c.socket.shutdownOutput();
            Resp r = c.read(false);
            assertThat(r.status).isEqualTo(499);
            assertThat(r.body).isEqualTo("client gone after 10");
        }
    }

    @Test
    void aHeadErrorSaysTheLengthOfItsOwnTextButZeroForADefaultPage() throws Exception {
        try (Conn c = new Conn()) {
            c.send("HEAD /error HTTP/1.1\r\nHost: x\r\n\r\nHEAD /default-error HTTP/1.1\r\nHost: x\r\n\r\n");
            Resp own = c.read(true);
            assertThat(own.status).isEqualTo(400);
            assertThat(own.headers).containsEntry("content-length", String.valueOf("Own text".length()));
            Resp page = c.read(true);
            assertThat(page.status).isEqualTo(404);
            assertThat(page.headers).containsEntry("content-length", "0");
        }
    }

    private record Resp(int status, Map<String, String> headers, String body) {}

    /** A raw keep-alive connection: requests are written as given, responses read one at a time. */
    private final class Conn implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Conn() throws IOException {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        Resp read(boolean head) throws IOException {
            int status = Integer.parseInt(line().split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            String l;
            while (!(l = line()).isEmpty()) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).toLowerCase(java.util.Locale.ROOT), l.substring(colon + 1).strip());
            }
            String body = "";
            if (!head && status != 204 && headers.containsKey("content-length")) {
                body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))),
                        StandardCharsets.ISO_8859_1);
            }
            return new Resp(status, headers, body);
        }

        private String line() throws IOException {
            List<Byte> b = new ArrayList<>();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    b.add((byte) c);
                }
            }
            byte[] bytes = new byte[b.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = b.get(i);
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
