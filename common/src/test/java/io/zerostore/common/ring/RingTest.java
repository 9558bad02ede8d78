package io.zerostore.common.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class RingTest {
  private static List<Device> list(Iterable<Device> it) {
    return StreamSupport.stream(it.spliterator(), false).collect(Collectors.toList());
  }

  @Test
  void partitionIsTheDigestsTopBits() {
    // SWIFT-API.md §11: md5 56d2e027... with part power 8 is partition 0x56 = 86.
    byte[] md5 = HexFormat.of().parseHex("56d2e027f75520167f20794bebe1f094");
    assertThat(TestRings.twelveDevices(8).partition(md5)).isEqualTo(86);
    assertThat(TestRings.twelveDevices(10).partition(md5)).isEqualTo(0x56d2e027 >>> 22);
    byte[] high = HexFormat.of().parseHex("ffffffff000000000000000000000000");
    assertThat(TestRings.twelveDevices(10).partition(high)).isEqualTo(1023);
  }

  @Test
  void partPowerZeroHasOnePartition() {
    Ring ring = Ring.of(List.of(Device.of(0, 1, 1, "127.0.0.1", 6010, "d0", 1)), new int[][] {{0}}, 0);
    assertThat(ring.partition(HexFormat.of().parseHex("ffffffff"))).isZero();
    assertThat(ring.partitionCount()).isEqualTo(1);
  }

  @Test
  void primariesAreInReplicaOrderAndDeduplicated() {
    Ring ring = TestRings.periodic(4);
    assertThat(ring.primaries(5)).extracting(Device::id).containsExactly(1, 6, 11);
    List<Device> devs = List.of(Device.of(0, 1, 1, "127.0.0.1", 6010, "a", 1), Device.of(1, 1, 2, "127.0.0.2", 6010, "b", 1));
    Ring small = Ring.of(devs, new int[][] {{1, 0}, {1, 1}, {0, 0}}, 1);
    assertThat(small.primaries(0)).extracting(Device::id).containsExactly(1, 0);
    assertThat(small.primaries(1)).extracting(Device::id).containsExactly(0, 1);
  }

  @Test
  void handoffsAreDistinctFromPrimariesAndFromEachOther() {
    Ring ring = TestRings.twelveDevices(8);
    for (int part = 0; part < ring.partitionCount(); part++) {
      List<Device> handoffs = list(ring.handoffs(part));
      assertThat(handoffs).doesNotHaveDuplicates().doesNotContainAnyElementsOf(ring.primaries(part));
      // every assigned device is either a primary or a handoff; unassigned device 13 never appears
      assertThat(handoffs).hasSize(12 - 3);
    }
  }

  @Test
  void handoffsAreDeterministic() {
    Ring a = TestRings.twelveDevices(8);
    Ring b = TestRings.twelveDevices(8);
    for (int part = 0; part < a.partitionCount(); part += 17) {
      assertThat(list(a.handoffs(part))).isEqualTo(list(a.handoffs(part))).isEqualTo(list(b.handoffs(part)));
    }
  }

  @Test
  void handoffsPreferUnusedIpsWhenAllZonesAreUsed() {
    Ring ring = TestRings.twelveDevices(8);
    for (int part = 0; part < ring.partitionCount(); part += 7) {
      List<String> primaryIps = ring.primaries(part).stream().map(Device::ip).toList();
      List<Device> handoffs = list(ring.handoffs(part));
      // 6 IPs, 3 used by primaries: the first three handoffs sit on the three others
      assertThat(handoffs.subList(0, 3)).extracting(Device::ip).doesNotHaveDuplicates().doesNotContainAnyElementsOf(primaryIps);
    }
  }

  @Test
  void handoffsPreferUnusedZones() {
    // 4 zones, 3 replicas: the first handoff must be in the zone no primary uses.
    List<Device> devs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      devs.add(Device.of(i, 1, i / 2 + 1, "127.0.0." + (i + 1), 6010, "d" + i, 1));
    }
    int parts = 64;
    int[][] table = new int[3][parts];
    for (int r = 0; r < 3; r++) {
      for (int p = 0; p < parts; p++) {
        table[r][p] = ((p + r) % 4) * 2 + (p / 4) % 2;
      }
    }
    Ring ring = Ring.of(devs, table, 6);
    for (int part = 0; part < parts; part++) {
      List<Integer> primaryZones = ring.primaries(part).stream().map(Device::zone).toList();
      Device first = ring.handoffs(part).iterator().next();
      assertThat(primaryZones).doesNotContain(first.zone());
    }
  }

  @Test
  void devicesSkipHolesAndLookupById() {
    Ring ring = TestRings.twelveDevices(4);
    assertThat(ring.devices()).hasSize(13);
    assertThat(ring.device(12)).isEmpty();
    assertThat(ring.device(13)).hasValueSatisfying(d -> assertThat(d.zone()).isEqualTo(4));
    assertThat(ring.device(99)).isEmpty();
    assertThat(ring.device(-1)).isEmpty();
  }

  @Test
  void rejectsTablesNamingMissingDevices() {
    List<Device> devs = new ArrayList<>();
    devs.add(Device.of(0, 1, 1, "127.0.0.1", 6010, "a", 1));
    devs.add(null);
    assertThatThrownBy(() -> Ring.of(devs, new int[][] {{0, 1}}, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestRings.twelveDevices(4).primaries(16)).isInstanceOf(IllegalArgumentException.class);
  }
}
