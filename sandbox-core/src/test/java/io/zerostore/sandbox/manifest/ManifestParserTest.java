package io.zerostore.sandbox.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.sandbox.channel.ChannelSpec;
import io.zerostore.sandbox.channel.ChannelType;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
    static final String ZEROVM_EXAMPLE = """
            Version = 20130611
            Timeout = 50                      # seconds of life for the instance
            Memory = 4294967296,0
            Program = /path/to/program
            Channel = /dev/stdin,/dev/stdin,0,0,8192,8192,0,0
            Channel = /dev/stdout,/dev/stdout,0,0,0,0,8192,8192
            Channel = /data/python.tar,/dev/1.python.tar,3,0,8192,8192,8192,8192
            Channel = /data/nvram.1,/dev/nvram,3,1,8192,8192,8192,8192
            Node = 3
            Job = /tmp/job.sock
            NameServer = udp:127.0.0.1:54321
            """;

    @Test
    void parsesZeroVmsExample() {
        Manifest m = ManifestParser.parse(ZEROVM_EXAMPLE);
        assertThat(m.program()).isEqualTo("/path/to/program");
        assertThat(m.timeoutSeconds()).isEqualTo(50);
        assertThat(m.memoryBytes()).isEqualTo(4294967296L);
        assertThat(m.memoryEtag()).isFalse();
        assertThat(m.node()).isEqualTo(3);
        assertThat(m.job()).isEqualTo("/tmp/job.sock");
        assertThat(m.nameServer()).isEqualTo("udp:127.0.0.1:54321");
        assertThat(m.channels()).hasSize(4);
        assertThat(m.channels().get(0)).isEqualTo(new ChannelSpec("/dev/stdin", "/dev/stdin",
                ChannelType.SEQUENTIAL_READ_SEQUENTIAL_WRITE, false, 8192, 8192, 0, 0));
        assertThat(m.channels().get(3).etag()).isTrue();
        assertThat(m.channels().get(2).type()).isEqualTo(ChannelType.RANDOM_READ_RANDOM_WRITE);
    }

    @Test
    void printThenParseIsTheSame() {
        Manifest m = ManifestParser.parse(ZEROVM_EXAMPLE);
        String text = m.toText();
        assertThat(ManifestParser.parse(text)).isEqualTo(m);
        assertThat(text).startsWith("Version = 20130611\nProgram = /path/to/program\nTimeout = 50\n"
                + "Memory = 4294967296,0\n");
        assertThat(text).contains("Channel = /dev/stdout,/dev/stdout,0,0,0,0,8192,8192\n");
    }

    @Test
    void numbersMayBeHexOrOctal() {
        Manifest m = ManifestParser.parse(ZEROVM_EXAMPLE.replace("Timeout = 50", "Timeout = 0x10")
                .replace("Memory = 4294967296,0", "Memory = 0100,1"));
        assertThat(m.timeoutSeconds()).isEqualTo(16);
        assertThat(m.memoryBytes()).isEqualTo(64);
        assertThat(m.memoryEtag()).isTrue();
    }

    @Test
    void errorsNameTheirLine() {
        expectError(ZEROVM_EXAMPLE.replace("Version = 20130611", "Version = 2012"), 1, "invalid manifest version");
        expectError(ZEROVM_EXAMPLE.replace("Timeout = 50", "Timeout = fifty"), 2, "invalid numeric value 'fifty'");
        expectError(ZEROVM_EXAMPLE.replace("Memory = 4294967296,0", "Memory = 1,2"), 3, "memory etag");
        expectError(ZEROVM_EXAMPLE.replace(",/dev/stdin,0,0,8192,8192,0,0", ",/dev/stdin,0,0,8192"),
                5, "invalid channel tokens number");
        expectError(ZEROVM_EXAMPLE.replace("/dev/stdout,/dev/stdout,0", "/dev/stdout,/dev/stdout,7"),
                6, "channel type must be 0..3");
        expectError(ZEROVM_EXAMPLE.replace("8192,8192,0,0", "8192,-1,0,0"), 5, "negative get_size");
        expectError(ZEROVM_EXAMPLE.replace("/dev/1.python.tar,3", "dev/1.python.tar,3"), 7, "absolute path");
        expectError(ZEROVM_EXAMPLE + "Program = /other\n", 12, "duplicate Program keyword (first on line 4)");
        expectError(ZEROVM_EXAMPLE + "Colour = blue\n", 12, "unknown key 'Colour'");
        expectError(ZEROVM_EXAMPLE + "just words\n", 12, "expected 'Key = value'");
        expectError(ZEROVM_EXAMPLE.replace("Program = /path/to/program\n", ""), 0, "Program not specified");
        expectError("Version = 20130611\nProgram = p\nTimeout = 1\nMemory = 1,0\n", 0, "Channel not specified");
    }

    private static void expectError(String text, int line, String message) {
        assertThatThrownBy(() -> ManifestParser.parse(text))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ManifestException) e).line()).isEqualTo(line));
    }
}
