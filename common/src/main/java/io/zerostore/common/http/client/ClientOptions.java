package io.zerostore.common.http.client;

import java.time.Duration;

/**
 * Timeouts for backend requests, named after Swift's proxy settings: {@code conn_timeout} to
 * connect, {@code node_timeout} for a response head, and how long an unused keep-alive
 * connection may sit in the pool.
 */
public record ClientOptions(Duration connectTimeout, Duration nodeTimeout, Duration idleTimeout) {
    public static final ClientOptions DEFAULTS =
            new ClientOptions(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60));
}
