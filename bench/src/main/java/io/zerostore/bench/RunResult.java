package io.zerostore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The merged outcome of one closed-loop run: counts, bytes, sorted latencies, written names. */
record RunResult(long ok, long errors, long failures, long etagMismatches, long bytesIn,
                 long bytesOut, long elapsedNanos, long[] sortedLatencies,
                 Map<Integer, Long> errorStatuses, List<String> written, long reconnects,
                 String lastFailure, long cpuNanos, long wallNanos) {

    long ops() {
        return ok + errors + failures;
    }

    static RunResult merge(List<LoopStats> loops, long measureFromNanos, long cpuNanos, long wallNanos) {
        long ok = 0;
        long errors = 0;
        long failures = 0;
        long mismatches = 0;
        long in = 0;
        long out = 0;
        long reconnects = 0;
        long lastEnd = Long.MIN_VALUE;
        String lastFailure = null;
        Map<Integer, Long> statuses = new TreeMap<>();
        List<String> written = new ArrayList<>();
        List<LatencyRecorder> recorders = new ArrayList<>();
        for (LoopStats s : loops) {
            ok += s.ok;
            errors += s.errors;
            failures += s.failures;
            mismatches += s.etagMismatches;
            in += s.bytesIn;
            out += s.bytesOut;
            reconnects += s.reconnects;
            lastEnd = Math.max(lastEnd, s.lastEndNanos);
            if (s.lastFailure != null) {
                lastFailure = s.lastFailure;
            }
            s.errorStatuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            written.addAll(s.written);
            recorders.add(s.latencies);
        }
        long elapsed = lastEnd == Long.MIN_VALUE ? 0 : Math.max(0, lastEnd - measureFromNanos);
        return new RunResult(ok, errors, failures, mismatches, in, out, elapsed,
            LatencyRecorder.mergeSorted(recorders), statuses, written, reconnects, lastFailure,
            cpuNanos, wallNanos);
    }
}
