package io.zerostore.node.testkit;

import io.zerostore.common.config.Conf;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.ring.RingBuilder;
import io.zerostore.node.audit.ObjectAuditor;
import io.zerostore.node.replication.ObjectReplicator;
import io.zerostore.node.server.ObjectServer;
import io.zerostore.node.server.StorageNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Object servers of N storage nodes on ephemeral 127.0.0.1 ports (one device {@code dN} each, zone
 * N) with an object ring for them in {@code etc/}, and their replicators and auditors idle until a
 * test runs a pass. Nodes stop and start again on the same port and disk. Tests play the proxy:
 * they send backend requests to the nodes the ring names.
 */
public final class ObjectCluster implements AutoCloseable {
    public static final String ACCOUNT = "AUTH_test";
    public static final String CONTAINER = "c";

    /** One storage node running only its object server. */
    public final class Node {
        public final int number;
        final Path devices;
        int port;
        StorageNode running;

        Node(int number, Path devices) {
            this.number = number;
            this.devices = devices;
        }

        public String device() {
            return "d" + number;
        }

        public Path deviceDir() {
            return devices.resolve(device());
        }

        public ObjectServer server() {
            return running.server(ObjectServer.class).orElseThrow();
        }

        public ObjectReplicator replicator() {
            return server().replicator();
        }

        public ObjectAuditor auditor() {
            return server().auditor();
        }

        public ObjectClient client() {
            return new ObjectClient("127.0.0.1", port);
        }

        public boolean isRunning() {
            return running != null;
        }

        public void start() throws Exception {
            running = StorageNode.start(Conf.parse("[DEFAULT]\ndevices = " + devices + "\nswift_dir = " + etc
                    + "\n\n[object-server]\nbind_ip = 127.0.0.1\nbind_port = " + port
                    + "\nasync_pending_interval = 0\n" + objectServerExtra
                    + "\n[object-replicator]\ninterval = 0\nhttp_timeout = 5\n" + replicatorExtra
                    + "\n[object-auditor]\ninterval = 0\nfiles_per_second = 0\nbytes_per_second = 0\n\n"
                    + TestNode.HASH));
            port = server().port();
        }

        public void stop() {
            if (running != null) {
                running.close();
                running = null;
            }
        }

        /** The object's hash directory on this node. */
        public Path hashDir(String object) {
            String hash = hash(object);
            return deviceDir().resolve("objects").resolve(Integer.toString(partition(object)))
                    .resolve(hash.substring(29)).resolve(hash);
        }

        /** Names of the files in the object's hash directory, sorted (empty when there is none). */
        public List<String> files(String object) throws IOException {
            Path dir = hashDir(object);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.map(p -> p.getFileName().toString()).sorted().toList();
            }
        }

        public HttpResponse<byte[]> put(String object, String ts, byte[] body, String... headers) throws Exception {
            List<String> h = new ArrayList<>(List.of("X-Timestamp", ts, "Content-Type", "text/plain"));
            h.addAll(List.of(headers));
            return client().put(path(object), body, h.toArray(String[]::new));
        }

        public HttpResponse<byte[]> get(String object) throws Exception {
            return client().get(path(object));
        }

        public HttpResponse<byte[]> delete(String object, String ts) throws Exception {
            return client().delete(path(object), "X-Timestamp", ts);
        }

        public HttpResponse<byte[]> post(String object, String ts, String... headers) throws Exception {
            List<String> h = new ArrayList<>(List.of("X-Timestamp", ts));
            h.addAll(List.of(headers));
            return client().post(path(object), h.toArray(String[]::new));
        }

        /** The backend path of the object on this node's device. */
        public String path(String object) {
            return "/" + device() + "/" + partition(object) + "/" + ACCOUNT + "/" + CONTAINER + "/" + object;
        }
    }

    private final Path root;
    private final Path etc;
    private final List<Node> nodes = new ArrayList<>();
    private final String objectServerExtra;
    private final String replicatorExtra;
    private Ring ring;

    private ObjectCluster(Path root, String objectServerExtra, String replicatorExtra) {
        this.root = root;
        this.etc = root.resolve("etc");
        this.objectServerExtra = objectServerExtra;
        this.replicatorExtra = replicatorExtra;
    }

    public static ObjectCluster start(int nodeCount) throws Exception {
        return start(nodeCount, "", "");
    }

    /** With extra lines for the {@code [object-server]} and {@code [object-replicator]} sections. */
    public static ObjectCluster start(int nodeCount, String objectServerExtra, String replicatorExtra)
            throws Exception {
        ObjectCluster c = new ObjectCluster(TestDirs.create("objcluster"), objectServerExtra, replicatorExtra);
        try {
            Files.createDirectories(c.etc);
            for (int i = 1; i <= nodeCount; i++) {
                Node n = c.new Node(i, c.root.resolve("node" + i));
                Files.createDirectories(n.deviceDir());
                n.start();
                c.nodes.add(n);
            }
            RingBuilder b = RingBuilder.create(4, Math.min(3, nodeCount), 0);
            for (Node n : c.nodes) {
                b.addDevice(1, n.number, "127.0.0.1", n.port, n.device(), 100);
            }
            b.rebalance();
            b.writeRing(c.etc.resolve("object.ring.gz"));
            c.ring = Ring.load(c.etc.resolve("object.ring.gz"));
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    public Node node(int number) {
        return nodes.get(number - 1);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Ring ring() {
        return ring;
    }

    public static String hash(String object) {
        return TestNode.HASH_PATH.hex(ACCOUNT, CONTAINER, object);
    }

    public int partition(String object) {
        return ring.partition(TestNode.HASH_PATH.digest(ACCOUNT, CONTAINER, object));
    }

    /** The nodes holding the object's primary replicas, in ring order. */
    public List<Node> primaries(String object) {
        return ring.primaries(partition(object)).stream().map(this::nodeOf).toList();
    }

    /** The nodes that are not primaries for the object, in handoff order. */
    public List<Node> handoffs(String object) {
        List<Node> out = new ArrayList<>();
        ring.handoffs(partition(object)).forEach(d -> out.add(nodeOf(d)));
        return out;
    }

    private Node nodeOf(Device d) {
        return node(Integer.parseInt(d.device().substring(1)));
    }

    /** One replication pass on every running node, in node order; returns the summed totals. */
    public ObjectReplicator.Pass replicate() {
        int partitions = 0;
        int suffixes = 0;
        int pushed = 0;
        long bytes = 0;
        int removed = 0;
        int failures = 0;
        for (Node n : nodes) {
            if (n.isRunning()) {
                ObjectReplicator.Pass p = n.replicator().runOnce();
                partitions += p.partitions();
                suffixes += p.suffixesSynced();
                pushed += p.filesPushed();
                bytes += p.bytesPushed();
                removed += p.handoffsRemoved();
                failures += p.failures();
            }
        }
        return new ObjectReplicator.Pass(partitions, suffixes, pushed, bytes, removed, failures);
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
