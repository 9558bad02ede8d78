package io.zerostore.node.server;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.node.testkit.RawHttp;
import io.zerostore.node.testkit.TestDirs;
import io.zerostore.node.testkit.TestNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A full device answers 507 and keeps serving: the device is a real 2 MiB tmpfs mounted for the
 * test (needs root and mount permission; skipped otherwise), so ENOSPC comes from the kernel, both
 * from fallocate (known length, refused before 100 Continue) and from write (chunked upload).
 */
@Timeout(60)
class DiskFullTest {
    private Path root;
    private Path device;
    private boolean mounted;

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @BeforeEach
    void mount() throws Exception {
        root = TestDirs.create("full");
        device = root.resolve("d1");
        Files.createDirectories(device);
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a tmpfs");
        mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "zerostore-test", device.toString()) == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", device.toString());
        }
        TestDirs.delete(root);
    }

    private long tempFiles() throws Exception {
        Path tmp = device.resolve("tmp");
        if (!Files.exists(tmp)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(tmp)) {
            return s.count();
        }
    }

    @Test
    void enospcIs507AndTheDeviceStaysUsable() throws Exception {
        try (TestNode node = TestNode.startOn(root, "fallocate_reserve = 0\n")) {
            try (RawHttp raw = new RawHttp(node.objectServer.port())) {
                raw.send("PUT /d1/1/a/c/big HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts(1)
                        + "\r\nContent-Type: a/b\r\nContent-Length: 4194304\r\nExpect: 100-continue\r\n\r\n");
                RawHttp.Head head = raw.readHead();
                assertThat(head.status()).isEqualTo(507);
                assertThat(new String(raw.readBody(head))).contains("Drive: d1");
            }
            byte[] big = new byte[4 * 1024 * 1024];
            var chunked = node.client.send(node.client.request("/d1/1/a/c/big").header("X-Timestamp", ts(2))
                    .header("Content-Type", "a/b").PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(big))), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).isEqualTo(507);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (tempFiles() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(tempFiles()).isZero();
            assertThat(node.client.get("/d1/1/a/c/big").statusCode()).isEqualTo(404);
            var small = node.client.put("/d1/1/a/c/small", new byte[100_000], "X-Timestamp", ts(3),
                    "Content-Type", "a/b");
            assertThat(small.statusCode()).isEqualTo(201);
            assertThat(node.client.get("/d1/1/a/c/small").body()).hasSize(100_000);
        }
    }

    @Test
    void fallocateReserveRefusesWritesThatWouldFillTheDisk() throws Exception {
        try (TestNode node = TestNode.startOn(root, "fallocate_reserve = 50%\n")) {
            var r = node.client.put("/d1/1/a/c/o", new byte[1024 * 1024 + 1], "X-Timestamp", ts(1),
                    "Content-Type", "a/b");
            assertThat(r.statusCode()).isEqualTo(507);
            assertThat(node.client.put("/d1/1/a/c/o", new byte[1000], "X-Timestamp", ts(2), "Content-Type", "a/b")
                    .statusCode()).isEqualTo(201);
        }
    }
}
