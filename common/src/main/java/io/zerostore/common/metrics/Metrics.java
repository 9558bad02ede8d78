package io.zerostore.common.metrics;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's metrics registry, scraped by Prometheus at {@code GET /metrics} on each server.
 * One registry per process: the all-in-one runs every role in one JVM and tags meters by role.
 */
public final class Metrics {
    private static final PrometheusMeterRegistry REGISTRY = create();

    private Metrics() {}

    private static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        new JvmGcMetrics().bindTo(r);
        return r;
    }

    public static PrometheusMeterRegistry registry() {
        return REGISTRY;
    }

    /** The text exposition format for {@code /metrics}. */
    public static String scrape() {
        return REGISTRY.scrape();
    }
}
