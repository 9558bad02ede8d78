package io.zerostore.common.ring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The builder's own file (not Swift's pickle): indented JSON with the parameters, the devices
 * (null for free ids), the ids marked for removal, and, once rebalanced, the assignment table
 * (one base64 string of uint16 big-endian device ids per replica, 65535 for "unplaced") and each
 * partition's last move (base64 of int32 big-endian minutes since the epoch).
 */
final class BuilderFile {
  static final String FORMAT = "zerostore-ring-builder";
  static final int FORMAT_VERSION = 1;
  private static final int NONE_ON_DISK = 0xFFFF;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BuilderFile() {
  }

  static void write(RingBuilder b, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("format_version", FORMAT_VERSION);
    root.put("part_power", b.partPower());
    root.put("replicas", b.replicas());
    root.put("min_part_hours", b.minPartHours());
    root.put("version", b.version());
    ArrayNode devs = root.putArray("devs");
    for (Device d : b.devicesWithHoles()) {
      if (d == null) {
        devs.addNull();
      } else {
        devs.addObject()
            .put("id", d.id()).put("region", d.region()).put("zone", d.zone())
            .put("ip", d.ip()).put("port", d.port())
            .put("replication_ip", d.replicationIp()).put("replication_port", d.replicationPort())
            .put("device", d.device()).put("weight", d.weight()).put("meta", d.meta());
      }
    }
    ArrayNode removing = root.putArray("removing");
    b.removing().forEach(removing::add);
    if (b.table() != null) {
      ArrayNode rows = root.putArray("replica2part2dev");
      for (int[] row : b.table()) {
        ByteBuffer buf = ByteBuffer.allocate(row.length * 2);
        for (int d : row) {
          buf.putChar((char) (d == Rebalancer.NONE ? NONE_ON_DISK : d));
        }
        rows.add(Base64.getEncoder().encodeToString(buf.array()));
      }
      ByteBuffer moved = ByteBuffer.allocate(b.lastMovedMinute().length * 4);
      for (int minute : b.lastMovedMinute()) {
        moved.putInt(minute);
      }
      root.put("last_moved_minutes", Base64.getEncoder().encodeToString(moved.array()));
    }
    byte[] bytes = JSON.writeValueAsBytes(root);
    AtomicFiles.write(file, out -> out.write(bytes));
  }

  static RingBuilder read(Path file) throws IOException {
    JsonNode root = JSON.readTree(Files.readAllBytes(file));
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new RingFileException(file + ": not a " + FORMAT + " file");
    }
    if (root.path("format_version").asInt() != FORMAT_VERSION) {
      throw new RingFileException(file + ": unsupported builder format version " + root.path("format_version"));
    }
    try {
      int partPower = root.get("part_power").asInt();
      int replicas = root.get("replicas").asInt();
      List<Device> devs = new ArrayList<>();
      for (JsonNode d : root.get("devs")) {
        devs.add(d.isNull() ? null : new Device(d.get("id").asInt(), d.get("region").asInt(), d.get("zone").asInt(),
            d.get("ip").asText(), d.get("port").asInt(), d.get("replication_ip").asText(),
            d.get("replication_port").asInt(), d.get("device").asText(), d.get("weight").asDouble(),
            d.get("meta").asText()));
      }
      List<Integer> removing = new ArrayList<>();
      root.path("removing").forEach(n -> removing.add(n.asInt()));
      int[][] table = null;
      int[] lastMoved = null;
      if (root.hasNonNull("replica2part2dev")) {
        int parts = 1 << partPower;
        table = new int[replicas][parts];
        for (int r = 0; r < replicas; r++) {
          ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(root.get("replica2part2dev").get(r).asText()));
          for (int p = 0; p < parts; p++) {
            int d = buf.getChar();
            table[r][p] = d == NONE_ON_DISK ? Rebalancer.NONE : d;
          }
        }
        ByteBuffer moved = ByteBuffer.wrap(Base64.getDecoder().decode(root.get("last_moved_minutes").asText()));
        lastMoved = new int[parts];
        for (int p = 0; p < parts; p++) {
          lastMoved[p] = moved.getInt();
        }
      }
      return RingBuilder.restore(partPower, replicas, root.get("min_part_hours").asInt(), root.get("version").asLong(),
          devs, removing, table, lastMoved);
    } catch (NullPointerException | IllegalArgumentException | java.nio.BufferUnderflowException | RingBuilderException e) {
      throw new RingFileException(file + ": corrupt builder file: " + e, e);
    }
  }
}
