package io.zerostore.proxy.backend;

import java.util.List;

/**
 * How an object PUT's fan-out ended. Both are ordinary ends of an upload, so they are values, not
 * failures: a 409 from a replica (a newer copy exists) makes Swift answer 202, a success.
 */
public sealed interface PutOutcome {
    /** The body went out; every replica's answer (503 for a lost one), to choose the client's answer from. */
    record Answered(List<BackendResponse> responses) implements PutOutcome {}

    /**
     * The upload ended before the replicas answered it, with the client's status: 503 (below quorum),
     * 202 (a newer copy exists), 412 ({@code If-None-Match: *} and the object exists), 413 (too large),
     * 408 (the client stalled), 499 (the client went away).
     */
    record Ended(int status) implements PutOutcome {}
}
