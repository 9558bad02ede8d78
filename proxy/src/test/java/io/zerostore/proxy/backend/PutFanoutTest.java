package io.zerostore.proxy.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.HttpServer;
import io.zerostore.common.http.client.ClientOptions;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.proxy.testkit.RawHttp;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The streaming PUT fan-out against small scripted object servers on real sockets: handoffs for
 * refused nodes, the early answers Swift gives (202, 412, 503), losing a node mid-stream, and
 * backpressure from a slow node back to the client.
 */
@Timeout(60)
class PutFanoutTest {
    enum Kind { OK, FULL, CONFLICT, PRECONDITION, DIES, SLOW, STALLS }

    /** A fake object server: answers by its kind, counts what it received. */
    static final class Backend {
        final Kind kind;
        final HttpServer server;
        final AtomicLong received = new AtomicLong();
        private boolean closed;

        Backend(Kind kind) throws Exception {
            this.kind = kind;
            this.server = HttpServer.start("127.0.0.1", 0, 1, this::handle);
        }

        private void handle(HttpExchange ex) throws Exception {
            switch (kind) {
                case FULL -> ex.respond(507, null, "");
                case CONFLICT -> ex.respond(409, new DefaultHttpHeaders().set("X-Backend-Timestamp", "1.0"), "");
                case PRECONDITION -> ex.respond(412, null, "");
                default -> receive(ex);
            }
        }

        private void receive(HttpExchange ex) throws Exception {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            ex.body().subscribe(new BodySubscriber() {
                @Override
                public void onChunk(ByteBuf chunk) {
                    long total = received.addAndGet(chunk.readableBytes());
                    md5.update(chunk.nioBuffer());
                    chunk.release();
                    if (kind == Kind.DIES && total > 256 * 1024) {
                        ex.channel().close();
                        return;
                    }
                    if (kind == Kind.STALLS && total > 256 * 1024) {
                        // stops reading but keeps the connection: a hung disk
                        return;
                    }
                    if (kind == Kind.SLOW) {
                        ex.eventLoop().schedule(() -> ex.body().request(), 2, TimeUnit.MILLISECONDS);
                    } else {
                        ex.body().request();
                    }
                }

                @Override
                public void onEnd() {
                    ex.respond(201, new DefaultHttpHeaders().set("Etag", HexFormat.of().formatHex(md5.digest())), "");
                }

                @Override
                public void onError(Throwable cause) {}
            });
        }

        void close() {
            if (!closed) {
                closed = true;
                server.close();
            }
        }

        Device device(int id) {
            return Device.of(id, 1, id + 1, "127.0.0.1", server.port(), "d" + id, 100);
        }
    }

    private final List<Backend> backends = new ArrayList<>();
    private HttpServer front;
    private HttpClient client;
    private volatile long frontReceived;

    @AfterEach
    void stop() {
        if (front != null) {
            front.close();
        }
        if (client != null) {
            client.close();
        }
        backends.forEach(Backend::close);
    }

