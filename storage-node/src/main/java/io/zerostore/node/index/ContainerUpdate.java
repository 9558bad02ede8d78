package io.zerostore.node.index;

/**
 * The result of a container PUT, POST or DELETE: the outcome, the container's state after it (null
 * when there is none) and, when the container knows its account replicas, the report to send them.
 */
public record ContainerUpdate(Outcome outcome, ContainerInfo info, AccountReport report) {}
