package io.zerostore.sandbox.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.sandbox.channel.MemoryBinding;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TarImageTest {
    @Test
    void indexesMembersInPlace() throws Exception {
        String longName = "lib/" + "x".repeat(120) + ".lua";
        byte[] tar = new TarBuilder().dir("etc").file("etc/motd", "hi\n").file("./main.lua", "print(1)\n")
                .file(longName, "long").symlink("etc/link", "motd").file("../escape", "no").build();
        TarImage img = TarImage.index(MemoryBinding.of(tar));
        assertThat(img.entries()).extracting(TarEntry::path)
                .containsExactly("etc", "etc/motd", "main.lua", longName, "etc/link");
        TarEntry motd = img.entries().get(1);
        assertThat(motd.kind()).isEqualTo(TarEntry.Kind.FILE);
        assertThat(motd.size()).isEqualTo(3);
        byte[] b = new byte[3];
        img.source().readAt(motd.dataOffset(), b, 0, 3);
        assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("hi\n");
        assertThat(img.entries().get(4).linkTarget()).isEqualTo("motd");
    }

    @Test
    void rejectsCorruptAndCompressedImages() {
        byte[] tar = new TarBuilder().file("a", "b").build();
        tar[0] ^= 1; // checksum no longer matches
        assertThatThrownBy(() -> TarImage.index(MemoryBinding.of(tar)))
                .isInstanceOf(ImageException.class).hasMessageContaining("checksum");
        byte[] gz = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> TarImage.index(MemoryBinding.of(gz)))
                .isInstanceOf(ImageException.class).hasMessageContaining("gzip");
    }
}
