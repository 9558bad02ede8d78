package io.zerostore.node.index;

/**
 * The parameters of a listing, with Swift's meanings: names strictly after {@code marker} and
 * before {@code endMarker} (both swapped in meaning when {@code reverse}), starting with
 * {@code prefix}, rolled up into subdirs at {@code delimiter}; {@code path} is the legacy
 * "direct children of a pseudo-directory" mode. Null or empty strings mean "not given".
 */
public record ListingQuery(String prefix, String delimiter, String marker, String endMarker, int limit,
                           boolean reverse, String path) {
    public static final int MAX_LIMIT = 10_000;

    public ListingQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit");
        }
    }

    public static ListingQuery all() {
        return new ListingQuery(null, null, null, null, MAX_LIMIT, false, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder; every field starts "not given" and the limit at 10000. */
    public static final class Builder {
        private String prefix;
        private String delimiter;
        private String marker;
        private String endMarker;
        private int limit = MAX_LIMIT;
        private boolean reverse;
        private String path;

        public Builder prefix(String v) {
            prefix = v;
            return this;
        }

        public Builder delimiter(String v) {
            delimiter = v;
            return this;
        }

        public Builder marker(String v) {
            marker = v;
            return this;
        }

        public Builder endMarker(String v) {
            endMarker = v;
            return this;
        }

        public Builder limit(int v) {
            limit = v;
            return this;
        }

        public Builder reverse(boolean v) {
            reverse = v;
            return this;
        }

        public Builder path(String v) {
            path = v;
            return this;
        }

        public ListingQuery build() {
            return new ListingQuery(prefix, delimiter, marker, endMarker, limit, reverse, path);
        }
    }
}
