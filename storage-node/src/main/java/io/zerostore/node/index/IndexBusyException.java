package io.zerostore.node.index;

/** The device's bounded queue is full (or the index is closing): the request gets 503 and may be retried. */
public final class IndexBusyException extends RuntimeException {
    public IndexBusyException(String device) {
        super(device + ": index queue full", null, false, false);
    }
}
