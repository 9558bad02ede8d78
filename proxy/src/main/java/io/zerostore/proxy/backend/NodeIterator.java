package io.zerostore.proxy.backend;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The nodes to try for one partition, Swift's {@code iter_nodes}: the primaries (shuffled for
 * reads, in ring order for writes so replica i keeps its container-update headers), then the
 * handoffs in the ring's deterministic order; error-limited nodes are skipped and at most
 * {@code request_node_count} (2 × replicas) nodes are handed out. Shared by concurrent slots of one
 * request, so it is synchronized.
 */
public final class NodeIterator {
    private final List<Device> primaries;
    private final Iterator<Device> handoffs;
    private final ErrorLimiter errors;
    private int primaryIndex;
    private int left;

    private NodeIterator(List<Device> primaries, Iterator<Device> handoffs, ErrorLimiter errors, int limit) {
        this.primaries = primaries;
        this.handoffs = handoffs;
        this.errors = errors;
        this.left = limit;
    }

    public static NodeIterator forRead(Ring ring, int partition, ErrorLimiter errors, int requestNodeCount) {
        List<Device> p = new ArrayList<>(ring.primaries(partition));
        Collections.shuffle(p, ThreadLocalRandom.current());
        return new NodeIterator(p, ring.handoffs(partition).iterator(), errors, requestNodeCount);
    }

    public static NodeIterator forWrite(Ring ring, int partition, ErrorLimiter errors, int requestNodeCount) {
        return new NodeIterator(ring.primaries(partition), ring.handoffs(partition).iterator(), errors,
                requestNodeCount);
    }

    /** The next node to try, or null when none is left. */
    public synchronized Device next() {
        while (left > 0) {
            Device d;
            if (primaryIndex < primaries.size()) {
                d = primaries.get(primaryIndex++);
            } else if (handoffs.hasNext()) {
                d = handoffs.next();
            } else {
                return null;
            }
            if (!errors.isLimited(d)) {
                left--;
                return d;
            }
        }
        return null;
    }

    /** True when {@code d} is not one of the partition's primaries. */
    public synchronized boolean isHandoff(Device d) {
        return !primaries.contains(d);
    }
}
