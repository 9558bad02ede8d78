package io.zerostore.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.sandbox.channel.ChannelSpec;
import io.zerostore.sandbox.channel.ChannelType;
import io.zerostore.sandbox.channel.FileRegionBinding;
import io.zerostore.sandbox.channel.MemoryBinding;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ChicorySandboxTest {
    private static final String TEXT = "the quick brown fox\njumps over\n\nthe lazy dog\n";

    @Test
    void helloCompiledAndInterpreted() {
        for (Sandbox sb : new Sandbox[] {Runs.COMPILED, Runs.INTERPRETED}) {
            Runs.Result r = Runs.run(sb, "hello", null, null);
            assertThat(r.stdout()).isEqualTo("Hello, World!\n");
            assertThat(r.report().status()).isEqualTo(Report.OK);
            assertThat(r.report().retcode()).isZero();
            assertThat(r.report().validation()).isEqualTo(ValidationState.VALIDATED);
            assertThat(r.report().accounting().local().puts()).isEqualTo(1);
            assertThat(r.report().accounting().local().putBytes()).isEqualTo(14);
        }
        assertThat(Runs.run(Runs.COMPILED, "hello", null, null).report().engine()).isEqualTo(Engine.COMPILED);
        assertThat(Runs.run(Runs.INTERPRETED, "hello", null, null).report().engine())
                .isEqualTo(Engine.INTERPRETED);
    }

    @Test
    void catWcGrepSortGiveCoreutilsAnswers() {
        assertThat(Runs.run("cat", TEXT).stdout()).isEqualTo(TEXT);
        assertThat(Runs.run("wc", TEXT).stdout()).isEqualTo("4 9 45\n");
        Runs.Result grep = Runs.run(Runs.COMPILED, "grep", TEXT, b -> b.args("grep", "-c", "the"));
        assertThat(grep.stdout()).isEqualTo("2\n");
        Runs.Result none = Runs.run(Runs.COMPILED, "grep", TEXT, b -> b.args("grep", "zebra"));
        assertThat(none.report().retcode()).isEqualTo(1);
        assertThat(none.report().status()).isEqualTo(Report.OK);
        assertThat(Runs.run("sort", "b\na\nc").stdout()).isEqualTo("a\nb\nc\n");
    }

    @Test
    void everyMemoryKindGivesTheSameAnswers() {
        String input = TEXT.repeat(5000); // sort grows its memory while reading this
        String sorted = Runs.run("sort", input).stdout();
        for (MemoryKind kind : MemoryKind.values()) {
            try (ChicorySandbox sb = new ChicorySandbox(SandboxOptions.builder().memory(kind).build())) {
                assertThat(Runs.run(sb, "wc", TEXT, null).stdout()).as(kind.name()).isEqualTo("4 9 45\n");
                assertThat(Runs.run(sb, "sort", input, null).stdout()).as(kind.name()).isEqualTo(sorted);
                Runs.Result bomb = Runs.run(sb, "membomb-grow", null, b -> b.memoryLimit(8L << 20));
                // 2 pages, then 16 at a time: 114 is the last size under the 128-page limit
                assertThat(bomb.stdout()).as(kind.name()).contains("memory.grow failed at 114 pages");
            }
        }
        assertThat(sorted).startsWith("\n".repeat(5000)).endsWith("the quick brown fox\n".repeat(5000));
    }

    @Test
    void compiledProgramsOutliveTheSandboxInTheCompiledCache(@TempDir Path dir) throws Exception {
        SandboxOptions opts = SandboxOptions.builder().compiledCacheDir(dir).build();
        try (ChicorySandbox first = new ChicorySandbox(opts)) {
            assertThat(Runs.run(first, "wc", TEXT, null).stdout()).isEqualTo("4 9 45\n");
            assertThat(Runs.run(first, "hello", null, null).stdout()).isEqualTo("Hello, World!\n");
        }
        Path entry = dir.resolve(io.zerostore.sandbox.codegen.CompiledCache.key(Examples.bytes("wc")) + ".classes");
        assertThat(entry).exists();
        var old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(entry, old);
        // a new sandbox (as after a restart) takes the classes from the directory: no rewrite
        try (ChicorySandbox second = new ChicorySandbox(opts)) {
            assertThat(Runs.run(second, "wc", TEXT, null).stdout()).isEqualTo("4 9 45\n");
        }
        assertThat(Files.getLastModifiedTime(entry)).isEqualTo(old);
        // a damaged entry is compiled again and replaced
        Files.writeString(entry, "damaged");
        try (ChicorySandbox third = new ChicorySandbox(opts)) {
            assertThat(Runs.run(third, "wc", TEXT, null).stdout()).isEqualTo("4 9 45\n");
        }
        assertThat(Files.size(entry)).isGreaterThan(1000);
    }

    @Test
    void inputObjectIsAFileRegionReadInPlace(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("object.data");
        Files.writeString(data, "HEADER" + TEXT + "TRAILER");
        try (FileChannel fc = FileChannel.open(data, StandardOpenOption.READ)) {
            Runs.Result r = Runs.run(Runs.COMPILED, "cat", null, b -> b
                    .args("cat", "/dev/input")
                    .channel(ChannelSpec.randomInput("/dev/input", 1 << 20),
                            FileRegionBinding.of(fc, 6, TEXT.length())));
            assertThat(r.stdout()).isEqualTo(TEXT);
            assertThat(r.report().accounting().perChannel().get("/dev/input").getBytes())
                    .isEqualTo(TEXT.length());
            assertThat(fc.isOpen()).as("the caller's file channel stays open").isTrue();
        }
    }

    @Test
    void etagIsMd5OfEveryByteThroughTheChannel() throws Exception {
        Program p = Runs.COMPILED.load(Examples.bytes("cat"));
        MemoryBinding out = MemoryBinding.empty(1 << 20);
        Report r = Runs.COMPILED.run(Execution.builder(p)
                .channel(ChannelSpec.input("/dev/stdin", 1 << 20).withEtag(true), MemoryBinding.of(TEXT))
                .channel(ChannelSpec.output("/dev/stdout", 1 << 20).withEtag(true), out)
                .build());
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.etags()).containsEntry("/dev/stdin", md5).containsEntry("/dev/stdout", md5);
        assertThat(r.etagLine()).isEqualTo("/dev/stdin " + md5 + " /dev/stdout " + md5);
        assertThat(Runs.run("hello", null).report().etagLine()).isEqualTo("disabled");
    }

    @Test
    void loadIsCachedByEtagAndSecondRunDoesNotCompile() {
        try (ChicorySandbox sb = new ChicorySandbox(SandboxOptions.builder().cacheCapacity(2).build())) {
            byte[] wasm = Examples.bytes("wc");
            Program first = sb.load(wasm);
            assertThat(first.compileNanos()).isPositive();
            assertThat(first.etag()).isEqualTo(ChicorySandbox.md5(wasm));
            assertThat(sb.load(wasm)).isSameAs(first);
            assertThat(sb.load(wasm, first.etag())).isSameAs(first);
            assertThat(sb.cacheHits()).isEqualTo(2);
            sb.load(Examples.bytes("hello"));
            sb.load(Examples.bytes("cat"));
            assertThat(sb.cachedPrograms()).isEqualTo(2);
            assertThat(sb.load(wasm)).as("evicted by LRU, loaded again").isNotSameAs(first);
        }
    }

    @Test
    void argsAndEnvironmentReachTheProgram() {
        Runs.Result r = Runs.run(Runs.COMPILED, "cat", null, b -> b
                .args("cat", "/dev/a", "/dev/b")
                .channel(ChannelSpec.input("/dev/a", 100), MemoryBinding.of("A\n"))
                .channel(ChannelSpec.input("/dev/b", 100), MemoryBinding.of("B\n")));
        assertThat(r.stdout()).isEqualTo("A\nB\n");
    }

    @Test
    void validationFailuresAreReportedWithoutRunning() {
        Runs.Result forbidden = Runs.run("forbidden", null);
        assertThat(forbidden.report().validation()).isEqualTo(ValidationState.FAILED);
        assertThat(forbidden.report().status()).startsWith("validation failed: forbidden import: env.system");
        assertThat(forbidden.report().retcode()).isEqualTo(Report.NO_RETCODE);
        assertThat(forbidden.stdout()).isEmpty();

        Program garbage = Runs.COMPILED.load("not a wasm module".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.validation()).isEqualTo(ValidationState.FAILED);
        assertThat(garbage.validationMessage()).startsWith("invalid module");
        MemoryBinding in = MemoryBinding.of("x");
        Report r = Runs.COMPILED.run(Execution.builder(garbage).input("/dev/stdin", in).build());
        assertThat(r.validation()).isEqualTo(ValidationState.FAILED);
    }

    @Test
    void declaredMemoryAboveTheLimitFailsValidation() {
        Runs.Result r = Runs.run(Runs.COMPILED, "bigmem", null, b -> b.memoryLimit(64L << 20));
        assertThat(r.report().validation()).isEqualTo(ValidationState.FAILED);
        assertThat(r.report().status()).contains("needs 2147483648 bytes of memory");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void trustedLoadSkipsValidationAndSetupOnlyDoesNotRun() {
        Program trusted = Runs.COMPILED.loadTrusted(Examples.bytes("hello"), null);
        assertThat(trusted.validation()).isEqualTo(ValidationState.NOT_RUN);
        Runs.Result ran = Runs.run(Runs.COMPILED, "hello", null, null);
        assertThat(ran.report().validation()).isEqualTo(ValidationState.VALIDATED);
        MemoryBinding out = MemoryBinding.empty(100);
        Report r = Runs.COMPILED.run(Execution.builder(trusted).output("/dev/stdout", out, 100).build());
        assertThat(r.validation()).isEqualTo(ValidationState.NOT_RUN);
        assertThat(out.asString()).isEqualTo("Hello, World!\n");

        MemoryBinding out2 = MemoryBinding.empty(100);
        Report setup = Runs.COMPILED.run(Execution.builder(Runs.COMPILED.load(Examples.bytes("hello")))
                .output("/dev/stdout", out2, 100).setupOnly(true).build());
        assertThat(setup.status()).isEqualTo(Report.SETUP_ONLY);
        assertThat(out2.asString()).isEmpty();
    }

    @Test
    void channelTypeMustFitTheHostSide() {
        Program p = Runs.COMPILED.load(Examples.bytes("hello"));
        var spec = new ChannelSpec("x", "/dev/output", ChannelType.SEQUENTIAL_READ_RANDOM_WRITE, false,
                0, 0, 10, 10);
        var exec = Execution.builder(p).channel(spec,
                io.zerostore.sandbox.channel.StreamSinkBinding.of(new java.io.ByteArrayOutputStream(), true))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Runs.COMPILED.run(exec))
                .isInstanceOf(SandboxException.class).hasMessageContaining("positional write");
    }

    @Test
    void manyRunsInParallelShareOneProgramWithoutInterference() throws Exception {
        Program wc = Runs.COMPILED.load(Examples.bytes("wc"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4,
                SandboxThreads.factory("zerovm-test", SandboxThreads.RECOMMENDED_STACK_BYTES));
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String text = "w ".repeat(i) + "\n".repeat(i % 5);
                results.add(pool.submit(() -> {
                    MemoryBinding out = MemoryBinding.empty(100);
                    Report r = Runs.COMPILED.run(Execution.builder(wc).input("/dev/stdin", MemoryBinding.of(text))
                            .output("/dev/stdout", out, 100).build());
                    return r.status() + " " + out.asString();
                }));
            }
            for (int i = 0; i < 64; i++) {
                int bytes = 2 * i + i % 5;
                assertThat(results.get(i).get()).isEqualTo("ok " + (i % 5) + " " + i + " " + bytes + "\n");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
