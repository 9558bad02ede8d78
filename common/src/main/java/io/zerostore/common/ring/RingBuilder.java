package io.zerostore.common.ring;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds rings the way {@code swift-ring-builder} does: a part power, a replica count, a
 * {@code min_part_hours}, and devices with region, zone, address and weight; {@link #rebalance()}
 * assigns every partition replica to a device (see {@link Rebalancer} for the guarantees). The
 * builder's state, including when each partition last moved, is saved with {@link #save} (a
 * JSON {@code .builder} file) and the servers' ring with {@link #writeRing}.
 *
 * <pre>{@code
 * RingBuilder b = RingBuilder.create(10, 3, 1)
 *     .addDevice(1, 1, "127.0.0.1", 6010, "d1", 100)
 *     .addDevice(1, 2, "127.0.0.1", 6020, "d2", 100)
 *     .addDevice(1, 3, "127.0.0.1", 6030, "d3", 100);
 * b.rebalance();
 * b.save(dir.resolve("object.builder"));
 * b.writeRing(dir.resolve("object.ring.gz"));
 * }</pre>
 *
 * Not thread-safe: one operator edits a builder at a time.
 */
public final class RingBuilder {
  public static final int MAX_PART_POWER = 24;
  /** Swift's reported balance for a device that holds partitions but has no weight. */
  public static final double MAX_BALANCE = 999.99;

  private final int partPower;
  private final int replicas;
  private int minPartHours;
  private final List<Device> devs = new ArrayList<>();
  private final TreeSet<Integer> removing = new TreeSet<>();
  private int[][] table;
  private int[] lastMovedMinute;
  private long version;

  private RingBuilder(int partPower, int replicas, int minPartHours) {
    if (partPower < 0 || partPower > MAX_PART_POWER) {
      throw new RingBuilderException("part power must be 0.." + MAX_PART_POWER + ", got " + partPower);
    }
    if (replicas < 1 || replicas > 255) {
      throw new RingBuilderException("replicas must be 1..255, got " + replicas);
    }
    this.partPower = partPower;
    this.replicas = replicas;
    setMinPartHours(minPartHours);
  }

  public static RingBuilder create(int partPower, int replicas, int minPartHours) {
    return new RingBuilder(partPower, replicas, minPartHours);
  }

  public static RingBuilder load(Path builderFile) throws IOException {
    return BuilderFile.read(builderFile);
  }

  /** Saves the builder state atomically (JSON; see {@link BuilderFile}). */
  public void save(Path builderFile) throws IOException {
    BuilderFile.write(this, builderFile);
  }

  /** Writes the ring servers load; requires a previous {@link #rebalance()}. */
  public void writeRing(Path ringGz) throws IOException {
    RingFile.write(ring(), ringGz);
  }

  /** {@code object.builder} → {@code object.ring.gz} in the same directory, as Swift names them. */
  public static Path ringFileFor(Path builderFile) {
    String name = builderFile.getFileName().toString();
    String base = name.endsWith(".builder") ? name.substring(0, name.length() - ".builder".length()) : name;
    return builderFile.resolveSibling(base + ".ring.gz");
  }

  public int partPower() {
    return partPower;
  }

  public int partitionCount() {
    return 1 << partPower;
  }

  public int replicas() {
    return replicas;
  }

  public int minPartHours() {
    return minPartHours;
  }

  /** Increases with every change; written into the ring file as Swift's {@code version}. */
  public long version() {
    return version;
  }

  public RingBuilder setMinPartHours(int hours) {
    if (hours < 0) {
      throw new RingBuilderException("min_part_hours must be >= 0, got " + hours);
    }
    minPartHours = hours;
    version++;
    return this;
  }

  /** The id the next {@link #addDevice(int, int, String, int, String, double)} gets: the lowest free one. */
  public int nextDeviceId() {
    int id = devs.indexOf(null);
    return id >= 0 ? id : devs.size();
  }

  /** Adds a device with the next free id; takes effect at the next rebalance. */
  public RingBuilder addDevice(int region, int zone, String ip, int port, String deviceName, double weight) {
    return addDevice(Device.of(nextDeviceId(), region, zone, ip, port, deviceName, weight));
  }

  /** Adds a device with its own id, which must be free; takes effect at the next rebalance. */
  public RingBuilder addDevice(Device device) {
    int id = device.id();
    if (id >= Ring.MAX_DEVICE_ID) {
      throw new RingBuilderException("device id must be below " + Ring.MAX_DEVICE_ID + ", got " + id);
    }
    if (id < devs.size() && devs.get(id) != null) {
      throw new RingBuilderException("duplicate device id " + id);
    }
    if (device.device().isEmpty() || device.device().contains("/")) {
      throw new RingBuilderException("bad device name '" + device.device() + "'");
    }
    for (Device other : devices()) {
      if (other.ip().equals(device.ip()) && other.port() == device.port() && other.device().equals(device.device())) {
        throw new RingBuilderException("device " + other.id() + " already uses " + other.hostPort() + "/" + other.device());
      }
    }
    while (devs.size() <= id) {
      devs.add(null);
    }
    devs.set(id, device);
    version++;
    return this;
  }

  /** Changes a device's weight; 0 drains it over the next rebalances (respecting min_part_hours). */
  public RingBuilder setWeight(int id, double weight) {
    Device d = existing(id);
    try {
      devs.set(id, d.withWeight(weight));
    } catch (IllegalArgumentException e) {
      throw new RingBuilderException(e.getMessage());
    }
    version++;
    return this;
  }

