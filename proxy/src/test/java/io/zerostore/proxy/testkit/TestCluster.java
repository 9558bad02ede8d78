package io.zerostore.proxy.testkit;

import io.zerostore.common.config.Conf;
import io.zerostore.common.ring.RingBuilder;
import io.zerostore.node.server.AccountServer;
import io.zerostore.node.server.ContainerServer;
import io.zerostore.node.server.ObjectServer;
import io.zerostore.node.server.StorageNode;
import io.zerostore.proxy.ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real cluster in this JVM for integration tests: N storage nodes (object, container and account
 * servers, one device each, zone = node number) on ephemeral 127.0.0.1 ports, Swift rings built
 * with {@link RingBuilder} for them, and a proxy. Nodes can be stopped and started again on the
 * same ports and disks. Everything lives under {@code target/test-dirs} (the project's file
 * system, for xattrs and fallocate) and is deleted on close.
 *
 * <p>Other modules use it through {@code zerostore-proxy} with {@code <type>test-jar</type>} (test
 * scope), plus {@code zerostore-storage-node} in test scope for the nodes.
 *
 * <pre>
 * try (TestCluster c = TestCluster.start(3)) {
 *     SwiftClient s = c.client().login("test:tester", "testing");
 *     s.put("/c", ...);
 * }
 * </pre>
 */
public final class TestCluster implements AutoCloseable {
    public static final String HASH = "[swift-hash]\nswift_hash_path_prefix = test-prefix\n"
            + "swift_hash_path_suffix = test-suffix\n";

    /** One storage node: its directories and (fixed after the first start) ports. */
    public static final class Node {
        final int number;
        final Path devices;
        /** Appended to the node's config: swift_dir, and the daemons idle until a test runs a pass. */
        final String daemons;
        int objectPort;
        int containerPort;
        int accountPort;
        StorageNode running;

        Node(int number, Path devices, Path swiftDir) {
            this.number = number;
            this.devices = devices;
            this.daemons = "\n[DEFAULT]\nswift_dir = " + swiftDir + "\n\n[object-replicator]\ninterval = 0\n\n"
                    + "[object-auditor]\ninterval = 0\nfiles_per_second = 0\nbytes_per_second = 0\n\n"
                    + "[container-replicator]\ninterval = 0\n\n[account-replicator]\ninterval = 0\n\n"
                    + "[object-expirer]\ninterval = 0\n";
        }

        public String device() {
            return "d" + number;
        }

        public Path deviceDir() {
            return devices.resolve(device());
        }

        public boolean isRunning() {
            return running != null;
        }

        public int objectPort() {
            return objectPort;
        }

        public int containerPort() {
            return containerPort;
        }

        public int accountPort() {
            return accountPort;
        }

        /** The running node (its servers, e.g. the object server's replicator and auditor); null when stopped. */
        public StorageNode storageNode() {
            return running;
        }

        String conf() {
            return "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\n\n"
                    + "[object-server]\nbind_ip = 127.0.0.1\nbind_port = " + objectPort + "\nasync_pending_interval = 1\n\n"
                    + "[container-server]\nbind_ip = 127.0.0.1\nbind_port = " + containerPort
                    + "\naccount_update_interval = 1\n\n"
                    + "[account-server]\nbind_ip = 127.0.0.1\nbind_port = " + accountPort + "\n\n" + HASH + daemons;
        }

        void start() throws Exception {
            running = StorageNode.start(Conf.parse(conf()));
            objectPort = running.server(ObjectServer.class).orElseThrow().address().getPort();
            containerPort = running.server(ContainerServer.class).orElseThrow().address().getPort();
            accountPort = running.server(AccountServer.class).orElseThrow().address().getPort();
        }

        void stop() {
            if (running != null) {
                running.close();
                running = null;
            }
        }
    }

    private final Path root;
    private final Path swiftDir;
    private final List<Node> nodes;
    private final String proxyExtra;
    private ProxyServer proxy;

    private TestCluster(Path root, Path swiftDir, List<Node> nodes, String proxyExtra) {
        this.root = root;
        this.swiftDir = swiftDir;
        this.nodes = nodes;
        this.proxyExtra = proxyExtra;
    }

    public static TestCluster start(int nodeCount) throws Exception {
        return start(nodeCount, "");
    }

    /**
     * @param proxyExtra extra lines for the {@code [proxy-server]} section (more sections may
     *                   follow)
     */
    public static TestCluster start(int nodeCount, String proxyExtra) throws Exception {
        Path base = Path.of("target", "test-dirs").toAbsolutePath();
        Files.createDirectories(base);
        Path root = Files.createTempDirectory(base, "cluster");
        Path swiftDir = Files.createDirectories(root.resolve("etc"));
        List<Node> nodes = new ArrayList<>();
        TestCluster c = new TestCluster(root, swiftDir, nodes, proxyExtra);
        try {
            for (int i = 1; i <= nodeCount; i++) {
                Node n = new Node(i, root.resolve("node" + i), swiftDir);
                Files.createDirectories(n.deviceDir());
                n.start();
                nodes.add(n);
            }
            c.writeRings(Math.min(3, nodeCount));
            Files.writeString(swiftDir.resolve("swift.conf"), HASH, StandardCharsets.UTF_8);
            c.startProxy();
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    private void writeRings(int replicas) throws IOException {
        for (String kind : List.of("object", "container", "account")) {
            RingBuilder b = RingBuilder.create(6, replicas, 0);
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
        }
    }

    /** The proxy's config file text (also usable for a proxy in another JVM). */
    public String proxyConf(int port) {
        return "[DEFAULT]\nswift_dir = " + swiftDir + "\n\n[proxy-server]\nbind_ip = 127.0.0.1\nbind_port = " + port
                + "\nnode_timeout = 5\nconn_timeout = 0.5\n" + proxyExtra + "\n";
    }

    public Path writeProxyConf(String name, int port) throws IOException {
        Path f = swiftDir.resolve(name);
        Files.writeString(f, proxyConf(port), StandardCharsets.UTF_8);
        return f;
    }

    public void startProxy() throws Exception {
        proxy = ProxyServer.start(Conf.parse(proxyConf(0)));
    }

    public void stopProxy() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    public ProxyServer proxy() {
        return proxy;
    }

    public String url() {
        return "http://127.0.0.1:" + proxy.port();
    }

    public int proxyPort() {
        return proxy.port();
    }

    public Path root() {
        return root;
    }

    public Path swiftDir() {
        return swiftDir;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Node 1..N. */
    public Node node(int number) {
        return nodes.get(number - 1);
    }

    public void stopNode(int number) {
        node(number).stop();
    }

    /** Starts a stopped node again on its old ports and disk. */
    public void startNode(int number) throws Exception {
        node(number).start();
    }

    /** Forgets the proxy's error counts, so a restarted node is used again at once. */
    public void resetErrorLimits() {
        proxy.errorLimiter().clear();
    }

    public SwiftClient client() {
        return new SwiftClient(url());
    }

    @Override
    public void close() {
        stopProxy();
        for (Node n : nodes) {
            try {
                n.stop();
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
