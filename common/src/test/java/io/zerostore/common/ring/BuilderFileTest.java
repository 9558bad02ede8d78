package io.zerostore.common.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderFileTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @TempDir
  Path dir;

  @Test
  void savedBuilderLoadsWithTheSameStateAndRebalancesTheSameWay() throws IOException {
    RingBuilder original = RingBuilderTest.twelveDevices(10, 1, true);
    original.rebalance(T0);
    original.removeDevice(3);
    original.addDevice(new Device(20, 2, 9, "10.9.0.1", 6200, "10.9.1.1", 6300, "sdz", 50, "rack 9"));
    Path file = dir.resolve("object.builder");
    original.save(file);

    RingBuilder loaded = RingBuilder.load(file);
    assertThat(loaded.partPower()).isEqualTo(10);
    assertThat(loaded.replicas()).isEqualTo(3);
    assertThat(loaded.minPartHours()).isEqualTo(1);
    assertThat(loaded.version()).isEqualTo(original.version());
    assertThat(loaded.devices()).isEqualTo(original.devices());
    assertThat(loaded.isMarkedForRemoval(3)).isTrue();
    assertThat(loaded.partitionsPerDevice()).isEqualTo(original.partitionsPerDevice());
    // last-moved times survived: within the hour nothing but the removed device's replicas moves
    Instant soon = T0.plus(Duration.ofMinutes(10));
    assertThat(loaded.minPartTimeLeft(soon)).isEqualTo(original.minPartTimeLeft(soon)).isEqualTo(Duration.ofMinutes(50));

    RebalanceResult a = original.rebalance(soon);
    RebalanceResult b = loaded.rebalance(soon);
    assertThat(b).isEqualTo(a);
    Ring ra = original.ring();
    Ring rb = loaded.ring();
    for (int r = 0; r < 3; r++) {
      assertThat(rb.table()[r]).isEqualTo(ra.table()[r]);
    }
  }

  @Test
  void builderNeverRebalancedRoundTrips() throws IOException {
    RingBuilder b = RingBuilder.create(8, 3, 0).addDevice(1, 1, "127.0.0.1", 6010, "d1", 1);
    Path file = dir.resolve("account.builder");
    b.save(file);
    RingBuilder loaded = RingBuilder.load(file);
    assertThat(loaded.hasBeenRebalanced()).isFalse();
    assertThat(loaded.devices()).isEqualTo(b.devices());
  }

  @Test
  void ringFileSitsNextToTheBuilder() {
    assertThat(RingBuilder.ringFileFor(Path.of("/etc/swift/object.builder"))).isEqualTo(Path.of("/etc/swift/object.ring.gz"));
    assertThat(RingBuilder.ringFileFor(Path.of("object-1.builder"))).isEqualTo(Path.of("object-1.ring.gz"));
  }

  @Test
  void rejectsOtherFiles() throws IOException {
    Path file = dir.resolve("x.builder");
    Files.writeString(file, "{\"format\": \"something else\"}");
    assertThatThrownBy(() -> RingBuilder.load(file)).isInstanceOf(RingFileException.class);
    Files.writeString(file, "{\"format\": \"zerostore-ring-builder\", \"format_version\": 1, \"part_power\": 4}");
    assertThatThrownBy(() -> RingBuilder.load(file)).isInstanceOf(RingFileException.class);
  }
}
