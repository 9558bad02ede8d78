package io.zerostore.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** client_timeout on a received body: only the sender's time counts, and it fires once. */
@Timeout(10)
class StallWatchTest {
    private final EventLoop loop = new DefaultEventLoop();

    @AfterEach
    void tearDown() throws Exception {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void aSenderThatOwesAChunkTooLongIsStalledOnce() throws Exception {
        AtomicInteger stalls = new AtomicInteger();
        CountDownLatch fired = new CountDownLatch(1);
        StallWatch w = new StallWatch(loop, Duration.ofMillis(100), () -> {
            stalls.incrementAndGet();
            fired.countDown();
        });
        long start = System.nanoTime();
        w.start();
        assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
        Thread.sleep(300);
        assertThat(stalls).hasValue(1);
    }

    @Test
    void theServersOwnTimeDoesNotCount() throws Exception {
        AtomicInteger stalls = new AtomicInteger();
        StallWatch w = new StallWatch(loop, Duration.ofMillis(100), stalls::incrementAndGet);
        w.start();
        w.received(); // a chunk came; the server is busy with it (say a slow disk) for 3 limits
        Thread.sleep(350);
        assertThat(stalls).hasValue(0);
        w.waiting();
        Thread.sleep(350);
        assertThat(stalls).hasValue(1);
    }

    @Test
    void nothingFiresAfterStop() throws Exception {
        AtomicInteger stalls = new AtomicInteger();
        StallWatch w = new StallWatch(loop, Duration.ofMillis(50), stalls::incrementAndGet);
        w.start();
        w.stop();
        Thread.sleep(250);
        assertThat(stalls).hasValue(0);
    }
}
