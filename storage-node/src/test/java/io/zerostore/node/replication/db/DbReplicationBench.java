package io.zerostore.node.replication.db;

import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.ContainerIndex;
import io.zerostore.node.index.Metadata;
import io.zerostore.node.index.ObjectRow;
import io.zerostore.node.server.ContainerServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Not a test: how fast one container's rows reach two replicas that lack them (one pass of the
 * replicator of the replica that has them), on three real nodes on loopback. Run with
 * {@code java -cp <test classpath> io.zerostore.node.replication.db.DbReplicationBench [rows] [per_diff]}.
 */
public final class DbReplicationBench {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perDiff = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        try (NodeCluster c = NodeCluster.start(3, "[container-replicator]\nper_diff = " + perDiff
                + "\nmax_diffs = 100000\n")) {
            NodeCluster.Node source = c.containerPrimaries("AUTH_bench", "c").get(0);
            ContainerIndex idx = source.running.server(ContainerServer.class).orElseThrow().devices()
                    .containers(source.device()).join();
            idx.put("AUTH_bench", "c", Timestamp.now(), Metadata.empty(), List.of()).join();
            List<CompletableFuture<?>> writes = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                writes.add(idx.updateObject("AUTH_bench", "c", ObjectRow.put(String.format("obj-%08d", i),
                        Timestamp.now(), 1024, "application/octet-stream", "d41d8cd98f00b204e9800998ecf8427e")));
                if (writes.size() == 2000) {
                    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
                    writes.clear();
                }
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
            long t0 = System.nanoTime();
            DbReplicator.Pass pass = source.containerReplicator().runOnce();
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("rows %d per_diff %d: pushed %d rows to 2 replicas in %.2f s = %.0f rows/s (%s)%n",
                    rows, perDiff, pass.rowsPushed(), secs, pass.rowsPushed() / secs, pass);
            t0 = System.nanoTime();
            DbReplicator.Pass again = source.containerReplicator().runOnce();
            System.out.printf("in-sync pass: %.3f s (%s)%n", (System.nanoTime() - t0) / 1e9, again);
            manyContainers(c, args.length > 2 ? Integer.parseInt(args[2]) : 2000);
        }
    }

    /** Many small containers created on every replica: the cost of a pass that finds all in sync. */
    private static void manyContainers(NodeCluster c, int count) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (NodeCluster.Node n : c.nodes) {
            ContainerIndex idx = n.running.server(ContainerServer.class).orElseThrow().devices()
                    .containers(n.device()).join();
            for (int i = 0; i < count; i++) {
                String name = "many-" + i;
                writes.add(idx.put("AUTH_many", name, Timestamp.now(), Metadata.empty(), List.of())
                        .thenCompose(x -> idx.updateObject("AUTH_many", name,
                                ObjectRow.put("o", new Timestamp(1_700_000_000L * Timestamp.TICKS_PER_SECOND, 0), 1,
                                        "t", "e"))));
            }
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        c.replicateAll(); // first pass: rows echo once
        NodeCluster.Node n = c.nodes.get(0);
        long t0 = System.nanoTime();
        DbReplicator.Pass pass = n.containerReplicator().runOnce();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d containers in sync: pass %.2f s = %.0f records/s (%s)%n", pass.records(), secs,
                pass.records() / secs, pass);
    }
}
