package io.zerostore.common.ring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Swift's partitioned consistent-hashing ring: {@code 2^partPower} partitions, each assigned to
 * {@code replicaCount} devices by the {@code replica2part2dev} table. Immutable and thread-safe; a
 * changed ring is a new instance (see {@link ReloadingRing}).
 *
 * <p>The table may have a shorter last row (Swift's fractional replica counts); a partition
 * beyond a row's length has no replica in that row.
 */
public final class Ring {
  /** Device ids are stored as unsigned 16-bit numbers in the ring file. */
  public static final int MAX_DEVICE_ID = 0xFFFF;
  public static final int MAX_PART_POWER = 32;

  private final Device[] devsById;
  private final char[][] replica2part2dev;
  private final int partShift;
  private final OptionalLong version;
  private final List<Device> devices;
  private final HandoffTiers tiers;

  Ring(Device[] devsById, char[][] replica2part2dev, int partShift, OptionalLong version) {
    this.devsById = devsById.clone();
    this.replica2part2dev = replica2part2dev;
    this.partShift = partShift;
    this.version = Objects.requireNonNull(version);
    validate();
    List<Device> present = new ArrayList<>();
    for (Device d : this.devsById) {
      if (d != null) {
        present.add(d);
      }
    }
    this.devices = Collections.unmodifiableList(present);
    this.tiers = new HandoffTiers(this.devsById, replica2part2dev);
  }

  /**
   * A ring from its parts, for callers that build one in code (tests, tools).
   *
   * @param devicesById      device table indexed by id, {@code null} for holes
   * @param replica2part2dev {@code [replica][partition] -> device id}; rows are copied
   * @param partPower        number of partition bits, 0..32
   */
  public static Ring of(List<Device> devicesById, int[][] replica2part2dev, int partPower) {
    if (partPower < 0 || partPower > MAX_PART_POWER) {
      throw new IllegalArgumentException("part power out of range: " + partPower);
    }
    char[][] table = new char[replica2part2dev.length][];
    for (int r = 0; r < table.length; r++) {
      table[r] = new char[replica2part2dev[r].length];
      for (int p = 0; p < table[r].length; p++) {
        int id = replica2part2dev[r][p];
        if (id < 0 || id > MAX_DEVICE_ID) {
          throw new IllegalArgumentException("device id out of range: " + id);
        }
        table[r][p] = (char) id;
      }
    }
    return new Ring(devicesById.toArray(new Device[0]), table, 32 - partPower, OptionalLong.empty());
  }

  /** Reads a Swift {@code .ring.gz} file. */
  public static Ring load(Path ringGz) throws IOException {
    return RingFile.read(ringGz);
  }

  private void validate() {
    if (partShift < 0 || partShift > 32) {
      throw new IllegalArgumentException("part shift out of range: " + partShift);
    }
    for (int i = 0; i < devsById.length; i++) {
      if (devsById[i] != null && devsById[i].id() != i) {
        throw new IllegalArgumentException("device at index " + i + " has id " + devsById[i].id());
      }
    }
    long parts = 1L << (32 - partShift);
    for (int r = 0; r < replica2part2dev.length; r++) {
      char[] row = replica2part2dev[r];
      if (row.length > parts || (r < replica2part2dev.length - 1 && row.length != parts)) {
        throw new IllegalArgumentException("replica row " + r + " has " + row.length + " partitions, ring has " + parts);
      }
      for (char id : row) {
        if (id >= devsById.length || devsById[id] == null) {
          throw new IllegalArgumentException("replica row " + r + " names missing device " + (int) id);
        }
      }
    }
  }

  public int partPower() {
    return 32 - partShift;
  }

  int partShift() {
    return partShift;
  }

  public int partitionCount() {
    return replica2part2dev.length == 0 ? 0 : replica2part2dev[0].length;
  }

  /** Number of replica rows in the table (Swift's {@code replica_count} rounded up). */
  public int replicaCount() {
    return replica2part2dev.length;
  }

  /** The builder's version of this ring, when the file carries one. */
  public OptionalLong version() {
    return version;
  }

  /** The partition of a path hash: the digest's first 4 bytes, big-endian, shifted right by {@code 32 - partPower}. */
  public int partition(byte[] md5OfPath) {
    if (md5OfPath.length < 4) {
      throw new IllegalArgumentException("need at least 4 bytes of the md5 digest, got " + md5OfPath.length);
    }
    return partitionOfPrefix(md5OfPath, partShift);
  }

  static int partitionOfPrefix(byte[] digest, int shift) {
    long top = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8) | (digest[3] & 0xFFL);
    return (int) (top >>> shift);
  }

  /** The devices holding the partition, in replica order, each device once. */
  public List<Device> primaries(int partition) {
    checkPartition(partition);
    Device[] out = new Device[replica2part2dev.length];
    int n = 0;
    next:
    for (char[] row : replica2part2dev) {
      if (partition < row.length) {
        Device d = devsById[row[partition]];
        for (int i = 0; i < n; i++) {
          if (out[i] == d) {
            continue next;
          }
        }
        out[n++] = d;
      }
    }
    return List.of(Arrays.copyOf(out, n));
  }

  /**
   * Handoff devices for the partition, lazily, in Swift's {@code get_more_nodes} order: devices in
   * regions the primaries do not use, then unused zones, then unused IPs, then any remaining
   * device that holds partitions. Deterministic for a given ring; never yields a primary or the
   * same device twice.
   */
  public Iterable<Device> handoffs(int partition) {
    checkPartition(partition);
    return () -> new HandoffIterator(this, tiers, partition);
  }

  /** All devices of the ring (removed ids are skipped), by id. */
  public List<Device> devices() {
    return devices;
  }

  public Optional<Device> device(int id) {
    return id >= 0 && id < devsById.length ? Optional.ofNullable(devsById[id]) : Optional.empty();
  }

  /** Device-table size including holes; {@code devs} in the ring file has this length. */
  int deviceSlots() {
    return devsById.length;
  }

  Device deviceAt(int id) {
    return devsById[id];
  }

  /** The raw table, shared, for serialization and handoff walks; callers must not modify it. */
  char[][] table() {
    return replica2part2dev;
  }

  private void checkPartition(int partition) {
    if (partition < 0 || partition >= partitionCount()) {
      throw new IllegalArgumentException("partition " + partition + " out of range 0.." + (partitionCount() - 1));
    }
  }

  /** Counts of partitions held per device id, for tools and tests. */
  public Map<Integer, Integer> partitionsPerDevice() {
    Map<Integer, Integer> counts = new HashMap<>();
    for (char[] row : replica2part2dev) {
      for (char id : row) {
        counts.merge((int) id, 1, Integer::sum);
      }
    }
    return counts;
  }

  @Override
  public String toString() {
    return "Ring[partPower=" + partPower() + ", replicas=" + replicaCount() + ", devices=" + devices.size()
        + version.stream().mapToObj(v -> ", version=" + v).findFirst().orElse("") + "]";
  }
}
