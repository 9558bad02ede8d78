package io.zerostore.common.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One rebalance of a builder's assignment table, in three steps.
 *
 * <ol>
 *   <li><b>Gather</b> the replicas that must or should move: unplaced ones and those on removed
 *       devices (always), a replica that shares a region, zone, IP or device with another replica
 *       of its partition while an unused failure domain still wants partitions (dispersion), and
 *       replicas of devices holding at least one more than their weight share (balance).
 *       Dispersion and balance only take partitions whose last move is at least
 *       {@code min_part_hours} old, and one replica per partition, so a partition keeps its
 *       other replicas in place while one moves.</li>
 *   <li><b>Place</b> each gathered replica on a device that does not hold its partition yet,
 *       preferring devices below their share; among those, choose top-down: an unused region, then
 *       the region that wants most, then an unused zone, the zone that wants most, and so on down
 *       to the device that wants most. Wanting is {@code share - held}, so placement follows the
 *       weights while dispersion decides among the devices that still want partitions.</li>
 * </ol>
 *
 * Only what is gathered moves, and balance gathers only a device's excess over its share, so a
 * rebalance after adding a device moves close to that device's share and nothing else.
 */
final class Rebalancer {
  static final int NONE = -1;
  private static final int REGION = 0;
  private static final int ZONE = 1;
  private static final int IP = 2;
  private static final int DEVICE = 3;
  private static final int LEVELS = 4;
  private static final int MAX_ROUNDS = 8;

  private final Device[] devs;
  private final int[][] table;
  private final int[] lastMoved;
  private final int minPartMinutes;
  private final int now;
  private final int parts;
  private final int replicas;
  private final boolean[] active;
  private final int[][] tierOf;
  private final double[][] target;
  private final int[][] held;
  private final boolean[][] tierHasActive;
  private final boolean[] touched;
  private final int[] order;
  private final int[] rank;
  private final Gathered gathered;
  private final long seed;
  private int moved;

  /**
   * @param devs      devices by id; {@code null} for absent and for removed devices (their replicas move)
   * @param table     {@code [replica][partition]} device ids or {@link #NONE}; updated in place
   * @param lastMoved per partition, minute (since the epoch) of its last move; updated in place
   */
  Rebalancer(Device[] devs, int[][] table, int[] lastMoved, int minPartHours, int nowMinute, long seed) {
    this.devs = devs;
    this.table = table;
    this.lastMoved = lastMoved;
    this.minPartMinutes = minPartHours * 60;
    this.now = nowMinute;
    this.replicas = table.length;
    this.parts = table[0].length;
    this.active = new boolean[devs.length];
    double totalWeight = 0;
    for (Device d : devs) {
      if (d != null && d.weight() > 0) {
        active[d.id()] = true;
        totalWeight += d.weight();
      }
    }
    if (totalWeight == 0) {
      throw new RingBuilderException("no device with a weight above 0: nothing to place partitions on");
    }
    this.tierOf = new int[LEVELS][devs.length];
    int[] tierCounts = indexTiers();
    this.target = new double[LEVELS][];
    this.held = new int[LEVELS][];
    this.tierHasActive = new boolean[LEVELS][];
    for (int level = 0; level < LEVELS; level++) {
      target[level] = new double[tierCounts[level]];
      held[level] = new int[tierCounts[level]];
      tierHasActive[level] = new boolean[tierCounts[level]];
    }
    double slotsPerWeight = (double) parts * replicas / totalWeight;
    for (Device d : devs) {
      if (d != null && active[d.id()]) {
        for (int level = 0; level < LEVELS; level++) {
          target[level][tierOf[level][d.id()]] += d.weight() * slotsPerWeight;
          tierHasActive[level][tierOf[level][d.id()]] = true;
        }
      }
    }
    this.touched = new boolean[parts];
    this.order = shuffledPartitions(parts, seed);
    this.rank = new int[parts];
    for (int i = 0; i < parts; i++) {
      rank[order[i]] = i;
    }
    this.gathered = new Gathered(parts * replicas);
    this.seed = seed;
  }

