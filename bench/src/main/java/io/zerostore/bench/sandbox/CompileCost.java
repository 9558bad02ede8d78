package io.zerostore.bench.sandbox;

import io.zerostore.sandbox.ChicorySandbox;
import io.zerostore.sandbox.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * First-run cost: what {@code Sandbox.load} pays on a cache miss (decode + validate + compile to
 * JVM bytecode + define the classes), per program, each time in a fresh sandbox so nothing is
 * cached. Two figures, because the compiler is itself Java code that HotSpot has to warm up:
 * <ul>
 *   <li>cold: the very first load in this JVM (hello.wasm; includes loading the compiler's
 *       classes and running it in the bytecode interpreter);</li>
 *   <li>warm: a node that has been compiling programs for a while — the compiler is warmed up
 *       first by loading the other example programs for {@code warmupMillis}, then each program
 *       is loaded several times (median, with the split validate / compile from
 *       {@link Program#compileNanos()}).</li>
 * </ul>
 */
final class CompileCost {
    private static final String[] MEASURED = {"hello", "wc", "sort", "lua"};
    private static final String[] WARMUP = {"cat", "grep", "wc-map", "wc-reduce", "clockrand", "trap", "quota"};

    private CompileCost() {
    }

    /** The printed lines, the cold first load (ms) and the warm medians (ms) by program. */
    record Result(List<String> lines, double coldMillis, Map<String, Double> warmMillis) {
    }

    static Result measure(Path wasmDir, long warmupMillis) throws IOException {
        List<String> lines = new ArrayList<>();
        Map<String, Double> warm = new LinkedHashMap<>();
        byte[] hello = Files.readAllBytes(wasmDir.resolve("hello.wasm"));
        long t0 = System.nanoTime();
        Program first = load(hello);
        double cold = (System.nanoTime() - t0) / 1e6;
        lines.add(String.format(Locale.ROOT, "first-run load, cold JVM (first load ever), hello: %.1f ms (%s)",
                cold, first.engine()));

        List<byte[]> warmup = new ArrayList<>();
        for (String name : WARMUP) {
            Path f = wasmDir.resolve(name + ".wasm");
            if (Files.exists(f)) {
                warmup.add(Files.readAllBytes(f));
            }
        }
        long end = System.nanoTime() + warmupMillis * 1_000_000;
        int loads = 0;
        while (System.nanoTime() < end && !warmup.isEmpty()) {
            load(warmup.get(loads++ % warmup.size()));
        }
        lines.add(String.format(Locale.ROOT, "compiler warm-up: %d loads of other programs in %d ms", loads,
                warmupMillis));

        for (String name : MEASURED) {
            Path f = wasmDir.resolve(name + ".wasm");
            if (!Files.exists(f)) {
                continue;
            }
            byte[] wasm = Files.readAllBytes(f);
            int n = name.equals("lua") ? 5 : 11;
            long[] total = new long[n];
            long[] compile = new long[n];
            String engine = "";
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                Program p = load(wasm);
                total[i] = System.nanoTime() - s;
                compile[i] = p.compileNanos();
                engine = p.engine().toString();
            }
            long[] sorted = total.clone();
            Arrays.sort(sorted);
            long median = sorted[n / 2];
            int at = indexOf(total, median);
            lines.add(String.format(Locale.ROOT,
                    "first-run load, warm, %-6s %7d bytes: median %.2f ms (decode+validate %.2f ms, compile+define"
                            + " %.2f ms), min %.2f ms (%s)",
                    name, wasm.length, median / 1e6, (median - compile[at]) / 1e6, compile[at] / 1e6,
                    sorted[0] / 1e6, engine));
            warm.put(name, median / 1e6);
        }
        return new Result(lines, cold, warm);
    }

    private static Program load(byte[] wasm) {
        try (ChicorySandbox sb = new ChicorySandbox()) {
            return sb.load(wasm);
        }
    }

    private static int indexOf(long[] a, long v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return 0;
    }
}
