package io.zerostore.node.server;

import io.zerostore.common.http.HttpServer;
import io.zerostore.common.http.client.ClientOptions;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.swift.HashPath;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.index.IndexOptions;
import io.zerostore.node.server.db.ContainerUpdater;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A container server and an account server on 127.0.0.1 (ephemeral ports) over real RocksDB in a
 * devices root, with a plain JDK HTTP client to talk to them. Restartable on the same directory.
 */
final class DbServers implements AutoCloseable {
    static final HashPath HASH = new HashPath("test-prefix", "test-suffix");

    final Path root;
    final Duration updaterInterval;
    IndexDevices devices;
    HttpClient backend;
    ContainerUpdater updater;
    HttpServer containerServer;
    HttpServer accountServer;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    DbServers(Path root, Duration updaterInterval, String... deviceNames) throws Exception {
        this.root = root;
        this.updaterInterval = updaterInterval;
        for (String d : deviceNames) {
            Files.createDirectories(root.resolve(d));
        }
        start();
    }

    void start() throws Exception {
        devices = new IndexDevices(root, HASH, IndexOptions.DEFAULTS);
        backend = new HttpClient(1, new ClientOptions(Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(30)));
        updater = new ContainerUpdater(devices, backend, updaterInterval).start();
        containerServer = HttpServer.start("127.0.0.1", 0, 1, new ContainerServer(devices, updater));
        accountServer = HttpServer.start("127.0.0.1", 0, 1, new AccountServer(devices));
    }

    void stop() {
        containerServer.close();
        accountServer.close();
        updater.close();
        backend.close();
        devices.close();
    }

    /** Close everything and open again on the same directories (new ports). */
    void restart() throws Exception {
        stop();
        start();
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Res(r.statusCode(), r.headers(), r.body());
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
