package io.zerostore.bench.sandbox;

import io.zerostore.sandbox.ChicorySandbox;
import io.zerostore.sandbox.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * First-run cost: what {@code Sandbox.load} pays on a cache miss (decode + validate + compile to
 * JVM bytecode), per program, in a fresh sandbox each time. The very first load of the JVM also
 * loads the compiler itself ("cold"); later loads show the warm cost (median of 5).
 */
final class CompileCost {
    private CompileCost() {
    }

    static List<String> measure(Path wasmDir) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean cold = true;
        for (String name : new String[] {"hello", "wc", "sort", "lua"}) {
            Path f = wasmDir.resolve(name + ".wasm");
            if (!Files.exists(f)) {
                continue;
            }
            byte[] wasm = Files.readAllBytes(f);
            int n = name.equals("lua") ? 2 : 6;
            long[] ns = new long[n];
            String engine = "";
            for (int i = 0; i < n; i++) {
                try (ChicorySandbox sb = new ChicorySandbox()) {
                    long t0 = System.nanoTime();
                    Program p = sb.load(wasm);
                    ns[i] = System.nanoTime() - t0;
                    engine = p.engine().toString();
                }
            }
            long first = ns[0];
            long[] rest = Arrays.copyOfRange(ns, 1, n);
            Arrays.sort(rest);
            lines.add(String.format(Locale.ROOT,
                    "first-run load %-6s %7d bytes: %s%.1f ms, warm median %.1f ms (%s)",
                    name, wasm.length, cold ? "cold JVM " : "first ", first / 1e6,
                    rest[rest.length / 2] / 1e6, engine));
            cold = false;
        }
        return lines;
    }
}
