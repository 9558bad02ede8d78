package io.zerostore.common.ring;

import static io.zerostore.common.ring.TierLoad.DEVICE;
import static io.zerostore.common.ring.TierLoad.IP;
import static io.zerostore.common.ring.TierLoad.LEVELS;
import static io.zerostore.common.ring.TierLoad.ZONE;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One rebalance of a builder's assignment table: gather the replicas that must or should move,
 * then place them, in rounds.
 *
 * <ul>
 *   <li><b>Must move</b>: unplaced replicas and those on removed devices, regardless of
 *       {@code min_part_hours}.</li>
 *   <li><b>Dispersion</b>: a replica sharing a region, zone, IP or device with another replica of
 *       its partition, taken from a device above its weight share, while a domain the partition
 *       does not use has room for it (each gathered replica reserves that room).</li>
 *   <li><b>Balance</b>: a device's whole replicas above its share, then single replicas from the
 *       most loaded devices while the devices below their share still want whole replicas; only
 *       replicas a wanting device can take.</li>
 *   <li><b>min_part_hours</b>: a partition moves at most one replica per rebalance, and only if its
 *       last move is {@code min_part_hours} old. Moves count against the ring before the
 *       rebalance, so a replica placed in an earlier round may be placed again.</li>
 *   <li><b>Place</b> each gathered replica on a device not holding its partition, first among
 *       devices that want a whole replica, then those short of a fraction, then any; among
 *       them top-down: an unused region, the region that wants most, an unused zone, the zone that
 *       wants most, an unused IP, ..., the device that wants most, then a per-partition
 *       pseudo-random tie-break (so a device's partitions share replicas with many devices).</li>
 * </ul>
 *
 * Weights come first (like Swift with overload 0): when zone weights are unequal, a partition may
 * have two replicas in one zone. Only what is gathered moves, so a rebalance after adding a device
 * moves close to that device's share; without changes it moves nothing.
 */
final class Rebalancer {
  static final int NONE = -1;
  private static final int MAX_ROUNDS = 8;

  private final Device[] devs;
  private final int[][] table;
  /** The assignment before this rebalance: what servers hold now. */
  private final int[][] origin;
  private final int[] lastMoved;
  private final int minPartMinutes;
  private final int now;
  private final int parts;
  private final int replicas;
  private final boolean[] active;
  private final TierLoad load;
  private final boolean[] touched;
  private final int[] order;
  private final int[] rank;
  private final GatheredReplicas gathered;
  private final long seed;

  /**
   * @param devs      devices by id; {@code null} for absent and for removed devices (their replicas move)
   * @param table     {@code [replica][partition]} device ids or {@link #NONE}; updated in place
   * @param lastMoved per partition, minute (since the epoch) of its last move; updated at the end
   */
  Rebalancer(Device[] devs, int[][] table, int[] lastMoved, int minPartHours, int nowMinute, long seed) {
    this.devs = devs;
    this.table = table;
    this.origin = new int[table.length][];
    for (int r = 0; r < table.length; r++) {
      origin[r] = table[r].clone();
    }
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
    this.load = new TierLoad(devs, active, (double) parts * replicas / totalWeight);
    this.touched = new boolean[parts];
    this.order = shuffledPartitions(parts, seed);
    this.rank = new int[parts];
    for (int i = 0; i < parts; i++) {
      rank[order[i]] = i;
    }
    this.gathered = new GatheredReplicas(parts * replicas);
    this.seed = seed;
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
   * Runs the rebalance; returns the number of replicas whose device differs from before. Each
   * round gathers at most one replica per partition (so placing it sees where the partition's
   * other replicas are); later rounds finish what one round could not. Moves only count against
   * the old assignment: a replica placed in an earlier round of this rebalance has not moved any
   * data yet and may be placed again.
   */
  int run() {
    gatherUnplaced();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (round > 0) {
        Arrays.fill(touched, false);
      }
      gatherForDispersion();
      gatherForBalance();
      if (gathered.size() == 0 || placeGathered() == 0) {
        break;
      }
    }
    int moved = 0;
    for (int p = 0; p < parts; p++) {
      boolean partMoved = false;
      for (int r = 0; r < replicas; r++) {
        if (table[r][p] != origin[r][p]) {
          moved++;
          partMoved = true;
        }
      }
      if (partMoved) {
        lastMoved[p] = now;
      }
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
          load.add(d, 1);
        }
      }
    }
  }

  /**
   * Whether replica {@code r} of partition {@code p} may be gathered: not if another replica of
   * {@code p} is gathered in this round; otherwise always with {@code min_part_hours = 0}. Else a
   * replica that is already away from its old device (or never had one) may be placed again, and
   * an untouched replica may move only if no other replica of {@code p} moved in this rebalance
   * and the partition's last move is {@code min_part_hours} old.
   */
  private boolean canMove(int p, int r) {
    if (touched[p]) {
      return false;
    }
    if (minPartMinutes == 0) {
      return true;
    }
    for (int other = 0; other < replicas; other++) {
      if (other != r && origin[other][p] != NONE && table[other][p] != origin[other][p]) {
        return false;
      }
    }
    if (origin[r][p] == NONE || table[r][p] != origin[r][p]) {
      return true;
    }
    return now - lastMoved[p] >= minPartMinutes;
  }

  /**
   * Gathers a replica that shares a failure domain with another replica of its partition, from a
   * device above its share, when a domain of that level which the partition does not use still
   * has room. Each gathered replica reserves one unit of that room, so no more replicas are gathered than the free domains can
   * take (the surplus would only be put back elsewhere, moving data for nothing).
   */
  private void gatherForDispersion() {
    double[][] room = new double[LEVELS][];
    for (int level = 0; level < LEVELS; level++) {
      room[level] = new double[load.tierCount(level)];
      for (int t = 0; t < room[level].length; t++) {
        room[level][t] = load.hasActive(level, t) ? load.want(level, t) : 0;
      }
    }
    for (int p : order) {
      for (int level = 0; level < LEVELS; level++) {
        int r = duplicateAt(p, level);
        // only from a device above its share, or the move would open a gap to refill from elsewhere
        int free = r == NONE || load.excess(table[r][p]) <= 0 ? NONE : unusedTierWithRoom(p, level, room[level]);
        if (free != NONE && canMove(p, r)) {
          gather(p, r);
          room[level][free] -= 1;
          break;
        }
      }
    }
  }

  /**
   * A replica of {@code p} sharing its tier at {@code level} with another replica (the one on
   * the more loaded device), or {@link #NONE}.
   */
  private int duplicateAt(int p, int level) {
    for (int a = 0; a < replicas; a++) {
      for (int b = a + 1; b < replicas; b++) {
        int da = table[a][p];
        int db = table[b][p];
        if (da != NONE && db != NONE && load.tier(level, da) == load.tier(level, db)) {
          return load.excess(da) >= load.excess(db) ? a : b;
        }
      }
    }
    return NONE;
  }

  /** The tier of {@code level} with the most room (at least one replica) that {@code p} does not use, or {@link #NONE}. */
  private int unusedTierWithRoom(int p, int level, double[] room) {
    int best = NONE;
    for (int t = 0; t < room.length; t++) {
      if (room[t] >= 1 && (best == NONE || room[t] > room[best]) && !usedBy(p, level, t, NONE)) {
        best = t;
      }
    }
    return best;
  }

  /**
   * Gathers each device's whole replicas above its share; then, while the devices below their
   * share still want more whole replicas than are gathered, one more from each device with the
   * largest fractional excess. Without changes, no device wants a whole replica, so nothing moves.
   */
  private void gatherForBalance() {
    int[][] slotsOf = slotsByDevice();
    int[] wanting = IntStream.range(0, devs.length)
        .filter(d -> active[d] && load.want(DEVICE, d) >= 1).toArray();
    for (int d = 0; d < devs.length; d++) {
      if (devs[d] != null) {
        gatherFrom(d, slotsOf[d], wanting, (int) Math.floor(load.excess(d)));
      }
    }
    Integer[] byExcess = IntStream.range(0, devs.length).filter(d -> devs[d] != null && load.excess(d) > 0)
        .boxed().sorted((a, b) -> Double.compare(load.excess(b), load.excess(a))).toArray(Integer[]::new);
    for (int d : byExcess) {
      if (wholeReplicasWanted() <= gathered.size()) {
        break;
      }
      gatherFrom(d, slotsOf[d], wanting, 1);
    }
  }

  private int wholeReplicasWanted() {
    int wanted = 0;
    for (int d = 0; d < devs.length; d++) {
      if (active[d]) {
        wanted += (int) Math.max(0, Math.floor(load.want(DEVICE, d)));
      }
    }
    return wanted;
  }

  /**
   * Gathers up to {@code count} replicas from device {@code d}: only replicas some wanting device
   * can take (moving others would just shuffle them between full devices), and first those whose
   * move also improves dispersion.
   */
  private void gatherFrom(int d, int[] slots, int[] wanting, int count) {
    int left = count;
    for (int pass = 0; pass < 2 && left > 0; pass++) {
      for (int slot : slots) {
        int p = slot / replicas;
        int r = slot % replicas;
        if (table[r][p] == d && canMove(p, r) && (pass == 1 || sharesZoneOrIp(p, r)) && canBeTakenByAny(p, wanting)) {
          gather(p, r);
          if (--left == 0) {
            break;
          }
        }
      }
    }
  }

  private boolean canBeTakenByAny(int p, int[] devices) {
    for (int d : devices) {
      if (!usedBy(p, DEVICE, d, NONE)) {
        return true;
      }
    }
    return false;
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
    return usedBy(p, ZONE, load.tier(ZONE, d), r) || usedBy(p, IP, load.tier(IP, d), r);
  }

  /** Whether a placed replica of {@code p} other than {@code exceptReplica} is in tier {@code t}. */
  private boolean usedBy(int p, int level, int t, int exceptReplica) {
    for (int r = 0; r < replicas; r++) {
      int d = table[r][p];
      if (r != exceptReplica && d != NONE && load.tier(level, d) == t) {
        return true;
      }
    }
    return false;
  }

  /** Places the gathered replicas; returns how many landed on a device other than the one they left. */
  private int placeGathered() {
    int changed = 0;
    for (int i : gathered.inPlacementOrder(rank, replicas)) {
      int p = gathered.part(i);
      int r = gathered.replica(i);
      int from = gathered.from(i);
      int to = choose(p, r);
      table[r][p] = to;
      load.add(to, 1);
      if (to != from) {
        changed++;
      }
    }
    gathered.clear();
    return changed;
  }

  /**
   * The best device for replica {@code r} of partition {@code p} (see the class comment), first
   * among devices that want a whole replica more, then among those short of a fraction of one
   * (rounding leftovers), then among all that do not hold the partition yet.
   */
  private int choose(int p, int r) {
    int bestWanting = NONE;
    int bestShort = NONE;
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
      double want = load.want(DEVICE, d);
      if (want > 0) {
        bestShort = better(p, r, d, bestShort);
      }
      if (want >= 1) {
        bestWanting = better(p, r, d, bestWanting);
      }
    }
    // with fewer devices than replicas a device must hold two replicas of one partition
    for (int best : new int[] {bestWanting, bestShort, bestAny}) {
      if (best != NONE) {
        return best;
      }
    }
    return bestEvenIfHolding;
  }

  private int better(int p, int r, int candidate, int best) {
    if (best == NONE) {
      return candidate;
    }
    for (int level = 0; level < LEVELS; level++) {
      int tc = load.tier(level, candidate);
      int tb = load.tier(level, best);
      if (tc == tb) {
        continue;
      }
      boolean unusedC = !usedBy(p, level, tc, r);
      boolean unusedB = !usedBy(p, level, tb, r);
      if (unusedC != unusedB) {
        return unusedC ? candidate : best;
      }
      double wantC = load.want(level, tc);
      double wantB = load.want(level, tb);
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

  private void gather(int p, int r) {
    int d = table[r][p];
    if (d != NONE && d < devs.length && devs[d] != null) {
      load.add(d, -1);
    }
    gathered.add(p, r, d);
    table[r][p] = NONE;
    touched[p] = true;
  }
}
