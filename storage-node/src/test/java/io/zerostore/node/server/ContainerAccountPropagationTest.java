package io.zerostore.node.server;

import static io.zerostore.node.server.DbServers.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.config.Conf;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Container → account updates: synchronous on container PUT/DELETE, pushed after row changes, retried from disk. */
@Timeout(60)
class ContainerAccountPropagationTest {
    @TempDir
    Path tmp;

    private static String[] accountHeaders(String ts, String host) {
        return new String[] {"X-Timestamp", ts, "X-Account-Host", host, "X-Account-Device", "d1",
                "X-Account-Partition", "3"};
    }

    @Test
    void containerChangesReachTheAccount() throws Exception {
        try (DbServers s = new DbServers(tmp, Duration.ofSeconds(60))) {
            s.account("PUT", "/d1/3/AUTH_a", "X-Timestamp", "1795632200.00000");
            assertThat(s.container("PUT", "/d1/7/AUTH_a/c", accountHeaders("1795632290.47416", s.accountHost()))
                    .status()).isEqualTo(201);
            // synchronous: listed as soon as the container PUT answered
            assertThat(s.account("GET", "/d1/3/AUTH_a?format=json").body()).isEqualTo(
                    "[{\"name\": \"c\", \"count\": 0, \"bytes\": 0, \"last_modified\": \"2026-11-25T18:44:50.474160\"}]");
            for (int i = 0; i < 3; i++) {
                s.container("PUT", "/d1/7/AUTH_a/c/o" + i, "X-Timestamp", "1795632300.00000", "X-Size", "10",
                        "X-Content-Type", "t", "X-Etag", "e");
            }
            // pushed shortly after the rows changed, long before the 60 s sweep
            eventually(() -> "30".equals(s.account("HEAD", "/d1/3/AUTH_a").header("X-Account-Bytes-Used")));
            assertThat(s.account("HEAD", "/d1/3/AUTH_a").header("X-Account-Object-Count")).isEqualTo("3");
            for (int i = 0; i < 3; i++) {
                s.container("DELETE", "/d1/7/AUTH_a/c/o" + i, "X-Timestamp", "1795632301.00000");
            }
            assertThat(s.container("DELETE", "/d1/7/AUTH_a/c", accountHeaders("1795632302.00000", s.accountHost()))
                    .status()).isEqualTo(204);
            assertThat(s.account("GET", "/d1/3/AUTH_a").status()).isEqualTo(204);
            assertThat(s.account("HEAD", "/d1/3/AUTH_a").header("X-Account-Container-Count")).isEqualTo("0");
        }
    }

    @Test
    void missingAccountMakesContainerPut404() throws Exception {
        try (DbServers s = new DbServers(tmp, Duration.ofSeconds(60))) {
            DbServers.Res r = s.container("PUT", "/d1/7/AUTH_none/c", accountHeaders("1795632290.00000", s.accountHost()));
            assertThat(r.status()).as("every account replica said 404, as in Swift").isEqualTo(404);
        }
    }

