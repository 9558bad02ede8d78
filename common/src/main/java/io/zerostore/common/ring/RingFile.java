package io.zerostore.common.ring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Swift's ring file format, version 1: {@code gzip(b"R1NG" + uint16 BE 1 + uint32 BE json length +
 * json + replica2part2dev rows)}. The JSON (sorted keys, ASCII, Python's {@code ", "}/{@code ": "}
 * separators) holds {@code byteorder}, {@code devs} (null for removed ids), {@code part_shift},
 * {@code replica_count} and {@code version}; each row is {@code 2^part_power} uint16 device ids in
 * {@code byteorder}, the last row possibly shorter. Files Swift writes load here and files written
 * here load in Swift.
 */
public final class RingFile {
  private static final byte[] MAGIC = "R1NG".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT_VERSION = 1;
  /** Java arrays cannot hold 2^31 entries; real rings stay far below this. */
  private static final int MAX_SUPPORTED_PART_POWER = 30;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();

  private RingFile() {
  }

  public static Ring read(Path ringGz) throws IOException {
    try (InputStream in = Files.newInputStream(ringGz)) {
      return read(in, ringGz.toString());
    }
  }

  /** Reads a ring from a gzip stream; {@code source} names it in error messages. */
  public static Ring read(InputStream gzipped, String source) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(gzipped, 65536), 65536))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new RingFileException(source + ": not a ring file (no R1NG magic; pickled rings are not supported)");
      }
      int formatVersion = in.readUnsignedShort();
      if (formatVersion != FORMAT_VERSION) {
        throw new RingFileException(source + ": unknown ring format version " + formatVersion);
      }
      long jsonLength = Integer.toUnsignedLong(in.readInt());
      byte[] json = in.readNBytes((int) Math.min(jsonLength, Integer.MAX_VALUE));
      if (json.length != jsonLength) {
        throw new RingFileException(source + ": truncated ring metadata");
      }
      JsonNode meta = JSON.readTree(json);
      int partShift = required(meta, "part_shift", source).asInt();
      if (partShift < 32 - MAX_SUPPORTED_PART_POWER || partShift > 32) {
        throw new RingFileException(source + ": unsupported part_shift " + partShift);
      }
      int replicaCount = required(meta, "replica_count", source).asInt();
      ByteOrder order = "big".equals(meta.path("byteorder").asText("little")) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      Device[] devs = readDevices(required(meta, "devs", source), source);
      int parts = 1 << (32 - partShift);
      char[][] table = new char[replicaCount][];
      for (int r = 0; r < replicaCount; r++) {
        byte[] raw = in.readNBytes(2 * parts);
        boolean last = r == replicaCount - 1;
        if (raw.length % 2 != 0 || (raw.length != 2 * parts && !last)) {
          throw new RingFileException(source + ": truncated replica row " + r);
        }
        table[r] = new char[raw.length / 2];
        ByteBuffer.wrap(raw).order(order).asCharBuffer().get(table[r]);
      }
      OptionalLong version = meta.hasNonNull("version") ? OptionalLong.of(meta.get("version").asLong()) : OptionalLong.empty();
      try {
        return new Ring(devs, table, partShift, version);
      } catch (IllegalArgumentException e) {
        throw new RingFileException(source + ": " + e.getMessage(), e);
      }
    } catch (EOFException e) {
      throw new RingFileException(source + ": truncated ring file", e);
    }
  }

  private static JsonNode required(JsonNode meta, String field, String source) throws RingFileException {
    JsonNode node = meta.get(field);
    if (node == null || node.isNull()) {
      throw new RingFileException(source + ": ring metadata lacks '" + field + "'");
    }
    return node;
  }

  private static Device[] readDevices(JsonNode devs, String source) throws RingFileException {
    List<Device> out = new ArrayList<>();
    for (JsonNode d : devs) {
      if (d == null || d.isNull()) {
        out.add(null);
        continue;
      }
      try {
        String ip = d.get("ip").asText();
        int port = d.get("port").asInt();
        out.add(new Device(d.get("id").asInt(), d.path("region").asInt(1), d.get("zone").asInt(), ip, port,
            d.path("replication_ip").asText(ip), d.path("replication_port").asInt(port),
            d.get("device").asText(), d.get("weight").asDouble(), d.path("meta").asText("")));
      } catch (NullPointerException | IllegalArgumentException e) {
        throw new RingFileException(source + ": bad device entry " + d, e);
      }
    }
    return out.toArray(new Device[0]);
  }

  /** Writes the ring atomically (temp file in the same directory, fsync, rename, fsync directory). */
  public static void write(Ring ring, Path ringGz) throws IOException {
    AtomicFiles.write(ringGz, out -> write(ring, out));
  }

  /** Writes the gzip-compressed ring to a stream (the stream is finished but not closed). */
  public static void write(Ring ring, OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, 65536);
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip, 65536));
    data.write(MAGIC);
    data.writeShort(FORMAT_VERSION);
    byte[] json = metadataJson(ring);
    data.writeInt(json.length);
    data.write(json);
    for (char[] row : ring.table()) {
      ByteBuffer buf = ByteBuffer.allocate(row.length * 2).order(ByteOrder.LITTLE_ENDIAN);
      buf.asCharBuffer().put(row);
      data.write(buf.array());
    }
    data.flush();
    gzip.finish();
  }

  static byte[] metadataJson(Ring ring) throws IOException {
    Map<String, Object> meta = new TreeMap<>();
    meta.put("byteorder", "little");
    List<Map<String, Object>> devs = new ArrayList<>();
    for (int id = 0; id < ring.deviceSlots(); id++) {
      devs.add(deviceJson(ring.deviceAt(id)));
    }
    meta.put("devs", devs);
    meta.put("part_shift", ring.partShift());
    meta.put("replica_count", ring.replicaCount());
    ring.version().ifPresent(v -> meta.put("version", v));
    return JSON.writer(new PythonJsonSeparators()).writeValueAsBytes(meta);
  }

  private static Map<String, Object> deviceJson(Device d) {
    if (d == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    // Sorted by key, as Python's json.dumps(sort_keys=True) writes them.
    m.put("device", d.device());
    m.put("id", d.id());
    m.put("ip", d.ip());
    m.put("meta", d.meta());
    m.put("port", d.port());
    m.put("region", d.region());
    m.put("replication_ip", d.replicationIp());
    m.put("replication_port", d.replicationPort());
    m.put("weight", d.weight());
    m.put("zone", d.zone());
    return m;
  }

  /** Python's default {@code json.dumps} separators, so our metadata reads like Swift's. */
  private static final class PythonJsonSeparators extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }
}
