package io.zerostore.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.sandbox.channel.ChannelSpec;
import io.zerostore.sandbox.channel.MemoryBinding;
import io.zerostore.sandbox.channel.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ZeroVM's map-reduce: 3 mappers and 2 reducers wired by bounded pipes (every mapper has
 * /dev/out/red-1 and /dev/out/red-2, every reducer /dev/in/map-1..3), each instance on its own
 * pool thread; the reducers' outputs together equal a word count computed here.
 */
@Timeout(60)
class MapReduceTest {
    private static final int PIPE_BYTES = 4096; // small, so backpressure really happens

    @Test
    void mappersAndReducersTalkThroughDevOutAndDevIn() throws Exception {
        List<String> parts = List.of(
                "alpha beta gamma\n".repeat(2000) + "Delta delta",
                "beta beta zeta\n".repeat(3000),
                "omega alpha 7 seven\n".repeat(1500));
        int maps = parts.size();
        int reds = 2;
        Pipe[][] pipes = new Pipe[maps][reds];
        for (int m = 0; m < maps; m++) {
            for (int r = 0; r < reds; r++) {
                pipes[m][r] = new Pipe(PIPE_BYTES);
            }
        }
        Program mapper = Runs.COMPILED.load(Examples.bytes("wc-map"));
        Program reducer = Runs.COMPILED.load(Examples.bytes("wc-reduce"));
        ExecutorService pool = Executors.newFixedThreadPool(maps + reds);
        try {
            List<Future<Report>> mapRuns = new ArrayList<>();
            for (int m = 0; m < maps; m++) {
                Execution.Builder b = Execution.builder(mapper).args("map-" + (m + 1))
                        .input("/dev/stdin", MemoryBinding.of(parts.get(m)))
                        .timeout(Duration.ofSeconds(30));
                for (int r = 0; r < reds; r++) {
                    b.output("/dev/out/red-" + (r + 1), pipes[m][r].sink(), ChannelSpec.MAX_LIMIT);
                }
                Execution e = b.build();
                mapRuns.add(pool.submit(() -> Runs.COMPILED.run(e)));
            }
            List<MemoryBinding> outs = new ArrayList<>();
            List<Future<Report>> redRuns = new ArrayList<>();
            for (int r = 0; r < reds; r++) {
                MemoryBinding out = MemoryBinding.empty(1 << 20);
                outs.add(out);
                Execution.Builder b = Execution.builder(reducer).args("red-" + (r + 1))
                        .output("/dev/stdout", out, 1 << 20).timeout(Duration.ofSeconds(30));
                for (int m = 0; m < maps; m++) {
                    b.input("/dev/in/map-" + (m + 1), pipes[m][r].source());
                }
                Execution e = b.build();
                redRuns.add(pool.submit(() -> Runs.COMPILED.run(e)));
            }
            for (Future<Report> f : mapRuns) {
                Report rep = f.get();
                assertThat(rep.status()).isEqualTo(Report.OK);
                assertThat(rep.accounting().network().putBytes()).isPositive();
            }
            Map<String, Long> got = new TreeMap<>();
            for (int r = 0; r < reds; r++) {
                Report rep = redRuns.get(r).get();
                assertThat(rep.status()).isEqualTo(Report.OK);
                assertThat(rep.retcode()).isZero();
                assertThat(outs.get(r).asString()).isNotEmpty();
                for (String line : outs.get(r).asString().split("\n")) {
                    String[] kv = line.split("\t");
                    assertThat(got.put(kv[0], Long.parseLong(kv[1])))
                            .as("each word goes to exactly one reducer").isNull();
                }
            }
            assertThat(got).isEqualTo(expected(parts));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Long> expected(List<String> parts) {
        return parts.stream()
                .flatMap(p -> List.of(p.split("[^A-Za-z0-9]+")).stream())
                .filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT))
                .collect(Collectors.groupingBy(w -> w, TreeMap::new, Collectors.counting()));
    }
}
