package io.zerostore.deploy.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.deploy.interop.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping the in-process all-in-one: failures name their cause and leave nothing behind. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AllInOneStartTest {
    @TempDir
    Path dir;

    private final PrintStream log = new PrintStream(new ByteArrayOutputStream());

    @Test
    void busyProxyPortIsReportedAndTheNodesAreStoppedAgain() throws Exception {
        int base = FreePorts.freeBase();
        AllInOneLayout layout = new AllInOneLayout(dir, "127.0.0.1", base + FreePorts.PROXY_OFFSET, base);
        try (ServerSocket squatter = new ServerSocket(layout.proxyPort(), 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> AllInOne.start(layout, false, log))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the proxy did not start on 127.0.0.1:" + layout.proxyPort())
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + layout.proxyPort() + ": address already in use");
        }
        for (int n = 1; n <= AllInOneLayout.NODES; n++) {
            for (ServerKind kind : ServerKind.values()) {
                assertThat(HealthCheck.isHealthy("127.0.0.1", layout.port(n, kind))).isFalse();
            }
        }
        // the data directory is free again: the same start now works
        try (AllInOne cluster = AllInOne.start(layout, false, log)) {
            assertThat(HealthCheck.isHealthy("127.0.0.1", layout.proxyPort())).isTrue();
            assertThat(cluster.roles()).extracting(RunningRole::name)
                    .containsExactly("node1", "node2", "node3", "proxy");
        }
        assertThat(HealthCheck.isHealthy("127.0.0.1", layout.proxyPort())).isFalse();
    }

    @Test
    void oneDataDirectoryServesOneAllInOne() throws Exception {
        AllInOneLayout layout = new AllInOneLayout(dir, "127.0.0.1", 8080, 6000);
        try (DataLock held = DataLock.acquire(layout)) {
            assertThatThrownBy(() -> DataLock.acquire(layout))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another 'zerostore start' (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining(dir.toString());
        }
        DataLock.acquire(layout).close();
    }
}
