package io.zerostore.sandbox;

import io.zerostore.sandbox.channel.ChannelStats;
import java.util.Map;

/**
 * ZeroVM's accounting of one run: time, memory, and channel use summed per group ("local":
 * files, buffers, streams; "network": pipes and sockets to other instances), plus each channel's
 * own counters by alias.
 */
public record Accounting(
        long wallNanos,
        long cpuNanos,
        long userNanos,
        long memoryBytes,
        ChannelStats local,
        ChannelStats network,
        Map<String, ChannelStats> perChannel) {

    public static final Accounting NONE = new Accounting(0, 0, 0, 0, ChannelStats.ZERO,
            ChannelStats.ZERO, Map.of());

    /** System (kernel) CPU time: what the CPU clock saw beyond user time. */
    public long sysNanos() {
        return Math.max(0, cpuNanos - userNanos);
    }

    /**
     * ZeroCloud's 10-number accounting line for {@code X-Nexe-Cdr-Line}:
     * {@code sys user reads rbytes writes wbytes netreads netrbytes netwrites netwbytes}
     * (times in seconds with two decimals).
     */
    public String cdrLine() {
        return String.format(java.util.Locale.ROOT, "%.2f %.2f %d %d %d %d %d %d %d %d",
                sysNanos() / 1e9, userNanos / 1e9,
                local.gets(), local.getBytes(), local.puts(), local.putBytes(),
                network.gets(), network.getBytes(), network.puts(), network.putBytes());
    }

    /**
     * ZeroVM's own accounting string: {@code sys user memory 0} followed by the eight channel
     * counters.
     */
    public String zerovmLine() {
        return String.format(java.util.Locale.ROOT, "%.2f %.2f %d 0 %d %d %d %d %d %d %d %d",
                sysNanos() / 1e9, userNanos / 1e9, memoryBytes,
                local.gets(), local.getBytes(), local.puts(), local.putBytes(),
                network.gets(), network.getBytes(), network.puts(), network.putBytes());
    }
}
