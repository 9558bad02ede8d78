package io.zerostore.common.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random clusters and random operator histories (seeded, so failures reproduce): the builder's
 * invariants must hold after every rebalance.
 */
class RingBuilderRandomTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void invariantsHoldThroughRandomChanges(long seed) {
    Random random = new Random(seed);
    int minPartHours = random.nextBoolean() ? 0 : 1;
    RingBuilder b = RingBuilder.create(9, 3, minPartHours);
    int zones = 1 + random.nextInt(5);
    int devices = 3 + random.nextInt(10);
    for (int i = 0; i < devices; i++) {
      addRandomDevice(b, random, zones);
    }
    Instant now = T0;
    b.rebalance(now);
    check(b, null, minPartHours, List.of());
    for (int step = 0; step < 6; step++) {
      Ring before = b.ring();
      List<Integer> removed = new ArrayList<>();
      switch (random.nextInt(3)) {
        case 0 -> addRandomDevice(b, random, zones + 1);
        case 1 -> {
          List<Device> present = b.devices();
          if (present.size() > 3) {
            int id = present.get(random.nextInt(present.size())).id();
            b.removeDevice(id);
            removed.add(id);
          }
        }
        default -> {
          List<Device> present = b.devices();
          b.setWeight(present.get(random.nextInt(present.size())).id(), 50 * random.nextInt(5));
        }
      }
      now = now.plus(Duration.ofMinutes(random.nextInt(90)));
      if (b.devices().stream().noneMatch(d -> d.weight() > 0 && !removed.contains(d.id()))) {
        b.setWeight(b.devices().stream().filter(d -> !removed.contains(d.id())).findFirst().orElseThrow().id(), 100);
      }
      b.rebalance(now);
      check(b, before, minPartHours, removed);
    }
  }

  private static void addRandomDevice(RingBuilder b, Random random, int zones) {
    int zone = 1 + random.nextInt(zones);
    b.addDevice(1 + zone / 3, zone, "10.0." + zone + "." + random.nextInt(3), 6000 + b.nextDeviceId(),
        "d" + b.nextDeviceId(), new double[] {50, 100, 100, 200}[random.nextInt(4)]);
  }

  private static void check(RingBuilder b, Ring before, int minPartHours, List<Integer> removed) {
    Ring ring = b.ring();
    long placeable = b.devices().stream().filter(d -> d.weight() > 0).count();
    for (int p = 0; p < ring.partitionCount(); p++) {
      List<Device> primaries = ring.primaries(p);
      // a device holds at most one replica of a partition when there are enough devices
      // (a draining weight-0 device may still hold one, so fewer weighted devices can mean more)
      assertThat(primaries.size()).isBetween((int) Math.min(3, placeable), 3);
      if (before != null && minPartHours > 0) {
        int changed = 0;
        boolean forced = false;
        for (int r = 0; r < 3; r++) {
          if (before.table()[r][p] != ring.table()[r][p]) {
            changed++;
            forced |= removed.contains((int) before.table()[r][p]);
          }
        }
        if (!forced) {
          assertThat(changed).as("replicas of partition %d moved in one rebalance", p).isLessThanOrEqualTo(1);
        }
      }
    }
    for (int id : removed) {
      assertThat(ring.device(id)).isEmpty();
    }
  }
}