    @Test
    void failedUpdatesAreKeptOnDiskAndRetried() throws Exception {
        int accountPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            accountPort = probe.getLocalPort();
        }
        String accountHost = "127.0.0.1:" + accountPort;
        Path containerRoot = tmp.resolve("container-node");
        try (DbServers s = new DbServers(containerRoot, Duration.ofMillis(200))) {
            DbServers.Res r = s.container("PUT", "/d1/7/AUTH_a/c", accountHeaders("1795632290.00000", accountHost));
            assertThat(r.status()).as("a down account replica does not fail the container PUT").isEqualTo(201);
            s.container("PUT", "/d1/7/AUTH_a/c/o", "X-Timestamp", "1795632300.00000", "X-Size", "7",
                    "X-Content-Type", "t", "X-Etag", "e");
            s.restart(); // the pending report is in the DB, not in memory
            Path accountRoot = tmp.resolve("account-node");
            Files.createDirectories(accountRoot.resolve("d1"));
            String conf = "[DEFAULT]\ndevices = " + accountRoot + "\n[account-server]\nbind_ip = 127.0.0.1\n"
                    + "bind_port = " + accountPort + "\n[swift-hash]\nswift_hash_path_prefix = test-prefix\n";
            try (StorageNode accounts = StorageNode.start(Conf.parse(conf))) {
                int port = accounts.server(AccountServer.class).orElseThrow().port();
                s.send(port, "PUT", "/d1/3/AUTH_a", "X-Timestamp", "1795632200.00000");
                eventually(() -> s.send(port, "GET", "/d1/3/AUTH_a").body().equals("c\n"));
                eventually(() -> "7".equals(s.send(port, "HEAD", "/d1/3/AUTH_a").header("X-Account-Bytes-Used")));
            }
        }
    }

    @Test
    void objectServerUpdatesReachTheListing() throws Exception {
        String objectServer = "[object-server]\nbind_ip = 127.0.0.1\nbind_port = 0\nasync_pending_interval = 0\n";
        try (DbServers s = new DbServers(tmp, Duration.ofSeconds(60), objectServer)) {
            int objectPort = s.node.server(ObjectServer.class).orElseThrow().port();
            s.container("PUT", "/d1/7/AUTH_a/c", "X-Timestamp", "1795632290.00000");
            String containerHost = "127.0.0.1:" + s.containerServer.port();
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            DbServers.Res put = s.send(objectPort, "PUT", "/d1/5/AUTH_a/c/greeting", body,
                    "X-Timestamp", "1795632300.00000", "Content-Type", "text/plain; charset=utf-8",
                    "X-Container-Host", containerHost, "X-Container-Device", "d1", "X-Container-Partition", "7");
            assertThat(put.status()).isEqualTo(201);
            eventually(() -> s.container("GET", "/d1/7/AUTH_a/c").body().equals("greeting\n"));
            assertThat(s.container("GET", "/d1/7/AUTH_a/c?format=json").body()).isEqualTo(
                    "[{\"bytes\": 5, \"hash\": \"5d41402abc4b2a76b9719d911017c592\", \"name\": \"greeting\", "
                            + "\"content_type\": \"text/plain;charset=utf-8\", "
                            + "\"last_modified\": \"2026-11-25T18:45:00.000000\"}]");
            assertThat(s.send(objectPort, "DELETE", "/d1/5/AUTH_a/c/greeting", "X-Timestamp", "1795632301.00000",
                    "X-Container-Host", containerHost, "X-Container-Device", "d1", "X-Container-Partition", "7")
                    .status()).isEqualTo(204);
            eventually(() -> s.container("GET", "/d1/7/AUTH_a/c").status() == 204);
        }
    }

    @Test
    void objectPostUpdatesTheListingAndKeepsItsContentType() throws Exception {
        String objectServer = "[object-server]\nbind_ip = 127.0.0.1\nbind_port = 0\nasync_pending_interval = 0\n";
        try (DbServers s = new DbServers(tmp, Duration.ofSeconds(60), objectServer)) {
            int objectPort = s.node.server(ObjectServer.class).orElseThrow().port();
            s.container("PUT", "/d1/7/AUTH_a/c", "X-Timestamp", "1795632290.00000");
            String containerHost = "127.0.0.1:" + s.containerServer.port();
            String[] target = {"X-Container-Host", containerHost, "X-Container-Device", "d1",
                "X-Container-Partition", "7"};
            assertThat(s.send(objectPort, "PUT", "/d1/5/AUTH_a/c/o", "hello".getBytes(StandardCharsets.UTF_8),
                    concat(target, "X-Timestamp", "1795632300.00000", "Content-Type", "a/b")).status()).isEqualTo(201);
            // Swift: every POST updates the listing; its last_modified becomes the POST's time
            assertThat(s.send(objectPort, "POST", "/d1/5/AUTH_a/c/o", null,
                    concat(target, "X-Timestamp", "1795632310.00000", "Content-Type", "c/d")).status()).isEqualTo(202);
            eventually(() -> s.container("GET", "/d1/7/AUTH_a/c?format=json").body().contains("\"c/d\""));
            assertThat(s.container("GET", "/d1/7/AUTH_a/c?format=json").body())
                    .contains("\"bytes\": 5", "\"last_modified\": \"2026-11-25T18:45:10.000000\"");
            // a later POST without a type keeps the one the earlier POST set
            assertThat(s.send(objectPort, "POST", "/d1/5/AUTH_a/c/o", null,
                    concat(target, "X-Timestamp", "1795632320.00000", "X-Object-Meta-A", "1")).status()).isEqualTo(202);
            DbServers.Res head = s.send(objectPort, "HEAD", "/d1/5/AUTH_a/c/o");
            assertThat(head.header("Content-Type")).isEqualTo("c/d");
            assertThat(head.header("X-Object-Meta-A")).isEqualTo("1");
            eventually(() -> s.container("GET", "/d1/7/AUTH_a/c?format=json").body()
                    .contains("\"last_modified\": \"2026-11-25T18:45:20.000000\""));
            assertThat(s.container("GET", "/d1/7/AUTH_a/c?format=json").body()).contains("\"c/d\"");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
