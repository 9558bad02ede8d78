package io.zerostore.node.replication;

import java.util.function.DoubleSupplier;

/** What the replication jobs share. {@code clock} gives seconds since the epoch. */
record ReplicatorContext(ReplicationClient client, ReplicationMetrics metrics, long reclaimAge, DoubleSupplier clock) {
    double now() {
        return clock.getAsDouble();
    }
}
