package io.zerostore.node.index;

/** Metadata over Swift's limits: the request fails with 400 and this message as body; nothing is stored. */
public final class MetadataLimitException extends RuntimeException {
    public MetadataLimitException(String message) {
        super(message, null, false, false);
    }
}
