package io.zerostore.node.index;

/**
 * Where a container replica reports to its account: one account replica ({@code X-Account-Host},
 * {@code -Device}, {@code -Partition} of the container PUT/DELETE). Kept with the container so
 * that later object-count changes and retries reach the same account replica.
 */
public record AccountTarget(String host, int port, String device, String partition) {
    public String hostPort() {
        return host + ":" + port;
    }
}
