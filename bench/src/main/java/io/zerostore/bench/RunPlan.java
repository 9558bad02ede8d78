package io.zerostore.bench;

import java.time.Duration;

/**
 * How long and how hard one closed-loop run goes.
 *
 * @param concurrency connections, each with one request in flight
 * @param duration    run at least this long (zero: run by count only)
 * @param warmup      operations that end before this much time has passed are not measured
 * @param maxOps      stop issuing after this many operations (0: no limit)
 * @param minOps      keep issuing past {@code duration} until this many were issued
 * @param timeout     an exchange with no I/O for this long fails and its connection is replaced
 * @param ioThreads   event-loop threads of the generator
 */
record RunPlan(int concurrency, Duration duration, Duration warmup, long maxOps, long minOps,
               Duration timeout, int ioThreads) {

    RunPlan {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1");
        }
        if (duration.isZero() && maxOps <= 0) {
            throw new IllegalArgumentException("give a duration or a count");
        }
    }
}
