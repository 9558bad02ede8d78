package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import java.util.List;

/**
 * The container state its account must learn (Swift's container → account update): sent as
 * {@code PUT /dev/part/a/c} with {@code X-Put-Timestamp}, {@code X-Delete-Timestamp},
 * {@code X-Object-Count}, {@code X-Bytes-Used} to every target.
 */
public record AccountReport(String account, String container, Timestamp putTimestamp, Timestamp deleteTimestamp,
                            long objectCount, long bytesUsed, List<AccountTarget> targets) {
    public AccountReport {
        targets = List.copyOf(targets);
    }

    /** Same container state (targets aside): a report of it makes the pending one obsolete. */
    public boolean sameState(AccountReport o) {
        return putTimestamp.equals(o.putTimestamp) && deleteTimestamp.equals(o.deleteTimestamp)
                && objectCount == o.objectCount && bytesUsed == o.bytesUsed;
    }
}
