package io.zerostore.node.diskfile;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.testkit.TestDirs;
import io.zerostore.node.testkit.TestNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DiskFile contract on real files: states, newest-wins, .meta overlay, quarantine, cleanup. */
class LocalDiskFileTest {
    private Path root;
    private LocalDiskFileManager manager;

    @BeforeEach
    void setUp() throws Exception {
        root = TestDirs.create("diskfile");
        Files.createDirectories(root.resolve("sda"));
        manager = new LocalDiskFileManager(DiskFileConfig.defaults(root), TestNode.HASH_PATH);
    }

    @AfterEach
    void tearDown() {
        TestDirs.delete(root);
    }

    private static ObjectMetadata meta(String ts, long length, String etag, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ObjectMetadata.TIMESTAMP, ts);
        m.put(ObjectMetadata.CONTENT_TYPE, "text/plain");
        m.put(ObjectMetadata.CONTENT_LENGTH, Long.toString(length));
        m.put(ObjectMetadata.ETAG, etag);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ObjectMetadata.of(m);
    }

    private DiskFile put(DiskFile f, String ts, String body, String... kv) throws Exception {
        try (DiskFileWriter w = f.create(body.length())) {
            ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer();
            direct.writeBytes(body.substring(0, body.length() / 2).getBytes(StandardCharsets.UTF_8));
            ByteBuf heap = Unpooled.wrappedBuffer(body.substring(body.length() / 2).getBytes(StandardCharsets.UTF_8));
            w.write(direct);
            w.write(heap);
            direct.release();
            w.commit(meta(ts, w.bytesWritten(), w.etag(), kv));
        }
        return f;
    }

    private static String read(StoredObject o) throws Exception {
        ByteBuffer b = ByteBuffer.allocate((int) o.contentLength());
        o.channel().read(b, 0);
        return new String(b.array(), StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void statesFollowSwiftRules() throws Exception {
        DiskFile f = manager.get("sda", 3, "a", "c", "o");
        assertThat(f.read(0)).isInstanceOf(ObjectState.Missing.class);
        put(f, ts(1), "hello world", "X-Object-Meta-A", "1", "X-Object-Sysmeta-S", "s");
        try (StoredObject o = ((ObjectState.Present) f.read(0)).object()) {
            assertThat(read(o)).isEqualTo("hello world");
            assertThat(o.contentLength()).isEqualTo(11);
            assertThat(o.metadata().etag()).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
            assertThat(o.dataFile().getFileName().toString()).isEqualTo(ts(1) + ".data");
            // the body is the file's first bytes; the metadata trailer follows
            assertThat(Files.size(o.dataFile())).isGreaterThan(11);
        }
        f.writeMetadata(ObjectMetadata.of(Map.of(ObjectMetadata.TIMESTAMP, ts(2), "X-Object-Meta-B", "2",
                ObjectMetadata.CONTENT_LENGTH, "999")));
        try (StoredObject o = ((ObjectState.Present) f.read(0)).object()) {
            assertThat(o.metadata().get("X-Object-Meta-A")).isNull();
            assertThat(o.metadata().get("X-Object-Meta-B")).isEqualTo("2");
            assertThat(o.metadata().get("X-Object-Sysmeta-S")).isEqualTo("s");
            assertThat(o.metadata().contentLength()).isEqualTo(11);
            assertThat(o.metadata().contentType()).isEqualTo("text/plain");
            assertThat(o.timestamp()).isEqualTo(Timestamp.parse(ts(2)));
            assertThat(o.dataTimestamp()).isEqualTo(Timestamp.parse(ts(1)));
        }
        f.delete(Timestamp.parse(ts(3)));
        assertThat(f.read(0)).isEqualTo(new ObjectState.Deleted(Timestamp.parse(ts(3))));
        Path dir = ((LocalDiskFile) f).hashDir();
        assertThat(names(dir)).containsExactly(ts(3) + ".ts");
        assertThat(dir.toString()).endsWith("/sda/objects/3/" + f.hash().substring(29) + "/" + f.hash());
    }

    @Test
    void expiredDataIsReportedWithItsTimestamp() throws Exception {
        DiskFile f = put(manager.get("sda", 3, "a", "c", "o"), ts(1), "x", "X-Delete-At", "2000000000");
        assertThat(f.read(1999999999.5)).isInstanceOf(ObjectState.Present.class);
        ObjectState s = f.read(2000000000);
        assertThat(s).isInstanceOf(ObjectState.Expired.class);
        assertThat(s.backendTimestamp()).isEqualTo(Timestamp.parse(ts(1)));
    }

    @Test
    void tombstoneWinsATieAndOlderFilesAreObsolete() throws Exception {
        Path dir = root.resolve("hd");
        Files.createDirectories(dir);
        for (String n : List.of(ts(5) + ".data", ts(5) + ".ts", ts(4) + ".meta", ts(3) + ".data", "junk")) {
            Files.createFile(dir.resolve(n));
        }
        HashDir.Contents c = HashDir.scan(dir);
        assertThat(c.tombstone().timestamp()).isEqualTo(Timestamp.parse(ts(5)));
        assertThat(c.data()).isNull();
        assertThat(c.obsolete()).hasSize(3);
        Files.delete(dir.resolve(ts(5) + ".ts"));
        c = HashDir.scan(dir);
        assertThat(c.data().timestamp()).isEqualTo(Timestamp.parse(ts(5)));
        assertThat(c.meta()).isNull(); // older than the data: obsolete
        Files.createFile(dir.resolve(ts(6) + ".meta"));
        Files.createFile(dir.resolve(ts(7) + ".meta"));
        c = HashDir.scan(dir);
        assertThat(c.meta().timestamp()).isEqualTo(Timestamp.parse(ts(7)));
        HashDir.cleanup(dir, 604800, System.currentTimeMillis() / 1000.0);
        assertThat(names(dir)).containsExactly(ts(5) + ".data", ts(7) + ".meta", "junk");
    }

    @Test
    void oldLoneTombstoneIsReclaimed() throws Exception {
        DiskFile f = manager.get("sda", 3, "a", "c", "old");
        f.delete(Timestamp.parse("1000000000.00000"));
        assertThat(Files.exists(((LocalDiskFile) f).hashDir())).isFalse();
        assertThat(f.read(0)).isInstanceOf(ObjectState.Missing.class);
    }

    @Test
    void corruptDataIsQuarantinedNotServed() throws Exception {
        DiskFile f = put(manager.get("sda", 3, "a", "c", "o"), ts(1), "hello");
        Path data = ((LocalDiskFile) f).hashDir().resolve(ts(1) + ".data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length - 20] ^= 1; // flip a bit in the metadata JSON
        Files.write(data, bytes);
        assertThat(f.read(0)).isInstanceOf(ObjectState.Missing.class);
        assertThat(Files.exists(((LocalDiskFile) f).hashDir())).isFalse();
        assertThat(root.resolve("sda/quarantined/objects").resolve(f.hash()).resolve(ts(1) + ".data")).exists();
    }

    @Test
    void abortedWriterLeavesNothingAndDevicesAreChecked() throws Exception {
        DiskFile f = manager.get("sda", 3, "a", "c", "o");
        DiskFileWriter w = f.create(-1);
        w.write(Unpooled.wrappedBuffer(new byte[1000]));
        w.abort();
        try (Stream<Path> s = Files.list(root.resolve("sda/tmp"))) {
            assertThat(s.count()).isZero();
        }
        assertThat(f.read(0)).isInstanceOf(ObjectState.Missing.class);
        assertThatThrownBy(() -> manager.get("nope", 1, "a", "c", "o")).isInstanceOf(DeviceUnavailableException.class);
        assertThatThrownBy(() -> manager.get("..", 1, "a", "c", "o")).isInstanceOf(DeviceUnavailableException.class);
        Files.createFile(root.resolve("afile"));
        assertThatThrownBy(() -> manager.get("afile", 1, "a", "c", "o")).isInstanceOf(DeviceUnavailableException.class);
        assertThat(manager.devices()).containsExactly("sda");
        DiskUsage u = manager.usage("sda");
        assertThat(u.size()).isPositive();
        assertThat(u.available()).isPositive().isLessThanOrEqualTo(u.free());
        LocalDiskFileManager mountChecked = new LocalDiskFileManager(
                new DiskFileConfig(root, true, 0, 0, 604800, 1, 1L << 30), TestNode.HASH_PATH);
        assertThatThrownBy(() -> mountChecked.device("sda")).isInstanceOf(DeviceUnavailableException.class);
    }

    /** Bodies above keep_cache_size go through O_DIRECT: any length and chunking must read back exactly. */
    @Test
    void largeBodiesBypassingThePageCacheReadBackExactly() throws Exception {
        LocalDiskFileManager small = new LocalDiskFileManager(
                new DiskFileConfig(root, false, 0, 1.0, 604800, 1024, 512L << 20), TestNode.HASH_PATH);
        java.util.Random rnd = new java.util.Random(7);
        int n = 0;
        for (int size : new int[] {1025, DirectBody.ALIGN, DirectBody.SIZE, DirectBody.SIZE + 1,
                3 * DirectBody.SIZE + 4095, 2 * DirectBody.SIZE + 12345}) {
            byte[] body = new byte[size];
            rnd.nextBytes(body);
            DiskFile f = small.get("sda", 3, "a", "c", "big" + n++);
            try (DiskFileWriter w = f.create(size)) {
                int off = 0;
                while (off < size) {
                    int len = Math.min(size - off, 1 + rnd.nextInt(200_000));
                    ByteBuf chunk = rnd.nextBoolean() ? PooledByteBufAllocator.DEFAULT.directBuffer(len)
                            : Unpooled.buffer(len);
                    chunk.writeBytes(body, off, len);
                    w.write(chunk);
                    chunk.release();
                    off += len;
                }
                w.commit(meta(ts(1), w.bytesWritten(), w.etag()));
                assertThat(w.etag()).isEqualTo(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("MD5").digest(body)));
            }
            try (StoredObject o = ((ObjectState.Present) f.read(0)).object()) {
                assertThat(o.contentLength()).isEqualTo(size);
                ByteBuffer b = ByteBuffer.allocate(size);
                while (b.hasRemaining() && o.channel().read(b, b.position()) > 0) {
                    // read all
                }
                assertThat(b.array()).isEqualTo(body);
                assertThat(o.metadata().etag()).isEqualTo(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("MD5").digest(body)));
            }
        }
        DiskFile aborted = small.get("sda", 3, "a", "c", "aborted");
        try (DiskFileWriter w = aborted.create(5 * DirectBody.SIZE)) {
            w.write(Unpooled.wrappedBuffer(new byte[DirectBody.SIZE + 7]));
        }
        assertThat(aborted.read(0)).isInstanceOf(ObjectState.Missing.class);
        assertThat(names(root.resolve("sda").resolve("tmp"))).isEmpty();
    }
}
