package io.zerostore.node.server;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.swift.HashPath;
import io.zerostore.node.testkit.ObjectClient;
import io.zerostore.node.testkit.TestDirs;
import io.zerostore.node.testkit.TestNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An acknowledged write survives {@code kill -9} of the storage node process: the node runs as a
 * separate JVM ({@code NodeCommand --conf F}), is killed with SIGKILL right after answering 201,
 * restarted on the same devices, and serves the object intact.
 */
@Timeout(120)
class StorageNodeKillTest {
    private Path root;
    private Path conf;
    private Process process;

    @BeforeEach
    void setUp() throws IOException {
        root = TestDirs.create("kill9");
        Path devices = root.resolve("srv");
        Files.createDirectories(devices.resolve("d1"));
        conf = root.resolve("node.conf");
        Files.writeString(conf, "[DEFAULT]\ndevices = " + devices + "\n\n[object-server]\nbind_ip = 127.0.0.1\n"
                + "bind_port = 0\n\n" + TestNode.HASH);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        TestDirs.delete(root);
    }

    /** Starts the node JVM and returns the object server's port from its "listening on" line. */
    private int startNode() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", cp, NodeCommand.class.getName(), "--conf", conf.toString()))
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                assertThat(process.isAlive()).as("node exited: %s", seen).isTrue();
                continue;
            }
            seen.append(line).append('\n');
            if (line.startsWith("object-server listening on ")) {
                return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
            }
        }
        throw new AssertionError("node did not start: " + seen);
    }

    @Test
    void acknowledgedObjectSurvivesKillMinus9() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024 + 3];
        new Random(9).nextBytes(body);
        String md5 = HexFormat.of().formatHex(HashPath.md5().digest(body));

        ObjectClient client = new ObjectClient("127.0.0.1", startNode());
        var put = client.put("/d1/17/AUTH_test/c/durable", body, "X-Timestamp", ts(1), "Content-Type", "a/b",
                "X-Object-Meta-Kept", "yes");
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Etag")).hasValue(md5);
        long pid = process.pid();
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        client = new ObjectClient("127.0.0.1", startNode());
        var get = client.get("/d1/17/AUTH_test/c/durable");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(HashPath.md5().digest(get.body()))).isEqualTo(md5);
        assertThat(get.headers().firstValue("X-Object-Meta-Kept")).hasValue("yes");
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
