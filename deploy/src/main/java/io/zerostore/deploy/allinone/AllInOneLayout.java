package io.zerostore.deploy.allinone;

import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Where the all-in-one cluster keeps everything and which ports it uses. Node {@code n} (1..3) has
 * one device {@code d<n>} in zone {@code n} and listens on {@code basePort + 10n} (object),
 * {@code +1} (container) and {@code +2} (account), so the default base 6000 gives Swift's
 * all-in-one ports 6010/6011/6012, 6020/..., 6030/....
 *
 * @param data      root directory; configs and rings go to {@code data/etc}, devices to {@code data/node<n>}
 * @param bindIp    address every server binds to
 * @param proxyPort the public Swift API port
 * @param basePort  base of the storage node ports
 * @param daemons   whether the nodes run their background daemons (replicators, auditor, expirer);
 *                  without them only the request path runs, as in the benchmark against Swift
 */
public record AllInOneLayout(Path data, String bindIp, int proxyPort, int basePort, boolean daemons) {
    public static final int NODES = 3;
    public static final int REPLICAS = 3;
    public static final int PART_POWER = 10;
    public static final int MIN_PART_HOURS = 1;

    public AllInOneLayout {
        data = data.toAbsolutePath().normalize();
        if (proxyPort < 1 || proxyPort > 65535) {
            throw new IllegalArgumentException("proxy port out of range: " + proxyPort);
        }
        if (basePort < 1 || basePort + 10 * NODES + 2 > 65535) {
            throw new IllegalArgumentException("base port out of range: " + basePort);
        }
    }

    public AllInOneLayout(Path data, String bindIp, int proxyPort, int basePort) {
        this(data, bindIp, proxyPort, basePort, true);
    }

    public IntStream nodes() {
        return IntStream.rangeClosed(1, NODES);
    }

    public Path etc() {
        return data.resolve("etc");
    }

    public Path logs() {
        return data.resolve("log");
    }

    public Path run() {
        return data.resolve("run");
    }

    public Path swiftConf() {
        return etc().resolve("swift.conf");
    }

    public Path proxyConf() {
        return etc().resolve("proxy.conf");
    }

    public Path nodeConf(int node) {
        return etc().resolve("node" + node + ".conf");
    }

    /** The devices root of a node: each subdirectory is one device. */
    public Path devicesRoot(int node) {
        return data.resolve("node" + node);
    }

    public String deviceName(int node) {
        return "d" + node;
    }

    public int zone(int node) {
        return node;
    }

    public int port(int node, ServerKind kind) {
        return basePort + 10 * node + kind.portOffset();
    }

    public Path ringFile(ServerKind kind) {
        return etc().resolve(kind.ringName() + ".ring.gz");
    }

    public Path pidFile(int node) {
        return run().resolve("node" + node + ".pid");
    }

    public Path nodeLog(int node) {
        return logs().resolve("node" + node + ".log");
    }

    public Path proxyAccessLog() {
        return logs().resolve("proxy-access.log");
    }

    /** The address clients use: loopback when the servers bind to every interface. */
    public String publicHost() {
        return bindIp.equals("0.0.0.0") || bindIp.equals("::") ? "127.0.0.1" : bindIp;
    }

    public String proxyUrl() {
        String host = publicHost().indexOf(':') >= 0 ? "[" + publicHost() + "]" : publicHost();
        return "http://" + host + ":" + proxyPort;
    }

    public String authUrl() {
        return proxyUrl() + "/auth/v1.0";
    }
}
