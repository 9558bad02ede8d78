package io.zerostore.bench.sandbox;

import io.zerostore.sandbox.ChicorySandbox;
import io.zerostore.sandbox.Program;
import io.zerostore.sandbox.SandboxOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 *       {@link Program#compileNanos()}), in wall time and in CPU time of the loading thread
 *       (the figure to trust on a shared machine);</li>
 *   <li>lua again with a compiled-module cache filled by an earlier load (what a node restart
 *       or a pre-filled cache gives).</li>
 * </ul>
 */
final class CompileCost {
    private static final String[] MEASURED = {"hello", "wc", "sort", "lua"};
    private static final String[] WARMUP = {"cat", "grep", "wc-map", "wc-reduce", "clockrand", "trap", "quota"};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompileCost() {
    }

    /** The printed lines, the cold first load (ms) and the warm medians (ms) by program. */
    record Result(List<String> lines, double coldMillis, Map<String, Double> warmMillis,
            Map<String, Double> warmCpuMillis) {
    }

    static Result measure(Path wasmDir, long warmupMillis) throws IOException {
        List<String> lines = new ArrayList<>();
        Map<String, Double> warm = new LinkedHashMap<>();
        Map<String, Double> warmCpu = new LinkedHashMap<>();
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
            long[] cpu = new long[n];
            String engine = "";
            for (int i = 0; i < n; i++) {
                long c = THREADS.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                Program p = load(wasm);
                total[i] = System.nanoTime() - s;
                cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
                compile[i] = p.compileNanos();
                engine = p.engine().toString();
            }
            long[] sorted = total.clone();
            Arrays.sort(sorted);
            long median = sorted[n / 2];
            int at = indexOf(total, median);
            long[] cpuSorted = cpu.clone();
            Arrays.sort(cpuSorted);
            lines.add(String.format(Locale.ROOT,
                    "first-run load, warm, %-6s %7d bytes: median %.2f ms wall (decode+validate %.2f ms, compile+define"
                            + " %.2f ms), median %.2f ms CPU of the loading thread (%s)",
                    name, wasm.length, median / 1e6, (median - compile[at]) / 1e6, compile[at] / 1e6,
                    cpuSorted[n / 2] / 1e6, engine));
            warm.put(name, median / 1e6);
            warmCpu.put(name, cpuSorted[n / 2] / 1e6);
        }

        // the same first load when an earlier JVM left the compiled classes on disk
        Path lua = wasmDir.resolve("lua.wasm");
        if (Files.exists(lua)) {
            byte[] wasm = Files.readAllBytes(lua);
            Path dir = Files.createTempDirectory("sandbox-bench-classes");
            try {
                SandboxOptions opts = SandboxOptions.builder().compiledCacheDir(dir).build();
                load(wasm, opts); // fills the directory
                long[] t = new long[5];
                long[] c = new long[5];
                for (int i = 0; i < t.length; i++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    load(wasm, opts);
                    t[i] = System.nanoTime() - s;
                    c[i] = THREADS.getCurrentThreadCpuTime() - c0;
                }
                Arrays.sort(t);
                Arrays.sort(c);
                lines.add(String.format(Locale.ROOT,
                        "first-run load, warm, lua with its classes in the compiled-module cache: median %.2f ms wall,"
                                + " %.2f ms CPU", t[t.length / 2] / 1e6, c[c.length / 2] / 1e6));
                warm.put("lua (compiled-module cache)", t[t.length / 2] / 1e6);
                warmCpu.put("lua (compiled-module cache)", c[c.length / 2] / 1e6);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
        return new Result(lines, cold, warm, warmCpu);
    }

    private static Program load(byte[] wasm) {
        return load(wasm, SandboxOptions.defaults());
    }

    private static Program load(byte[] wasm, SandboxOptions options) {
        try (ChicorySandbox sb = new ChicorySandbox(options)) {
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
