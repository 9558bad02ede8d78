package io.zerostore.common.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RingBuilderTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  /** 12 devices in 3 zones (2 servers of 2 devices per zone); zone totals are equal. */
  static RingBuilder twelveDevices(int partPower, int minPartHours, boolean mixedWeights) {
    RingBuilder b = RingBuilder.create(partPower, 3, minPartHours);
    for (int zone = 1; zone <= 3; zone++) {
      for (int i = 0; i < 4; i++) {
        double weight = mixedWeights ? (i < 2 ? 100 : 200) : 100;
        b.addDevice(1, zone, "10.0." + zone + "." + (i / 2 + 1), 6200, "d" + i, weight);
      }
    }
    return b;
  }

  static void assertEachDeviceWithin(RingBuilder b, double percent) {
    for (Device d : b.devices()) {
      assertThat(Math.abs(b.balanceOf(d.id()))).as("balance of device %d", d.id()).isLessThanOrEqualTo(percent);
    }
  }

  static int partitionsWithSharedZone(Ring ring) {
    int shared = 0;
    for (int p = 0; p < ring.partitionCount(); p++) {
      Set<Integer> zones = new HashSet<>();
      for (Device d : ring.primaries(p)) {
        zones.add(d.zone());
      }
      if (zones.size() < ring.replicaCount()) {
        shared++;
      }
    }
    return shared;
  }

  /** Replicas whose device differs between two rings of the same shape. */
  static int movedReplicas(Ring before, Ring after) {
    int moved = 0;
    for (int r = 0; r < before.replicaCount(); r++) {
      for (int p = 0; p < before.partitionCount(); p++) {
        if (before.table()[r][p] != after.table()[r][p]) {
          moved++;
        }
      }
    }
    return moved;
  }

  @ParameterizedTest(name = "mixed weights: {0}")
  @ValueSource(booleans = {false, true})
  void balancesWithinOnePercentOfWeightShareOnTwelveDevicesInThreeZones(boolean mixedWeights) {
    RingBuilder b = twelveDevices(14, 1, mixedWeights);
    RebalanceResult result = b.rebalance(T0);
    assertThat(result.movedReplicas()).isEqualTo(3 << 14);
    assertEachDeviceWithin(b, 1.0);
    assertThat(result.balance()).isLessThanOrEqualTo(1.0);
    Ring ring = b.ring();
    assertThat(ring.partitionsPerDevice().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3 << 14);
  }

  @ParameterizedTest(name = "mixed weights: {0}")
  @ValueSource(booleans = {false, true})
  void neverPutsTwoReplicasOfAPartitionInOneZoneWhenThreeZonesExist(boolean mixedWeights) {
    RingBuilder b = twelveDevices(14, 1, mixedWeights);
    b.rebalance(T0);
    assertThat(partitionsWithSharedZone(b.ring())).isZero();
  }

  @Test
  void handoffsOfABuiltRingAreDeterministicAndDistinctFromPrimaries() {
    RingBuilder b = twelveDevices(10, 1, false);
    b.rebalance(T0);
    Ring ring = b.ring();
    RingBuilder rebuilt = twelveDevices(10, 1, false);
    rebuilt.rebalance(T0);
    Ring again = rebuilt.ring();
    for (int p = 0; p < ring.partitionCount(); p++) {
      List<Integer> handoffs = SwiftInteropTest.ids(ring.handoffs(p));
      assertThat(handoffs).hasSize(9).doesNotHaveDuplicates()
          .doesNotContainAnyElementsOf(SwiftInteropTest.ids(ring.primaries(p)));
      assertThat(SwiftInteropTest.ids(ring.handoffs(p))).isEqualTo(handoffs);
      assertThat(SwiftInteropTest.ids(again.handoffs(p))).isEqualTo(handoffs);
    }
  }

  /**
   * When a device fails its partitions are re-replicated from the devices that share them; those
   * partners must be many, not a fixed few. Each of the 8 devices in other zones should share
   * about 1/4 of a device's partitions (its zone's share); we allow half to double that.
   */
  @Test
  void aDevicesPartitionsShareReplicasWithEveryDeviceOfTheOtherZones() {
    RingBuilder b = twelveDevices(12, 1, false);
    b.rebalance(T0);
    Ring ring = b.ring();
    int[][] shared = new int[12][12];
    for (int p = 0; p < ring.partitionCount(); p++) {
      for (Device x : ring.primaries(p)) {
        for (Device y : ring.primaries(p)) {
          shared[x.id()][y.id()]++;
        }
      }
    }
    for (int x = 0; x < 12; x++) {
      for (int y = 0; y < 12; y++) {
        if (x / 4 != y / 4) {
          assertThat(shared[x][y]).as("partitions shared by %d and %d", x, y).isBetween(1024 / 8, 1024 / 2);
        }
      }
    }
  }

  @Test
  void rebalanceWithoutChangesMovesNothing() {
    RingBuilder b = twelveDevices(12, 0, true);
    b.rebalance(T0);
    Ring before = b.ring();
    assertThat(b.rebalance(T0.plus(Duration.ofDays(1))).movedReplicas()).isZero();
    assertThat(movedReplicas(before, b.ring())).isZero();
  }

  /**
   * The minimum for adding a device is its weight share: every replica it receives is a move, and
   * no other replica has to move. We assert at most 1% above that (one replica of rounding per
   * device is our only slack) and that the new device reaches its share within 1%.
   */
  @Test
  void addingADeviceMovesCloseToItsShareOnly() {
    RingBuilder b = twelveDevices(14, 1, false);
    b.rebalance(T0);
    Ring before = b.ring();
    b.addDevice(1, 1, "10.0.1.3", 6200, "d4", 100);
    RebalanceResult result = b.rebalance(T0.plus(Duration.ofHours(2)));

    double share = 3.0 * (1 << 14) / 13;
    int moved = movedReplicas(before, b.ring());
    assertThat(result.movedReplicas()).isEqualTo(moved);
    assertThat(moved).isBetween((int) Math.floor(share * 0.99), (int) Math.ceil(share * 1.01));
    assertEachDeviceWithin(b, 1.0);
  }

  @Test
  void addingAZoneMovesCloseToItsShareAndKeepsZonesDistinct() {
    RingBuilder b = twelveDevices(14, 0, false);
    b.rebalance(T0);
    Ring before = b.ring();
    for (int i = 0; i < 4; i++) {
      b.addDevice(1, 4, "10.0.4." + (i / 2 + 1), 6200, "d" + i, 100);
    }
    b.rebalance(T0);
    double share = 3.0 * (1 << 14) * 4 / 16;
    assertThat(movedReplicas(before, b.ring())).isLessThanOrEqualTo((int) Math.ceil(share * 1.01));
    assertEachDeviceWithin(b, 1.0);
    assertThat(partitionsWithSharedZone(b.ring())).isZero();
  }

  @Test
  void minPartHoursHoldsBackRecentlyMovedPartitions() {
    RingBuilder b = twelveDevices(12, 1, false);
    b.rebalance(T0);
    b.addDevice(1, 1, "10.0.1.3", 6200, "d4", 100);
    // every partition moved at T0 (initial placement): nothing may move within the hour
    assertThat(b.rebalance(T0.plus(Duration.ofMinutes(59))).movedReplicas()).isZero();
    assertThat(b.minPartTimeLeft(T0.plus(Duration.ofMinutes(59)))).isEqualTo(Duration.ofMinutes(1));

    Instant t1 = T0.plus(Duration.ofHours(1));
    Ring before = b.ring();
    assertThat(b.rebalance(t1).movedReplicas()).isPositive();
    Ring afterFirst = b.ring();
    Set<Integer> movedAtT1 = new HashSet<>();
    for (int p = 0; p < before.partitionCount(); p++) {
      int replicasMoved = 0;
      for (int r = 0; r < 3; r++) {
        if (before.table()[r][p] != afterFirst.table()[r][p]) {
          replicasMoved++;
        }
      }
      assertThat(replicasMoved).as("replicas of partition %d moved at once", p).isLessThanOrEqualTo(1);
      if (replicasMoved > 0) {
        movedAtT1.add(p);
      }
    }

    b.addDevice(1, 2, "10.0.2.3", 6200, "d4", 100);
    b.rebalance(t1.plus(Duration.ofMinutes(30)));
    Ring afterSecond = b.ring();
    for (int p : movedAtT1) {
      for (int r = 0; r < 3; r++) {
        assertThat((int) afterSecond.table()[r][p]).as("partition %d moved again within min_part_hours", p)
            .isEqualTo(afterFirst.table()[r][p]);
      }
    }
    assertThat(movedReplicas(afterFirst, afterSecond)).isPositive();
  }

  @Test
  void removingADeviceMovesExactlyItsReplicasEvenWithinMinPartHours() {
    RingBuilder b = twelveDevices(12, 24, false);
    b.rebalance(T0);
    Ring before = b.ring();
    int held = b.partitionsPerDevice().get(5);
    b.removeDevice(5);
    RebalanceResult result = b.rebalance(T0.plus(Duration.ofMinutes(1)));
    assertThat(result.removedDevices()).isEqualTo(1);
    assertThat(result.movedReplicas()).isEqualTo(held).isEqualTo(movedReplicas(before, b.ring()));
    assertThat(b.ring().device(5)).isEmpty();
    assertThat(b.partitionsPerDevice()).doesNotContainKey(5);
    // Zone 2 now has 3/11 of the weight: weights come first (as in Swift with overload 0), so the
    // partitions zone 2 cannot hold by weight must put two replicas in another zone, and no more.
    double zone2Share = 3.0 * (1 << 12) * 3 / 11;
    assertThat(partitionsWithSharedZone(b.ring())).isLessThanOrEqualTo((int) Math.ceil((1 << 12) - zone2Share) + 12);
    assertEachDeviceWithin(b, 1.0);
    assertThat(b.nextDeviceId()).isEqualTo(5);
  }

  @Test
  void zeroWeightDrainsADevice() {
    RingBuilder b = twelveDevices(10, 1, false);
    b.rebalance(T0);
    b.setWeight(0, 0);
    b.rebalance(T0.plus(Duration.ofHours(1)));
    assertThat(b.partitionsPerDevice()).doesNotContainKey(0);
    assertThat(b.ring().device(0)).isPresent();
    assertThat(b.balanceOf(0)).isZero();
  }

  @Test
  void fewerDevicesThanReplicasStillMakeAValidRingThatSpreadsLater() {
    RingBuilder b = RingBuilder.create(6, 3, 0).addDevice(1, 1, "127.0.0.1", 6010, "d1", 1);
    b.rebalance(T0);
    assertThat(b.ring().primaries(0)).extracting(Device::id).containsExactly(0);
    b.addDevice(1, 2, "127.0.0.1", 6020, "d2", 1).addDevice(1, 3, "127.0.0.1", 6030, "d3", 1);
    b.rebalance(T0);
    b.rebalance(T0);
    assertThat(partitionsWithSharedZone(b.ring())).isZero();
    assertThat(b.balance()).isZero();
  }

  @Test
  void allInOneRingPutsEveryPartitionOnAllThreeNodes() {
    RingBuilder b = RingBuilder.create(10, 3, 1)
        .addDevice(1, 1, "127.0.0.1", 6010, "d1", 100)
        .addDevice(1, 2, "127.0.0.1", 6020, "d2", 100)
        .addDevice(1, 3, "127.0.0.1", 6030, "d3", 100);
    b.rebalance(T0);
    Ring ring = b.ring();
    for (int p = 0; p < ring.partitionCount(); p++) {
      assertThat(ring.primaries(p)).hasSize(3);
    }
    assertThat(ring.partitionsPerDevice()).isEqualTo(Map.of(0, 1024, 1, 1024, 2, 1024));
  }

  @Test
  void rejectsBadRequests() {
    assertThatThrownBy(() -> RingBuilder.create(25, 3, 1)).isInstanceOf(RingBuilderException.class);
    assertThatThrownBy(() -> RingBuilder.create(8, 0, 1)).isInstanceOf(RingBuilderException.class);
    RingBuilder b = RingBuilder.create(8, 3, 1);
    assertThatThrownBy(b::ring).isInstanceOf(RingBuilderException.class);
    assertThatThrownBy(() -> b.rebalance(T0)).isInstanceOf(RingBuilderException.class).hasMessageContaining("weight");
    b.addDevice(1, 1, "127.0.0.1", 6010, "d1", 1);
    assertThatThrownBy(() -> b.addDevice(1, 2, "127.0.0.1", 6010, "d1", 1)).isInstanceOf(RingBuilderException.class);
    assertThatThrownBy(() -> b.addDevice(Device.of(0, 1, 2, "127.0.0.2", 6010, "d1", 1))).isInstanceOf(RingBuilderException.class);
    assertThatThrownBy(() -> b.removeDevice(7)).isInstanceOf(RingBuilderException.class);
    assertThatThrownBy(() -> b.setWeight(0, -1)).isInstanceOf(RingBuilderException.class);
  }
}
