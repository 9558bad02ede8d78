package io.zerostore.common.swift;

import java.math.BigInteger;

/**
 * Swift's queue of objects with an {@code X-Delete-At}: one row per object in the internal account
 * {@code .expiring_objects}, in a container per day (Swift's {@code get_expirer_container}: the
 * delete-at rounded down to a multiple of 86400, minus a shard 0..99 from the object's path hash so
 * one day spreads over 100 containers), named {@code <delete-at>-<account>/<container>/<object>}.
 * The proxy names the container, the object server writes the row, the expirer reads and removes it.
 */
public final class ExpiringObjects {
    public static final String ACCOUNT = ".expiring_objects";
    /** Swift's {@code expiring_objects_container_divisor}. */
    public static final long DIVISOR = 86400;
    private static final long MAX = 9999999999L;
    private static final BigInteger SHARDS = BigInteger.valueOf(100);

    private ExpiringObjects() {}

    /** One queue row's meaning. */
    public record Entry(long deleteAt, String account, String container, String object) {
        /** The row name, {@code <delete-at>-<a>/<c>/<o>}. */
        public String name() {
            return ExpiringObjects.name(deleteAt, account, container, object);
        }

        /** Parses a row name; null when it is not one. */
        public static Entry parse(String name) {
            int dash = name.indexOf('-');
            if (dash <= 0) {
                return null;
            }
            long at;
            try {
                at = Long.parseLong(name.substring(0, dash));
            } catch (NumberFormatException e) {
                return null;
            }
            String[] acoParts = name.substring(dash + 1).split("/", 3);
            if (acoParts.length != 3 || acoParts[0].isEmpty() || acoParts[1].isEmpty() || acoParts[2].isEmpty()) {
                return null;
            }
            return new Entry(at, acoParts[0], acoParts[1], acoParts[2]);
        }
    }

    /** Swift's {@code normalize_delete_at_timestamp}: ten digits, clamped to 0..9999999999. */
    public static String normalize(long seconds) {
        return String.format("%010d", Math.min(Math.max(0, seconds), MAX));
    }

    /** The queue container of an object's delete-at. */
    public static String container(long deleteAt, HashPath hashPath, String account, String container, String object) {
        int shard = new BigInteger(1, hashPath.digest(account, container, object)).mod(SHARDS).intValue();
        return normalize(deleteAt / DIVISOR * DIVISOR - shard);
    }

    public static String name(long deleteAt, String account, String container, String object) {
        return normalize(deleteAt) + "-" + account + "/" + container + "/" + object;
    }

    /** A delete-at header value in whole seconds ({@code 1700000000} or {@code 1700000000.5}); -1 when malformed. */
    public static long parseDeleteAt(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return (long) Math.floor(Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
