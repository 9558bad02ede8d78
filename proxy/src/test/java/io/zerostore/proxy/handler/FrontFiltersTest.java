package io.zerostore.proxy.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.zerostore.common.http.HttpServer;
import io.zerostore.common.pipeline.Pipeline;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.proxy.testkit.RawHttp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** catch_errors, gatekeeper and healthcheck in front of a scripted app, over a real socket. */
@Timeout(30)
class FrontFiltersTest {
    private HttpServer server;
    private volatile String seenTimestamp;
    private volatile String seenSysmeta;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start() throws Exception {
        Pipeline p = new Pipeline(List.of("catch_errors", "gatekeeper", "healthcheck"),
                List.of(new CatchErrorsFilter("-sfx"), new GatekeeperFilter(), new HealthcheckFilter(null)), ex -> {
                    seenTimestamp = ex.headers().get("X-Timestamp");
                    seenSysmeta = ex.headers().get("X-Object-Sysmeta-A");
                    switch (ex.path().path()) {
                        case "/boom" -> throw new IllegalStateException("bug");
                        case "/denied" -> throw new SwiftException(401);
                        case "/v1/AUTH_x/denied" -> throw new SwiftException(401);
                        default -> ex.respond(200, new DefaultHttpHeaders()
                                .set("x-object-sysmeta-secret", "1").set("x-backend-timestamp", "2")
                                .set("x-object-meta-color", "blue").set("etag", "abc"), "ok");
                    }
                });
        server = HttpServer.start("127.0.0.1", 0, 1, p);
        return server.port();
    }

    @Test
    void everyResponseCarriesTheTransactionIdAndSwiftsSpelling() throws Exception {
        int port = start();
        RawHttp.Response r = RawHttp.exchange(port, "GET /x HTTP/1.1\r\nHost: h\r\nX-Timestamp: 1.0\r\n"
                + "X-Object-Sysmeta-A: b\r\nX-Trans-Id-Extra: abc", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Trans-Id")).matches("tx[0-9a-f]{21}-[0-9a-f]{10}-sfx-abc");
        assertThat(r.header("X-Openstack-Request-Id")).isEqualTo(r.header("X-Trans-Id"));
        assertThat(r.names()).contains("Etag", "X-Object-Meta-Color", "Date", "Content-Length", "Connection");
        assertThat(r.names()).doesNotContain("X-Object-Sysmeta-Secret", "X-Backend-Timestamp");
        assertThat(seenTimestamp).isNull();
        assertThat(seenSysmeta).isNull();
    }

    @Test
    void unhandledErrorsBecomeA500AndSwiftErrorsTheirOwnAnswer() throws Exception {
        int port = start();
        RawHttp.Response boom = RawHttp.exchange(port, "GET /boom HTTP/1.1\r\nHost: h", null);
        assertThat(boom.statusLine()).isEqualTo("HTTP/1.1 500 Internal Error");
        assertThat(boom.text()).isEqualTo("An error occurred");
        assertThat(boom.header("Content-Type")).isEqualTo("text/plain");
        assertThat(boom.header("X-Trans-Id")).isNotNull();

        RawHttp.Response denied = RawHttp.exchange(port, "GET /v1/AUTH_x/denied HTTP/1.1\r\nHost: h", null);
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.header("Www-Authenticate")).isEqualTo("Swift realm=\"AUTH_x\"");
        assertThat(RawHttp.exchange(port, "GET /denied HTTP/1.1\r\nHost: h", null).header("Www-Authenticate"))
                .isEqualTo("Swift realm=\"unknown\"");
    }

    @Test
    void healthcheckAnswersAnyMethod() throws Exception {
        int port = start();
        RawHttp.Response r = RawHttp.exchange(port, "POST /healthcheck HTTP/1.1\r\nHost: h\r\nContent-Length: 0", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("OK");
        assertThat(r.header("X-Trans-Id")).isNotNull();
    }

    @Test
    void accessLogLineHasSwiftsFieldsInOrder() {
        AccessLogLine line = new AccessLogLine("10.0.0.1", "127.0.0.1", "GET", "/v1/AUTH_test?limit=2&format=json",
                "HTTP/1.1", 200, null, "curl/7.88.1", "AUTH_tk4d4e555f42774f96b2befdbd9bd610c9", 0, 5, null,
                "tx1-006b072d15", null, 1_795_632_405_138_337_612L, 1_795_632_405_182_632_446L);
        assertThat(line.format()).isEqualTo("10.0.0.1 127.0.0.1 25/Nov/2026/18/46/45 GET "
                + "/v1/AUTH_test%3Flimit%3D2%26format%3Djson HTTP/1.1 200 - curl/7.88.1 AUTH_tk4d4e555f4... - 5 - "
                + "tx1-006b072d15 - 0.0443 - - 1795632405.138337612 1795632405.182632446 -");
    }

    @Test
    void accessLogFileGetsOneLinePerRequest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path log = dir.resolve("access.log");
        AccessLogSink sink = AccessLogSink.file(log);
        Pipeline p = new Pipeline(List.of("catch_errors", "proxy_logging"), List.of(new CatchErrorsFilter(""),
                new ProxyLoggingFilter(sink, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())),
                ex -> ex.body().subscribe(new io.zerostore.common.http.BodySubscriber() {
                    @Override
                    public void onChunk(io.netty.buffer.ByteBuf chunk) {
                        chunk.release();
                        ex.body().request();
                    }

                    @Override
                    public void onEnd() {
                        ex.respond(201, null, "created");
                    }

                    @Override
                    public void onError(Throwable cause) {}
                }));
        server = HttpServer.start("127.0.0.1", 0, 1, p);
        RawHttp.Response r = RawHttp.exchange(server.port(), "PUT /v1/AUTH_a/c/o%20x?q=1 HTTP/1.1\r\nHost: h\r\n"
                + "Content-Length: 3\r\nX-Auth-Token: AUTH_tk0123456789abcdef0123\r\nUser-Agent: t 1", "abc".getBytes());
        assertThat(r.status()).isEqualTo(201);
        // the line is written when the response is done, by the sink's own thread
        long deadline = System.currentTimeMillis() + 5000;
        while ((!java.nio.file.Files.exists(log) || java.nio.file.Files.size(log) == 0)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        sink.close();
        List<String> lines = java.nio.file.Files.readAllLines(log);
        assertThat(lines).hasSize(1);
        String[] f = lines.get(0).split(" ");
        assertThat(f).hasSize(22);
        assertThat(f[0]).isEqualTo("proxy-server:");
        assertThat(f[1]).isEqualTo("127.0.0.1");
        assertThat(f[4]).isEqualTo("PUT");
        assertThat(f[5]).isEqualTo("/v1/AUTH_a/c/o%2520x%3Fq%3D1");
        assertThat(f[7]).isEqualTo("201");
        assertThat(f[9]).isEqualTo("t%201");
        assertThat(f[10]).isEqualTo("AUTH_tk012345678...");
        assertThat(f[11]).isEqualTo("3");
        assertThat(f[12]).isEqualTo("7");
        assertThat(f[14]).isEqualTo(r.header("X-Trans-Id"));
    }
}
