package io.zerostore.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.Map;

/**
 * One workload's numbers as printed and as written to JSON. Rates use MiB (2^20 bytes) and
 * the measured window (after warm-up, until the last measured response ended).
 *
 * @param errors     responses with a status outside 2xx
 * @param failures   exchanges without a response: connection refused/reset, timeout
 * @param etagMismatches 2xx responses whose ETag disagreed with the body's MD5 (when checked)
 * @param clientCpuPercent the generator's own CPU time over the measured window's wall time
 *                   (100 = one core busy; includes JIT and GC threads)
 * @param clientCpuMicrosPerOp the generator's CPU time per measured operation: what the client
 *                   takes from the cores it shares with the server
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorkloadResult(String workload, String label, String target, int concurrency,
                      Long objectSize, long ops, long errors, long failures, long etagMismatches,
                      double seconds, double opsPerSec, double mibPerSec, double p50Ms,
                      double p90Ms, double p99Ms, double maxMs, double meanMs,
                      double clientCpuPercent, double clientCpuMicrosPerOp, long reconnects, Map<Integer, Long> errorStatuses,
                      String lastFailure) {

    static WorkloadResult of(String workload, String label, String target, int concurrency,
                             Long objectSize, RunResult r) {
        double seconds = r.elapsedNanos() / 1e9;
        long[] lat = r.sortedLatencies();
        double bytes = r.bytesIn() + r.bytesOut();
        return new WorkloadResult(workload, label, target, concurrency, objectSize, r.ops(),
            r.errors(), r.failures(), r.etagMismatches(), round(seconds, 3),
            round(seconds > 0 ? r.ops() / seconds : 0, 1),
            round(seconds > 0 ? bytes / seconds / (1 << 20) : 0, 1),
            ms(LatencyRecorder.percentile(lat, 50)), ms(LatencyRecorder.percentile(lat, 90)),
            ms(LatencyRecorder.percentile(lat, 99)), ms(LatencyRecorder.percentile(lat, 100)),
            round(LatencyRecorder.mean(lat) / 1e6, 3),
            round(r.wallNanos() > 0 && r.cpuNanos() >= 0 ? 100.0 * r.cpuNanos() / r.wallNanos() : -1, 1),
            round(r.ops() > 0 && r.cpuNanos() >= 0 ? r.cpuNanos() / 1e3 / r.ops() : -1, 1),
            r.reconnects(), r.errorStatuses().isEmpty() ? null : r.errorStatuses(),
            r.errors() + r.failures() > 0 ? r.lastFailure() : null);
    }

    String line() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
            "%-10s %-8s c=%-3d ops=%-7d %7.2fs %10.1f ops/s %9.1f MiB/s  p50 %8.2f ms  p99 %8.2f ms"
                + "  errors %d  failures %d  client-cpu %.0f%% (%.0f us/op)",
            workload, label == null ? "-" : label, concurrency, ops, seconds, opsPerSec, mibPerSec,
            p50Ms, p99Ms, errors, failures, clientCpuPercent, clientCpuMicrosPerOp));
        if (etagMismatches > 0) {
            b.append("  ETAG-MISMATCHES ").append(etagMismatches);
        }
        if (errorStatuses != null) {
            b.append("  statuses ").append(errorStatuses);
        }
        if (lastFailure != null) {
            b.append("  last failure: ").append(lastFailure);
        }
        return b.toString();
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6, 3);
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
