package io.zerostore.deploy.allinone;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The all-in-one cluster: prepares {@code data/} (hash secrets, config files, rings), starts the
 * three storage nodes, waits until each answers its healthcheck, then starts the proxy. Closing
 * stops the proxy first so no request reaches a stopped node.
 */
public final class AllInOne implements AutoCloseable {
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
        for (int n = 1; n <= AllInOneLayout.NODES; n++) {
            Files.createDirectories(layout.devicesRoot(n).resolve(layout.deviceName(n)));
        }
        return secrets;
    }

    public static AllInOne start(AllInOneLayout layout, boolean nodesAsProcesses, PrintStream log)
            throws IOException {
        prepare(layout);
        List<RunningRole> started = new ArrayList<>();
        AllInOne cluster = new AllInOne(layout, started);
        try {
            throw new UnsupportedOperationException(
                    "the storage node and the proxy are not part of this build yet; "
                            + "config files were written to " + layout.etc());
        } catch (RuntimeException e) {
            cluster.close();
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
        if (first != null) {
            throw first;
        }
    }
}
