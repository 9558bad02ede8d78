package io.zerostore.proxy.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NodeIteratorTest {
    /** Five devices; partition 0 on 0, 1, 2; devices 3 and 4 hold other partitions (handoffs of 0). */
    private static Ring ring() {
        List<Device> devs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            devs.add(Device.of(i, 1, i + 1, "127.0.0." + (i + 1), 6000, "d" + i, 100));
        }
        return Ring.of(devs, new int[][] {{0, 3, 4, 3}, {1, 4, 1, 1}, {2, 2, 3, 4}}, 2);
    }

    private static List<Integer> drain(NodeIterator it) {
        List<Integer> ids = new ArrayList<>();
        Device d;
        while ((d = it.next()) != null) {
            ids.add(d.id());
        }
        return ids;
    }

    @Test
    void writesGoToPrimariesInOrderThenHandoffsUpToTheLimit() {
        ErrorLimiter errors = new ErrorLimiter(10, Duration.ofSeconds(60));
        assertThat(drain(NodeIterator.forWrite(ring(), 0, errors, 6))).startsWith(0, 1, 2).hasSize(5)
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(drain(NodeIterator.forWrite(ring(), 0, errors, 4))).hasSize(4).startsWith(0, 1, 2);
        assertThat(drain(NodeIterator.forRead(ring(), 0, errors, 3))).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void errorLimitedNodesAreSkippedUntilTheIntervalPassed() {
        AtomicLong now = new AtomicLong();
        ErrorLimiter errors = new ErrorLimiter(2, Duration.ofSeconds(60), now::get);
        Device d1 = ring().device(1).orElseThrow();
        errors.errorOccurred(d1);
        errors.errorOccurred(d1);
        assertThat(errors.isLimited(d1)).isFalse();
        errors.errorOccurred(d1);
        assertThat(errors.isLimited(d1)).isTrue();
        List<Integer> ids = drain(NodeIterator.forWrite(ring(), 0, errors, 6));
        assertThat(ids).doesNotContain(1).startsWith(0, 2);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(errors.isLimited(d1)).isFalse();
        errors.limit(ring().device(2).orElseThrow());
        assertThat(errors.isLimited(ring().device(2).orElseThrow())).isTrue();
    }
}
