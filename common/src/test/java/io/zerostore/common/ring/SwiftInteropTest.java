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
    assertSwiftAgrees(ring, dir, 97);
  }

  static void assertSwiftAgrees(Ring ring, Path dir, int samples) throws Exception {
    assumeTrue(python.isPresent(), "python3-swift is not installed");
    Path file = dir.resolve("object.ring.gz");
    RingFile.write(ring, file);
    int step = Math.max(1, ring.partitionCount() / samples);
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
  void swiftReadsRingsOurBuilderMade() throws Exception {
    RingBuilder b = RingBuilder.create(12, 3, 1);
    for (int zone = 1; zone <= 4; zone++) {
      for (int i = 0; i < 3; i++) {
        b.addDevice(new Device(b.nextDeviceId(), zone <= 2 ? 1 : 2, zone, "10.0." + zone + "." + i, 6200 + i,
            "10.1." + zone + "." + i, 6300 + i, "sd" + (char) ('a' + i), 100 + 10 * i, "zone " + zone));
      }
    }
    b.rebalance();
    b.removeDevice(4);
    b.pretendMinPartHoursPassed();
    b.rebalance();
    assertSwiftAgrees(b.ring(), dir);
  }

  /** Swift's own builder writes a ring; we read it and agree with Swift on primaries and handoffs. */
  @Test
  void weReadRingsSwiftsBuilderMade() throws Exception {
    assumeTrue(python.isPresent(), "python3-swift is not installed");
    Path file = dir.resolve("swift.ring.gz");
    String script = String.join("\n",
        "from swift.common.ring import RingBuilder",
        "b = RingBuilder(10, 3, 1)",
        "for i in range(9):",
        "    b.add_dev({'id': i, 'region': 1 + i // 6, 'zone': 1 + i // 3, 'ip': '10.0.0.%d' % (i // 3),",
        "               'port': 6200 + i, 'device': 'sd%d' % i, 'weight': 100.0 + i, 'meta': ''})",
        "b.rebalance(seed=7)",
        "b.get_ring().save(" + pythonString(file.toString()) + ")");
    Process p = new ProcessBuilder(python.get(), "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();

    Ring ring = Ring.load(file);
    assertThat(ring.partPower()).isEqualTo(10);
    assertThat(ring.devices()).hasSize(9);
    JsonNode swift = SwiftPython.dump(python.get(), file, dir, IntStream.range(0, 1024).filter(x -> x % 5 == 0).toArray());
    for (var it = swift.get("parts").fields(); it.hasNext(); ) {
      var e = it.next();
      int part = Integer.parseInt(e.getKey());
      assertThat(ids(ring.primaries(part))).isEqualTo(ids(e.getValue().get("primaries")));
      assertThat(ids(ring.handoffs(part))).isEqualTo(ids(e.getValue().get("handoffs")));
    }
  }

  private static String pythonString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Test
  void handoffWalkMatchesSwiftEvenWhenTheStrideSeesFewDevices() throws Exception {
    // A table with period 4: Swift's stride-4 walk only meets the devices of one residue class.
    assertSwiftAgrees(TestRings.periodic(18), dir, 9);
  }
}
