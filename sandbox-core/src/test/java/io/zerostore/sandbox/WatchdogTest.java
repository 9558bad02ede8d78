package io.zerostore.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.sandbox.channel.ChannelBinding;
import io.zerostore.sandbox.channel.FileRegionBinding;
import io.zerostore.sandbox.channel.MemoryBinding;
import io.zerostore.sandbox.channel.NullBinding;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The timeout never interrupts a host call that an interrupt would damage. */
@Timeout(60)
class WatchdogTest {
    @Test
    void aTimeoutDuringAShieldedHostCallWaitsForTheCallThenStops() {
        AtomicBoolean interrupted = new AtomicBoolean();
        ChannelBinding slow = new ChannelBinding() {
            @Override
            public boolean canRead() {
                return true;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                buf[off] = 'x';
                return 1;
            }
        };
        long t0 = System.nanoTime();
        Runs.Result r = Runs.run(Runs.COMPILED, "cat", null, b -> b
                .input("/dev/stdin", slow).timeout(Duration.ofMillis(100)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.report().status()).isEqualTo(Report.TIMEOUT);
        assertThat(interrupted).as("the shielded call was not interrupted").isFalse();
        assertThat(ms).isBetween(350L, 5000L);
    }

    @Test
    void aRunStopsEvenWhenSomethingSwallowsTheInterrupt() {
        ChannelBinding swallowing = new ChannelBinding() {
            @Override
            public boolean canRead() {
                return true;
            }

            @Override
            public boolean interruptible() {
                return true; // claims to honour interrupts, but eats them
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    // swallowed
                }
                buf[off] = 'y';
                return 1;
            }
        };
        Runs.Result r = Runs.run(Runs.COMPILED, "cat", null, b -> b
                .input("/dev/stdin", swallowing).timeout(Duration.ofMillis(100)));
        assertThat(r.report().status()).isEqualTo(Report.TIMEOUT);
        assertThat(r.stdout()).startsWith("y");
    }

    @Test
    void theCallersFileChannelSurvivesATimeout(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big");
        try (FileChannel w = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
            for (int i = 0; i < 64; i++) {
                chunk.clear();
                w.write(chunk);
            }
        }
        try (FileChannel fc = FileChannel.open(f, StandardOpenOption.READ)) {
            for (int i = 0; i < 5; i++) {
                Program cat = Runs.COMPILED.load(Examples.bytes("cat"));
                Report r = Runs.COMPILED.run(Execution.builder(cat)
                        .input("/dev/stdin", FileRegionBinding.of(fc, 0, fc.size()))
                        .output("/dev/stdout", new NullBinding(), Long.MAX_VALUE)
                        .timeout(Duration.ofMillis(5 + i * 7))
                        .build());
                assertThat(r.status()).isIn(Report.TIMEOUT, Report.OK);
                assertThat(fc.isOpen()).isTrue();
                assertThat(fc.read(ByteBuffer.allocate(10), 0)).isEqualTo(10);
            }
        }
        assertThat(Runs.run("cat", "still fine").stdout()).isEqualTo("still fine");
        assertThat(MemoryBinding.of("x").size()).isEqualTo(1);
    }
}
