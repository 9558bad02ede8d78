package io.zerostore.sandbox.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.sandbox.Examples;
import io.zerostore.sandbox.Execution;
import io.zerostore.sandbox.Program;
import io.zerostore.sandbox.Report;
import io.zerostore.sandbox.Runs;
import io.zerostore.sandbox.channel.ChannelSpec;
import io.zerostore.sandbox.channel.MemoryBinding;
import io.zerostore.sandbox.image.TarBuilder;
import io.zerostore.sandbox.manifest.NvramParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The program's file system: image files read-only in the tree, channels at their aliases. */
@Timeout(60)
class FileSystemTest {
    private static final byte[] IMAGE = new TarBuilder().dir("etc").file("etc/motd", "welcome\n")
            .file("data/words.txt", "b\na\n").symlink("etc/motd-link", "motd").build();

    @Test
    void imageFilesAreReadableAtTheirPaths() {
        Runs.Result r = Runs.run(Runs.COMPILED, "cat", null, b -> b
                .image("/dev/image", MemoryBinding.of(IMAGE), "/")
                .args("cat", "/etc/motd", "/data/words.txt", "etc/motd-link", "/data/../etc/motd"));
        assertThat(r.report().status()).isEqualTo(Report.OK);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("welcome\nb\na\nwelcome\nwelcome\n");
    }

    @Test
    void imageFilesAreReadOnlyAndNothingElseExists() {
        Runs.Result r = Runs.run(Runs.COMPILED, "badopen", null, b -> b
                .image("/dev/image", MemoryBinding.of(new TarBuilder().file("etc/passwd", "root\n").build()),
                        "/"));
        assertThat(r.stdout()).startsWith("/etc/passwd: OPENED\n/dev/secret: errno 44");
        assertThat(r.stdout()).contains("/dev/../etc/passwd: OPENED");
    }

    @Test
    void nvramConfiguresArgsEnvAndMounts() {
        String nvram = """
                [args]
                args = cat /opt/etc/motd
                [fstab]
                channel=/dev/image, mountpoint=/opt, access=ro, removable=no
                """;
        Program p = Runs.COMPILED.load(Examples.bytes("cat"));
        MemoryBinding out = MemoryBinding.empty(1000);
        Report rep = Runs.COMPILED.run(Execution.builder(p)
                .channel(ChannelSpec.randomInput("/dev/image", 1 << 20), MemoryBinding.of(IMAGE))
                .channel(ChannelSpec.randomInput("/dev/nvram", 1 << 20), MemoryBinding.of(nvram))
                .output("/dev/stdout", out, 1000)
                .build());
        assertThat(rep.status()).isEqualTo(Report.OK);
        assertThat(out.asString()).isEqualTo("welcome\n");

        MemoryBinding out2 = MemoryBinding.empty(1000);
        Runs.COMPILED.run(Execution.builder(p)
                .channel(ChannelSpec.randomInput("/dev/image", 1 << 20), MemoryBinding.of(IMAGE))
                .nvram(NvramParser.parse(nvram.replace("/opt", "/srv")))
                .output("/dev/stdout", out2, 1000)
                .build());
        assertThat(out2.asString()).isEqualTo("welcome\n");
    }

    @Test
    void peersAreListedUnderDevInAndDevOut() {
        // wc-map lists /dev/out: with two peers each gets the words hashed to it
        MemoryBinding a = MemoryBinding.empty(1 << 16);
        MemoryBinding b = MemoryBinding.empty(1 << 16);
        Program p = Runs.COMPILED.load(Examples.bytes("wc-map"));
        Report r = Runs.COMPILED.run(Execution.builder(p)
                .input("/dev/stdin", MemoryBinding.of("one two three four five six seven\n"))
                .output("/dev/out/red-1", a, 1 << 16)
                .output("/dev/out/red-2", b, 1 << 16)
                .build());
        assertThat(r.status()).isEqualTo(Report.OK);
        assertThat((a.asString() + b.asString()).lines().sorted().toList())
                .containsExactly("five\t1", "four\t1", "one\t1", "seven\t1", "six\t1", "three\t1", "two\t1");
        assertThat(a.asString()).isNotEmpty();
        assertThat(b.asString()).isNotEmpty();
    }
}
