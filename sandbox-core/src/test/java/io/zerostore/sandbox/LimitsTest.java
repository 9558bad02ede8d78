package io.zerostore.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.sandbox.channel.ChannelSpec;
import io.zerostore.sandbox.channel.MemoryBinding;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class LimitsTest {
    @Test
    void upTo10915ChannelsEachOpenableByTheProgram() {
        Program reduce = Runs.COMPILED.load(Examples.bytes("wc-reduce"));
        Execution.Builder b = Execution.builder(reduce);
        for (int i = 0; i < ChannelSpec.MAX_CHANNELS - 1; i++) {
            b.input(String.format("/dev/in/m-%05d", i), MemoryBinding.of("w\t1\n"));
        }
        MemoryBinding out = MemoryBinding.empty(1000);
        b.output("/dev/stdout", out, 1000);
        Report r = Runs.COMPILED.run(b.build());
        assertThat(r.status()).isEqualTo(Report.OK);
        assertThat(out.asString()).isEqualTo("w\t10914\n");
        assertThat(r.accounting().perChannel()).hasSize(ChannelSpec.MAX_CHANNELS);

        b.input("/dev/in/one-too-many", MemoryBinding.of(""));
        assertThatThrownBy(b::build).isInstanceOf(SandboxException.class).hasMessageContaining("10915");
    }

    @Test
    void largeModulesRunInterpretedAndTinyStacksStillContainRecursion() throws Exception {
        try (ChicorySandbox sb = new ChicorySandbox(SandboxOptions.builder().maxCompileBytes(1000).build())) {
            Program p = sb.load(Examples.bytes("hello"));
            assertThat(p.engine()).isEqualTo(Engine.INTERPRETED);
            assertThat(p.compileNanos()).isZero();
        }
        ExecutorService pool = Executors.newSingleThreadExecutor(SandboxThreads.factory("zerovm", 256 << 10));
        try {
            Runs.Result r = pool.submit(() -> Runs.run(Runs.COMPILED, "recurse", null, null)).get();
            assertThat(r.report().status()).isEqualTo("trap: call stack exhausted");
            assertThat(pool.submit(() -> Runs.run("hello", null).stdout()).get()).isEqualTo("Hello, World!\n");
        } finally {
            pool.shutdownNow();
        }
    }
}
