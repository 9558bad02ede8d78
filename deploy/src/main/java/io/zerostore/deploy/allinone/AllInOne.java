package io.zerostore.deploy.allinone;

import java.io.IOException;
import java.io.PrintStream;
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
    private final List<RunningRole> roles;

    private AllInOne(AllInOneLayout layout, List<RunningRole> roles) {
        this.layout = layout;
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
        prepare(layout);
        List<RunningRole> started = new ArrayList<>();
        AllInOne cluster = new AllInOne(layout, started);
        try {
            for (int n = 1; n <= AllInOneLayout.NODES; n++) {
                started.add(nodesAsProcesses ? startChild(layout, n, log) : InProcessNode.start(layout, n));
            }
            for (int n = 1; n <= AllInOneLayout.NODES; n++) {
                RunningRole node = started.get(n - 1);
                for (ServerKind kind : ServerKind.values()) {
                    HealthCheck.await(node.name() + " " + kind.section(), layout.publicHost(),
                            layout.port(n, kind), START_TIMEOUT, node::isAlive);
                }
            }
            started.add(InProcessProxy.start(layout));
            RunningRole proxy = started.get(started.size() - 1);
            HealthCheck.await("proxy", layout.publicHost(), layout.proxyPort(), START_TIMEOUT, proxy::isAlive);
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static RunningRole startChild(AllInOneLayout layout, int n, PrintStream log) throws IOException {
        NodeProcess child = NodeProcess.start(layout, n);
        child.onUnexpectedExit(code -> log.printf("zerostore: %s (pid %d) exited with status %d; its log: %s%n",
                child.name(), child.pid(), code, layout.nodeLog(n)));
        return child;
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
        if (first != null) {
            throw first;
        }
    }
}
