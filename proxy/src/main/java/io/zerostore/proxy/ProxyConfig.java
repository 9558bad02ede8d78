package io.zerostore.proxy;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfException;
import io.zerostore.common.config.ConfSection;
import io.zerostore.common.swift.HashPath;
import io.zerostore.proxy.controller.ProxySettings;
import io.zerostore.proxy.controller.StoragePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxy's configuration file, Swift style, every key defaulted:
 * <pre>
 * [DEFAULT]
 * swift_dir = /etc/swift                 # account/container/object.ring.gz (and swift.conf)
 * [proxy-server]                          # also read as [app:proxy-server]
 * bind_ip = 127.0.0.1
 * bind_port = 8080
 * io_threads = 0                          # event loops; 0 = one per core
 * node_timeout = 10                       # seconds for a storage server's answer
 * conn_timeout = 0.5                      # seconds to connect to one
 * client_timeout = 60                     # a client pausing this long mid-upload gets 408
 * post_quorum_timeout = 0.5
 * error_suppression_interval = 60
 * error_suppression_limit = 10
 * request_node_count = 2 * replicas
 * account_autocreate = true
 * allow_account_management = true
 * recheck_container_existence = 60
 * recheck_account_existence = 60
 * cors_allow_origin =
 * strict_cors_mode = true
 * expose_info = true
 * disallowed_sections =
 * ring_check_interval = 15
 * [pipeline:main]
 * pipeline = catch_errors gatekeeper healthcheck proxy_logging tempauth copy zerocloud? proxy-server
 * [filter:tempauth]                       # users, token_life, reseller_prefix
 * [storage-policy:0]                      # or in swift_dir/swift.conf
 * name = Policy-0
 * aliases =
 * [swift-hash]                            # or in swift_dir/swift.conf
 * swift_hash_path_prefix =
 * swift_hash_path_suffix =
 * </pre>
 */
public record ProxyConfig(String bindIp, int bindPort, int ioThreads, Path swiftDir, Duration nodeTimeout,
                          Duration connTimeout, Duration ringCheckInterval, int errorSuppressionLimit,
                          Duration errorSuppressionInterval, boolean exposeInfo, List<String> disallowedSections,
                          List<String> pipeline, ProxySettings settings, HashPath hashPath) {

    public static final String DEFAULT_PIPELINE =
            "catch_errors gatekeeper healthcheck proxy_logging tempauth copy zerocloud? proxy-server";
    static final List<String> APP_NAMES = List.of("proxy-server", "proxy_server");

    public static ProxyConfig from(Conf conf) throws IOException {
        ConfSection s = conf.hasSection("proxy-server") || !conf.hasSection("app:proxy-server")
                ? conf.section("proxy-server") : conf.section("app:proxy-server");
        Path swiftDir = Path.of(s.get("swift_dir", "/etc/swift"));
        ProxySettings settings = new ProxySettings(
                s.getSeconds("client_timeout", Duration.ofSeconds(60)),
                s.getSeconds("post_quorum_timeout", Duration.ofMillis(500)),
                requestNodeCount(s.get("request_node_count", "2 * replicas")),
                s.get("request_node_count", "2 * replicas").contains("replicas"),
                s.getBool("account_autocreate", true),
                s.getBool("allow_account_management", true),
                s.getSeconds("recheck_container_existence", Duration.ofSeconds(60)),
                s.getSeconds("recheck_account_existence", Duration.ofSeconds(60)),
                s.getList("cors_allow_origin", ""),
                s.getBool("strict_cors_mode", true),
                storagePolicy(conf, swiftDir));
        return new ProxyConfig(
                s.get("bind_ip", "127.0.0.1"),
                s.getInt("bind_port", 8080),
                s.getInt("io_threads", 0),
                swiftDir,
                s.getSeconds("node_timeout", Duration.ofSeconds(10)),
                s.getSeconds("conn_timeout", Duration.ofMillis(500)),
                s.getSeconds("ring_check_interval", Duration.ofSeconds(15)),
                s.getInt("error_suppression_limit", 10),
                s.getSeconds("error_suppression_interval", Duration.ofSeconds(60)),
                s.getBool("expose_info", true),
                s.getList("disallowed_sections", ""),
                pipeline(conf.section("pipeline:main").get("pipeline", DEFAULT_PIPELINE)),
                settings,
                hashPath(conf, swiftDir));
    }

    /**
     * The filter names, without the app at the end; catch_errors and gatekeeper are put in front
     * when missing, as Swift's required_filters do, so no configuration leaks backend headers.
     */
    static List<String> pipeline(String spec) {
        List<String> names = new ArrayList<>(List.of(spec.strip().split("\\s+")));
        names.removeIf(String::isEmpty);
        if (!names.isEmpty() && APP_NAMES.contains(names.get(names.size() - 1))) {
            names.remove(names.size() - 1);
        }
        for (String n : names) {
            if (APP_NAMES.contains(n)) {
                throw new ConfException("[pipeline:main] proxy-server must be the last element of the pipeline");
            }
        }
        if (!names.contains("catch_errors")) {
            names.add(0, "catch_errors");
        }
        if (!names.contains("gatekeeper")) {
            names.add(names.indexOf("catch_errors") + 1, "gatekeeper");
        }
        return List.copyOf(names);
    }

    static int requestNodeCount(String spec) {
        String v = spec.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.endsWith("replicas")) {
                String n = v.substring(0, v.indexOf('*')).strip();
                return Integer.parseInt(n);
            }
            return Integer.parseInt(v);
        } catch (RuntimeException e) {
            throw new ConfException("[proxy-server] request_node_count must be like '2 * replicas', not '" + spec + "'");
        }
    }

    /** [storage-policy:0] from this file, else from swift_dir/swift.conf, else Swift's default. */
    static StoragePolicy storagePolicy(Conf conf, Path swiftDir) throws IOException {
        ConfSection p = conf.findSection("storage-policy:0").orElse(null);
        Path swiftConf = swiftDir.resolve("swift.conf");
        if (p == null && Files.isRegularFile(swiftConf)) {
            p = Conf.load(swiftConf).findSection("storage-policy:0").orElse(null);
        }
        if (p == null) {
            return StoragePolicy.DEFAULT;
        }
        String name = p.get("name", StoragePolicy.DEFAULT.name()).strip();
        List<String> aliases = new ArrayList<>(List.of(name));
        for (String a : p.getList("aliases", "")) {
            if (!a.isBlank() && aliases.stream().noneMatch(x -> x.equalsIgnoreCase(a.strip()))) {
                aliases.add(a.strip());
            }
        }
        return new StoragePolicy(name, aliases);
    }

    /** [swift-hash] from this file, else from swift_dir/swift.conf. */
    static HashPath hashPath(Conf conf, Path swiftDir) throws IOException {
        ConfSection h = conf.findSection("swift-hash").orElse(null);
        if (h == null) {
            Path swiftConf = swiftDir.resolve("swift.conf");
            if (Files.isRegularFile(swiftConf)) {
                h = Conf.load(swiftConf).findSection("swift-hash").orElse(null);
            }
        }
        if (h == null) {
            throw new ConfException("no [swift-hash] section in the proxy config nor in " + swiftDir.resolve("swift.conf"));
        }
        try {
            return new HashPath(h.get("swift_hash_path_prefix", ""), h.get("swift_hash_path_suffix", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfException("[swift-hash] " + e.getMessage());
        }
    }
}
