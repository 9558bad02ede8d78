package io.zerostore.node.server;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfException;
import io.zerostore.node.testkit.ObjectClient;
import io.zerostore.node.testkit.TestDirs;
import io.zerostore.node.testkit.TestNode;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(60)
class StorageNodeTest {
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        root = TestDirs.create("storagenode");
        Files.createDirectories(root.resolve("srv/d1"));
    }

    @AfterEach
    void tearDown() {
        TestDirs.delete(root);
    }

    @Test
    void startsTheServersOfItsConfigFileAndStops() throws Exception {
        Path conf = root.resolve("node.conf");
        Files.writeString(conf, "[DEFAULT]\ndevices = " + root.resolve("srv") + "\nworkers = 1\n\n"
                + "[object-server]\nbind_ip = 127.0.0.1\nbind_port = 0\n\n" + TestNode.HASH);
        ObjectServerConfig cfg = ObjectServerConfig.from(Conf.load(conf));
        assertThat(cfg.disk().devices()).isEqualTo(root.resolve("srv"));
        assertThat(cfg.containerUpdateTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cfg.pipeline()).containsExactly("healthcheck", "recon", "zerocloud?");
        try (StorageNode node = StorageNode.start(conf)) {
            assertThat(node.servers()).extracting(NodeServer::name).containsExactly("object-server");
            ObjectServer os = node.server(ObjectServer.class).orElseThrow();
            ObjectClient client = new ObjectClient("127.0.0.1", os.port());
            assertThat(client.put("/d1/0/a/c/o", "x".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b")
                    .statusCode()).isEqualTo(201);
            assertThat(client.get("/healthcheck").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPortInUseIsReportedAsSuchNotAsTheConfigFile() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = squatter.getLocalPort();
            Path conf = root.resolve("node.conf");
            Files.writeString(conf, "[DEFAULT]\ndevices = " + root.resolve("srv") + "\nworkers = 1\n\n"
                    + "[object-server]\nbind_ip = 127.0.0.1\nbind_port = " + port + "\n\n" + TestNode.HASH);
            assertThatThrownBy(() -> StorageNode.start(conf))
                    .isInstanceOf(BindException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + port + ": address already in use");
        }
    }

    @Test
    void hashSecretsAreRequiredAndUnknownFiltersRefused() {
        String base = "[DEFAULT]\ndevices = " + root.resolve("srv") + "\n[object-server]\nbind_ip = 127.0.0.1\n"
                + "bind_port = 0\n";
        assertThatThrownBy(() -> StorageNode.start(Conf.parse(base))).isInstanceOf(ConfException.class)
                .hasMessageContaining("swift_hash_path_prefix");
        assertThatThrownBy(() -> StorageNode.start(Conf.parse(base + "pipeline = healthcheck nosuch\n" + TestNode.HASH)))
                .isInstanceOf(ConfException.class).hasMessageContaining("nosuch");
    }

    @Test
    void pluginFoundByServiceLoaderMapsAnObjectToItsFile() throws Exception {
        try (TestNode node = TestNode.start("pipeline = healthcheck probe zerocloud?\n")) {
            assertThat(node.objectServer.pipelineNames()).containsExactly("healthcheck", "probe");
            node.client.put("/d1/4/a/c/o", "12345".getBytes(), "X-Timestamp", ts(1), "Content-Type", "a/b");
            var r = node.client.get("/probe/d1/4/a/c/o");
            assertThat(r.statusCode()).isEqualTo(200);
            String[] parts = new String(r.body()).split(" ");
            assertThat(parts[0]).endsWith(ts(1) + ".data").startsWith(node.devices.resolve("d1/objects/4").toString());
            assertThat(parts[1]).isEqualTo("5");
            assertThat(Files.readAllBytes(Path.of(parts[0]))).startsWith("12345".getBytes());
        }
    }

    @Test
    void nodeCommandHasItsOptions() {
        CommandLine cmd = new CommandLine(new NodeCommand());
        assertThat(cmd.getCommandName()).isEqualTo("node");
        assertThat(cmd.getCommandSpec().findOption("--conf").required()).isTrue();
        assertThat(cmd.execute()).isEqualTo(2); // missing --conf is a usage error
    }
}
