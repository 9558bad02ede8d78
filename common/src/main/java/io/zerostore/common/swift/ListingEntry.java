package io.zerostore.common.swift;

/**
 * One line of an account or container listing: a container, an object, or a {@code subdir} that
 * rolls up all names sharing a prefix up to the delimiter.
 */
public sealed interface ListingEntry {
    /** The name as listed: the container, the object, or the subdir including its delimiter. */
    String name();

    /** A pseudo-directory produced by {@code delimiter}. */
    record Subdir(String name) implements ListingEntry {}

    /** An object row of a container listing, with its fields exactly as Swift lists them. */
    record ObjectEntry(String name, long bytes, String hash, String contentType, Timestamp lastModified)
            implements ListingEntry {
        /**
         * The entry for a stored row, as Swift's container server lists it: the content type's
         * parameters re-joined without spaces, and a {@code swift_bytes=N} parameter removed and
         * taking the place of the byte count (that is how large-object manifests show their size).
         */
        public static ObjectEntry ofRow(String name, long size, String contentType, String etag,
                                        Timestamp timestamp) {
            SwiftContentType.SwiftBytes sb = SwiftContentType.extractSwiftBytes(contentType);
            long bytes = size;
            if (sb.swiftBytes() != null) {
                try {
                    bytes = Long.parseLong(sb.swiftBytes());
                } catch (NumberFormatException e) {
                    // Swift logs "Invalid swift_bytes" and keeps the row's size
                }
            }
            return new ObjectEntry(name, bytes, etag, sb.contentType(), timestamp);
        }
    }

    /** A container row of an account listing. */
    record ContainerEntry(String name, long count, long bytes, Timestamp lastModified) implements ListingEntry {}
}