  /**
   * Marks a device for removal: the next rebalance moves all its partitions away at once (its
   * data is assumed gone; min_part_hours does not hold them back) and drops it from the ring.
   */
  public RingBuilder removeDevice(int id) {
    existing(id);
    removing.add(id);
    version++;
    return this;
  }

  private Device existing(int id) {
    if (id < 0 || id >= devs.size() || devs.get(id) == null) {
      throw new RingBuilderException("no device with id " + id);
    }
    return devs.get(id);
  }

  /** Devices of the builder by id, including those marked for removal. */
  public List<Device> devices() {
    return devs.stream().filter(d -> d != null).toList();
  }

  public Optional<Device> device(int id) {
    return id >= 0 && id < devs.size() ? Optional.ofNullable(devs.get(id)) : Optional.empty();
  }

  public boolean isMarkedForRemoval(int id) {
    return removing.contains(id);
  }

  public boolean hasBeenRebalanced() {
    return table != null;
  }

  public RebalanceResult rebalance() {
    return rebalance(Instant.now());
  }

  /** Rebalances as if the time were {@code now} (min_part_hours is measured against it). */
  public RebalanceResult rebalance(Instant now) {
    int parts = partitionCount();
    if (table == null) {
      table = new int[replicas][parts];
      for (int[] row : table) {
        Arrays.fill(row, Rebalancer.NONE);
      }
      lastMovedMinute = new int[parts];
    }
    Device[] placeable = new Device[devs.size()];
    for (int id = 0; id < placeable.length; id++) {
      placeable[id] = removing.contains(id) ? null : devs.get(id);
    }
    int nowMinute = (int) (now.getEpochSecond() / 60);
    int moved = new Rebalancer(placeable, table, lastMovedMinute, minPartHours, nowMinute, version).run();
    int removed = removing.size();
    for (int id : removing) {
      devs.set(id, null);
    }
    removing.clear();
    while (!devs.isEmpty() && devs.get(devs.size() - 1) == null) {
      devs.remove(devs.size() - 1);
    }
    version++;
    return new RebalanceResult(moved, balance(), removed, version);
  }

  /** Forgets when partitions moved, so the next rebalance may move any of them (Swift's command of that name). */
  public RingBuilder pretendMinPartHoursPassed() {
    if (lastMovedMinute != null) {
      Arrays.fill(lastMovedMinute, 0);
    }
    return this;
  }

  /** Time until every partition may move again (zero if none is held back). */
  public Duration minPartTimeLeft(Instant now) {
    if (lastMovedMinute == null || minPartHours == 0) {
      return Duration.ZERO;
    }
    int newest = Arrays.stream(lastMovedMinute).max().orElse(0);
    long left = (newest + minPartHours * 60L) * 60 - now.getEpochSecond();
    return Duration.ofSeconds(Math.max(0, left));
  }

  /** The ring for the servers; devices added since the last rebalance appear without partitions. */
  public Ring ring() {
    if (table == null) {
      throw new RingBuilderException("the builder has never been rebalanced");
    }
    char[][] chars = new char[replicas][partitionCount()];
    for (int r = 0; r < replicas; r++) {
      for (int p = 0; p < chars[r].length; p++) {
        chars[r][p] = (char) table[r][p];
      }
    }
    return new Ring(devs.toArray(new Device[0]), chars, 32 - partPower, OptionalLong.of(version));
  }

  /** Partition replicas held per device id (devices without any are absent). */
  public Map<Integer, Integer> partitionsPerDevice() {
    Map<Integer, Integer> counts = new TreeMap<>();
    if (table != null) {
      for (int[] row : table) {
        for (int d : row) {
          if (d != Rebalancer.NONE) {
            counts.merge(d, 1, Integer::sum);
          }
        }
      }
    }
    return Collections.unmodifiableMap(counts);
  }

  /** Swift's per-device balance: percent above (+) or below (-) the device's weight share. */
  public double balanceOf(int id) {
    return balanceOf(existing(id), partitionsPerDevice().getOrDefault(id, 0), activeWeight());
  }

  /** The largest absolute per-device balance (Swift's ring balance). */
  public double balance() {
    Map<Integer, Integer> held = partitionsPerDevice();
    double totalWeight = activeWeight();
    return devices().stream()
        .mapToDouble(d -> Math.abs(balanceOf(d, held.getOrDefault(d.id(), 0), totalWeight)))
        .max().orElse(0);
  }

  private double activeWeight() {
    return devices().stream().filter(d -> !removing.contains(d.id())).mapToDouble(Device::weight).sum();
  }

  private double balanceOf(Device d, int held, double totalWeight) {
    if (d.weight() == 0 || removing.contains(d.id()) || totalWeight == 0) {
      return held == 0 ? 0 : MAX_BALANCE;
    }
    double wanted = (double) partitionCount() * replicas * d.weight() / totalWeight;
    return 100.0 * held / wanted - 100.0;
  }

  // --- state access for BuilderFile ---

  int[][] table() {
    return table;
  }

  int[] lastMovedMinute() {
    return lastMovedMinute;
  }

  List<Integer> removing() {
    return List.copyOf(removing);
  }

  List<Device> devicesWithHoles() {
    return Collections.unmodifiableList(devs);
  }

  static RingBuilder restore(int partPower, int replicas, int minPartHours, long version, List<Device> devicesById,
                             List<Integer> removing, int[][] table, int[] lastMovedMinute) {
    RingBuilder b = new RingBuilder(partPower, replicas, minPartHours);
    b.devs.addAll(devicesById);
    b.removing.addAll(removing);
    b.table = table;
    b.lastMovedMinute = lastMovedMinute;
    b.version = version;
    return b;
  }
}
