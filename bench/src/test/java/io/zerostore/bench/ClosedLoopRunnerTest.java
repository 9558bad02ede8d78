package io.zerostore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClosedLoopRunnerTest {
    private static final long BODY = 3L * PayloadBlock.SIZE + 17;

    private StaticResponder responder;
    private SwiftSession session;

    @BeforeEach
    void start() throws Exception {
        responder = StaticResponder.start("127.0.0.1", 0, BODY, 1);
        session = TempAuth.login(URI.create("http://127.0.0.1:" + responder.port() + "/auth/v1.0"),
            "test:tester", "testing");
    }

    @AfterEach
    void stop() throws Exception {
        responder.close();
    }

    private static RunPlan byCount(int concurrency, long count) {
        return new RunPlan(concurrency, Duration.ZERO, Duration.ZERO, count, 0, Duration.ofSeconds(10), 1);
    }

    @Test
    void loginGivesTheStorageUrlOfTheAccount() {
        assertThat(session.storageUrl().getPath()).isEqualTo("/v1/AUTH_test");
        assertThat(session.token()).isEqualTo("AUTH_tkstatic");
        assertThat(session.path("c", "a b/ü")).isEqualTo("/v1/AUTH_test/c/a%20b/%C3%BC");
    }

    @Test
    void countBoundPutSendsEveryBodyOnceAndRecordsEveryName() throws Exception {
        PayloadBlock block = new PayloadBlock(1);
        RunResult r = ClosedLoopRunner.run(session, byCount(8, 500), seq -> new Request(HttpMethod.PUT,
            session.path("c", "o" + seq), "o" + seq, block.slice(4096), null, 0, false, null));

        assertThat(r.ok()).isEqualTo(500);
        assertThat(r.errors() + r.failures()).isZero();
        assertThat(r.bytesOut()).isEqualTo(500L * 4096);
        assertThat(r.written()).hasSize(500).doesNotHaveDuplicates().contains("o0", "o499");
        assertThat(r.sortedLatencies()).hasSize(500);
        assertThat(r.elapsedNanos()).isPositive();
    }

    @Test
    void durationBoundRunStopsAfterItsDuration() throws Exception {
        RunPlan plan = new RunPlan(4, Duration.ofMillis(700), Duration.ofMillis(200), 0, 0,
            Duration.ofSeconds(10), 1);
        long t0 = System.nanoTime();
        RunResult r = ClosedLoopRunner.run(session, plan,
            seq -> Request.bodiless(HttpMethod.HEAD, session.path("c", "x"), "x"));
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(r.ok()).isPositive();
        assertThat(r.failures()).isZero();
        assertThat(seconds).isBetween(0.85, 5.0);
        // warm-up operations are not in the measured window
        assertThat(r.elapsedNanos() / 1e9).isBetween(0.6, 1.5);
    }

    @Test
    void largeGetStreamsTheWholeBodyAndVerifiesItsMd5() throws Exception {
        RunResult r = ClosedLoopRunner.run(session, byCount(1, 2),
            seq -> new Request(HttpMethod.GET, session.path("c", "big"), "big", null, null, 0, true, null));

        assertThat(r.ok()).isEqualTo(2);
        assertThat(r.bytesIn()).isEqualTo(2 * BODY);
        assertThat(r.etagMismatches()).isZero();
    }

    @Test
    void streamedPutSendsTheDeclaredLength() throws Exception {
        PayloadBlock block = new PayloadBlock(3);
        long size = 5L * PayloadBlock.SIZE + 1;
        RunResult r = ClosedLoopRunner.run(session, byCount(1, 2), seq -> new Request(HttpMethod.PUT,
            session.path("c", "large"), "large", null, new GeneratedBody(block, size), size, false, null));

        assertThat(r.ok()).isEqualTo(2);
        assertThat(r.bytesOut()).isEqualTo(2 * size);
        assertThat(r.failures()).isZero();
    }

    @Test
    void wrongExpectedEtagIsCountedAsMismatch() throws Exception {
        RunResult r = ClosedLoopRunner.run(session, byCount(2, 10), seq -> new Request(HttpMethod.GET,
            session.path("c", "o"), "o", null, null, 0, false, "00000000000000000000000000000000"));

        assertThat(r.ok()).isEqualTo(10);
        assertThat(r.etagMismatches()).isEqualTo(10);
    }

    @Test
    void refusedConnectionsAreFailuresAndTheRunStillEnds() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SwiftSession nowhere = new SwiftSession(URI.create("http://127.0.0.1:" + closedPort + "/v1/AUTH_test"), "t");
        RunPlan plan = new RunPlan(2, Duration.ofMillis(500), Duration.ZERO, 0, 0, Duration.ofSeconds(5), 1);

        RunResult r = ClosedLoopRunner.run(nowhere, plan,
            seq -> Request.bodiless(HttpMethod.GET, nowhere.path("c", "o"), "o"));

        assertThat(r.ok()).isZero();
        assertThat(r.failures()).isPositive();
        assertThat(r.lastFailure()).isNotNull();
        assertThat(List.of(r.sortedLatencies().length)).containsExactly(0);
    }
}
