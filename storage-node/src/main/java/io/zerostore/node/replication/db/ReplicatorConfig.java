package io.zerostore.node.replication.db;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfException;
import io.zerostore.common.config.ConfSection;
import java.time.Duration;

/**
 * A {@code [container-replicator]} or {@code [account-replicator]} section (with {@code [DEFAULT]}
 * underneath); Swift's key names and defaults.
 *
 * @param interval    pause between passes ({@code interval}, 30 s; 0 runs no loop, {@link DbReplicator#runOnce()} still works)
 * @param perDiff     rows per {@code merge_items} request ({@code per_diff}, 1000)
 * @param maxDiffs    most {@code merge_items} requests per record and peer in one pass ({@code max_diffs}, 100);
 *                    the rest follow in the next pass
 * @param concurrency records replicated at the same time ({@code concurrency}, 8)
 * @param reclaimAge  deleted rows, and deleted containers/accounts, older than this are removed for
 *                    good ({@code reclaim_age}, 604800 s = one week; keep it longer than a replica
 *                    may stay away, or what it holds comes back)
 */
public record ReplicatorConfig(Duration interval, int perDiff, int maxDiffs, int concurrency, Duration reclaimAge) {
    public static ReplicatorConfig from(Conf conf, String section) {
        ConfSection s = conf.section(section);
        ReplicatorConfig c = new ReplicatorConfig(s.getSeconds("interval", Duration.ofSeconds(30)),
                s.getInt("per_diff", 1000), s.getInt("max_diffs", 100), s.getInt("concurrency", 8),
                s.getSeconds("reclaim_age", Duration.ofDays(7)));
        if (c.perDiff < 1 || c.maxDiffs < 1 || c.concurrency < 1 || c.interval.isNegative()
                || c.reclaimAge.isNegative()) {
            throw new ConfException("[" + section + "] per_diff, max_diffs and concurrency must be at least 1, "
                    + "interval and reclaim_age not negative");
        }
        return c;
    }
}
