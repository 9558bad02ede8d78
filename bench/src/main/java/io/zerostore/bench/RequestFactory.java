package io.zerostore.bench;

/**
 * Produces the requests of one workload. Called from event-loop threads, possibly several at
 * once, so implementations must be thread-safe (they are usually stateless functions of
 * {@code seq}).
 */
@FunctionalInterface
interface RequestFactory {

    /**
     * @param seq the run-wide operation number, from 0, unique per request
     * @return the request to send, or null when the workload has nothing more to send
     */
    Request create(long seq);
}
