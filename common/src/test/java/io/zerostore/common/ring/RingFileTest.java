package io.zerostore.common.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingFileTest {
  @TempDir
  Path dir;

  @Test
  void roundTripKeepsDevicesHolesAndTable() throws IOException {
    Ring ring = TestRings.twelveDevices(8);
    Path file = dir.resolve("object.ring.gz");
    RingFile.write(ring, file);
    Ring back = Ring.load(file);
    assertThat(back.partPower()).isEqualTo(8);
    assertThat(back.replicaCount()).isEqualTo(3);
    assertThat(back.devices()).isEqualTo(ring.devices());
    assertThat(back.device(12)).isEmpty();
    for (int p = 0; p < ring.partitionCount(); p++) {
      assertThat(back.primaries(p)).isEqualTo(ring.primaries(p));
    }
    assertThat(Files.list(dir)).containsExactly(file); // no temp file left behind
  }

  @Test
  void metadataIsSortedAsciiJsonLikePythons() throws IOException {
    Ring ring = Ring.of(java.util.List.of(new Device(0, 1, 2, "::1", 6010, "::1", 6020, "sdb1", 100, "ünï")),
        new int[][] {{0, 0}}, 1);
    String json = new String(RingFile.metadataJson(ring), StandardCharsets.US_ASCII);
    assertThat(json).isEqualTo("{\"byteorder\": \"little\", \"devs\": [{\"device\": \"sdb1\", \"id\": 0, \"ip\": \"::1\", "
        + "\"meta\": \"\\u00FCn\\u00EF\", \"port\": 6010, \"region\": 1, \"replication_ip\": \"::1\", "
        + "\"replication_port\": 6020, \"weight\": 100.0, \"zone\": 2}], \"part_shift\": 31, \"replica_count\": 1}");
  }

  @Test
  void readsBigEndianTablesShortLastRowsAndSwiftDefaults() throws IOException {
    // A fractional-replica ring (1.5 replicas) as Swift on a big-endian host would write it,
    // with a device lacking region/replication fields (old rings).
    String json = "{\"byteorder\": \"big\", \"devs\": [{\"device\": \"sda\", \"id\": 0, \"ip\": \"10.0.0.1\", "
        + "\"port\": 6000, \"weight\": 1, \"zone\": 1}, null, {\"device\": \"sdb\", \"id\": 2, \"ip\": \"10.0.0.2\", "
        + "\"port\": 6000, \"weight\": 1.5, \"zone\": 2, \"region\": 3}], \"part_shift\": 30, \"replica_count\": 2, \"version\": 7}";
    Path file = dir.resolve("r.ring.gz");
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
      out.writeBytes("R1NG");
      out.writeShort(1);
      byte[] j = json.getBytes(StandardCharsets.US_ASCII);
      out.writeInt(j.length);
      out.write(j);
      for (int id : new int[] {0, 2, 0, 2}) {
        out.writeShort(id);
      }
      out.writeShort(2);
      out.writeShort(0);
    }
    Ring ring = Ring.load(file);
    assertThat(ring.partPower()).isEqualTo(2);
    assertThat(ring.version()).hasValue(7);
    assertThat(ring.primaries(0)).extracting(Device::id).containsExactly(0, 2);
    assertThat(ring.primaries(1)).extracting(Device::id).containsExactly(2, 0);
    assertThat(ring.primaries(2)).extracting(Device::id).containsExactly(0);
    Device d0 = ring.device(0).orElseThrow();
    assertThat(d0.region()).isEqualTo(1);
    assertThat(d0.replicationIp()).isEqualTo("10.0.0.1");
    assertThat(d0.replicationPort()).isEqualTo(6000);
    assertThat(d0.meta()).isEmpty();
    assertThat(ring.device(2).orElseThrow().region()).isEqualTo(3);
  }

  @Test
  void rejectsFilesThatAreNotRings() throws IOException {
    Path notGzip = dir.resolve("a.ring.gz");
    Files.writeString(notGzip, "hello");
    assertThatThrownBy(() -> Ring.load(notGzip)).isInstanceOf(IOException.class);

    Path badMagic = dir.resolve("b.ring.gz");
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(raw)) {
      gz.write("PICKLE".getBytes(StandardCharsets.US_ASCII));
    }
    Files.write(badMagic, raw.toByteArray());
    assertThatThrownBy(() -> Ring.load(badMagic)).isInstanceOf(RingFileException.class).hasMessageContaining("magic");

    Path truncated = dir.resolve("c.ring.gz");
    ByteArrayOutputStream full = new ByteArrayOutputStream();
    RingFile.write(TestRings.twelveDevices(6), full);
    ByteArrayOutputStream cut = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(cut)) {
      byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(full.toByteArray())).readAllBytes();
      gz.write(plain, 0, plain.length - 64 * 2 - 10); // ends inside the second of three rows
    }
    Files.write(truncated, cut.toByteArray());
    assertThatThrownBy(() -> Ring.load(truncated)).isInstanceOf(RingFileException.class).hasMessageContaining("truncated");
  }
}
