package io.zerostore.deploy.allinone;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The all-in-one cluster: prepares {@code data/} (hash secrets, config files, rings), starts the
 * three storage nodes, waits until each answers its healthcheck, then starts the proxy. Closing
 * stops the proxy first so no request reaches a stopped node.
 */
public final class AllInOne implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final AllInOneLayout layout;
    private final DataLock lock;
    private final List<RunningRole> roles;

    private AllInOne(AllInOneLayout layout, DataLock lock, List<RunningRole> roles) {
        this.layout = layout;
        this.lock = lock;
        this.roles = roles;
    }

    /** Creates secrets and rings (once), writes the config files and device directories; starts nothing. */
    public static HashSecrets prepare(AllInOneLayout layout) throws IOException {
        HashSecrets secrets = HashSecrets.loadOrCreate(layout.swiftConf());
        AllInOneRings.ensure(layout);
        new ConfigFiles(layout, secrets).writeAll();
        Files.createDirectories(layout.logs());
        for (int n = 1; n <= AllInOneLayout.NODES; n++) {
            Files.createDirectories(layout.devicesRoot(n).resolve(layout.deviceName(n)));
        }
        return secrets;
    }

    public static AllInOne start(AllInOneLayout layout, boolean nodesAsProcesses, PrintStream log)
            throws Exception {
        DataLock lock = DataLock.acquire(layout);
        List<RunningRole> started = new ArrayList<>();
        AllInOne cluster = new AllInOne(layout, lock, started);
        try {
            prepare(layout);
            for (int n = 1; n <= AllInOneLayout.NODES; n++) {
                started.add(startNode(layout, n, nodesAsProcesses, log));
            }
            for (int n = 1; n <= AllInOneLayout.NODES; n++) {
                awaitNode(layout, n, started.get(n - 1));
            }
            RunningRole proxy;
            try {
                proxy = InProcessRole.proxy(layout);
            } catch (Exception e) {
                throw new IllegalStateException("the proxy did not start on " + layout.publicHost() + ":"
                        + layout.proxyPort() + ": " + e.getMessage(), e);
            }
            started.add(proxy);
            HealthCheck.await("proxy", layout.publicHost(), layout.proxyPort(), START_TIMEOUT, proxy::isAlive);
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static RunningRole startNode(AllInOneLayout layout, int n, boolean asProcess, PrintStream log)
            throws IOException {
        if (asProcess) {
            NodeProcess child = NodeProcess.start(layout, n);
            child.onUnexpectedExit(code -> log.printf("zerostore: %s (pid %d) exited with status %d; its log: %s%n",
                    child.name(), child.pid(), code, layout.nodeLog(n)));
            return child;
        }
        try {
            return InProcessRole.node(layout, n);
        } catch (Exception e) {
            throw new IllegalStateException("node" + n + " did not start (ports " + layout.port(n, ServerKind.OBJECT)
                    + "-" + layout.port(n, ServerKind.ACCOUNT) + "): " + e.getMessage(), e);
        }
    }

    private static void awaitNode(AllInOneLayout layout, int n, RunningRole node) throws Exception {
        try {
            for (ServerKind kind : ServerKind.values()) {
                HealthCheck.await(node.name() + " " + kind.section(), layout.publicHost(),
                        layout.port(n, kind), START_TIMEOUT, node::isAlive);
            }
        } catch (IllegalStateException e) {
            if (node instanceof NodeProcess) {
                throw new IllegalStateException(e.getMessage() + "; last lines of " + layout.nodeLog(n) + ":\n"
                        + LogTail.of(layout.nodeLog(n), 15), e);
            }
            throw e;
        }
    }

    public AllInOneLayout layout() {
        return layout;
    }

    public List<RunningRole> roles() {
        return Collections.unmodifiableList(roles);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = roles.size() - 1; i >= 0; i--) {
            try {
                roles.get(i).close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        roles.clear();
        try {
            lock.close();
        } catch (IOException e) {
            if (first == null) {
                first = new UncheckedIOException(e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
