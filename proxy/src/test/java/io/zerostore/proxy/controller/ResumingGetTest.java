package io.zerostore.proxy.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.HttpServer;
import io.zerostore.common.http.client.ClientOptions;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.proxy.backend.BackendClient;
import io.zerostore.proxy.backend.ErrorLimiter;
import io.zerostore.proxy.backend.NodeFetcher;
import io.zerostore.proxy.backend.NodeIterator;
import io.zerostore.proxy.testkit.RawHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Swift's resuming GET: a replica that breaks off mid-body is replaced by the next one, asked for
 * the rest with Range and If-Match, and the client gets the whole body. The replicas here are
 * fake object servers that serve ranges and die after a set number of bytes.
 */
@Timeout(60)
class ResumingGetTest {
    private static final int SIZE = 4 << 20;
    private static final String ETAG = "0123456789abcdef0123456789abcdef";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private static byte at(long i) {
        return (byte) (i * 31 + (i >> 11));
    }

    /** A fake object server holding the object (or another version of it), dying after {@code dieAfter} bytes sent. */
    private static final class Replica {
        final HttpServer server;
        final String etag;
        final long dieAfter;
        volatile int served;

        Replica(String etag, long dieAfter) throws Exception {
            this.etag = etag;
            this.dieAfter = dieAfter;
            this.server = HttpServer.start("127.0.0.1", 0, 1, this::handle);
        }

        private void handle(HttpExchange ex) {
            served++;
            String ifMatch = ex.headers().get("If-Match");
            if (ifMatch != null && !ifMatch.equals(etag)) {
                ex.respond(412, new DefaultHttpHeaders().set("Etag", etag), "");
                return;
            }
            long first = 0;
            long last = SIZE - 1;
            String range = ex.headers().get("Range");
            HttpResponse head;
            if (range != null) {
                Matcher m = RANGE.matcher(range);
                assertThat(m.matches()).as(range).isTrue();
                first = Long.parseLong(m.group(1));
                last = Math.min(Long.parseLong(m.group(2)), SIZE - 1);
                head = ex.newHead(206);
                head.headers().set("Content-Range", "bytes " + first + "-" + last + "/" + SIZE);
            } else {
                head = ex.newHead(200);
            }
            head.headers().set("Etag", etag).set("Content-Type", "application/octet-stream");
            HttpUtil.setContentLength(head, last - first + 1);
            ex.writeHead(head);
            long sent = 0;
            for (long pos = first; pos <= last; ) {
                int n = (int) Math.min(64 * 1024, last - pos + 1);
                if (sent + n > dieAfter) {
                    ex.abort(); // the node dies mid-body
                    return;
                }
                byte[] chunk = new byte[n];
                for (int i = 0; i < n; i++) {
                    chunk[i] = at(pos + i);
                }
                ex.write(Unpooled.wrappedBuffer(chunk));
                pos += n;
                sent += n;
            }
            ex.end();
        }

        Device device(int id) {
            return Device.of(id, 1, id + 1, "127.0.0.1", server.port(), "d" + id, 100);
        }
    }

    private final List<Replica> replicas = new ArrayList<>();
    private HttpServer front;
    private HttpClient client;

    @AfterEach
    void stop() {
        if (front != null) {
            front.close();
        }
        if (client != null) {
            client.close();
        }
        replicas.forEach(r -> r.server.close());
    }

    /** The first replica is the partition's only primary; the others are its handoffs, in order. */
    private void start(Replica... order) throws Exception {
        List<Device> devices = new ArrayList<>();
        for (Replica r : order) {
            devices.add(r.device(replicas.size()));
            replicas.add(r);
        }
        // partition 0 on the first device only; the others hold other partitions, which makes them
        // partition 0's handoffs (a ring hands off to devices it knows)
        int[] part2dev = new int[4];
        for (int p = 1; p < 4; p++) {
            part2dev[p] = p % devices.size();
        }
        Ring ring = Ring.of(devices, new int[][] {part2dev}, 2);
        client = new HttpClient(1, new ClientOptions(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        BackendClient bc = new BackendClient(client, new ErrorLimiter(10, Duration.ofSeconds(60)));
        front = HttpServer.start("127.0.0.1", 0, 1, ex -> {
            DefaultHttpHeaders h = new DefaultHttpHeaders();
            String range = ex.headers().get("Range");
            if (range != null) {
                h.set("Range", range);
            }
            Function<Device, HttpRequest> head = node -> bc.head(HttpMethod.GET, node, 0, "/a/c/o", null, h, false);
            NodeFetcher.fetch(bc, NodeIterator.forRead(ring, 0, bc.errors(), devices.size()), head, true, false,
                    ex.eventLoop()).thenAccept(r -> ResponseWriter.write(ex, Replies.fromFetch(r, false)));
        });
    }

    private static void assertBody(byte[] body, long first, long last) {
        assertThat(body).hasSize((int) (last - first + 1));
        for (int i = 0; i < body.length; i++) {
            if (body[i] != at(first + i)) {
                throw new AssertionError("byte " + (first + i) + " differs");
            }
        }
    }

    @Test
    void aReplicaDyingMidBodyIsReplacedAndTheClientGetsTheWholeBody() throws Exception {
        Replica dies = new Replica(ETAG, 1 << 20);
        Replica diesToo = new Replica(ETAG, 1 << 20);
        Replica good = new Replica(ETAG, Long.MAX_VALUE);
        start(dies, diesToo, good);
        RawHttp.Response r = RawHttp.exchange(front.port(), "GET /v1/a/c/o HTTP/1.1\r\nHost: x", null);
        assertThat(r.status()).isEqualTo(200);
        assertBody(r.body(), 0, SIZE - 1);
        assertThat(dies.served).isEqualTo(1);
        assertThat(good.served).isEqualTo(1);
    }

    @Test
    void aRangeResumesWithinItsBounds() throws Exception {
        Replica dies = new Replica(ETAG, 700_000);
        Replica good = new Replica(ETAG, Long.MAX_VALUE);
        start(dies, good);
        RawHttp.Response r = RawHttp.exchange(front.port(),
                "GET /v1/a/c/o HTTP/1.1\r\nHost: x\r\nRange: bytes=100000-2999999", null);
        assertThat(r.status()).isEqualTo(206);
        assertBody(r.body(), 100_000, 2_999_999);
        assertThat(good.served).isEqualTo(1);
    }

    @Test
    void anotherVersionIsNeverSplicedIn() throws Exception {
        Replica dies = new Replica(ETAG, 1 << 20);
        Replica newer = new Replica("ffffffffffffffffffffffffffffffff", Long.MAX_VALUE);
        start(dies, newer);
        RawHttp.Response r = RawHttp.exchange(front.port(), "GET /v1/a/c/o HTTP/1.1\r\nHost: x", null);
        assertThat(r.status()).isEqualTo(200);
        // a short read: the client sees the connection end before Content-Length
        assertThat(r.body().length).isLessThan(SIZE);
        assertThat(newer.served).isEqualTo(1);
    }
}
