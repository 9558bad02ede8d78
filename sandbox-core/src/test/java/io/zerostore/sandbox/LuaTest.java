package io.zerostore.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.sandbox.channel.MemoryBinding;
import io.zerostore.sandbox.image.TarBuilder;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An interpreted language: Lua 5.4 built for wasm32-wasi, its scripts shipped in a tar image. */
@Timeout(120)
class LuaTest {
    private static final String STDIN = "the cat and The dog and the bird\nCat cat\n";
    private static final String EXPECTED = """
            Hello from Lua 5.4 in the Zerostore sandbox!
            pcall: false caught
            words: 10 distinct: 5
            cat\t3
            the\t3
            and\t2
            bird\t1
            dog\t1
            """;

    @Test
    void luaRunsAScriptFromATarImageCompiledAndInterpreted() {
        for (Sandbox sb : new Sandbox[] {Runs.COMPILED, Runs.INTERPRETED}) {
            Runs.Result r = Runs.run(sb, "lua", STDIN, b -> b
                    .image("/dev/image", MemoryBinding.of(Examples.bytes("lua-hello.tar")), "/")
                    .args("lua", "/main.lua")
                    .timeout(Duration.ofSeconds(60)));
            assertThat(r.report().status()).as(r.stderr()).isEqualTo(Report.OK);
            assertThat(r.stdout()).isEqualTo(EXPECTED);
        }
    }

    @Test
    void luaSelftestPassesErrorsCoroutinesAndStubs() throws Exception {
        byte[] selftest = Files.readAllBytes(Examples.dir().resolve("../src/lua/selftest.lua"));
        byte[] image = new TarBuilder().file("selftest.lua", new String(selftest, "UTF-8")).build();
        Runs.Result r = Runs.run(Runs.COMPILED, "lua", "", b -> b
                .image("/dev/image", MemoryBinding.of(image), "/")
                .args("lua", "/selftest.lua")
                .timeout(Duration.ofSeconds(60)));
        assertThat(r.stdout()).containsPattern("lua selftest: \\d+ passed, 0 failed");
        assertThat(r.report().retcode()).isZero();
    }

    @Test
    void luaErrorsEndTheRunWithTheInterpretersExitCode() {
        Runs.Result r = Runs.run(Runs.COMPILED, "lua", "", b -> b.args("lua", "-e", "error('boom')"));
        assertThat(r.report().status()).isEqualTo(Report.OK);
        assertThat(r.report().retcode()).isEqualTo(1);
        assertThat(r.stderr()).contains("boom");
    }
}
