package io.zerostore.common.ring;

import java.util.ArrayList;
import java.util.List;

/** Small hand-made rings for tests of the read side (no builder involved). */
final class TestRings {
  private TestRings() {
  }

  /**
   * 12 devices: 3 zones of 2 IPs with 2 devices each, region 1; replica r of partition p lives in
   * zone r + 1 on a device picked by a hash of p and r. Device id 12 is a hole (a removed device)
   * and id 13 an unassigned device in zone 4.
   */
  static Ring twelveDevices(int partPower) {
    return build(partPower, false);
  }

  /** Like {@link #twelveDevices} but replica r of partition p is on the zone's device {@code (p + r) % 4}. */
  static Ring periodic(int partPower) {
    return build(partPower, true);
  }

  private static Ring build(int partPower, boolean periodic) {
    List<Device> devs = new ArrayList<>();
    for (int zone = 1; zone <= 3; zone++) {
      for (int i = 0; i < 4; i++) {
        String ip = "127.0." + zone + "." + (i / 2 + 1);
        devs.add(Device.of(devs.size(), 1, zone, ip, 6010 + i % 2, "d" + devs.size(), 100));
      }
    }
    devs.add(null);
    devs.add(Device.of(13, 1, 4, "127.0.4.1", 6010, "d13", 0));
    int parts = 1 << partPower;
    int[][] table = new int[3][parts];
    for (int r = 0; r < 3; r++) {
      for (int p = 0; p < parts; p++) {
        long mixed = (p * 0x9E3779B97F4A7C15L + r) * 0xBF58476D1CE4E5B9L;
        table[r][p] = r * 4 + (periodic ? (p + r) % 4 : (int) ((mixed >>> 40) % 4));
      }
    }
    return Ring.of(devs, table, partPower);
  }
}