  /** Numbers each device's region, zone, IP and device densely; returns the count per level. */
  private int[] indexTiers() {
    List<Map<Object, Integer>> index = new ArrayList<>();
    for (int level = 0; level < LEVELS; level++) {
      index.add(new HashMap<>());
    }
    for (Device d : devs) {
      if (d == null) {
        continue;
      }
      Object[] keys = {d.region(), List.of(d.region(), d.zone()), List.of(d.region(), d.zone(), d.ip()), d.id()};
      for (int level = 0; level < LEVELS; level++) {
        Map<Object, Integer> m = index.get(level);
        tierOf[level][d.id()] = m.computeIfAbsent(keys[level], k -> m.size());
      }
    }
    int[] counts = index.stream().mapToInt(Map::size).toArray();
    // devices are their own tier, numbered by id so that held[DEVICE][id] is the device's count
    for (int id = 0; id < devs.length; id++) {
      tierOf[DEVICE][id] = id;
    }
    counts[DEVICE] = devs.length;
    return counts;
  }

  private static int[] shuffledPartitions(int parts, long seed) {
    int[] order = new int[parts];
    for (int i = 0; i < parts; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = parts - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /**
   * Runs the rebalance; returns the number of replicas that changed device. Each round moves at
   * most one replica per partition (so a partition never has two replicas in flight and placing
   * one cannot be forced into the zone of another); with {@code min_part_hours = 0} further
   * rounds finish what one round could not.
   */
  int run() {
    gatherUnplaced();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (round > 0) {
        Arrays.fill(touched, false);
      }
      gatherForDispersion();
      gatherForBalance();
      if (gathered.size == 0) {
        break;
      }
      placeGathered();
    }
    return moved;
  }

  private void gatherUnplaced() {
    for (int r = 0; r < replicas; r++) {
      for (int p = 0; p < parts; p++) {
        int d = table[r][p];
        if (d == NONE || d >= devs.length || devs[d] == null) {
          gather(p, r);
        } else {
          count(d, 1);
        }
      }
    }
  }

  private boolean canMove(int p) {
    return !touched[p] && now - lastMoved[p] >= minPartMinutes;
  }

  private void gatherForDispersion() {
    for (int p : order) {
      if (!canMove(p)) {
        continue;
      }
      for (int level = 0; level < LEVELS; level++) {
        int r = duplicateToMove(p, level);
        if (r != NONE) {
          gather(p, r);
          break;
        }
      }
    }
  }

  /**
   * A replica of {@code p} sharing its tier at {@code level} with another replica, when some tier
   * of that level unused by {@code p} still wants partitions; the replica on the more loaded
   * device is chosen. {@link #NONE} if there is none.
   */
  private int duplicateToMove(int p, int level) {
    int found = NONE;
    for (int a = 0; a < replicas && found == NONE; a++) {
      for (int b = a + 1; b < replicas; b++) {
        int da = table[a][p];
        int db = table[b][p];
        if (da != NONE && db != NONE && tierOf[level][da] == tierOf[level][db]) {
          found = excess(da) >= excess(db) ? a : b;
          break;
        }
      }
    }
    if (found == NONE) {
      return NONE;
    }
    for (int t = 0; t < target[level].length; t++) {
      if (tierHasActive[level][t] && target[level][t] - held[level][t] >= 1 && !usedBy(p, level, t, NONE)) {
        return found;
      }
    }
    return NONE;
  }

  private void gatherForBalance() {
    int[][] slotsOf = slotsByDevice();
    for (int d = 0; d < devs.length; d++) {
      if (devs[d] == null || excess(d) < 1) {
        continue;
      }
      // First the replicas whose move also improves dispersion, then any.
      for (int pass = 0; pass < 2 && excess(d) >= 1; pass++) {
        for (int slot : slotsOf[d]) {
          int p = slot / replicas;
          int r = slot % replicas;
          if (table[r][p] == d && canMove(p) && (pass == 1 || sharesZoneOrIp(p, r))) {
            gather(p, r);
            if (excess(d) < 1) {
              break;
            }
          }
        }
      }
    }
  }

  /** Each device's slots ({@code p * replicas + r}), partitions in shuffled order. */
  private int[][] slotsByDevice() {
    int[] sizes = new int[devs.length];
    for (int[] row : table) {
      for (int d : row) {
        if (d != NONE) {
          sizes[d]++;
        }
      }
    }
    int[][] slots = new int[devs.length][];
    for (int d = 0; d < devs.length; d++) {
      slots[d] = new int[sizes[d]];
    }
    int[] fill = new int[devs.length];
    for (int p : order) {
      for (int r = 0; r < replicas; r++) {
        int d = table[r][p];
        if (d != NONE) {
          slots[d][fill[d]++] = p * replicas + r;
        }
      }
    }
    return slots;
  }

  private boolean sharesZoneOrIp(int p, int r) {
    int d = table[r][p];
    return usedBy(p, ZONE, tierOf[ZONE][d], r) || usedBy(p, IP, tierOf[IP][d], r);
  }

  /** Whether a placed replica of {@code p} other than {@code exceptReplica} is in tier {@code t}. */
  private boolean usedBy(int p, int level, int t, int exceptReplica) {
    for (int r = 0; r < replicas; r++) {
      int d = table[r][p];
      if (r != exceptReplica && d != NONE && tierOf[level][d] == t) {
        return true;
      }
    }
    return false;
  }

  private void placeGathered() {
    for (int i : gathered.inPlacementOrder(rank, replicas)) {
      int p = gathered.part[i];
      int r = gathered.replica[i];
      int from = gathered.from[i];
      int to = choose(p, r);
      table[r][p] = to;
      count(to, 1);
      if (to != from) {
        moved++;
        lastMoved[p] = now;
      }
    }
    gathered.clear();
  }

  /** The best device for replica {@code r} of partition {@code p}; see the class comment. */
  private int choose(int p, int r) {
    int bestWanting = NONE;
    int bestAny = NONE;
    int bestEvenIfHolding = NONE;
    for (int d = 0; d < devs.length; d++) {
      if (!active[d]) {
        continue;
      }
      bestEvenIfHolding = better(p, r, d, bestEvenIfHolding);
      if (usedBy(p, DEVICE, d, r)) {
        continue;
      }
      bestAny = better(p, r, d, bestAny);
      if (target[DEVICE][d] - held[DEVICE][d] > 0) {
        bestWanting = better(p, r, d, bestWanting);
      }
    }
    // fewer devices than replicas: a device must hold two replicas of one partition
    return bestWanting != NONE ? bestWanting : bestAny != NONE ? bestAny : bestEvenIfHolding;
  }

  private int better(int p, int r, int candidate, int best) {
    if (best == NONE) {
      return candidate;
    }
    for (int level = 0; level < LEVELS; level++) {
      int tc = tierOf[level][candidate];
      int tb = tierOf[level][best];
      if (tc == tb) {
        continue;
      }
      boolean unusedC = !usedBy(p, level, tc, r);
      boolean unusedB = !usedBy(p, level, tb, r);
      if (unusedC != unusedB) {
        return unusedC ? candidate : best;
      }
      double wantC = target[level][tc] - held[level][tc];
      double wantB = target[level][tb] - held[level][tb];
      if (wantC != wantB) {
        return wantC > wantB ? candidate : best;
      }
    }
    // Equal on every level: a per-partition pseudo-random choice, so that the replicas of one
    // device's partitions spread over all other devices instead of following the same ones.
    return tieBreak(p, candidate) < tieBreak(p, best) ? candidate : best;
  }

  private long tieBreak(int p, int d) {
    long x = (seed ^ ((long) p << 20) ^ d) * 0x9E3779B97F4A7C15L;
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    return x ^ (x >>> 29);
  }

  private double excess(int d) {
    return held[DEVICE][d] - target[DEVICE][d];
  }

  private void count(int d, int delta) {
    for (int level = 0; level < LEVELS; level++) {
      held[level][tierOf[level][d]] += delta;
    }
  }

  private void gather(int p, int r) {
    int d = table[r][p];
    if (d != NONE && d < devs.length && devs[d] != null) {
      count(d, -1);
    }
    gathered.add(p, r, d);
    table[r][p] = NONE;
    touched[p] = true;
  }

  /** The gathered replicas: partition, replica and the device each came from. */
  private static final class Gathered {
    private int[] part;
    private int[] replica;
    private int[] from;
    private int size;

    Gathered(int capacity) {
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
}
