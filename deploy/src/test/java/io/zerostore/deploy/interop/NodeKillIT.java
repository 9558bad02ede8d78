package io.zerostore.deploy.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.groups.Tuple.tuple;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfSection;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.HashPath;
import io.zerostore.deploy.allinone.AllInOneLayout;
import io.zerostore.deploy.allinone.HashSecrets;
import io.zerostore.deploy.allinone.HealthCheck;
import io.zerostore.deploy.allinone.ServerKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged writes survive {@code kill -9} of a storage node. Runs the shaded jar exactly as an
 * operator would ({@code zerostore start --nodes-as-processes}), kills one node's JVM by its pid,
 * reads through the proxy, restarts the node with {@code zerostore node --conf}, and checks the
 * replica on that node directly at its object server. Runs in Maven's integration-test phase,
 * after the jar is built.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NodeKillIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int VICTIM = 2;

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stopEverythingThisTestStarted() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process p = started.get(i);
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void acknowledgedWriteSurvivesKill9OfANodeAndRestart() throws Exception {
        Path data = tmp.resolve("data");
        int base = FreePorts.freeBase();
        AllInOneLayout layout = new AllInOneLayout(data, "127.0.0.1", base + FreePorts.PROXY_OFFSET, base);
        Process cluster = zerostore("start.log", "start", "--nodes-as-processes", "--data", data.toString(),
                "--port", Integer.toString(layout.proxyPort()), "--base-port", Integer.toString(base));
        awaitHealthy("proxy", layout.proxyPort(), cluster, tmp.resolve("start.log"));

        // an acknowledged write
        String[] auth = authenticate(layout.authUrl());
        String token = auth[0];
        String objectUrl = auth[1] + "/survivors/blob";
        assertThat(send(token, "PUT", auth[1] + "/survivors", new byte[0]).statusCode()).isEqualTo(201);
        byte[] blob = SwiftCliInteropTest.randomBytes(1 << 20, 42);
        String md5 = SwiftCliInteropTest.md5(blob);
        HttpResponse<byte[]> put = send(token, "PUT", objectUrl, blob);
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Etag")).hasValue(md5);

        // the victim holds a replica of that object
        Ring ring = Ring.load(layout.ringFile(ServerKind.OBJECT));
        int part = ring.partition(hashPath(layout).digest("AUTH_test", "survivors", "blob"));
        int victimPort = layout.port(VICTIM, ServerKind.OBJECT);
        assertThat(ring.primaries(part)).extracting(Device::port, Device::device)
                .contains(tuple(victimPort, layout.deviceName(VICTIM)));

        // kill -9 the victim's JVM, by the pid the all-in-one recorded for it
        long pid = Long.parseLong(Files.readString(layout.pidFile(VICTIM)).strip());
        ProcessHandle victim = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node pid " + pid + " not running"));
        assertThat(victim.parent().map(ProcessHandle::pid)).hasValue(cluster.pid());
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        victim.onExit().get(10, TimeUnit.SECONDS);
        assertThat(HealthCheck.isHealthy("127.0.0.1", victimPort)).isFalse();
        assertThat(cluster.isAlive()).as("the all-in-one keeps running without one node").isTrue();
        awaitLogLine(tmp.resolve("start.log"), "node" + VICTIM + " (pid " + pid + ") exited with status 137");

        // reads still work, several times so that the dead primary is tried first at least once
        for (int i = 0; i < 5; i++) {
            HttpResponse<byte[]> get = send(token, "GET", objectUrl, null);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(SwiftCliInteropTest.md5(get.body())).isEqualTo(md5);
        }

        // restart the node as an operator would, and find the replica intact on it
        Process restarted = zerostore("node" + VICTIM + "-restart.log", "node", "--conf", layout.nodeConf(VICTIM).toString());
        for (ServerKind kind : ServerKind.values()) {
            awaitHealthy("node" + VICTIM + " " + kind.section(), layout.port(VICTIM, kind), restarted,
                    tmp.resolve("node" + VICTIM + "-restart.log"));
        }
        String direct = "http://127.0.0.1:" + victimPort + "/" + layout.deviceName(VICTIM) + "/" + part
                + "/AUTH_test/survivors/blob";
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(direct))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Etag")).hasValue(md5);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(blob.length);
        HttpResponse<byte[]> directGet = http.send(HttpRequest.newBuilder(URI.create(direct)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(directGet.statusCode()).isEqualTo(200);
        assertThat(SwiftCliInteropTest.md5(directGet.body())).isEqualTo(md5);

        // SIGTERM stops the all-in-one cleanly, children included
        List<ProcessHandle> children = cluster.children().toList();
        cluster.destroy();
        assertThat(cluster.waitFor(60, TimeUnit.SECONDS)).as("all-in-one stops on SIGTERM").isTrue();
        for (ProcessHandle child : children) {
            assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(Files.readString(tmp.resolve("start.log"))).contains("zerostore: stopping");
    }

    private Process zerostore(String logName, String... args) throws IOException {
        String jar = System.getProperty("zerostore.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            fail("needs the shaded jar (system property zerostore.jar = " + jar + "); run 'mvn verify'");
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-DontCompileHugeMethods", "-Xmx256m", "-jar", jar));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve(logName).toFile())
                .start();
        started.add(p);
        return p;
    }

    private static void awaitHealthy(String what, int port, Process process, Path log) throws Exception {
        try {
            HealthCheck.await(what, "127.0.0.1", port, START_TIMEOUT, process::isAlive);
        } catch (IllegalStateException e) {
            fail(e.getMessage() + "\n--- " + log + ":\n" + Files.readString(log));
        }
    }

    private static void awaitLogLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(log).contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("no '" + text + "' in " + log + ":\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private static HashPath hashPath(AllInOneLayout layout) throws IOException {
        ConfSection hash = Conf.load(layout.swiftConf()).section(HashSecrets.SECTION);
        return new HashPath(hash.get(HashSecrets.PREFIX_KEY, ""), hash.get(HashSecrets.SUFFIX_KEY, ""));
    }

    /** TempAuth: returns the token and the storage URL. */
    private String[] authenticate(String authUrl) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(authUrl))
                .header("X-Auth-User", "test:tester").header("X-Auth-Key", "testing").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(200);
        return new String[] {r.headers().firstValue("X-Auth-Token").orElseThrow(),
                r.headers().firstValue("X-Storage-Url").orElseThrow()};
    }

    private HttpResponse<byte[]> send(String token, String method, String url, byte[] body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token)
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
