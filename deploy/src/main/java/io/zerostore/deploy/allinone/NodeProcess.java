package io.zerostore.deploy.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A storage node running as a child JVM ({@code zerostore node --conf nodeN.conf}), its output
 * appended to {@code data/log/nodeN.log} and its pid in {@code data/run/nodeN.pid}.
 */
public final class NodeProcess implements RunningRole {
    private static final long STOP_GRACE_SECONDS = 20;

    private final int node;
    private final Process process;
    private final Path pidFile;
    private volatile boolean stopping;

    private NodeProcess(int node, Process process, Path pidFile) {
        this.node = node;
        this.process = process;
        this.pidFile = pidFile;
    }

    public static NodeProcess start(AllInOneLayout layout, int node) throws IOException {
        Files.createDirectories(layout.logs());
        Files.createDirectories(layout.run());
        Path log = layout.nodeLog(node);
        ProcessBuilder pb = new ProcessBuilder(JavaCommand.of(
                List.of("node", "--conf", layout.nodeConf(node).toString())))
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        Path pidFile = layout.pidFile(node);
        Files.writeString(pidFile, p.pid() + "\n", StandardCharsets.US_ASCII);
        return new NodeProcess(node, p, pidFile);
    }

    @Override
    public String name() {
        return "node" + node;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Calls {@code action} with the exit status if the process ends without {@link #close()}. */
    public void onUnexpectedExit(IntConsumer action) {
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                action.accept(p.exitValue());
            }
        });
    }

    /** SIGTERM, then SIGKILL if the node has not stopped within the grace period. */
    @Override
    public void close() {
        stopping = true;
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
