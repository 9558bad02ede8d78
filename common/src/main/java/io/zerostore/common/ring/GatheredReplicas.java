package io.zerostore.common.ring;

import java.util.Arrays;

/** Replicas taken off their device during a rebalance: partition, replica and the device each came from. */
final class GatheredReplicas {
  private int[] part;
  private int[] replica;
  private int[] from;
  private int size;

  GatheredReplicas(int capacity) {
    int initial = Math.max(16, Math.min(capacity, 1024));
    part = new int[initial];
    replica = new int[initial];
    from = new int[initial];
  }

  void add(int p, int r, int fromDevice) {
    if (size == part.length) {
      part = Arrays.copyOf(part, size * 2);
      replica = Arrays.copyOf(replica, size * 2);
      from = Arrays.copyOf(from, size * 2);
    }
    part[size] = p;
    replica[size] = r;
    from[size] = fromDevice;
    size++;
  }

  int size() {
    return size;
  }

  int part(int i) {
    return part[i];
  }

  int replica(int i) {
    return replica[i];
  }

  /** The device the replica left, or {@link Rebalancer#NONE} if it had none. */
  int from(int i) {
    return from[i];
  }

  void clear() {
    size = 0;
  }

  /** Indexes of the gathered replicas, ordered by their partition's rank, then replica. */
  int[] inPlacementOrder(int[] rank, int replicas) {
    long[] keyed = new long[size];
    for (int i = 0; i < size; i++) {
      keyed[i] = ((long) rank[part[i]] * replicas + replica[i]) << 32 | i;
    }
    Arrays.sort(keyed);
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = (int) keyed[i];
    }
    return out;
  }
}
