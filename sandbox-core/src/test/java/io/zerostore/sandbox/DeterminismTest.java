package io.zerostore.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ZRT's promise: same inputs → byte-identical outputs, even for programs reading time and random. */
@Timeout(60)
class DeterminismTest {

    @Test
    void clockAndRandomAreIdenticalAcrossRunsAndEngines() {
        Runs.Result a = Runs.run(Runs.COMPILED, "clockrand", null, null);
        Runs.Result b = Runs.run(Runs.COMPILED, "clockrand", null, null);
        Runs.Result c = Runs.run(Runs.INTERPRETED, "clockrand", null, null);
        assertThat(a.report().status()).isEqualTo(Report.OK);
        assertThat(a.stdoutBytes()).isEqualTo(b.stdoutBytes()).isEqualTo(c.stdoutBytes());
    }

    @Test
    void clockStartsAtTheFixedEpochAndAdvancesOneMicrosecondPerRead() {
        List<String> lines = Runs.run("clockrand", null).stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("realtime1 1370908800.000000000");
        assertThat(lines.get(1)).isEqualTo("realtime2 1370908800.000001000");
        assertThat(lines.get(2)).isEqualTo("monotonic1 0.000002000");
        assertThat(lines.get(3)).isEqualTo("monotonic2 0.000003000");
        assertThat(lines.get(4)).isEqualTo("time1 1370908800");
        assertThat(lines.get(6)).startsWith("entropy1 ");
        assertThat(lines.get(6).substring(9)).isNotEqualTo(lines.get(7).substring(9));
    }

    @Test
    void theSeedAndEpochAreTheJobs() {
        String seed0 = Runs.run("clockrand", null).stdout();
        String seed7 = Runs.run(Runs.COMPILED, "clockrand", null, b -> b.seed(7)).stdout();
        String seed7again = Runs.run(Runs.COMPILED, "clockrand", null, b -> b.seed(7)).stdout();
        assertThat(seed7).isEqualTo(seed7again).isNotEqualTo(seed0);
        assertThat(entropy(seed7)).isNotEqualTo(entropy(seed0));
        String later = Runs.run(Runs.COMPILED, "clockrand", null,
                b -> b.epochNanos(2_000_000_000L * 1_000_000_000L)).stdout();
        assertThat(later).startsWith("realtime1 2000000000.000000000\n");
    }

    @Test
    void mapperOutputIsByteIdentical() {
        String text = "b a c a b a\nZebra zebra 42\n".repeat(500);
        byte[] first = Runs.run("wc-map", text).stdoutBytes();
        byte[] second = Runs.run("wc-map", text).stdoutBytes();
        assertThat(first).isEqualTo(second);
        assertThat(new String(first)).startsWith("42\t500\na\t1500\nb\t1000\nc\t500\nzebra\t1000\n");
    }

    private static List<String> entropy(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith("entropy")).toList();
    }
}
