package io.zerostore.node.replication;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfException;
import io.zerostore.common.config.ConfSection;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code [object-replicator]} section (with {@code [DEFAULT]} underneath). Swift's key names
 * and defaults unless noted.
 *
 * @param interval          pause between passes ({@code interval}, 30 s); 0 runs no background
 *                          passes (ours: {@link ObjectReplicator#runOnce()} still works)
 * @param concurrency       devices replicated at the same time ({@code concurrency}, ours: 4)
 * @param reclaimAge        seconds after which a tombstone is removed ({@code reclaim_age}, one
 *                          week; defaults to the object server's value)
 * @param swiftDir          directory of {@code object.ring.gz} ({@code swift_dir}, /etc/swift)
 * @param ringCheckInterval how often the ring file is checked for changes ({@code ring_check_interval}, 15 s)
 * @param connTimeout       connect timeout to a peer ({@code conn_timeout}, 0.5 s)
 * @param httpTimeout       wait for a peer's answer to a request ({@code http_timeout}, 60 s;
 *                          a REPLICATE may have to hash a whole partition first)
 * @param pushTimeout       longest time for pushing one file ({@code rsync_timeout}'s role, 900 s;
 *                          ours: {@code push_timeout})
 */
public record ReplicatorConfig(Duration interval, int concurrency, long reclaimAge, Path swiftDir,
                               Duration ringCheckInterval, Duration connTimeout, Duration httpTimeout,
                               Duration pushTimeout) {
    public static final String SECTION = "object-replicator";
    public static final String RING_FILE = "object.ring.gz";

    public ReplicatorConfig {
        if (concurrency < 1) {
            throw new ConfException("[" + SECTION + "] concurrency must be at least 1");
        }
        if (reclaimAge < 0) {
            throw new ConfException("[" + SECTION + "] reclaim_age must not be negative");
        }
    }

    /** @param objectServerReclaimAge the object server's {@code reclaim_age}, the default here */
    public static ReplicatorConfig from(Conf conf, long objectServerReclaimAge) {
        ConfSection s = conf.section(SECTION);
        return new ReplicatorConfig(
                s.getSeconds("interval", Duration.ofSeconds(30)),
                s.getInt("concurrency", 4),
                s.getLong("reclaim_age", objectServerReclaimAge),
                Path.of(s.get("swift_dir", "/etc/swift")),
                s.getSeconds("ring_check_interval", Duration.ofSeconds(15)),
                s.getSeconds("conn_timeout", Duration.ofMillis(500)),
                s.getSeconds("http_timeout", Duration.ofSeconds(60)),
                s.getSeconds("push_timeout", Duration.ofSeconds(900)));
    }

    public Path ringFile() {
        return swiftDir.resolve(RING_FILE);
    }
}
