package io.zerostore.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.sandbox.channel.ChannelSpec;
import io.zerostore.sandbox.channel.ChannelType;
import io.zerostore.sandbox.channel.MemoryBinding;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each hostile example is contained with the right report, and the host stays healthy. */
@Timeout(60)
class HostileProgramsTest {

    @AfterEach
    void hostIsHealthy() {
        assertThat(Thread.currentThread().isInterrupted()).as("no interrupt leaks to the caller").isFalse();
        Runs.Result r = Runs.run("hello", null);
        assertThat(r.stdout()).isEqualTo("Hello, World!\n");
        assertThat(r.report().status()).isEqualTo(Report.OK);
    }

    @Test
    void busyLoopIsStoppedByTheTimeoutCompiledAndInterpreted() {
        for (Sandbox sb : new Sandbox[] {Runs.COMPILED, Runs.INTERPRETED}) {
            long t0 = System.nanoTime();
            Runs.Result r = Runs.run(sb, "loop", null, b -> b.timeout(Duration.ofMillis(300)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.report().status()).isEqualTo(Report.TIMEOUT);
            assertThat(r.report().retcode()).isEqualTo(Report.NO_RETCODE);
            assertThat(ms).as("stopped promptly").isBetween(250L, 10_000L);
        }
    }

    @Test
    void timeoutWorksOnPoolThreadsAndTheThreadIsReusable() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Report> loop = pool.submit(() -> Runs.run(Runs.COMPILED, "loop", null,
                    b -> b.timeout(Duration.ofMillis(200))).report());
            Future<Report> loop2 = pool.submit(() -> Runs.run(Runs.COMPILED, "loop", null,
                    b -> b.timeout(Duration.ofMillis(200))).report());
            assertThat(loop.get().status()).isEqualTo(Report.TIMEOUT);
            assertThat(loop2.get().status()).isEqualTo(Report.TIMEOUT);
            // the same threads now run ordinary programs to completion
            for (int i = 0; i < 4; i++) {
                assertThat(pool.submit(() -> Runs.run("hello", null)).get().stdout())
                        .isEqualTo("Hello, World!\n");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void memoryBombGetsNullFromMallocAtTheLimit() {
        Runs.Result r = Runs.run(Runs.COMPILED, "membomb", null, b -> b.memoryLimit(32L << 20));
        assertThat(r.report().status()).isEqualTo(Report.OK);
        Matcher m = Pattern.compile("membomb: malloc failed after (\\d+) MiB").matcher(r.stdout());
        assertThat(m.find()).as(r.stdout()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isBetween(20, 32);
        assertThat(r.report().accounting().memoryBytes()).isLessThanOrEqualTo(32L << 20);
    }

    @Test
    void memoryGrowIsRefusedAtTheLimit() {
        Runs.Result r = Runs.run(Runs.COMPILED, "membomb-grow", null, b -> b.memoryLimit(16L << 20));
        Matcher m = Pattern.compile("memory.grow failed at (\\d+) pages").matcher(r.stdout());
        assertThat(m.find()).as(r.stdout()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isBetween(240, 256);
        assertThat(r.report().status()).isEqualTo(Report.OK);
    }

    private static String quotaRun(long puts, long putSize) {
        Program p = Runs.COMPILED.load(Examples.bytes("quota"));
        MemoryBinding err = MemoryBinding.empty(4096);
        Report r = Runs.COMPILED.run(Execution.builder(p)
                .channel(new ChannelSpec("out", "/dev/stdout", ChannelType.SEQUENTIAL_READ_SEQUENTIAL_WRITE,
                        false, 0, 0, puts, putSize), MemoryBinding.empty(1 << 20))
                .output("/dev/stderr", err, 4096)
                .build());
        assertThat(r.status()).isEqualTo(Report.OK);
        assertThat(r.retcode()).isZero();
        return err.asString();
    }

    @Test
    void writesPastTheQuotaFailWithEdquotAndTheProgramKeepsRunning() {
        assertThat(quotaRun(1000, 10 * 4096)).isEqualTo(
                "quota: writes ok=10 failed=246 bytes=40960 first_errno=19 (Quota exceeded)\n");
        assertThat(quotaRun(3, 1 << 30)).startsWith("quota: writes ok=3 failed=253 bytes=12288 first_errno=19");
        assertThat(quotaRun(1000, 4096 + 100)).as("a write crossing the limit is cut short")
                .startsWith("quota: writes ok=2 failed=254 bytes=4196 first_errno=19");
    }

    @Test
    void fileSizeLimitCapsEveryOutput() {
        Runs.Result r = Runs.run(Runs.COMPILED, "quota", null, b -> b.fileSizeLimit(8192));
        assertThat(r.stderr()).startsWith("quota: writes ok=2 failed=254 bytes=8192 first_errno=19");
    }

    @Test
    void undeclaredPathsCannotBeOpenedOrCreated() {
        Runs.Result r = Runs.run("badopen", null);
        assertThat(r.stdout()).isEqualTo("""
                /etc/passwd: errno 44 (No such file or directory)
                /dev/secret: errno 44 (No such file or directory)
                /dev/../etc/passwd: errno 44 (No such file or directory)
                /dev/new-file: errno 2 (Permission denied)
                """);
    }

    @Test
    void trapIsReportedAndOutputSoFarKept() {
        Runs.Result r = Runs.run("trap", null);
        assertThat(r.report().status()).startsWith("trap: ");
        assertThat(r.report().retcode()).isEqualTo(Report.NO_RETCODE);
        assertThat(r.stdout()).isEqualTo("trap: before\n");
    }

    @Test
    void unboundedRecursionIsATrapNotAHostCrash() {
        for (Sandbox sb : new Sandbox[] {Runs.COMPILED, Runs.INTERPRETED}) {
            Runs.Result r = Runs.run(sb, "recurse", null, b -> b.timeout(Duration.ofSeconds(20)));
            assertThat(r.report().status()).isEqualTo("trap: call stack exhausted");
        }
    }

    @Test
    void badArgumentsToHostCallsGetErrnosNotHostFailures() {
        Program p = Runs.COMPILED.load(Examples.resource("hostcalls"));
        MemoryBinding out = MemoryBinding.empty(1 << 16);
        Report r = Runs.COMPILED.run(Execution.builder(p).output("/dev/stdout", out, 1 << 16).build());
        assertThat(r.status()).isEqualTo(Report.OK);
        assertThat(out.asString()).isEqualTo("""
                write-bad-pointer 21
                write-bad-iovs 21
                write-too-many-iovs 28
                write-bad-fd 8
                readdir-huge-buf-len 0
                readdir-not-dir 54
                poll-huge-count 21
                random-bad-pointer 21
                open-bad-path-pointer 21
                open-huge-path-len 37
                clock-bad-id 28
                seek-stdout 70
                unlink 69
                mkdir-existing 20
                still alive
                """);
    }

    @Test
    void everyBindingIsClosedExactlyOnceWhateverTheOutcome() {
        for (String program : new String[] {"hello", "trap", "loop", "forbidden", "recurse", "quota"}) {
            java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();
            io.zerostore.sandbox.channel.ChannelBinding counted = new io.zerostore.sandbox.channel.ChannelBinding() {
                @Override
                public boolean canRead() {
                    return true;
                }

                @Override
                public int read(byte[] buf, int off, int len) {
                    return -1;
                }

                @Override
                public void close() {
                    closes.incrementAndGet();
                }
            };
            Runs.Result r = Runs.run(Runs.COMPILED, program, null, b -> b
                    .input("/dev/stdin", counted).timeout(Duration.ofMillis(300)));
            assertThat(r.report().status()).isNotNull();
            assertThat(closes.get()).as(program + ": " + r.report().status()).isEqualTo(1);
        }
    }
}
