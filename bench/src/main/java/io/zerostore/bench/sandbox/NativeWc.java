package io.zerostore.bench.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The same wc.c compiled with {@code gcc -O2} and run on the same file (stdin redirected). */
final class NativeWc {
    private NativeWc() {
    }

    static SandboxBench.Throughput measure(Path source, Path dir, Path input, int repeats)
            throws IOException, InterruptedException {
        Path exe = dir.resolve("wc-native");
        Process cc = new ProcessBuilder("gcc", "-O2", "-o", exe.toString(), source.toString())
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (cc.waitFor() != 0) {
            return new SandboxBench.Throughput(0, 1, 1, "gcc failed: " + ccOut.trim(), false);
        }
        long size = Files.size(input);
        long best = Long.MAX_VALUE;
        long first = 0;
        String out = "";
        for (int i = 0; i < repeats + 1; i++) { // one warm-up run (page cache)
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(exe.toString()).redirectInput(input.toFile()).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                return new SandboxBench.Throughput(0, 1, 1, "native wc failed", false);
            }
            long ns = System.nanoTime() - t0;
            if (i == 0) {
                first = ns;
            } else {
                best = Math.min(best, ns);
            }
        }
        return new SandboxBench.Throughput(size, best, first, out, true);
    }
}
