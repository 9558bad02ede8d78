package io.zerostore.node.replication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zerostore.common.metrics.Metrics;
import java.time.Duration;

/**
 * The replicator's meters, tagged by device: passes and their duration, partitions replicated,
 * suffixes synced, files and bytes pushed and received, handoff partitions removed, failures.
 */
final class ReplicationMetrics {
    private final MeterRegistry registry = Metrics.registry();

    private Counter counter(String name, String description, String device) {
        return Counter.builder(name).description(description).tag("device", device).register(registry);
    }

    void pass(String device, Duration took) {
        Timer.builder("zerostore.replication.pass").description("object replication passes over a device")
                .tag("device", device).register(registry).record(took);
    }

    void partition(String device) {
        counter("zerostore.replication.partitions", "partitions replicated", device).increment();
    }

    void suffixesSynced(String device, int n) {
        counter("zerostore.replication.suffixes.synced", "suffixes that differed and were synced to a peer", device)
                .increment(n);
    }

    void pushed(String device, long bytes) {
        counter("zerostore.replication.files.pushed", "version files pushed to peers", device).increment();
        counter("zerostore.replication.bytes.pushed", "bytes of version files pushed to peers", device)
                .increment(bytes);
    }

    void received(String device, long bytes) {
        counter("zerostore.replication.files.received", "version files received from peers", device).increment();
        counter("zerostore.replication.bytes.received", "bytes of version files received from peers", device)
                .increment(bytes);
    }

    void handoffRemoved(String device) {
        counter("zerostore.replication.handoffs.removed", "handoff partitions removed after all primaries had them",
                device).increment();
    }

    void failure(String device) {
        counter("zerostore.replication.failures", "peer requests or partitions that failed", device).increment();
    }
}
