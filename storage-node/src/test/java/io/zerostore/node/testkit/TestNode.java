package io.zerostore.node.testkit;

import io.netty.channel.EventLoopGroup;
import io.zerostore.common.config.Conf;
import io.zerostore.common.http.EventLoops;
import io.zerostore.common.http.client.ClientOptions;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.swift.HashPath;
import io.zerostore.node.server.NodeContext;
import io.zerostore.node.server.ObjectServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An object server on an ephemeral port with one device {@code d1} in a fresh directory under
 * target/, and a clock that tests can move forward ({@link #advanceClock}) for X-Delete-At.
 */
public final class TestNode implements AutoCloseable {
    public static final String HASH = "[swift-hash]\nswift_hash_path_prefix = test-prefix\nswift_hash_path_suffix = test-suffix\n";
    public static final HashPath HASH_PATH = new HashPath("test-prefix", "test-suffix");
    public final Path root;
    public final Path devices;
    public final ObjectServer objectServer;
    public final ObjectClient client;
    private final EventLoopGroup loops;
    private final HttpClient backend;
    private final AtomicLong clockOffsetMillis;
    private final boolean ownsRoot;

    private TestNode(Path root, Path devices, ObjectServer server, EventLoopGroup loops, HttpClient backend,
                     AtomicLong clockOffsetMillis, boolean ownsRoot) {
        this.root = root;
        this.devices = devices;
        this.objectServer = server;
        this.loops = loops;
        this.backend = backend;
        this.clockOffsetMillis = clockOffsetMillis;
        this.ownsRoot = ownsRoot;
        this.client = new ObjectClient("127.0.0.1", server.port());
    }

    public static TestNode start() throws Exception {
        return start("");
    }

    /** Starts with extra {@code [object-server]} lines (e.g. {@code "client_timeout = 1\n"}). */
    public static TestNode start(String objectServerExtra) throws Exception {
        Path root = TestDirs.create("node");
        Path devices = root.resolve("srv");
        Files.createDirectories(devices.resolve("d1"));
        try {
            return startOn(root, devices, objectServerExtra, true);
        } catch (Exception e) {
            TestDirs.delete(root);
            throw e;
        }
    }

    /** Starts on an existing devices root that the caller prepared and cleans up. */
    public static TestNode startOn(Path devices, String objectServerExtra) throws Exception {
        return startOn(devices, devices, objectServerExtra, false);
    }

    private static TestNode startOn(Path root, Path devices, String extra, boolean ownsRoot) throws Exception {
        String conf = "[DEFAULT]\ndevices = " + devices + "\n\n[object-server]\nbind_ip = 127.0.0.1\nbind_port = 0\n"
                + "async_pending_interval = 0\n" + extra + "\n" + HASH;
        EventLoopGroup loops = EventLoops.newGroup(2, "test-node");
        HttpClient backend = new HttpClient(loops, new ClientOptions(Duration.ofMillis(500), Duration.ofSeconds(3),
                Duration.ofSeconds(60)));
        AtomicLong offset = new AtomicLong();
        try {
            ObjectServer server = ObjectServer.start(new NodeContext(Conf.parse(conf), loops, backend, HASH_PATH),
                    () -> (System.currentTimeMillis() + offset.get()) / 1000.0);
            return new TestNode(root, devices, server, loops, backend, offset, ownsRoot);
        } catch (Exception e) {
            backend.close();
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Moves the server's clock (used for X-Delete-At) forward. */
    public void advanceClock(Duration d) {
        clockOffsetMillis.addAndGet(d.toMillis());
    }

    @Override
    public void close() {
        objectServer.close();
        backend.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (ownsRoot) {
            TestDirs.delete(root);
        }
    }
}
