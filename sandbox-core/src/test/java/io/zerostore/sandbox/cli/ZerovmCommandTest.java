package io.zerostore.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.sandbox.Examples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class ZerovmCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int zerovm(String stdin, String... args) {
        ZerovmCommand cmd = new ZerovmCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(cmd).execute(args);
    }

    private Path manifest(String program, String... channels) throws Exception {
        StringBuilder sb = new StringBuilder("Version = 20130611\nTimeout = 10\nMemory = 67108864,0\n");
        sb.append("Program = ").append(Examples.path(program + ".wasm").toAbsolutePath()).append('\n');
        for (String c : channels) {
            sb.append("Channel = ").append(c).append('\n');
        }
        Path m = dir.resolve("manifest");
        Files.writeString(m, sb.toString());
        return m;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsAManifestWithStdioAndPrintsTheReport() throws Exception {
        Path m = manifest("wc", "/dev/stdin,/dev/stdin,0,1,100,1000,0,0",
                "/dev/stdout,/dev/stdout,0,0,0,0,100,1000");
        assertThat(zerovm("a b\nc\n", m.toString())).isZero();
        assertThat(out()).isEqualTo("2 3 6\n");
        assertThat(err()).contains("validator state = 0\n", "user return code = 0\n", "exit state = ok\n",
                "etag(s) = /dev/stdin fdd10b3cb73391a9fc37eae64dac9702\n");
        assertThat(err()).containsPattern("accounting = [0-9.]+ [0-9.]+ \\d+ 0 2 6 1 6 0 0 0 0\n");
    }

    @Test
    void filesAreChannelsAndTheExitCodeIsThePrograms() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "x\ny\nx\n");
        Path output = dir.resolve("out.txt");
        Path m = manifest("grep", input + ",/dev/stdin,0,0,100,1000,0,0",
                output + ",/dev/stdout,0,0,0,0,100,1000");
        // grep without args exits 2 (usage) — the CLI exits with the program's code
        assertThat(zerovm("", "-t", "1", m.toString())).isEqualTo(2);
        assertThat(err()).contains("user return code = 2; ").doesNotContain("\nuser");
    }

    @Test
    void rawReportModeAndSetupOnly() throws Exception {
        Path m = manifest("hello", "/dev/stdout,/dev/stdout,0,0,0,0,100,1000");
        assertThat(zerovm("", "-t", "2", "-v", "2", m.toString())).isZero();
        assertThat(err()).contains("zerovm: program ", "zerovm: channel /dev/stdout: gets 0 (0 bytes), puts 1 (14 bytes)");
        assertThat(out()).startsWith("Hello, World!\n0\n0\n0\ndisabled\n").endsWith("\nok\n");
        out.reset();
        assertThat(zerovm("", "-F", m.toString())).isZero();
        assertThat(out()).isEmpty();
        assertThat(err()).contains("exit state = setup only");
    }

    @Test
    void failuresHaveDistinctExitCodes() throws Exception {
        assertThat(zerovm("", manifest("forbidden", "/dev/stdout,/dev/stdout,0,0,0,0,100,1000").toString()))
                .isEqualTo(ZerovmCommand.EXIT_VALIDATION);
        assertThat(err()).contains("validator state = 1", "forbidden import: env.system");
        Path loop = manifest("loop", "/dev/null,/dev/stdout,0,0,0,0,1,1");
        Files.writeString(loop, Files.readString(loop).replace("Timeout = 10", "Timeout = 1"));
        assertThat(zerovm("", loop.toString())).isEqualTo(ZerovmCommand.EXIT_TIMEOUT);
        assertThat(zerovm("", manifest("trap", "/dev/null,/dev/stdout,0,0,0,0,100,1000").toString()))
                .isEqualTo(ZerovmCommand.EXIT_TRAP);
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "Version = 20130611\nTimeout = x\n");
        assertThat(zerovm("", bad.toString())).isEqualTo(ZerovmCommand.EXIT_SETUP);
        assertThat(err()).contains("zerovm: line 2: invalid numeric value 'x'");
    }

    @Test
    void quotaAndFileSizeLimitAndTracing() throws Exception {
        Path m = manifest("quota", "/dev/null,/dev/stdout,0,0,0,0,1000,1000000",
                "/dev/stderr,/dev/stderr,0,0,0,0,100,1000");
        assertThat(zerovm("", "--limit-bytes", "4096", "-T", m.toString())).isZero();
        assertThat(err()).contains("quota: writes ok=1 failed=255 bytes=4096 first_errno=19",
                "zerovm: trace fd_write[1, ");
    }
}
