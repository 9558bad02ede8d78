package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.HashPath;
import io.zerostore.proxy.testkit.RawHttp;
import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.TestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Placement and quorum with nodes down, on real clusters: a handoff takes a dead primary's place,
 * reads fail over, two of three replicas down is a 503, and an upload that loses its quorum
 * mid-stream leaves nothing behind.
 */
@Timeout(180)
class ReplicaFailureTest {
    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private List<Integer> primaryNodes(String c, String o) throws IOException {
        Ring ring = Ring.load(cluster.swiftDir().resolve("object.ring.gz"));
        int part = ring.partition(new HashPath("test-prefix", "test-suffix").digest("AUTH_test", c, o));
        return ring.primaries(part).stream().map(Device::device).map(d -> Integer.parseInt(d.substring(1))).toList();
    }

    private static boolean holdsData(TestCluster.Node node) throws IOException {
        Path objects = node.deviceDir().resolve("objects");
        if (!Files.isDirectory(objects)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(objects)) {
            return s.anyMatch(p -> p.toString().endsWith(".data"));
        }
    }

    @Test
    void aHandoffReplacesADeadPrimaryAndReadsFailOver() throws Exception {
        cluster = TestCluster.start(4);
        SwiftClient s = cluster.client().login("test:tester", "testing");
        assertThat(s.call("PUT", "/c").status()).isEqualTo(201);
        List<Integer> primaries = primaryNodes("c", "o");
        int handoff = Stream.of(1, 2, 3, 4).filter(n -> !primaries.contains(n)).findFirst().orElseThrow();
        cluster.stopNode(primaries.get(0));

        assertThat(s.call("PUT", "/c/o", "replicated".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        assertThat(holdsData(cluster.node(handoff))).as("handoff node %d holds a copy", handoff).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(s.call("GET", "/c/o").text()).isEqualTo("replicated");
        }
        // with a second primary gone, the handoff's copy still makes a quorum of two
        cluster.stopNode(primaries.get(1));
        assertThat(s.call("GET", "/c/o").text()).isEqualTo("replicated");
        assertThat(s.call("DELETE", "/c/o").status()).isEqualTo(204);

        // a node that keeps failing is skipped for a while instead of being asked every time
        Ring ring = Ring.load(cluster.swiftDir().resolve("object.ring.gz"));
        Device dead = ring.devices().stream().filter(d -> d.device().equals("d" + primaries.get(0))).findFirst()
                .orElseThrow();
        for (int i = 0; i < 20; i++) {
            s.call("PUT", "/c/o" + i, new byte[1]);
        }
        assertThat(cluster.proxy().errorLimiter().isLimited(dead)).isTrue();
    }

    @Test
    void twoOfThreeDownIsServiceUnavailableButReadsStillWork() throws Exception {
        cluster = TestCluster.start(3);
        SwiftClient s = cluster.client().login("test:tester", "testing");
        assertThat(s.call("PUT", "/c").status()).isEqualTo(201);
        assertThat(s.call("PUT", "/c/old", "before".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        cluster.stopNode(1);
        assertThat(s.call("PUT", "/c/one-down", "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        cluster.stopNode(2);
        SwiftClient.Res put = s.call("PUT", "/c/two-down", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).isEqualTo(503);
        assertThat(put.text()).isEqualTo("<html><h1>Service Unavailable</h1><p>The server is currently unavailable. "
                + "Please try again at a later time.</p></html>");
        assertThat(s.call("GET", "/c/old").text()).isEqualTo("before");
        assertThat(s.call("PUT", "/c2").status()).isEqualTo(503);
        assertThat(s.call("POST", "/c/old", "X-Object-Meta-A", "b").status()).isEqualTo(503);

        cluster.startNode(1);
        cluster.startNode(2);
        cluster.resetErrorLimits();
        assertThat(s.call("HEAD", "/c/two-down").status()).isEqualTo(404);
        assertThat(s.call("GET", "/c/one-down").text()).isEqualTo("x");
    }

    /**
     * Two of three nodes are stopped while an upload streams. The PUT must fail with 503, and no
     * partial object may ever be readable. (Which replica still commits a complete copy depends on
     * how far each node got when it went down; a complete copy on one node is allowed, as in Swift.
     * Losing connections mid-stream is covered deterministically by PutFanoutTest.)
     */
    @Test
    void anUploadThatLosesItsQuorumMidStreamShowsNothingPartial() throws Exception {
        cluster = TestCluster.start(3);
        SwiftClient s = cluster.client().login("test:tester", "testing");
        assertThat(s.call("PUT", "/c").status()).isEqualTo(201);
        byte[] block = new byte[64 * 1024];
        new java.util.Random(5).nextBytes(block);
        int blocks = 64;
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        RawHttp.Response r;
        try (Socket sock = new Socket("127.0.0.1", cluster.proxyPort())) {
            sock.setSoTimeout(60_000);
            CompletableFuture<RawHttp.Response> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.read(sock.getInputStream(), false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            OutputStream out = sock.getOutputStream();
            out.write(("PUT /v1/AUTH_test/c/partial HTTP/1.1\r\nHost: x\r\nContent-Length: " + (long) blocks * block.length
                    + "\r\nX-Auth-Token: " + s.token() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (int i = 0; i < blocks && !answer.isDone(); i++) {
                    if (i == 8) {
                        out.flush();
                        Thread.sleep(300);
                        cluster.stopNode(1);
                        cluster.stopNode(2);
                    }
                    out.write(block);
                    md5.update(block);
                }
                out.flush();
            } catch (IOException e) {
                // the proxy answered and closed before taking all of it
            }
            r = answer.get(30, TimeUnit.SECONDS);
        }
        assertThat(r.status()).isEqualTo(503);
        cluster.startNode(1);
        cluster.startNode(2);
        cluster.resetErrorLimits();
        SwiftClient.Res head = s.call("HEAD", "/c/partial");
        if (head.status() != 404) {
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo(Long.toString((long) blocks * block.length));
            assertThat(head.header("Etag")).isEqualTo(HexFormat.of().formatHex(md5.digest()));
        }
    }
}
