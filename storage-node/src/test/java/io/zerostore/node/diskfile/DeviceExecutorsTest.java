package io.zerostore.node.diskfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DeviceExecutorsTest {
    @Test
    void newWorkIsRefusedWhenTheQueueIsFullButContinuationsAreNot() throws Exception {
        try (DeviceExecutors ex = new DeviceExecutors(1, 2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            CompletableFuture<String> busy = ex.submit("sda", () -> {
                running.countDown();
                release.await();
                return "done";
            });
            running.await();
            CompletableFuture<Integer> q1 = ex.submit("sda", () -> 1);
            CompletableFuture<Integer> q2 = ex.submit("sda", () -> 2);
            assertThatThrownBy(() -> ex.submit("sda", () -> 3)).isInstanceOf(RejectedExecutionException.class);
            // another device has its own pool
            assertThat(ex.submit("sdb", () -> 4).get()).isEqualTo(4);
            CompletableFuture<Integer> cont = ex.continueWith("sda", () -> 5);
            assertThat(ex.queued("sda")).isEqualTo(3);
            release.countDown();
            assertThat(busy.get()).isEqualTo("done");
            assertThat(q1.get() + q2.get() + cont.get()).isEqualTo(8);
            CompletableFuture<Integer> failing = ex.submit("sda", () -> {
                throw new IllegalStateException("boom");
            });
            assertThatThrownBy(failing::join).hasCauseInstanceOf(IllegalStateException.class);
        }
    }
}
