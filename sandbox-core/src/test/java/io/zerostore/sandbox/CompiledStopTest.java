package io.zerostore.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.sandbox.codegen.Interruption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compiled code only reads the interrupt flag while a stop is pending (see {@link Interruption}):
 * a busy loop that HotSpot compiled without the read must still stop at its timeout, and the
 * check must go back to free afterwards.
 */
@Timeout(60)
class CompiledStopTest {
    @BeforeAll
    static void shortQuietPeriod() {
        System.setProperty("zerostore.sandbox.interruptQuietMillis", "50");
    }

    @AfterAll
    static void defaultQuietPeriod() {
        System.clearProperty("zerostore.sandbox.interruptQuietMillis");
    }

    @Test
    void aLoopCompiledWithoutTheCheckIsStoppedAndTheCheckIsDisarmedAgain() throws Exception {
        for (int round = 0; round < 2; round++) {
            awaitDisarmed();
            long t0 = System.nanoTime();
            // 1.5 s: long enough for HotSpot to compile the loop (OSR) with the check folded away
            Runs.Result r = Runs.run(Runs.COMPILED, "loop", null, b -> b.timeout(Duration.ofMillis(1500)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.report().status()).isEqualTo(Report.TIMEOUT);
            assertThat(ms).as("stopped promptly after the timeout").isBetween(1400L, 3000L);
        }
        awaitDisarmed();
        assertThat(Runs.run("hello", null).stdout()).isEqualTo("Hello, World!\n");
    }

    private static void awaitDisarmed() throws InterruptedException {
        if (Interruption.armed()) {
            Interruption.arm(); // restart the quiet period with this test's short one
            Interruption.release();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Interruption.armed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Interruption.armed()).as("disarmed after the quiet period").isFalse();
    }
}
