package io.zerostore.bench.sandbox;

import io.zerostore.sandbox.ChicorySandbox;
import io.zerostore.sandbox.Execution;
import io.zerostore.sandbox.Program;
import io.zerostore.sandbox.Report;
import io.zerostore.sandbox.SandboxOptions;
import io.zerostore.sandbox.channel.FileRegionBinding;
import io.zerostore.sandbox.channel.MemoryBinding;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sandbox benchmark, side by side in one run: start-up of a cached compiled program
 * (instantiate + run hello, p50/p99), first-run compile cost, and wc throughput in the sandbox
 * against the same C compiled natively with {@code gcc -O2} on the same input file.
 * Run it with {@code bench/sandbox-bench.sh}.
 */
@Command(name = "sandbox-bench", mixinStandardHelpOptions = true,
        description = "Sandbox start-up, compile cost and wc throughput vs native gcc -O2.")
public final class SandboxBench implements Callable<Integer> {
    @Option(names = "--examples", description = "the examples/ directory (default: ${DEFAULT-VALUE})")
    Path examples = Path.of("examples");

    @Option(names = "--size-mib", description = "wc input size in MiB (default: ${DEFAULT-VALUE})")
    int sizeMib = 256;

    @Option(names = "--startup-runs", description = "measured hello runs (default: ${DEFAULT-VALUE})")
    int startupRuns = 20_000;

    @Option(names = "--repeats", description = "timed wc runs per engine, best taken (default: ${DEFAULT-VALUE})")
    int repeats = 3;

    @Option(names = "--interpreted-mib", description = "input for the interpreter's wc (default: ${DEFAULT-VALUE})")
    int interpretedMib = 8;

    @Option(names = "--compile-warmup-ms",
            description = "time spent warming up the compiler before the warm first-run figures (default: ${DEFAULT-VALUE})")
    long compileWarmupMillis = 3000;

