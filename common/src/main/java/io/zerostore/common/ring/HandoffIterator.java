package io.zerostore.common.ring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Swift's {@code Ring.get_more_nodes} as a lazy iterator. Four passes walk the partitions from a
 * start derived from {@code md5(str(partition))}, reading every replica row; pass 0 takes devices
 * in unused regions, pass 1 in unused zones, pass 2 on unused IPs, pass 3 any unused device. A
 * pass ends once its kind of failure domain is exhausted. The walk order, including Swift's
 * wrap-around (which starts at {@code inc - (parts - start) % inc}), is reproduced exactly so that
 * our handoffs equal Swift's for the same ring.
 */
final class HandoffIterator implements Iterator<Device> {
  private static final int PASSES = 4;

  private final Ring ring;
  private final HandoffTiers tiers;
  private final char[][] table;
  private final int parts;
  private final int start;
  private final int inc;
  private final int firstRunLength;
  private final int wrapStart;
  private final int walkLength;

  private final BitSet usedDevices = new BitSet();
  private final BitSet usedRegions = new BitSet();
  private final BitSet usedZones = new BitSet();
  private final BitSet usedIps = new BitSet();
  private int devicesUsed;
  private int regionsUsed;
  private int zonesUsed;
  private int ipsUsed;

  private int pass;
  private int walkPos;
  private int replica;
  private Device next;

  HandoffIterator(Ring ring, HandoffTiers tiers, int partition) {
    this.ring = ring;
    this.tiers = tiers;
    this.table = ring.table();
    this.parts = ring.partitionCount();
    this.start = Ring.partitionOfPrefix(md5(Integer.toString(partition)), ring.partShift());
    this.inc = Math.max(parts / 65536, 1);
    this.firstRunLength = runLength(start, parts, inc);
    this.wrapStart = inc - ((parts - start) % inc);
    this.walkLength = firstRunLength + runLength(wrapStart, start, inc);
    for (Device primary : ring.primaries(partition)) {
      use(primary.id());
    }
  }

  /** Length of Python's {@code range(from, to, step)}. */
  private static int runLength(int from, int to, int step) {
    return from >= to ? 0 : (to - from + step - 1) / step;
  }

  private int walkAt(int pos) {
    return pos < firstRunLength ? start + pos * inc : wrapStart + (pos - firstRunLength) * inc;
  }

  private void use(int id) {
    if (!usedDevices.get(id)) {
      usedDevices.set(id);
      devicesUsed++;
    }
    regionsUsed += markNew(usedRegions, tiers.region[id]);
    zonesUsed += markNew(usedZones, tiers.zone[id]);
    ipsUsed += markNew(usedIps, tiers.ip[id]);
  }

  private static int markNew(BitSet set, int index) {
    if (set.get(index)) {
      return 0;
    }
    set.set(index);
    return 1;
  }

  private boolean passExhausted() {
    return switch (pass) {
      case 0 -> regionsUsed >= tiers.regionCount;
      case 1 -> zonesUsed >= tiers.zoneCount;
      case 2 -> ipsUsed >= tiers.ipCount;
      default -> devicesUsed >= tiers.assignedDeviceCount;
    };
  }

  private boolean eligible(int id) {
    if (usedDevices.get(id)) {
      return false;
    }
    return switch (pass) {
      case 0 -> !usedRegions.get(tiers.region[id]);
      case 1 -> !usedZones.get(tiers.zone[id]);
      case 2 -> !usedIps.get(tiers.ip[id]);
      default -> true;
    };
  }

  private Device advance() {
    while (pass < PASSES) {
      if (walkPos >= walkLength || passExhausted()) {
        pass++;
        walkPos = 0;
        replica = 0;
        continue;
      }
      int handoffPart = walkAt(walkPos);
      while (replica < table.length) {
        char[] row = table[replica++];
        if (handoffPart < row.length && eligible(row[handoffPart])) {
          use(row[handoffPart]);
          return ring.deviceAt(row[handoffPart]);
        }
      }
      walkPos++;
      replica = 0;
    }
    return null;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Device next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Device d = next;
    next = null;
    return d;
  }

  private static byte[] md5(String s) {
    try {
      return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by every JVM", e);
    }
  }
}
