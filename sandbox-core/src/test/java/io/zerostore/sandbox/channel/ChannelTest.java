package io.zerostore.sandbox.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChannelTest {
    private static byte[] buf(int n) {
        return new byte[n];
    }

    private static Channel channel(ChannelType type, long gets, long getSize, long puts, long putSize,
            ChannelBinding b) {
        return new Channel(new ChannelSpec("u", "/dev/x", type, true, gets, getSize, puts, putSize), b,
                Long.MAX_VALUE);
    }

    @Test
    void readsCountCallsAndBytesAndEofCountsAsARead() throws Exception {
        Channel ch = channel(ChannelType.SEQUENTIAL_READ_SEQUENTIAL_WRITE, 10, 100, 0, 0,
                MemoryBinding.of("hello"));
        byte[] b = buf(3);
        assertThat(ch.read(b, 0, 3)).isEqualTo(3);
        assertThat(ch.read(b, 0, 3)).isEqualTo(2);
        assertThat(ch.read(b, 0, 3)).isEqualTo(-1);
        assertThat(ch.stats()).isEqualTo(new ChannelStats(3, 5, 0, 0));
    }

    @Test
    void quotasFailWithQuotaAndByteLimitsShortenTheCall() throws Exception {
        Channel ch = channel(ChannelType.SEQUENTIAL_READ_SEQUENTIAL_WRITE, 2, 4, 0, 0,
                MemoryBinding.of("abcdefgh"));
        byte[] b = buf(8);
        assertThat(ch.read(b, 0, 8)).as("cut to get_size").isEqualTo(4);
        assertThatThrownBy(() -> ch.read(b, 0, 8)).isInstanceOf(ChannelException.class)
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(ChannelException.Kind.QUOTA);
        assertThatThrownBy(() -> ch.read(b, 0, 8)).extracting(e -> ((ChannelException) e).kind())
                .isEqualTo(ChannelException.Kind.QUOTA);

        MemoryBinding sink = MemoryBinding.empty(100);
        Channel out = channel(ChannelType.SEQUENTIAL_READ_SEQUENTIAL_WRITE, 0, 0, 3, 10, sink);
        byte[] data = "0123456789abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(out.write(data, 0, 6)).isEqualTo(6);
        assertThat(out.write(data, 6, 6)).as("cut to put_size").isEqualTo(4);
        assertThatThrownBy(() -> out.write(data, 0, 1)).extracting(e -> ((ChannelException) e).kind())
                .isEqualTo(ChannelException.Kind.QUOTA);
        assertThat(sink.asString()).isEqualTo("0123456789");
        assertThatThrownBy(() -> out.read(buf(1), 0, 1)).extracting(e -> ((ChannelException) e).kind())
                .isEqualTo(ChannelException.Kind.NOT_PERMITTED);
    }

    @Test
    void typeDecidesSequentialOrPositionalCalls() throws Exception {
        Channel seq = channel(ChannelType.SEQUENTIAL_READ_SEQUENTIAL_WRITE, 10, 100, 10, 100,
                MemoryBinding.of("abc"));
        assertThatThrownBy(() -> seq.readAt(1, buf(1), 0, 1)).extracting(e -> ((ChannelException) e).kind())
                .isEqualTo(ChannelException.Kind.NOT_SEEKABLE);
        Channel rnd = channel(ChannelType.RANDOM_READ_RANDOM_WRITE, 10, 100, 10, 100,
                MemoryBinding.of("abc"));
        byte[] b = buf(2);
        assertThat(rnd.readAt(1, b, 0, 2)).isEqualTo(2);
        assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("bc");
        assertThatThrownBy(() -> rnd.read(b, 0, 1)).extracting(e -> ((ChannelException) e).kind())
                .isEqualTo(ChannelException.Kind.NOT_SEEKABLE);
        assertThatThrownBy(() -> channel(ChannelType.RANDOM_READ_SEQUENTIAL_WRITE, 1, 1, 0, 0,
                StreamSourceBinding.of(new java.io.ByteArrayInputStream(new byte[1]), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positional read");
    }

    @Test
    void etagIsTheMd5OfTheBytesInOrder() throws Exception {
        Channel ch = channel(ChannelType.SEQUENTIAL_READ_SEQUENTIAL_WRITE, 0, 0, 10, 100,
                MemoryBinding.empty(100));
        ch.write("hello ".getBytes(StandardCharsets.US_ASCII), 0, 6);
        ch.write("world".getBytes(StandardCharsets.US_ASCII), 0, 5);
        assertThat(ch.etag()).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3"); // md5("hello world")
    }

    @Test
    void fileRegionIsBoundedToItsWindow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path f = dir.resolve("o");
        java.nio.file.Files.writeString(f, "xxABCDEyy");
        try (var fc = java.nio.channels.FileChannel.open(f)) {
            FileRegionBinding r = FileRegionBinding.of(fc, 2, 5);
            byte[] b = buf(10);
            assertThat(r.read(b, 0, 10)).isEqualTo(5);
            assertThat(new String(b, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("ABCDE");
            assertThat(r.read(b, 0, 10)).isEqualTo(-1);
            assertThat(r.readAt(4, b, 0, 10)).isEqualTo(1);
            assertThat(r.size()).isEqualTo(5);
            r.close();
            assertThat(fc.isOpen()).isTrue();
        }
    }
}