    /** Replicas on the first three backends, a fourth is the handoff; a front server runs the fan-out. */
    private void start(Kind... kinds) throws Exception {
        List<Device> devices = new ArrayList<>();
        for (Kind k : kinds) {
            Backend b = new Backend(k);
            devices.add(b.device(backends.size()));
            backends.add(b);
        }
        // partition 0 lives on backends 0-2; a fourth backend appears in other partitions, so it is
        // partition 0's handoff
        int spare = devices.size() > 3 ? 3 : 0;
        Ring ring = Ring.of(devices, new int[][] {{0, spare, 0, spare}, {1, 1, spare, 1}, {2, 2, 2, 2}}, 2);
        client = new HttpClient(1, new ClientOptions(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        BackendClient bc = new BackendClient(client, new ErrorLimiter(10, Duration.ofSeconds(60)));
        front = HttpServer.start("127.0.0.1", 0, 1, ex -> {
            long length = Long.parseLong(ex.headers().get("Content-Length"));
            List<Function<Device, HttpRequest>> heads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpHeaders h = new DefaultHttpHeaders().set("Content-Length", length).set("Expect", "100-continue")
                        .set("X-Timestamp", "1.00000");
                heads.add(node -> bc.head(HttpMethod.PUT, node, 0, "/a/c/o", null, h, true));
            }
            PutFanout.Options options = new PutFanout.Options(1L << 40, Duration.ofSeconds(2), Duration.ofSeconds(2),
                    Duration.ofMillis(500), "*".equals(ex.headers().get("If-None-Match")), true);
            PutFanout.run(bc, NodeIterator.forWrite(ring, 0, bc.errors(), 6), heads, ex.eventLoop(),
                    BodyStream.ofClient(ex.body()), options).thenAccept(outcome -> {
                        frontReceived = ex.body().receivedBytes();
                        if (outcome instanceof PutOutcome.Answered a) {
                            BackendResponse best = Quorum.best(a.responses(), null);
                            ex.respond(best == null ? 503 : best.status(), null, a.responses().stream()
                                    .map(r -> Integer.toString(r.status())).collect(Collectors.joining(",")));
                        } else {
                            ex.respond(((PutOutcome.Ended) outcome).status(), null, "early");
                        }
                    });
        });
    }

    private RawHttp.Response upload(byte[] body, String... extraHeaders) throws Exception {
        StringBuilder head = new StringBuilder("PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length);
        for (String h : extraHeaders) {
            head.append("\r\n").append(h);
        }
        return RawHttp.exchange(front.port(), head.toString(), body);
    }

    @Test
    void allReplicasGetTheWholeBody() throws Exception {
        start(Kind.OK, Kind.OK, Kind.OK);
        byte[] body = new byte[3_000_000];
        new java.util.Random(7).nextBytes(body);
        RawHttp.Response r = upload(body);
        assertThat(r.text()).isEqualTo("201,201,201");
        backends.forEach(b -> assertThat(b.received.get()).isEqualTo(body.length));
    }

    @Test
    void aFullPrimaryIsReplacedByAHandoff() throws Exception {
        start(Kind.OK, Kind.FULL, Kind.OK, Kind.OK);
        assertThat(upload("data".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("201,201,201");
        assertThat(backends.get(3).received.get()).isEqualTo(4);
        assertThat(backends.get(1).received.get()).isZero();
    }

    @Test
    void aDeadPrimaryIsReplacedByAHandoff() throws Exception {
        start(Kind.OK, Kind.OK, Kind.OK, Kind.OK);
        backends.get(0).close();
        assertThat(upload("data".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("201,201,201");
        assertThat(backends.get(3).received.get()).isEqualTo(4);
    }

    @Test
    void withoutAQuorumOfContinuesTheUploadIsRefused() throws Exception {
        start(Kind.OK, Kind.FULL, Kind.FULL);
        RawHttp.Response r = upload("data".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(503);
        assertThat(backends.get(0).received.get()).isZero();
    }

    @Test
    void aNewerCopySomewhereMakesThePutAccepted() throws Exception {
        start(Kind.OK, Kind.CONFLICT, Kind.OK);
        assertThat(upload("data".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
    }

    @Test
    void ifNoneMatchStarStopsAtTheFirstExistingCopy() throws Exception {
        start(Kind.OK, Kind.PRECONDITION, Kind.OK);
        assertThat(upload("data".getBytes(StandardCharsets.UTF_8), "If-None-Match: *").status()).isEqualTo(412);
    }

    @Test
    void aNodeLostMidStreamIsDroppedWhileAQuorumRemains() throws Exception {
        start(Kind.OK, Kind.DIES, Kind.OK);
        RawHttp.Response r = upload(new byte[2_000_000]);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text()).isEqualTo("201,503,201");
    }

    @Test
    void losingTheQuorumMidStreamIsServiceUnavailable() throws Exception {
        start(Kind.DIES, Kind.DIES, Kind.OK);
        // refused early (the drop is seen while streaming) or at the end (the answers): 503 either way
        byte[] body = new byte[8_000_000];
        RawHttp.Response r = RawHttp.upload(front.port(), "PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + body.length, body);
        assertThat(r.status()).isEqualTo(503);
    }

    @Test
    void aSlowReplicaSlowsTheClientInsteadOfFillingMemory() throws Exception {
        start(Kind.OK, Kind.SLOW, Kind.OK);
        Backend slow = backends.get(1);
        long size = 160L << 20;
        long maxAhead = 0;
        try (Socket sock = new Socket("127.0.0.1", front.port())) {
            OutputStream out = sock.getOutputStream();
            out.write(("PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = new byte[256 * 1024];
            for (long sent = 0; sent < size; sent += block.length) {
                out.write(block);
                // what the client got rid of minus what the slow node has: buffered somewhere on the way
                maxAhead = Math.max(maxAhead, sent + block.length - slow.received.get());
            }
            out.flush();
            RawHttp.Response r = RawHttp.read(sock.getInputStream(), false);
            assertThat(r.text()).isEqualTo("201,201,201");
        }
        assertThat(slow.received.get()).isEqualTo(size);
        // what the kernel's socket buffers on the way can hold (they autotune: tcp_rmem's maximum is
        // 32 MiB on Debian 12) plus one high-water mark; a proxy reading the client as fast as it
        // sends would hold most of the 160 MiB
        assertThat(maxAhead).isLessThan(48L << 20);
    }

    @Test
    void aNodeThatStopsTakingDataIsDroppedAfterTheNodeTimeout() throws Exception {
        start(Kind.OK, Kind.STALLS, Kind.OK);
        RawHttp.Response r = RawHttp.upload(front.port(), "PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 16000000",
                new byte[16_000_000]);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text()).isEqualTo("201,503,201");
    }

    @Test
    void aClientPausingLongerThanTheClientTimeoutGets408() throws Exception {
        start(Kind.OK, Kind.OK, Kind.OK);
        try (Socket sock = new Socket("127.0.0.1", front.port())) {
            sock.setSoTimeout(20_000);
            OutputStream out = sock.getOutputStream();
            out.write("PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nhalf".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long t0 = System.nanoTime();
            RawHttp.Response r = RawHttp.read(sock.getInputStream(), false);
            assertThat(r.status()).isEqualTo(408);
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(1500L, 10_000L);
        }
        backends.forEach(b -> assertThat(b.received.get()).isEqualTo(4));
    }
}
