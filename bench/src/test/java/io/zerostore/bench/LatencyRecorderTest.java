package io.zerostore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void nearestRankPercentilesOverMergedRecorders() {
        LatencyRecorder a = new LatencyRecorder();
        LatencyRecorder b = new LatencyRecorder();
        for (int i = 1; i <= 5000; i++) {
            (i % 2 == 0 ? a : b).record(i);
        }
        long[] all = LatencyRecorder.mergeSorted(List.of(a, b));

        assertThat(all).hasSize(5000);
        assertThat(LatencyRecorder.percentile(all, 50)).isEqualTo(2500);
        assertThat(LatencyRecorder.percentile(all, 99)).isEqualTo(4950);
        assertThat(LatencyRecorder.percentile(all, 100)).isEqualTo(5000);
        assertThat(LatencyRecorder.mean(all)).isEqualTo(2500.5);
    }

    @Test
    void emptyRunHasZeroPercentiles() {
        long[] none = LatencyRecorder.mergeSorted(List.of(new LatencyRecorder()));
        assertThat(LatencyRecorder.percentile(none, 99)).isZero();
        assertThat(LatencyRecorder.mean(none)).isZero();
    }
}
