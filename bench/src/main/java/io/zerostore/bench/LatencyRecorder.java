package io.zerostore.bench;

import java.util.Arrays;

/**
 * Keeps every latency sample (nanoseconds) of one connection; exact percentiles come from
 * sorting the merged samples once at the end. A run of a few million operations costs a few
 * tens of MB, which is cheaper and simpler than a histogram for runs of seconds.
 * Not thread-safe: one recorder per connection, merged after the run.
 */
final class LatencyRecorder {
    private long[] samples = new long[1024];
    private int size;

    void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    int size() {
        return size;
    }

    static long[] mergeSorted(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder r : recorders) {
            total += r.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder r : recorders) {
            System.arraycopy(r.samples, 0, all, at, r.size);
            at += r.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile of sorted samples, in nanoseconds; 0 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double mean(long[] samples) {
        if (samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (long s : samples) {
            sum += s;
        }
        return sum / samples.length;
    }
}
