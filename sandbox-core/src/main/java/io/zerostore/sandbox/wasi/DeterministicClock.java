package io.zerostore.sandbox.wasi;

/**
 * ZRT's fixed time: the clock starts at a fixed epoch and every read advances it by one
 * microsecond; sleeping (poll_oneoff on a clock) advances it instead of waiting. The same program
 * with the same inputs therefore sees the same times on every run.
 */
public final class DeterministicClock {
    /** 2013-06-11T00:00:00Z, the date of ZeroVM's manifest version. */
    public static final long DEFAULT_EPOCH_NANOS = 1_370_908_800L * 1_000_000_000L;
    static final long TICK_NANOS = 1_000;

    private final long epochNanos;
    private long elapsedNanos;

    public DeterministicClock(long epochNanos) {
        this.epochNanos = epochNanos;
    }

    /** Wall-clock time in ns since 1970, then one tick later. */
    long realtime() {
        long t = epochNanos + elapsedNanos;
        elapsedNanos += TICK_NANOS;
        return t;
    }

    /** Monotonic (and CPU) time in ns since the program started, then one tick later. */
    long monotonic() {
        long t = elapsedNanos;
        elapsedNanos += TICK_NANOS;
        return t;
    }

    /** Lets {@code nanos} pass, as a sleep would. */
    void advance(long nanos) {
        if (nanos > 0) {
            elapsedNanos += nanos;
        }
    }

    long epochNanos() {
        return epochNanos;
    }

    long elapsedNanos() {
        return elapsedNanos;
    }
}
