package io.zerostore.node.replication;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import java.nio.file.Path;
import java.util.List;

/**
 * One partition of one local device to replicate. It is a handoff job when the device is not
 * among the partition's primaries: then everything goes home and the local copy is removed.
 *
 * @param local     the local device as the ring knows it
 * @param partition the partition's directory, {@code <device>/objects/<part>}
 */
record ReplicationJob(Device local, int part, Path partition, Ring ring, List<Device> primaries) {
    boolean isHandoff() {
        return primaries.stream().noneMatch(d -> d.id() == local.id());
    }

    /** The primaries other than the local device. */
    List<Device> peers() {
        return primaries.stream().filter(d -> d.id() != local.id()).toList();
    }
}
