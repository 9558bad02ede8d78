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
    private AllInOneLayout layout;
    private Process cluster;
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
        startCluster();

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

    /**
     * Swift's resuming GET with real nodes: a download whose serving node is killed half-way goes
     * on from another replica, and the client gets every byte once. The serving node is the one
     * whose socket to the proxy has unsent data queued while the client pauses reading.
     */
    @Test
    void aDownloadSurvivesKill9OfTheNodeServingIt() throws Exception {
        startCluster();
        String[] auth = authenticate(layout.authUrl());
        assertThat(send(auth[0], "PUT", auth[1] + "/downloads", new byte[0]).statusCode()).isEqualTo(201);
        byte[] blob = SwiftCliInteropTest.randomBytes(64 << 20, 7);
        assertThat(send(auth[0], "PUT", auth[1] + "/downloads/big", blob).statusCode()).isEqualTo(201);

        URI url = URI.create(auth[1] + "/downloads/big");
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", layout.proxyPort())) {
            s.setReceiveBufferSize(64 * 1024);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: x\r\nX-Auth-Token: "
                    + auth[0] + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            java.io.InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            int length = -1;
            for (String line; !(line = headerLine(in)).isEmpty(); ) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            assertThat(length).isEqualTo(blob.length);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            got.write(in.readNBytes(4 << 20));

            int serving = servingNode(layout);
            long pid = Long.parseLong(Files.readString(layout.pidFile(serving)).strip());
            assertThat(new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor()).isZero();
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());

            got.write(in.readNBytes(length - got.size()));
            assertThat(got.size()).isEqualTo(blob.length);
            assertThat(SwiftCliInteropTest.md5(got.toByteArray())).isEqualTo(SwiftCliInteropTest.md5(blob));
        }
        awaitLogLine(tmp.resolve("start.log"), "from another replica");
    }

    /** The node with body bytes queued between it and the proxy: the one sending the paused download. */
    private static int servingNode(AllInOneLayout layout) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<String> rows = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
            Path tcp6 = Path.of("/proc/net/tcp6"); // the JVM's sockets are IPv6 ones when it can
            if (Files.exists(tcp6)) {
                rows.addAll(Files.readAllLines(tcp6));
            }
            for (String row : rows) {
                String[] f = row.strip().split("\\s+");
                if (f.length < 5 || !f[3].equals("01")) {
                    continue; // not ESTABLISHED
                }
                int localPort = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                int remotePort = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                long txQueue = Long.parseLong(f[4].substring(0, f[4].indexOf(':')), 16);
                long rxQueue = Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
                for (int node = 1; node <= 3; node++) {
                    int port = layout.port(node, ServerKind.OBJECT);
                    // the node's side has bytes unsent, or the proxy's side has bytes it has not read
                    if ((localPort == port && txQueue > 0) || (remotePort == port && rxQueue > 0)) {
                        return node;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no object server has a download queued to the proxy");
    }

    private static String headerLine(java.io.InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /** {@code zerostore start --nodes-as-processes} from the shaded jar on free ports, once its proxy answers. */
    private void startCluster() throws Exception {
        Path data = tmp.resolve("data");
        int base = FreePorts.freeBase();
        layout = new AllInOneLayout(data, "127.0.0.1", base + FreePorts.PROXY_OFFSET, base);
        cluster = zerostore("start.log", "start", "--nodes-as-processes", "--data", data.toString(),
                "--port", Integer.toString(layout.proxyPort()), "--base-port", Integer.toString(base));
        awaitHealthy("proxy", layout.proxyPort(), cluster, tmp.resolve("start.log"));
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
