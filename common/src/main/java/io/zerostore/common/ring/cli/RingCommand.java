package io.zerostore.common.ring.cli;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.RebalanceResult;
import io.zerostore.common.ring.RingBuilder;
import io.zerostore.common.ring.RingBuilderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zerostore ring <builder-file> <command>}: swift-ring-builder's everyday commands on our
 * builder file; {@code rebalance} and {@code write_ring} write {@code <name>.ring.gz} next to it.
 * Without a command it shows the builder. Exit status: 0 done, 2 refused (message on stderr).
 */
@Command(name = "ring", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Create and change a ring builder and write its ring file (like swift-ring-builder).",
    subcommands = CommandLine.HelpCommand.class)
public final class RingCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int ERROR = 2;

  @Parameters(index = "0", paramLabel = "<builder-file>", description = "e.g. /etc/zerostore/object.builder")
  Path builderFile;

  @Spec
  CommandSpec spec;

  /** Runs the command by itself: {@code java ... RingCommand object.builder show}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new RingCommand()).execute(args));
  }

  @Override
  public Integer call() {
    return show();
  }

  @Command(name = "create", description = "Create a new builder file.")
  int create(@Parameters(index = "0", paramLabel = "<part_power>") int partPower,
             @Parameters(index = "1", paramLabel = "<replicas>") int replicas,
             @Parameters(index = "2", paramLabel = "<min_part_hours>") int minPartHours,
             @Option(names = "--force", description = "replace an existing builder file") boolean force) {
    return guarded(() -> {
      if (Files.exists(builderFile) && !force) {
        throw new RingBuilderException(builderFile + " exists; use --force to replace it");
      }
      RingBuilder.create(partPower, replicas, minPartHours).save(builderFile);
      out().printf("Created %s: %d partitions, %d replicas, min_part_hours %d%n", builderFile, 1 << partPower, replicas, minPartHours);
    });
  }

  @Command(name = "add", description = {"Add devices: add <device> <weight> [<device> <weight>...]",
      "  <device> is [r<region>]z<zone>-<ip>:<port>[R<ip>:<port>]/<name>[_<meta>], e.g. r1z1-127.0.0.1:6010/d1",
      "or add one device with the options."})
  int add(@Parameters(arity = "0..*", paramLabel = "<device> <weight>") List<String> pairs,
          @Option(names = "--region", defaultValue = "1") int region,
          @Option(names = "--zone") Integer zone,
          @Option(names = "--ip") String ip,
          @Option(names = "--port") Integer port,
          @Option(names = "--replication-ip") String replicationIp,
          @Option(names = "--replication-port", defaultValue = "0") int replicationPort,
          @Option(names = "--device") String device,
          @Option(names = "--weight") Double weight,
          @Option(names = "--meta", defaultValue = "") String meta) {
    return guarded(() -> {
      RingBuilder b = RingBuilder.load(builderFile);
      List<Device> added = new ArrayList<>();
      List<String> args = pairs == null ? List.of() : pairs;
      if (ip != null || zone != null || device != null) {
        if (!args.isEmpty() || zone == null || ip == null || port == null || device == null || weight == null) {
          throw new RingBuilderException("with options, give --zone, --ip, --port, --device and --weight (and no positional values)");
        }
        added.add(new Device(b.nextDeviceId(), region, zone, ip, port, replicationIp, replicationPort, device, weight, meta));
        b.addDevice(added.get(0));
      } else {
        if (args.isEmpty() || args.size() % 2 != 0) {
          throw new RingBuilderException("give <device> <weight> pairs, e.g. add r1z1-127.0.0.1:6010/d1 100");
        }
        for (int i = 0; i < args.size(); i += 2) {
          Device d = DeviceSpec.parse(args.get(i)).toDevice(b.nextDeviceId(), parseWeight(args.get(i + 1)));
          b.addDevice(d);
          added.add(d);
        }
      }
      b.save(builderFile);
      for (Device d : added) {
        out().printf("Device %s with %s weight got id %d%n", describe(d), weightText(d.weight()), d.id());
      }
    });
  }

  @Command(name = "remove", description = "Mark a device for removal; the next rebalance moves its partitions away.")
  int remove(@Parameters(paramLabel = "<id>", description = "device id, e.g. 3 or d3") String id) {
    return guarded(() -> {
      RingBuilder b = RingBuilder.load(builderFile);
      int devId = parseId(id);
      b.removeDevice(devId);
      b.save(builderFile);
      out().printf("Device %s marked for removal and will be removed next rebalance.%n", describe(b.device(devId).orElseThrow()));
    });
  }

  @Command(name = "set_weight", description = "Change a device's weight (0 drains it).")
  int setWeight(@Parameters(index = "0", paramLabel = "<id>") String id,
                @Parameters(index = "1", paramLabel = "<weight>") String weight) {
    return guarded(() -> {
      RingBuilder b = RingBuilder.load(builderFile);
      int devId = parseId(id);
      b.setWeight(devId, parseWeight(weight));
      b.save(builderFile);
      out().printf("%s weight set to %s%n", describe(b.device(devId).orElseThrow()), weightText(parseWeight(weight)));
    });
  }

  @Command(name = "set_min_part_hours", description = "Change min_part_hours.")
  int setMinPartHours(@Parameters(paramLabel = "<hours>") int hours) {
    return guarded(() -> {
      RingBuilder b = RingBuilder.load(builderFile);
      b.setMinPartHours(hours).save(builderFile);
      out().printf("The minimum number of hours before a partition can be reassigned is now set to %d%n", hours);
    });
  }

  @Command(name = "rebalance", description = "Assign partitions to devices and write the ring file.")
  int rebalance() {
    return guarded(() -> {
      RingBuilder b = RingBuilder.load(builderFile);
      RebalanceResult r = b.rebalance();
      b.save(builderFile);
      Path ring = RingBuilder.ringFileFor(builderFile);
      b.writeRing(ring);
      int slots = b.partitionCount() * b.replicas();
      out().printf(Locale.ROOT, "Reassigned %d (%.2f%%) partitions. Balance is now %.2f.%n", r.movedReplicas(),
          100.0 * r.movedReplicas() / slots, r.balance());
      if (r.balance() > 1 && b.minPartHours() > 0 && !b.minPartTimeLeft(java.time.Instant.now()).isZero()) {
        out().printf("NOTE: balance %.2f: push this ring, wait at least %d hours (min_part_hours), then rebalance again.%n",
            r.balance(), b.minPartHours());
      }
      out().printf("Wrote %s%n", ring);
    });
  }

  @Command(name = "write_ring", description = "Write the ring file from the builder's current assignment.")
  int writeRing() {
    return guarded(() -> {
      Path ring = RingBuilder.ringFileFor(builderFile);
      RingBuilder.load(builderFile).writeRing(ring);
      out().printf("Wrote %s%n", ring);
    });
  }

  @Command(name = "pretend_min_part_hours_passed", description = "Let the next rebalance move any partition.")
  int pretendMinPartHoursPassed() {
    return guarded(() -> {
      RingBuilder.load(builderFile).pretendMinPartHoursPassed().save(builderFile);
      out().println("Partitions may now move at the next rebalance.");
    });
  }

  @Command(name = "show", description = "Show the builder: parameters, devices, partitions held and balance.")
  int show() {
    return guarded(() -> BuilderReport.print(builderFile, RingBuilder.load(builderFile), out()));
  }

  private interface Action {
    void run() throws IOException;
  }

  /** Turns refusals into a message and exit status 2, whatever launcher runs this command. */
  private int guarded(Action action) {
    try {
      action.run();
      return OK;
    } catch (RingBuilderException | IOException e) {
      String message = e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage();
      spec.commandLine().getErr().println("ring: " + message);
      return ERROR;
    } finally {
      out().flush();
    }
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  static int parseId(String id) {
    String digits = id.startsWith("d") ? id.substring(1) : id;
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new RingBuilderException("bad device id '" + id + "' (use a number, e.g. 3 or d3)");
    }
  }

  static double parseWeight(String weight) {
    try {
      return Double.parseDouble(weight);
    } catch (NumberFormatException e) {
      throw new RingBuilderException("bad weight '" + weight + "'");
    }
  }

  static String weightText(double weight) {
    return String.format(Locale.ROOT, "%.2f", weight);
  }

  /** A device in swift-ring-builder's notation, e.g. {@code d0r1z1-127.0.0.1:6010R127.0.0.1:6010/d1_""}. */
  static String describe(Device d) {
    return String.format(Locale.ROOT, "d%dr%dz%d-%s:%dR%s:%d/%s_\"%s\"", d.id(), d.region(), d.zone(), bracket(d.ip()),
        d.port(), bracket(d.replicationIp()), d.replicationPort(), d.device(), d.meta());
  }

  static String bracket(String ip) {
    return ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
  }
}
