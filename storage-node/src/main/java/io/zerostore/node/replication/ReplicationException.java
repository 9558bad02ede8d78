package io.zerostore.node.replication;

import java.io.IOException;

/**
 * A replication request a peer did not serve: its HTTP status (507 an unusable device, 503 busy,
 * ...), or 0 when no answer came (connection refused, timeout). The replicator counts it as a
 * failure and tries again next pass; a 507 from a primary sends its copy to a handoff instead.
 */
public final class ReplicationException extends IOException {
    private final int status;

    public ReplicationException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ReplicationException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The peer's status, 0 when it did not answer. */
    public int status() {
        return status;
    }
}
