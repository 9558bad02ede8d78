package io.zerostore.common.ring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many replicas each failure domain (tier) holds and should hold during a rebalance. Levels
 * are region, zone, IP and device; every device belongs to one tier per level, numbered densely
 * (devices by their id). A tier's target is its devices' weight share of all replicas.
 */
final class TierLoad {
  static final int REGION = 0;
  static final int ZONE = 1;
  static final int IP = 2;
  static final int DEVICE = 3;
  static final int LEVELS = 4;

  private final int[][] tierOf;
  private final double[][] target;
  private final int[][] held;
  private final boolean[][] hasActive;

  /**
   * @param devs        devices by id, {@code null} for absent ones
   * @param active      devices that take replicas (present, weight above 0)
   * @param slotsPerWeight replicas per unit of weight
   */
  TierLoad(Device[] devs, boolean[] active, double slotsPerWeight) {
    tierOf = new int[LEVELS][devs.length];
    int[] counts = indexTiers(devs);
    target = new double[LEVELS][];
    held = new int[LEVELS][];
    hasActive = new boolean[LEVELS][];
    for (int level = 0; level < LEVELS; level++) {
      target[level] = new double[counts[level]];
      held[level] = new int[counts[level]];
      hasActive[level] = new boolean[counts[level]];
    }
    for (Device d : devs) {
      if (d != null && active[d.id()]) {
        for (int level = 0; level < LEVELS; level++) {
          target[level][tierOf[level][d.id()]] += d.weight() * slotsPerWeight;
          hasActive[level][tierOf[level][d.id()]] = true;
        }
      }
    }
  }

  /** Numbers each device's region, zone, IP densely; returns the count per level. */
  private int[] indexTiers(Device[] devs) {
    List<Map<Object, Integer>> index = new ArrayList<>();
    for (int level = 0; level < DEVICE; level++) {
      index.add(new HashMap<>());
    }
    for (Device d : devs) {
      if (d == null) {
        continue;
      }
      Object[] keys = {d.region(), List.of(d.region(), d.zone()), List.of(d.region(), d.zone(), d.ip())};
      for (int level = 0; level < DEVICE; level++) {
        Map<Object, Integer> m = index.get(level);
        tierOf[level][d.id()] = m.computeIfAbsent(keys[level], k -> m.size());
      }
    }
    int[] counts = new int[LEVELS];
    for (int level = 0; level < DEVICE; level++) {
      counts[level] = index.get(level).size();
    }
    for (int id = 0; id < devs.length; id++) {
      tierOf[DEVICE][id] = id;
    }
    counts[DEVICE] = devs.length;
    return counts;
  }

  int tier(int level, int device) {
    return tierOf[level][device];
  }

  int tierCount(int level) {
    return target[level].length;
  }

  /** Replicas the tier should still receive (negative when it holds too many). */
  double want(int level, int tier) {
    return target[level][tier] - held[level][tier];
  }

  /** Replicas the device holds above its share (negative when it wants more). */
  double excess(int device) {
    return -want(DEVICE, device);
  }

  /** Whether the tier contains a device that takes replicas. */
  boolean hasActive(int level, int tier) {
    return hasActive[level][tier];
  }

  void add(int device, int delta) {
    for (int level = 0; level < LEVELS; level++) {
      held[level][tierOf[level][device]] += delta;
    }
  }
}
