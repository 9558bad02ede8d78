package io.zerostore.common.ring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.ring.RingBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RingCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ring(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return new CommandLine(new RingCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void createAddRebalanceShowWritesARingServersCanLoad() throws Exception {
    String builder = dir.resolve("object.builder").toString();
    assertThat(ring(builder, "create", "8", "3", "1")).isZero();
    assertThat(ring(builder, "add", "r1z1-127.0.0.1:6010/d1", "100", "r1z2-127.0.0.1:6020/d2", "100")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Device d0r1z1-127.0.0.1:6010R127.0.0.1:6010/d1_\"\" with 100.00 weight got id 0")
        .contains("got id 1");
    assertThat(ring(builder, "add", "--zone", "3", "--ip", "127.0.0.1", "--port", "6030", "--device", "d3",
        "--weight", "100", "--meta", "third")).as(err.toString()).isZero();
    assertThat(ring(builder, "rebalance")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Reassigned 768 (100.00%) partitions. Balance is now 0.00.");

    Ring loaded = Ring.load(dir.resolve("object.ring.gz"));
    assertThat(loaded.partPower()).isEqualTo(8);
    assertThat(loaded.devices()).extracting(Device::device).containsExactly("d1", "d2", "d3");
    assertThat(loaded.device(2).orElseThrow().meta()).isEqualTo("third");
    for (int p = 0; p < loaded.partitionCount(); p++) {
      assertThat(loaded.primaries(p)).hasSize(3);
    }

    assertThat(ring(builder, "show")).isZero();
    assertThat(out.toString()).contains("object.builder, build version")
        .contains("256 partitions, 3.000000 replicas, 1 regions, 3 zones, 3 devices, 0.00 balance")
        .contains("minimum number of hours before a partition can be reassigned is 1", "Ring file object.ring.gz exists")
        .containsPattern("\\s0\\s+1\\s+1\\s+127\\.0\\.0\\.1:6010\\s+127\\.0\\.0\\.1:6010\\s+d1\\s+100\\.00\\s+256\\s+0\\.00");
    assertThat(ring(builder)).isZero(); // no command: show
    assertThat(out.toString()).contains("256 partitions");
  }

  @Test
  void removeAndSetWeightTakeEffectAtTheNextRebalance() throws Exception {
    Path builder = dir.resolve("container.builder");
    ring(builder.toString(), "create", "6", "3", "0");
    ring(builder.toString(), "add", "z1-127.0.0.1:6010/d1", "1", "z2-127.0.0.1:6020/d2", "1",
        "z3-127.0.0.1:6030/d3", "1", "z4-127.0.0.1:6040/d4", "1", "z5-127.0.0.1:6050/d5", "1");
    assertThat(ring(builder.toString(), "rebalance")).isZero();

    assertThat(ring(builder.toString(), "remove", "d4")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("marked for removal");
    assertThat(ring(builder.toString(), "show")).isZero();
    assertThat(out.toString()).contains("DEL");
    assertThat(ring(builder.toString(), "set_weight", "0", "0.5")).as(err.toString()).isZero();
    assertThat(ring(builder.toString(), "rebalance")).isZero();

    RingBuilder b = RingBuilder.load(builder);
    assertThat(b.device(4)).isEmpty();
    assertThat(b.partitionsPerDevice()).containsOnlyKeys(0, 1, 2, 3);
    // 192 replicas, device 0 has 0.5 of 3.5 weight: 27.4
    assertThat(b.partitionsPerDevice().get(0)).isBetween(27, 28);
    assertThat(Ring.load(dir.resolve("container.ring.gz")).device(4)).isEmpty();
  }

  @Test
  void refusalsPrintAMessageAndExitWithTwo() throws Exception {
    String builder = dir.resolve("account.builder").toString();
    assertThat(ring(builder, "show")).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
    ring(builder, "create", "4", "3", "1");
    assertThat(ring(builder, "create", "4", "3", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--force");
    assertThat(ring(builder, "add", "nonsense", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid device 'nonsense'");
    assertThat(ring(builder, "add", "z1-127.0.0.1:6010/d1")).isEqualTo(2);
    assertThat(ring(builder, "remove", "7")).isEqualTo(2);
    assertThat(err.toString()).contains("no device with id 7");
    assertThat(ring(builder, "rebalance")).isEqualTo(2);
    assertThat(err.toString()).contains("weight");
    assertThat(Files.exists(dir.resolve("account.ring.gz"))).isFalse();
    assertThat(ring(builder, "create", "4", "3", "1", "--force")).isZero();
  }

  @Test
  void worksAsASubcommandOfALauncher() {
    @CommandLine.Command(name = "zerostore")
    class Launcher {
    }
    CommandLine launcher = new CommandLine(new Launcher()).addSubcommand(new RingCommand());
    launcher.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    Path builder = dir.resolve("object.builder");
    assertThat(launcher.execute("ring", builder.toString(), "create", "4", "1", "0")).isZero();
    assertThat(launcher.execute("ring", builder.toString(), "add", "z1-127.0.0.1:6010/d1", "1")).isZero();
    assertThat(launcher.execute("ring", builder.toString(), "rebalance")).isZero();
    assertThat(out.toString()).contains("Reassigned 16 (100.00%) partitions");
    assertThat(List.of(dir.resolve("object.ring.gz").toFile().exists())).containsExactly(true);
  }
}
