package io.zerostore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GeneratedBodyTest {

    @Test
    void streamsExactlyTheLengthAndMatchesTheAnnouncedMd5() throws Exception {
        PayloadBlock block = new PayloadBlock(7);
        long length = 3L * PayloadBlock.SIZE + 12345;
        GeneratedBody body = new GeneratedBody(block, length);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        long total = 0;
        int chunks = 0;
        ByteBuf chunk;
        while ((chunk = body.readChunk(ByteBufAllocator.DEFAULT)) != null) {
            byte[] bytes = new byte[chunk.readableBytes()];
            chunk.readBytes(bytes);
            chunk.release();
            md5.update(bytes);
            total += bytes.length;
            chunks++;
        }

        assertThat(total).isEqualTo(length);
        assertThat(chunks).isEqualTo(4);
        assertThat(body.isEndOfInput()).isTrue();
        assertThat(HexFormat.of().formatHex(md5.digest())).isEqualTo(block.md5Hex(length));
    }

    @Test
    void blocksWithDifferentSeedsDiffer() {
        assertThat(new PayloadBlock(1).md5Hex(4096)).isNotEqualTo(new PayloadBlock(2).md5Hex(4096));
    }
}
