package io.zerostore.node.replication;

import io.netty.buffer.Unpooled;
import io.zerostore.node.diskfile.DiskFile;
import io.zerostore.node.diskfile.DiskFileWriter;
import io.zerostore.node.diskfile.ObjectMetadata;
import io.zerostore.node.diskfile.SuffixHashes;
import io.zerostore.node.testkit.ObjectCluster;
import io.zerostore.node.testkit.TestTimes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: measures what replication costs on this machine. Two nodes, two replicas, node 1
 * holds the objects, node 2 nothing: one pass of node 1 pushes everything (files/s); a second pass
 * finds everything in sync (the cost of comparing); then one large object (MB/s); then the cost
 * of the invalidation every write pays. Run with
 * {@code java -cp <test classpath> io.zerostore.node.replication.ReplicationBench [objects] [MiB]}.
 */
public final class ReplicationBench {
    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        try (ObjectCluster c = ObjectCluster.start(2)) {
            ObjectCluster.Node source = c.node(1);
            byte[] small = new byte[1024];
            new Random(1).nextBytes(small);
            for (int i = 0; i < objects; i++) {
                write(c, source, "small-" + i, small);
            }
            long t0 = System.nanoTime();
            ObjectReplicator.Pass p = source.replicator().runOnce();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("push %d objects of 1 KiB: %.2f s, %.0f files/s (%d partitions, %d failures)%n",
                    p.filesPushed(), s, p.filesPushed() / s, p.partitions(), p.failures());
            t0 = System.nanoTime();
            ObjectReplicator.Pass again = c.replicate();
            s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("in-sync pass of both nodes over %d partitions: %.3f s (%d pushed)%n",
                    again.partitions(), s, again.filesPushed());

            byte[] block = new byte[1 << 20];
            new Random(2).nextBytes(block);
            DiskFile big = source.server().files().get(source.device(), c.partition("big"), ObjectCluster.ACCOUNT,
                    ObjectCluster.CONTAINER, "big");
            try (DiskFileWriter w = big.create((long) mib << 20)) {
                for (int i = 0; i < mib; i++) {
                    w.write(Unpooled.wrappedBuffer(block));
                }
                w.commit(meta(TestTimes.ts(1), (long) mib << 20, w.etag()));
            }
            t0 = System.nanoTime();
            p = source.replicator().runOnce();
            s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("push one %d MiB object: %.2f s, %.0f MiB/s (%d pushed)%n", mib, s, mib / s,
                    p.filesPushed());

            Path partition = source.deviceDir().resolve("objects").resolve("0");
            Files.createDirectories(partition);
            int n = 100_000;
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                SuffixHashes.invalidateSuffix(partition, "abc");
            }
            System.out.printf("invalidate a suffix (every write's cost): %.2f us%n",
                    (System.nanoTime() - t0) / 1e3 / n);
        }
    }

    private static void write(ObjectCluster c, ObjectCluster.Node n, String name, byte[] body) throws Exception {
        DiskFile f = n.server().files().get(n.device(), c.partition(name), ObjectCluster.ACCOUNT,
                ObjectCluster.CONTAINER, name);
        try (DiskFileWriter w = f.create(body.length)) {
            w.write(Unpooled.wrappedBuffer(body));
            w.commit(meta(TestTimes.ts(1), body.length, w.etag()));
        }
    }

    private static ObjectMetadata meta(String ts, long length, String etag) {
        return ObjectMetadata.of(Map.of(ObjectMetadata.TIMESTAMP, ts, ObjectMetadata.CONTENT_LENGTH,
                Long.toString(length), ObjectMetadata.ETAG, etag, ObjectMetadata.CONTENT_TYPE, "application/octet-stream"));
    }
}
