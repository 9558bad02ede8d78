package io.zerostore.common.ring.cli;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.RingBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code show} report, laid out like swift-ring-builder's. */
final class BuilderReport {
  private BuilderReport() {
  }

  static void print(Path builderFile, RingBuilder b, PrintWriter out) {
    List<Device> devices = b.devices();
    long regions = devices.stream().map(Device::region).distinct().count();
    long zones = devices.stream().map(d -> List.of(d.region(), d.zone())).distinct().count();
    out.printf(Locale.ROOT, "%s, build version %d%n", builderFile.getFileName(), b.version());
    out.printf(Locale.ROOT, "%d partitions, %.6f replicas, %d regions, %d zones, %d devices, %.2f balance%n",
        b.partitionCount(), (double) b.replicas(), regions, zones, devices.size(), b.hasBeenRebalanced() ? b.balance() : 0.0);
    Duration left = b.minPartTimeLeft(Instant.now());
    out.printf(Locale.ROOT, "The minimum number of hours before a partition can be reassigned is %d (%d:%02d:%02d remaining)%n",
        b.minPartHours(), left.toHours(), left.toMinutesPart(), left.toSecondsPart());
    Path ring = RingBuilder.ringFileFor(builderFile);
    out.println(!b.hasBeenRebalanced() ? "The builder has not been rebalanced yet"
        : Files.exists(ring) ? "Ring file " + ring.getFileName() + " exists" : "Ring file " + ring.getFileName() + " not found");
    out.println("Devices:   id region zone      ip address:port  replication ip:port   name weight partitions balance flags meta");
    Map<Integer, Integer> held = b.partitionsPerDevice();
    for (Device d : devices) {
      String address = RingCommand.bracket(d.ip()) + ":" + d.port();
      String replication = RingCommand.bracket(d.replicationIp()) + ":" + d.replicationPort();
      out.printf(Locale.ROOT, "         %4d %6d %4d %22s %20s %6s %6.2f %10d %7.2f %5s %s%n", d.id(), d.region(), d.zone(),
          address, replication, d.device(), d.weight(), held.getOrDefault(d.id(), 0), b.balanceOf(d.id()),
          b.isMarkedForRemoval(d.id()) ? "DEL" : "", d.meta());
    }
  }
}
