package io.zerostore.bench.sandbox;

import io.zerostore.sandbox.ChicorySandbox;
import io.zerostore.sandbox.Execution;
import io.zerostore.sandbox.Program;
import io.zerostore.sandbox.Report;
import io.zerostore.sandbox.channel.MemoryBinding;
import java.util.Arrays;
import java.util.Locale;

/**
 * Start-up of a cached compiled program: each sample is one complete run of hello.wasm — build
 * the execution, instantiate from the cached machine factory, run {@code _start}, collect the
 * report — on a warm JVM.
 */
final class StartupLatency {
    private StartupLatency() {
    }

    record Result(int runs, double p50Micros, double p99Micros, double meanMicros) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "start-up, cached compiled hello (instantiate + run, %d runs): p50 %.1f µs, p99 %.1f µs, mean %.1f µs",
                    runs, p50Micros, p99Micros, meanMicros);
        }
    }

    static Result measure(byte[] hello, int runs) {
        try (ChicorySandbox sb = new ChicorySandbox()) {
            Program p = sb.load(hello);
            int warmup = Math.max(2000, runs / 2);
            for (int i = 0; i < warmup; i++) {
                once(sb, p);
            }
            long[] samples = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                once(sb, p);
                samples[i] = System.nanoTime() - t0;
            }
            Arrays.sort(samples);
            double mean = Arrays.stream(samples).average().orElse(0) / 1e3;
            return new Result(runs, samples[runs / 2] / 1e3, samples[(int) (runs * 0.99)] / 1e3, mean);
        }
    }

    private static void once(ChicorySandbox sb, Program p) {
        MemoryBinding out = MemoryBinding.empty(64);
        Report r = sb.run(Execution.builder(p).output("/dev/stdout", out, 64).build());
        if (r.retcode() != 0 || out.size() != 14) {
            throw new IllegalStateException("hello failed: " + r.status());
        }
    }
}
