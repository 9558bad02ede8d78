package io.zerostore.bench.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The same wc.c compiled with {@code gcc -O2} and run on the same file (stdin redirected). */
final class NativeWc {
    private NativeWc() {
    }

    /** "1m2.345s" → nanoseconds. */
    static long bashTime(String t) {
        int m = t.indexOf('m');
        double minutes = Double.parseDouble(t.substring(0, m));
        double seconds = Double.parseDouble(t.substring(m + 1, t.length() - 1));
        return (long) ((minutes * 60 + seconds) * 1e9);
    }

    static SandboxBench.Throughput measure(Path source, Path dir, Path input, int repeats,
            String... extraFlags) throws IOException, InterruptedException {
        Path exe = dir.resolve("wc-native" + String.join("", extraFlags));
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("gcc", "-O2"));
        cmd.addAll(java.util.List.of(extraFlags));
        cmd.addAll(java.util.List.of("-o", exe.toString(), source.toString()));
        Process cc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (cc.waitFor() != 0) {
            return new SandboxBench.Throughput(0, 1, 1, 0, "gcc failed: " + ccOut.trim(), false);
        }
        long size = Files.size(input);
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long first = 0;
        String out = "";
        for (int i = 0; i < repeats + 1; i++) { // one warm-up run (page cache)
            long t0 = System.nanoTime();
            // bash's `times` prints the child's user and sys CPU time on its second line
            Process p = new ProcessBuilder("bash", "-c", "\"$0\" < \"$1\"; times", exe.toString(),
                    input.toString()).start();
            String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .trim().split("\n");
            if (p.waitFor() != 0 || lines.length < 3) {
                return new SandboxBench.Throughput(0, 1, 1, 0, "native wc failed", false);
            }
            long ns = System.nanoTime() - t0;
            out = lines[0].trim();
            long cpu = 0;
            for (String t : lines[lines.length - 1].trim().split("\\s+")) {
                cpu += bashTime(t);
            }
            if (i == 0) {
                first = ns;
            } else {
                best = Math.min(best, ns);
                bestCpu = Math.min(bestCpu, cpu);
            }
        }
        return new SandboxBench.Throughput(size, best, first, bestCpu, out, true);
    }
}
