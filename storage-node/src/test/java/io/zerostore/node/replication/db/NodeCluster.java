package io.zerostore.node.replication.db;

import io.zerostore.common.config.Conf;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.ring.RingBuilder;
import io.zerostore.common.swift.HashPath;
import io.zerostore.node.server.AccountServer;
import io.zerostore.node.server.ContainerServer;
import io.zerostore.node.server.ObjectServer;
import io.zerostore.node.server.StorageNode;
import io.zerostore.node.testkit.TestDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real storage nodes (object, container, account servers; one device each, zone = node number) on
 * ephemeral 127.0.0.1 ports, with rings of 3 replicas over them in a {@code swift_dir} every node
 * reads. Nodes stop and start again on the same ports and disks. Background loops are off
 * (interval 0): tests drive the replicators with {@code runOnce}.
 */
final class NodeCluster implements AutoCloseable {
    static final HashPath HASH = new HashPath("test-prefix", "test-suffix");

    final Path root;
    final Path swiftDir;
    final List<Node> nodes = new ArrayList<>();
    private final String extraConf;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    Ring containerRing;
    Ring accountRing;

    final class Node {
        final int number;
        final Path devices;
        int objectPort;
        int containerPort;
        int accountPort;
        StorageNode running;

        Node(int number) throws Exception {
            this.number = number;
            this.devices = root.resolve("node" + number);
            Files.createDirectories(devices.resolve(device()));
        }

        String device() {
            return "d" + number;
        }

        void start() throws Exception {
            running = StorageNode.start(Conf.parse("[DEFAULT]\ndevices = " + devices + "\nswift_dir = " + swiftDir
                    + "\n\n[object-server]\nbind_ip = 127.0.0.1\nbind_port = " + objectPort
                    + "\nasync_pending_interval = 0\n\n[container-server]\nbind_ip = 127.0.0.1\nbind_port = "
                    + containerPort + "\naccount_update_interval = 0\n\n[account-server]\nbind_ip = 127.0.0.1\nbind_port = "
                    + accountPort + "\n\n[container-replicator]\ninterval = 0\n\n[account-replicator]\ninterval = 0\n\n"
                    + "[object-expirer]\ninterval = 0\n\n" + extraConf + "\n[swift-hash]\n"
                    + "swift_hash_path_prefix = test-prefix\nswift_hash_path_suffix = test-suffix\n"));
            objectPort = running.server(ObjectServer.class).orElseThrow().port();
            containerPort = running.server(ContainerServer.class).orElseThrow().port();
            accountPort = running.server(AccountServer.class).orElseThrow().port();
        }

        void stop() {
            if (running != null) {
                running.close();
                running = null;
            }
        }

        DbReplicator<?> containerReplicator() {
            return DbReplicators.of(running, DbKind.CONTAINER).orElseThrow();
        }

        DbReplicator<?> accountReplicator() {
            return DbReplicators.of(running, DbKind.ACCOUNT).orElseThrow();
        }
    }

    private NodeCluster(Path root, String extraConf) throws Exception {
        this.root = root;
        this.swiftDir = Files.createDirectories(root.resolve("etc"));
        this.extraConf = extraConf;
    }

    /** @param extraConf more config sections or keys for every node */
    static NodeCluster start(int count, String extraConf) throws Exception {
        NodeCluster c = new NodeCluster(TestDirs.create("dbrepl"), extraConf);
        try {
            for (int i = 1; i <= count; i++) {
                Node n = c.new Node(i);
                n.start();
                c.nodes.add(n);
            }
            c.writeRings();
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    private void writeRings() throws Exception {
        for (String kind : List.of("object", "container", "account")) {
            RingBuilder b = RingBuilder.create(4, 3, 0);
            for (Node n : nodes) {
                int port = switch (kind) {
                    case "object" -> n.objectPort;
                    case "container" -> n.containerPort;
                    default -> n.accountPort;
                };
                b.addDevice(1, n.number, "127.0.0.1", port, n.device(), 100);
            }
            b.rebalance();
            b.writeRing(swiftDir.resolve(kind + ".ring.gz"));
            if (kind.equals("container")) {
                containerRing = b.ring();
            } else if (kind.equals("account")) {
                accountRing = b.ring();
            }
        }
    }

    Node node(int number) {
        return nodes.get(number - 1);
    }

    /** The node that serves a ring device (matched by port). */
    Node nodeOf(Device d) {
        return nodes.stream().filter(n -> n.containerPort == d.port() || n.accountPort == d.port()
                || n.objectPort == d.port()).findFirst().orElseThrow();
    }

    int containerPartition(String account, String container) {
        return containerRing.partition(HASH.digest(account, container, null));
    }

    List<Node> containerPrimaries(String account, String container) {
        return containerRing.primaries(containerPartition(account, container)).stream().map(this::nodeOf).toList();
    }

    int accountPartition(String account) {
        return accountRing.partition(HASH.digest(account, null, null));
    }

    List<Node> accountPrimaries(String account) {
        return accountRing.primaries(accountPartition(account)).stream().map(this::nodeOf).toList();
    }

    /** Runs one container and one account replicator pass on every running node. */
    void replicateAll() {
        for (Node n : nodes) {
            if (n.running != null) {
                n.containerReplicator().runOnce();
                n.accountReplicator().runOnce();
            }
        }
    }

    /** A request to a node's container ({@code port} chooses the server) with headers as name/value pairs. */
    HttpResponse<String> send(int port, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            try {
                n.stop();
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
        TestDirs.delete(root);
    }
}
