package io.zerostore.node.index;

import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: measures what durable index writes cost (object rows into one hot container) with
 * and without WAL fsync, one at a time and many in flight (group commit). Run with
 * {@code java -cp <classpath> io.zerostore.node.index.IndexWriteBench <dir on the real disk> [ops]}.
 */
public final class IndexWriteBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/index-bench");
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        HashPath hash = new HashPath("bench", "bench");
        System.out.printf("%-8s %-5s %8s %10s %10s %10s%n", "sync", "inflt", "ops", "ops/s", "mean ms", "ops/commit");
        for (boolean sync : new boolean[] {true, false}) {
            for (int inflight : new int[] {1, 8, 64}) {
                run(dir, hash, sync, inflight, ops, 512);
            }
        }
        run(dir, hash, true, 64, ops, 1); // what 64 writers would cost without grouping
    }

    private static void run(Path dir, HashPath hash, boolean sync, int inflight, int ops, int maxGroup)
            throws Exception {
        Path db = dir.resolve("db-" + System.nanoTime());
        IndexOptions o = new IndexOptions(4096, maxGroup, 2, 256, sync);
        try (IndexDevice device = IndexDevice.open("bench", db, o)) {
            ContainerIndex idx = new RocksDbContainerIndex(device, hash);
            idx.put("AUTH_bench", "c", Timestamp.now(), Metadata.empty(), List.of()).join();
            for (int i = 0; i < 200; i++) { // warm up
                idx.updateObject("AUTH_bench", "c", ObjectRow.put("w" + i, Timestamp.now(), 1, "t", "e")).join();
            }
            long c0 = device.commits();
            long o0 = device.committedOps();
            Semaphore window = new Semaphore(inflight);
            AtomicLong latencyNanos = new AtomicLong();
            CompletableFuture<?>[] all = new CompletableFuture<?>[ops];
            long start = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                window.acquire();
                long t0 = System.nanoTime();
                all[i] = idx.updateObject("AUTH_bench", "c",
                        ObjectRow.put(String.format("obj-%08d", i), Timestamp.now(), 1024, "application/octet-stream",
                                "d41d8cd98f00b204e9800998ecf8427e"))
                        .whenComplete((r, e) -> {
                            latencyNanos.addAndGet(System.nanoTime() - t0);
                            window.release();
                        });
            }
            CompletableFuture.allOf(all).join();
            double secs = (System.nanoTime() - start) / 1e9;
            double perCommit = (double) (device.committedOps() - o0) / Math.max(1, device.commits() - c0);
            System.out.printf("%-8s %-5d %8d %10.0f %10.3f %10.1f%s%n", sync, inflight, ops, ops / secs,
                    latencyNanos.get() / 1e6 / ops, perCommit, maxGroup == 1 ? "  (no grouping)" : "");
        } finally {
            deleteTree(db);
        }
    }

    private static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }
}
