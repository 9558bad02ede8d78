package io.zerostore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against the JDK's own HTTP server: non-2xx answers are errors, and closed connections are replaced. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ErrorStatusTest {

    @Test
    void non2xxResponsesAreCountedByStatusAndClosingServersAreReconnected() throws Exception {
        AtomicInteger n = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int i = n.incrementAndGet();
            if (i % 5 == 0) {
                // every fifth answer closes the connection, like an HTTP/1.0 server would
                exchange.getResponseHeaders().add("Connection", "close");
            }
            int status = i % 2 == 0 ? 503 : 201;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            SwiftSession session = new SwiftSession(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/AUTH_test"), "t");
            PayloadBlock block = new PayloadBlock(1);
            RunPlan plan = new RunPlan(1, Duration.ZERO, Duration.ZERO, 40, 0, Duration.ofSeconds(5), 1);

            RunResult r = ClosedLoopRunner.run(session, plan, seq -> new Request(HttpMethod.PUT,
                session.path("c", "o" + seq), "o" + seq, block.slice(100), null, 0, false, null));

            assertThat(r.ops()).isEqualTo(40);
            assertThat(r.ok()).isEqualTo(20);
            assertThat(r.errors()).isEqualTo(20);
            assertThat(r.errorStatuses()).containsEntry(503, 20L);
            assertThat(r.failures()).isZero();
            assertThat(r.reconnects()).isGreaterThanOrEqualTo(7);
            assertThat(r.written()).hasSize(20);
        } finally {
            server.stop(0);
        }
    }
}
