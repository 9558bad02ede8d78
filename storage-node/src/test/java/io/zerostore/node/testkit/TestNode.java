package io.zerostore.node.testkit;

import io.zerostore.common.config.Conf;
import io.zerostore.node.server.ObjectServer;
import io.zerostore.node.server.StorageNode;
import java.nio.file.Files;
import java.nio.file.Path;

/** A storage node on an ephemeral port with one device {@code d1} in a fresh directory under target/. */
public final class TestNode implements AutoCloseable {
    public static final String HASH = "[swift-hash]\nswift_hash_path_prefix = test-prefix\nswift_hash_path_suffix = test-suffix\n";
    public final Path root;
    public final Path devices;
    public final StorageNode node;
    public final ObjectServer objectServer;
    public final ObjectClient client;

    private TestNode(Path root, Path devices, StorageNode node) {
        this.root = root;
        this.devices = devices;
        this.node = node;
        this.objectServer = node.server(ObjectServer.class).orElseThrow();
        this.client = new ObjectClient("127.0.0.1", objectServer.port());
    }

    /** Starts with extra {@code [object-server]} lines (e.g. {@code "client_timeout = 1\n"}). */
    public static TestNode start(String objectServerExtra) throws Exception {
        Path root = TestDirs.create("node");
        Path devices = root.resolve("srv");
        Files.createDirectories(devices.resolve("d1"));
        String conf = "[DEFAULT]\ndevices = " + devices + "\n\n[object-server]\nbind_ip = 127.0.0.1\nbind_port = 0\n"
                + "async_pending_interval = 0\n" + objectServerExtra + "\n" + HASH;
        try {
            return new TestNode(root, devices, StorageNode.start(Conf.parse(conf)));
        } catch (Exception e) {
            TestDirs.delete(root);
            throw e;
        }
    }

    public static TestNode start() throws Exception {
        return start("");
    }

    @Override
    public void close() {
        node.close();
        TestDirs.delete(root);
    }
}
