package io.zerostore.node.server;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.swift.HashPath;
import io.zerostore.node.testkit.RawHttp;
import io.zerostore.node.testkit.TestNode;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 200 MB GET goes through the sendfile path: every body byte is counted by the file-region
 * meter, and the whole JVM (server and this reader) allocates far less heap than the body size,
 * which a user-space copy through heap buffers could not do.
 */
@Timeout(120)
class ZeroCopyGetTest {
    private static final long SIZE = 200L * 1024 * 1024;
    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        node = TestNode.start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** Pseudo-random bytes generated on the fly, hashed as they are read. */
    static final class RandomBody extends InputStream {
        private final Random random = new Random(42);
        private final MessageDigest md5 = HashPath.md5();
        private final byte[] block = new byte[64 * 1024];
        private long left;
        private int pos = block.length;

        RandomBody(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            if (pos == block.length) {
                random.nextBytes(block);
                pos = 0;
            }
            int n = (int) Math.min(Math.min(len, block.length - pos), left);
            System.arraycopy(block, pos, b, off, n);
            md5.update(block, pos, n);
            pos += n;
            left -= n;
            return n;
        }

        String md5() {
            return HexFormat.of().formatHex(md5.digest());
        }
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long a : mx.getThreadAllocatedBytes(mx.getAllThreadIds())) {
            total += Math.max(a, 0);
        }
        return total;
    }

    @Test
    void bigGetIsSentFromTheFileWithoutHeapCopies() throws Exception {
        RandomBody body = new RandomBody(SIZE);
        HttpRequest.Builder put = node.client.request("/d1/1/a/c/big").header("X-Timestamp", ts(1))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), SIZE));
        HttpResponse<String> created = node.client.send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String md5 = body.md5();
        assertThat(created.headers().firstValue("Etag")).hasValue(md5);

        double sentBefore = FileStreamer.SENDFILE_BYTES.count();
        long allocatedBefore = allocatedBytes();
        MessageDigest got = HashPath.md5();
        long received = 0;
        try (RawHttp raw = new RawHttp(node.objectServer.port())) {
            raw.send("GET /d1/1/a/c/big HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Head head = raw.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo(Long.toString(SIZE));
            byte[] buf = new byte[256 * 1024];
            while (received < SIZE) {
                int n = raw.in.read(buf, 0, (int) Math.min(buf.length, SIZE - received));
                if (n < 0) {
                    break;
                }
                got.update(buf, 0, n);
                received += n;
            }
        }
        long allocated = allocatedBytes() - allocatedBefore;
        assertThat(received).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(got.digest())).isEqualTo(md5);
        assertThat(FileStreamer.SENDFILE_BYTES.count() - sentBefore).isEqualTo((double) SIZE);
        assertThat(allocated).as("heap bytes allocated while serving %d bytes", SIZE).isLessThan(SIZE / 8);
    }
}
