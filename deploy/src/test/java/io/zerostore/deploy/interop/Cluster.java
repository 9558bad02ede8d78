package io.zerostore.deploy.interop;

import io.zerostore.deploy.allinone.AllInOne;
import io.zerostore.deploy.allinone.AllInOneLayout;
import java.nio.file.Path;

/**
 * The cluster an interop test talks to: an all-in-one started in this JVM on free loopback ports,
 * or, with {@code -Dzerostore.interop.authUrl=http://host:port/auth/v1.0}, any running Swift
 * endpoint with Swift's all-in-one users (used to check the tests themselves against OpenStack
 * Swift).
 */
final class Cluster implements AutoCloseable {
    static final String EXTERNAL = "zerostore.interop.authUrl";

    private final String authUrl;
    private final AllInOne allInOne;

    private Cluster(String authUrl, AllInOne allInOne) {
        this.authUrl = authUrl;
        this.allInOne = allInOne;
    }

    static Cluster start(Path data) throws Exception {
        String external = System.getProperty(EXTERNAL);
        if (external != null && !external.isBlank()) {
            return new Cluster(external, null);
        }
        int base = FreePorts.freeBase();
        AllInOneLayout layout = new AllInOneLayout(data, "127.0.0.1", base + FreePorts.PROXY_OFFSET, base);
        AllInOne cluster = AllInOne.start(layout, false, System.err);
        return new Cluster(layout.authUrl(), cluster);
    }

    String authUrl() {
        return authUrl;
    }

    @Override
    public void close() {
        if (allInOne != null) {
            allInOne.close();
        }
    }
}
