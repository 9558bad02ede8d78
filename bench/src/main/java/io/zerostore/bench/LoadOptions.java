package io.zerostore.bench;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How hard and how long; unset options take the workload's own defaults. */
final class LoadOptions {
    @Option(names = {"-c", "--concurrency"}, description = "connections, one request in flight each")
    Integer concurrency;

    @Option(names = {"-d", "--duration"}, description = "seconds to measure (0: run by --count)")
    Double duration;

    @Option(names = "--warmup", description = "seconds of unmeasured load before measuring")
    Double warmup;

    @Option(names = {"-n", "--count"}, description = "stop after this many operations (0: no limit)")
    Long count;

    @Option(names = "--min-count", defaultValue = "0",
        description = "keep going past --duration until this many operations were issued")
    long minCount;

    @Option(names = "--timeout", defaultValue = "120", description = "seconds without I/O before an exchange fails")
    double timeout;

    @Option(names = "--io-threads", defaultValue = "1", description = "generator event-loop threads")
    int ioThreads;

    RunPlan plan(int defConcurrency, double defDuration, double defWarmup, long defCount) {
        return new RunPlan(
            concurrency != null ? concurrency : defConcurrency,
            seconds(duration != null ? duration : defDuration),
            seconds(warmup != null ? warmup : defWarmup),
            count != null ? count : defCount,
            minCount,
            seconds(timeout),
            ioThreads);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }
}
