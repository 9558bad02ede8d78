package io.zerostore.common.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden test against OpenStack Swift 2.30's own {@code Ring} class: Swift must load our ring file
 * and agree with us on devices, primaries and the handoff order. Skipped (not failed) when
 * python3-swift is not installed ({@code apt-get install -y python3-swift}).
 */
@Timeout(120)
class SwiftInteropTest {
  private static Optional<String> python;

  @TempDir
  Path dir;

  @BeforeAll
  static void findSwift() {
    python = SwiftPython.interpreter();
  }

  static List<Integer> ids(Iterable<Device> devices) {
    List<Integer> out = new ArrayList<>();
    devices.forEach(d -> out.add(d.id()));
    return out;
  }

  static List<Integer> ids(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }

  static void assertSwiftAgrees(Ring ring, Path dir) throws Exception {
    assumeTrue(python.isPresent(), "python3-swift is not installed");
    Path file = dir.resolve("object.ring.gz");
    RingFile.write(ring, file);
    int step = Math.max(1, ring.partitionCount() / 97);
    int[] parts = IntStream.range(0, ring.partitionCount()).filter(p -> p % step == 0 || p == ring.partitionCount() - 1).toArray();
    JsonNode swift = SwiftPython.dump(python.get(), file, dir, parts);

    assertThat(swift.get("part_power").asInt()).isEqualTo(ring.partPower());
    assertThat(swift.get("partition_count").asInt()).isEqualTo(ring.partitionCount());
    assertThat(swift.get("replica_count").asDouble()).isEqualTo(ring.replicaCount());
    for (Device d : ring.devices()) {
      JsonNode sd = swift.get("devs").get(d.id());
      assertThat(new Device(sd.get("id").asInt(), sd.get("region").asInt(), sd.get("zone").asInt(), sd.get("ip").asText(),
          sd.get("port").asInt(), sd.get("replication_ip").asText(), sd.get("replication_port").asInt(),
          sd.get("device").asText(), sd.get("weight").asDouble(), sd.get("meta").asText())).isEqualTo(d);
    }
    assertThat(swift.get("parts").findValues("handoffs")).as("Swift found handoffs").anyMatch(h -> h.size() > 0);
    for (int p : parts) {
      JsonNode sp = swift.get("parts").get(Integer.toString(p));
      assertThat(ids(ring.primaries(p))).as("primaries of %d", p).isEqualTo(ids(sp.get("primaries")));
      assertThat(ids(ring.handoffs(p))).as("handoffs of %d", p).isEqualTo(ids(sp.get("handoffs")));
    }
  }

  @Test
  void swiftReadsOurHandMadeRingTheWayWeDo() throws Exception {
    assertSwiftAgrees(TestRings.twelveDevices(8), dir);
  }

  @Test
  void handoffWalkMatchesSwiftWhenItStridesOverPartitions() throws Exception {
    // 2^18 partitions: Swift walks with a stride of parts / 65536 = 4 and an odd wrap-around start.
    assertSwiftAgrees(TestRings.twelveDevices(18), dir);
  }

  @Test
  void handoffWalkMatchesSwiftEvenWhenTheStrideSeesFewDevices() throws Exception {
    // A table with period 4: Swift's stride-4 walk only meets the devices of one residue class.
    assertSwiftAgrees(TestRings.periodic(18), dir);
  }
}