    @Option(names = "--work", description = "scratch directory (default: a new temp dir)")
    Path work;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SandboxBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("sandbox-bench");
        Path wasmDir = examples.resolve("wasm");
        System.out.printf(Locale.ROOT, "sandbox benchmark: JDK %s, %d cpus, Chicory compiler; examples %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                examples.toAbsolutePath().normalize());

        CompileCost.Result cc = CompileCost.measure(wasmDir, compileWarmupMillis);
        cc.lines().forEach(System.out::println);
        StartupLatency.Result st = StartupLatency.measure(Files.readAllBytes(wasmDir.resolve("hello.wasm")),
                startupRuns);
        System.out.println(st);

        Path input = dir.resolve("wc-input-" + sizeMib + "m.txt");
        TextCorpus.write(input, (long) sizeMib << 20);
        Throughput nat = NativeWc.measure(examples.resolve("src/wc.c"), dir, input, repeats);
        Throughput scalar = NativeWc.measure(examples.resolve("src/wc.c"), dir, input, repeats,
                "-fno-tree-vectorize");
        Throughput sb = sandboxWc(Files.readAllBytes(wasmDir.resolve("wc.wasm")), input, repeats, true);
        Path small = dir.resolve("wc-input-" + interpretedMib + "m.txt");
        TextCorpus.write(small, (long) interpretedMib << 20);
        Throughput interp = sandboxWc(Files.readAllBytes(wasmDir.resolve("wc.wasm")), small, 1, false);

        System.out.printf(Locale.ROOT, "wc %d MiB, native gcc -O2:     %s%n", sizeMib, nat);
        System.out.printf(Locale.ROOT, "wc %d MiB, native gcc -O2 -fno-tree-vectorize: %s%n", sizeMib, scalar);
        System.out.printf(Locale.ROOT, "wc %d MiB, sandbox compiled:   %s%n", sizeMib, sb);
        System.out.printf(Locale.ROOT, "wc %d MiB, sandbox interpreted: %s%n", interpretedMib, interp);
        if (nat.ok()) {
            System.out.printf(Locale.ROOT,
                    "ratio sandbox/native: %.2f wall, %.2f per CPU-second  (same output: %s)%n",
                    sb.mbPerSecond() / nat.mbPerSecond(), sb.mbPerCpuSecond() / nat.mbPerCpuSecond(),
                    sb.output().equals(nat.output()));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| metric | value |%n|---|---|%n");
        System.out.printf(Locale.ROOT, "| start-up cached compiled hello p50 / p99 | %.1f µs / %.1f µs |%n",
                st.p50Micros(), st.p99Micros());
        System.out.printf(Locale.ROOT, "| first-run load hello, cold JVM | %.1f ms |%n", cc.coldMillis());
        cc.warmMillis().forEach((name, ms) -> System.out.printf(Locale.ROOT,
                "| first-run load %s, warm compiler (median wall / CPU) | %.2f / %.2f ms |%n", name, ms,
                cc.warmCpuMillis().get(name)));
        System.out.printf(Locale.ROOT, "| wc native gcc -O2 (wall / per CPU-s) | %.0f / %.0f MB/s |%n",
                nat.mbPerSecond(), nat.mbPerCpuSecond());
        System.out.printf(Locale.ROOT, "| wc native gcc -O2 -fno-tree-vectorize (wall / per CPU-s) | %.0f / %.0f MB/s |%n",
                scalar.mbPerSecond(), scalar.mbPerCpuSecond());
        System.out.printf(Locale.ROOT, "| wc sandbox compiled (wall / per CPU-s) | %.0f / %.0f MB/s |%n",
                sb.mbPerSecond(), sb.mbPerCpuSecond());
        System.out.printf(Locale.ROOT, "| wc sandbox interpreted (wall / per CPU-s) | %.1f / %.1f MB/s |%n",
                interp.mbPerSecond(), interp.mbPerCpuSecond());
        if (nat.ok()) {
            System.out.printf(Locale.ROOT, "| ratio sandbox/native gcc -O2 (wall / per CPU-s) | %.2f / %.2f |%n",
                    sb.mbPerSecond() / nat.mbPerSecond(), sb.mbPerCpuSecond() / nat.mbPerCpuSecond());
            System.out.printf(Locale.ROOT, "| ratio sandbox/native scalar (wall / per CPU-s) | %.2f / %.2f |%n",
                    sb.mbPerSecond() / scalar.mbPerSecond(), sb.mbPerCpuSecond() / scalar.mbPerCpuSecond());
        }
        if (work == null) {
            Files.deleteIfExists(input);
            Files.deleteIfExists(small);
        }
        return 0;
    }

    /** wc.wasm over {@code input} as a file-region stdin: first (cold) run, then the best of {@code repeats}. */
    static Throughput sandboxWc(byte[] wasm, Path input, int repeats, boolean compiled) throws IOException {
        try (ChicorySandbox sb = new ChicorySandbox(SandboxOptions.builder().compile(compiled).build());
                FileChannel fc = FileChannel.open(input)) {
            Program p = sb.load(wasm);
            long size = fc.size();
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            long first = 0;
            String out = "";
            for (int i = 0; i < repeats + (compiled ? 1 : 0); i++) {
                MemoryBinding stdout = MemoryBinding.empty(4096);
                long t0 = System.nanoTime();
                Report r = sb.run(Execution.builder(p)
                        .input("/dev/stdin", FileRegionBinding.of(fc, 0, size))
                        .output("/dev/stdout", stdout, 4096)
                        .timeout(java.time.Duration.ofMinutes(30))
                        .build());
                long ns = System.nanoTime() - t0;
                if (!Report.OK.equals(r.status())) {
                    throw new IllegalStateException("wc in the sandbox: " + r.status());
                }
                if (i == 0) {
                    first = ns;
                }
                if (!compiled || i > 0) {
                    best = Math.min(best, ns);
                    bestCpu = Math.min(bestCpu, r.accounting().cpuNanos());
                }
                out = stdout.asString().trim();
            }
            return new Throughput(size, best, first, bestCpu, out, true);
        }
    }

    /**
     * Bytes per run, best wall time, first wall time, best CPU time (user+sys of the process or
     * of the sandbox thread: robust when other work shares the machine), the program's output.
     */
    record Throughput(long bytes, long bestNanos, long firstNanos, long bestCpuNanos, String output,
            boolean ok) {
        double mbPerSecond() {
            return ok ? bytes / (bestNanos / 1e9) / 1e6 : Double.NaN;
        }

        double mbPerCpuSecond() {
            return ok && bestCpuNanos > 0 ? bytes / (bestCpuNanos / 1e9) / 1e6 : Double.NaN;
        }

        @Override
        public String toString() {
            if (!ok) {
                return "n/a (" + output + ")";
            }
            return String.format(Locale.ROOT,
                    "%.0f MB/s wall, %.0f MB/s per CPU-second (best %.3f s, first %.3f s) -> %s",
                    mbPerSecond(), mbPerCpuSecond(), bestNanos / 1e9, firstNanos / 1e9, output);
        }
    }

    static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "p50 %.1f µs, p99 %.1f µs", s[s.length / 2] / 1e3,
                s[(int) (s.length * 0.99)] / 1e3);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
