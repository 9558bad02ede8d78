package io.zerostore.common.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReloadingRingTest {
  @TempDir
  Path dir;

  private static Ring oneDevice(String name) {
    return Ring.of(List.of(Device.of(0, 1, 1, "127.0.0.1", 6010, name, 1)), new int[][] {{0, 0}}, 1);
  }

  @Test
  void picksUpAChangedFileInTheBackground() throws Exception {
    Path file = dir.resolve("object.ring.gz");
    RingFile.write(oneDevice("first"), file);
    ReloadingRing ring = ReloadingRing.open(file, Duration.ZERO);
    assertThat(ring.current().device(0).orElseThrow().device()).isEqualTo("first");

    RingFile.write(oneDevice("second"), file);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!ring.current().device(0).orElseThrow().device().equals("second") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(ring.current().device(0).orElseThrow().device()).isEqualTo("second");
  }

  @Test
  void checksAtMostOncePerInterval() throws IOException {
    Path file = dir.resolve("object.ring.gz");
    RingFile.write(oneDevice("first"), file);
    ReloadingRing ring = ReloadingRing.open(file, Duration.ofHours(1));
    Ring before = ring.current();
    RingFile.write(oneDevice("second"), file);
    assertThat(ring.current()).isSameAs(before);
    assertThat(ring.reloadIfChanged()).isTrue();
    assertThat(ring.current().device(0).orElseThrow().device()).isEqualTo("second");
    assertThat(ring.reloadIfChanged()).isFalse();
  }

  @Test
  void keepsTheOldRingWhenTheNewFileIsBroken() throws IOException {
    Path file = dir.resolve("object.ring.gz");
    RingFile.write(oneDevice("first"), file);
    ReloadingRing ring = ReloadingRing.open(file, Duration.ofHours(1));
    Files.writeString(file, "garbage that is not a ring");
    assertThat(ring.reloadIfChanged()).isFalse();
    assertThat(ring.current().device(0).orElseThrow().device()).isEqualTo("first");
  }
}
