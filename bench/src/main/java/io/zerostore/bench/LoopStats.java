package io.zerostore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one connection saw; confined to that connection's event loop, merged after the run. */
final class LoopStats {
    final LatencyRecorder latencies = new LatencyRecorder();
    final Map<Integer, Long> errorStatuses = new TreeMap<>();
    final List<String> written = new ArrayList<>();
    long ok;
    long errors;
    long failures;
    long etagMismatches;
    long bytesIn;
    long bytesOut;
    long firstEndNanos = Long.MAX_VALUE;
    long lastEndNanos = Long.MIN_VALUE;
    long reconnects;
    String lastFailure;

    void completed(Exchange e, boolean measured) {
        // the names of successful PUTs are kept even during warm-up: later GETs read them
        if (e.success() && e.request.objectName() != null && "PUT".equals(e.request.method().name())) {
            written.add(e.request.objectName());
        }
        if (!measured) {
            return;
        }
        mark(e.endNanos);
        latencies.record(e.latencyNanos());
        bytesIn += e.bytesIn;
        bytesOut += e.request.contentLength();
        if (e.success()) {
            ok++;
            if (!e.etagMatches()) {
                etagMismatches++;
            }
        } else {
            errors++;
            errorStatuses.merge(e.status, 1L, Long::sum);
        }
    }

    void failed(Exchange e, Throwable cause, boolean measured) {
        lastFailure = cause.toString();
        if (measured) {
            mark(e.endNanos);
            failures++;
        }
    }

    private void mark(long endNanos) {
        firstEndNanos = Math.min(firstEndNanos, endNanos);
        lastEndNanos = Math.max(lastEndNanos, endNanos);
    }
}
