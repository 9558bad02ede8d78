package io.zerostore.node.replication;

import io.zerostore.common.ring.Device;
import io.zerostore.node.diskfile.SuffixHashes;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replication of a partition this device holds as a handoff (Swift's {@code update_deleted}): every
 * suffix goes to every primary, and the files that all primaries confirmed (they have them, or
 * something newer) are deleted here; the partition directory goes once it is empty. Confirmation
 * is per file of a snapshot taken first, so a write landing here during the sync survives for the
 * next pass. If any primary cannot be reached, nothing is deleted.
 */
final class HandoffRevert {
    private static final System.Logger LOG = System.getLogger(HandoffRevert.class.getName());

    private HandoffRevert() {}

    static void run(ReplicationJob job, ReplicatorContext ctx, PassStats stats) throws IOException {
        String dev = job.local().device();
        TreeMap<String, String> local = SuffixHashes.get(job.partition(), List.of(), true, ctx.reclaimAge(),
                ctx.now());
        SuffixIndex index = SuffixIndex.scan(job.partition(), local.keySet());
        if (index.isEmpty()) {
            removePartition(job, ctx, stats);
            return;
        }
        Set<String> confirmed = null;
        for (Device primary : job.primaries()) {
            Set<String> ok = new HashSet<>();
            try {
                TreeMap<String, String> remote = ctx.client().replicate(primary, job.part(), List.of());
                List<String> differ = new ArrayList<>();
                for (String s : index.suffixes()) {
                    if (index.digest(s).equals(remote.get(s))) {
                        index.entries(s).forEach(e -> e.files().forEach(f -> ok.add(SuffixSync.key(e.hash(), f))));
                    } else {
                        differ.add(s);
                    }
                }
                if (!differ.isEmpty()) {
                    SuffixSync.Result r = SuffixSync.run(ctx.client(), primary, job.part(), index, differ,
                            ctx.metrics(), dev);
                    stats.add(r);
                    stats.suffixesSynced += differ.size();
                    ctx.metrics().suffixesSynced(dev, differ.size());
                    ok.addAll(r.inSync());
                }
            } catch (ReplicationException e) {
                stats.failures++;
                ctx.metrics().failure(dev);
                LOG.log(System.Logger.Level.DEBUG, "handoff " + job.partition() + " stays: " + e.getMessage());
                return;
            }
            if (confirmed == null) {
                confirmed = ok;
            } else {
                confirmed.retainAll(ok);
            }
        }
        if (confirmed != null) {
            deleteConfirmed(index, confirmed);
            removePartition(job, ctx, stats);
        }
    }

    /** Deletes the snapshot's files that every primary confirmed, then the directories left empty. */
    private static void deleteConfirmed(SuffixIndex index, Set<String> confirmed) throws IOException {
        Set<String> touched = new TreeSet<>();
        for (String suffix : index.suffixes()) {
            for (SuffixIndex.Entry e : index.entries(suffix)) {
                boolean any = false;
                for (String f : e.files()) {
                    if (confirmed.contains(SuffixSync.key(e.hash(), f))) {
                        Files.deleteIfExists(index.file(suffix, e.hash(), f));
                        any = true;
                    }
                }
                if (any) {
                    touched.add(suffix);
                    removeIfEmpty(index.partition().resolve(suffix).resolve(e.hash()));
                }
            }
        }
        for (String suffix : touched) {
            removeIfEmpty(index.partition().resolve(suffix));
            SuffixHashes.invalidateSuffix(index.partition(), suffix);
        }
    }

    private static void removePartition(ReplicationJob job, ReplicatorContext ctx, PassStats stats)
            throws IOException {
        if (SuffixHashes.suffixDirs(job.partition()).isEmpty() && SuffixHashes.removeIfOnlyCache(job.partition())) {
            stats.handoffsRemoved++;
            ctx.metrics().handoffRemoved(job.local().device());
        }
    }

    private static void removeIfEmpty(Path dir) throws IOException {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // newer files arrived, or files a primary did not confirm
        }
    }
}
