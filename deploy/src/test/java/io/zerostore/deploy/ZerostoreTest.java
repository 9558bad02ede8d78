package io.zerostore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ZerostoreTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Zerostore.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: zerostore").contains("start").contains("node").contains("ring").contains("zerovm");
    }

    @Test
    void zerovmIsTheSandboxCli() {
        assertThat(run("zerovm", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: zerostore zerovm").contains("manifest");
    }

    @Test
    void startHelpShowsDefaults() {
        assertThat(run("start", "--help")).isZero();
        assertThat(out.toString())
                .contains("--data=DIR").contains("default: data")
                .contains("--port=PORT").contains("default: 8080")
                .contains("--base-port=PORT").contains("default: 6000")
                .contains("--bind=IP").contains("default: 127.0.0.1")
                .contains("--nodes-as-processes");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing a command");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }
}
