package io.zerostore.node.testkit;

import io.zerostore.common.swift.Timestamp;

/** Request timestamps for tests: recent enough that tombstones are not reclaimed at once. */
public final class TestTimes {
    /** A day ago: younger than reclaim_age, older than now (so X-Delete-At checks behave). */
    public static final long BASE = System.currentTimeMillis() / 1000 - 86400;

    private TestTimes() {}

    /** The internal form of {@link #BASE} + {@code seconds}. */
    public static String ts(long seconds) {
        return absolute(BASE + seconds);
    }

    public static String absolute(long epochSeconds) {
        return new Timestamp(epochSeconds * Timestamp.TICKS_PER_SECOND, 0).internal();
    }
}
