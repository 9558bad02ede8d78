package io.zerostore.node.server;

import io.zerostore.common.config.Conf;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A storage node running the container and account servers on 127.0.0.1 (ephemeral ports) over
 * real RocksDB in a devices root, with a plain JDK HTTP client to talk to them. Restartable on the
 * same directory.
 */
final class DbServers implements AutoCloseable {
    final Path root;
    final Duration updaterInterval;
    StorageNode node;
    ContainerServer containerServer;
    AccountServer accountServer;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    final String extraConf;

    /** One device, {@code d1}. */
    DbServers(Path root, Duration updaterInterval) throws Exception {
        this(root, updaterInterval, "");
    }

    /** {@code extraConf}: more sections, e.g. an {@code [object-server]} to run one in the same node. */
    DbServers(Path root, Duration updaterInterval, String extraConf) throws Exception {
        this.root = root;
        this.updaterInterval = updaterInterval;
        this.extraConf = extraConf;
        Files.createDirectories(root.resolve("d1"));
        start();
    }

    /** Container and account servers of one node on ephemeral ports ({@code extra} adds config lines). */
    static String conf(Path root, Duration updaterInterval, String extra) {
        return "[DEFAULT]\ndevices = " + root + "\n\n"
                + "[container-server]\nbind_ip = 127.0.0.1\nbind_port = 0\naccount_update_interval = "
                + updaterInterval.toMillis() / 1000.0 + "\n\n"
                + "[account-server]\nbind_ip = 127.0.0.1\nbind_port = 0\n\n" + extra + "\n"
                + "[swift-hash]\nswift_hash_path_prefix = test-prefix\nswift_hash_path_suffix = test-suffix\n";
    }

    void start() throws Exception {
        node = StorageNode.start(Conf.parse(conf(root, updaterInterval, extraConf)));
        containerServer = node.server(ContainerServer.class).orElseThrow();
        accountServer = node.server(AccountServer.class).orElseThrow();
    }

    void stop() {
        node.close();
    }

    /** Close everything and open again on the same directories (new ports). */
    void restart() throws Exception {
        stop();
        start();
    }

    /** Waits up to 10 s for a condition that background work makes true. */
    static void eventually(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }

    String accountHost() {
        return "127.0.0.1:" + accountServer.port();
    }

    Res container(String method, String path, String... headers) throws Exception {
        return send(containerServer.port(), method, path, headers);
    }

    Res account(String method, String path, String... headers) throws Exception {
        return send(accountServer.port(), method, path, headers);
    }

    Res send(int port, String method, String path, String... headers) throws IOException, InterruptedException {
        return send(port, method, path, null, headers);
    }

    /** A request on a raw (already percent-encoded) path, with an optional body. */
    Res send(int port, String method, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Res(r.statusCode(), r.headers(), r.body());
    }

    /** One request written byte for byte on a fresh socket; the whole response as ISO-8859-1 text. */
    static String raw(int port, byte[] request) throws IOException {
        try (java.net.Socket sock = new java.net.Socket("127.0.0.1", port)) {
            sock.setSoTimeout(10_000);
            sock.getOutputStream().write(request);
            sock.getOutputStream().flush();
            return new String(sock.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        stop();
    }

    record Res(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
