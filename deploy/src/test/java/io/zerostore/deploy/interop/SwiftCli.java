package io.zerostore.deploy.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** python-swiftclient's {@code swift} command against one cluster, as a given user. */
final class SwiftCli {
    static final String SWIFT = "/usr/bin/swift";

    private final String authUrl;
    private final String user;
    private final String key;
    private final Path workDir;

    SwiftCli(String authUrl, String user, String key, Path workDir) {
        Tool.require(SWIFT, "python3-swiftclient");
        this.authUrl = authUrl;
        this.user = user;
        this.key = key;
        this.workDir = workDir;
    }

    /** {@code swift -A URL -U user -K key <args>}, run in the work directory. */
    Tool.Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(SWIFT, "-A", authUrl, "-U", user, "-K", key));
        cmd.addAll(List.of(args));
        return Tool.run(workDir, cmd);
    }

    /** The {@code Name: value} lines of {@code swift stat}, keyed by name. */
    static Map<String, String> statFields(String statOutput) {
        Map<String, String> fields = new TreeMap<>();
        for (String line : statOutput.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }
}
