package io.zerostore.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.zerostore.common.http.client.ClientExchange;
import io.zerostore.common.http.client.ClientOptions;
import io.zerostore.common.http.client.HttpClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HttpServerClientTest {
    private HttpServer server;
    private HttpClient client;
    @TempDir
    Path tmp;

    /** Hashes the uploaded body as it streams, answers with its MD5 and size; GET serves a file. */
    private void handle(HttpExchange ex) throws Exception {
        if (ex.method().equals(HttpMethod.GET)) {
            Path f = tmp.resolve("file");
            FileChannel fc = FileChannel.open(f);
            HttpResponse head = ex.newHead(200);
            HttpUtil.setContentLength(head, fc.size());
            ex.writeHead(head);
            ex.writeFile(fc, 0, fc.size());
            ex.end().addListener(x -> fc.close());
            return;
        }
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        AtomicLong n = new AtomicLong();
        ex.body().subscribe(new BodySubscriber() {
            @Override
            public void onChunk(ByteBuf chunk) {
                n.addAndGet(chunk.readableBytes());
                md5.update(chunk.nioBuffer());
                chunk.release();
                ex.body().request();
            }

            @Override
            public void onEnd() {
                DefaultHttpHeaders h = new DefaultHttpHeaders();
                h.set("X-Size", n.get());
                ex.respond(201, h, HexFormat.of().formatHex(md5.digest()));
            }

            @Override
            public void onError(Throwable cause) {}
        });
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.start("127.0.0.1", 0, 1, this::handle);
        client = new HttpClient(1, ClientOptions.DEFAULTS);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void streamsChunkedUploadWithExpectContinue() throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.port() + "/x")
                .toURL().openConnection();
        c.setRequestMethod("PUT");
        c.setDoOutput(true);
        c.setChunkedStreamingMode(8192);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] block = new byte[100_000];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        try (OutputStream out = c.getOutputStream()) {
            for (int i = 0; i < 50; i++) {
                out.write(block);
                md5.update(block);
            }
        }
        assertThat(c.getResponseCode()).isEqualTo(201);
        assertThat(c.getHeaderField("X-Size")).isEqualTo("5000000");
        try (InputStream in = c.getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(HexFormat.of().formatHex(md5.digest()));
        }
    }

    @Test
    void clientStreamsBodyAndReusesConnection() throws Exception {
        for (int round = 0; round < 3; round++) {
            DefaultHttpRequest req = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, "/o");
            req.headers().set(HttpHeaderNames.HOST, "localhost");
            HttpUtil.setContentLength(req, 3 * 65536);
            req.headers().set(HttpHeaderNames.EXPECT, "100-continue");
            ClientExchange ex = client.open(server.address(), req).get(5, TimeUnit.SECONDS);
            assertThat(ex.continued().get(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                ex.write(Unpooled.wrappedBuffer(new byte[65536]));
            }
            ex.end();
            HttpResponse res = ex.response().get(5, TimeUnit.SECONDS);
            assertThat(res.status().code()).isEqualTo(201);
            CompletableFuture<String> text = new CompletableFuture<>();
            ex.body().subscribe(new BodySubscriber() {
                final StringBuilder sb = new StringBuilder();

                @Override
                public void onChunk(ByteBuf chunk) {
                    sb.append(chunk.toString(StandardCharsets.UTF_8));
                    chunk.release();
                    ex.body().request();
                }

                @Override
                public void onEnd() {
                    text.complete(sb.toString());
                }

                @Override
                public void onError(Throwable cause) {
                    text.completeExceptionally(cause);
                }
            });
            assertThat(text.get(5, TimeUnit.SECONDS)).hasSize(32);
        }
    }

    @Test
    void servesFileWithZeroCopyAndSmallRequests() throws Exception {
        byte[] data = new byte[3_000_000];
        new java.util.Random(1).nextBytes(data);
        Files.write(tmp.resolve("file"), data);
        for (int i = 0; i < 2; i++) {
            HttpClient.FullResponse r = client.send(server.address(),
                    new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/file")).get(10, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(data);
        }
    }

    @Test
    void headerLineTooLongIs400() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            String req = "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(9000) + "\r\n\r\n";
            s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(40), StandardCharsets.US_ASCII);
            assertThat(status).startsWith("HTTP/1.1 400");
        }
    }
}
