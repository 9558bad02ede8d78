package io.zerostore.common.ring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense indexes of each device's region, zone and IP, computed once per ring so that the handoff
 * walk can track "used" failure domains in bit sets. Like Swift's {@code _update_bookkeeping},
 * only devices that hold at least one partition count towards the totals, so the walk can stop
 * early once every domain that can yield a handoff has been used.
 */
final class HandoffTiers {
  final int[] region;
  final int[] zone;
  final int[] ip;
  final int regionCount;
  final int zoneCount;
  final int ipCount;
  final int assignedDeviceCount;

  HandoffTiers(Device[] devsById, char[][] replica2part2dev) {
    boolean[] assigned = new boolean[devsById.length];
    for (char[] row : replica2part2dev) {
      for (char id : row) {
        assigned[id] = true;
      }
    }
    region = new int[devsById.length];
    zone = new int[devsById.length];
    ip = new int[devsById.length];
    Map<Integer, Integer> regions = new HashMap<>();
    Map<List<Object>, Integer> zones = new HashMap<>();
    Map<List<Object>, Integer> ips = new HashMap<>();
    int devices = 0;
    for (int id = 0; id < devsById.length; id++) {
      Device d = devsById[id];
      if (d == null) {
        continue;
      }
      // Index every device (a primary is always assigned), but count only assigned ones.
      region[id] = regions.computeIfAbsent(d.region(), k -> regions.size());
      zone[id] = zones.computeIfAbsent(List.of(d.region(), d.zone()), k -> zones.size());
      ip[id] = ips.computeIfAbsent(List.of(d.region(), d.zone(), d.ip()), k -> ips.size());
      if (assigned[id]) {
        devices++;
      }
    }
    assignedDeviceCount = devices;
    regionCount = countAssigned(region, assigned);
    zoneCount = countAssigned(zone, assigned);
    ipCount = countAssigned(ip, assigned);
  }

  private static int countAssigned(int[] tierOf, boolean[] assigned) {
    java.util.BitSet seen = new java.util.BitSet();
    for (int id = 0; id < tierOf.length; id++) {
      if (assigned[id]) {
        seen.set(tierOf[id]);
      }
    }
    return seen.cardinality();
  }
}
