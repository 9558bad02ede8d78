package io.zerostore.deploy.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs run the zerostore command with our classpath, and end when their parent is gone. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChildJvmTest {
    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void childRunsTheZerostoreCommand() throws Exception {
        Process p = start(JavaCommand.of(List.of("--version")));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("zerostore ");
    }

    @Test
    void nodeEndsWhenItsParentIsKilled() throws Exception {
        int port = freePort();
        Path conf = dir.resolve("node.conf");
        Files.createDirectories(dir.resolve("devices/d1"));
        Files.writeString(conf, "[DEFAULT]\ndevices = " + dir.resolve("devices") + "\n"
                + "[object-server]\nbind_ip = 127.0.0.1\nbind_port = " + port + "\n"
                + new HashSecrets("p", "s").section());
        Process parent = start(List.of("sleep", "600"));
        List<String> cmd = new ArrayList<>(JavaCommand.of(List.of("node", "--conf", conf.toString())));
        cmd.replaceAll(a -> a.startsWith("-D" + ParentWatch.PROPERTY + "=")
                ? "-D" + ParentWatch.PROPERTY + "=" + parent.pid() : a);
        Process node = start(cmd);
        HealthCheck.await("node", "127.0.0.1", port, Duration.ofSeconds(60), node::isAlive);

        parent.destroyForcibly().waitFor();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node exits after its parent died").isTrue();
        assertThat(HealthCheck.isHealthy("127.0.0.1", port)).isFalse();
    }

    private Process start(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        started.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
