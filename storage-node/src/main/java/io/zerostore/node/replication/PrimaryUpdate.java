package io.zerostore.node.replication;

import io.zerostore.common.ring.Device;
import io.zerostore.node.diskfile.SuffixHashes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replication of a partition this device is a primary for (Swift's {@code update}): for each other
 * primary, compare suffix hashes, re-hash the local suffixes that differ (the cache may be
 * stale), and sync the ones that still differ. A primary whose device is unusable (507) is
 * replaced by the next handoff, so the partition keeps its replica count while a disk is dead.
 * Push-only: a peer with newer files pushes them itself on its own pass.
 */
final class PrimaryUpdate {
    private static final System.Logger LOG = System.getLogger(PrimaryUpdate.class.getName());

    private PrimaryUpdate() {}

    static void run(ReplicationJob job, ReplicatorContext ctx, boolean listDir, PassStats stats) throws IOException {
        TreeMap<String, String> local = SuffixHashes.get(job.partition(), List.of(), listDir, ctx.reclaimAge(),
                ctx.now());
        if (local.isEmpty()) {
            return;
        }
        List<Device> targets = new ArrayList<>(job.peers());
        Iterator<Device> spares = null;
        for (int i = 0; i < targets.size(); i++) {
            Device peer = targets.get(i);
            TreeMap<String, String> remote;
            try {
                remote = ctx.client().replicate(peer, job.part(), List.of());
            } catch (ReplicationException e) {
                stats.failures++;
                ctx.metrics().failure(job.local().device());
                LOG.log(System.Logger.Level.DEBUG, e.getMessage());
                if (e.status() == 507) {
                    spares = spares == null ? spareHandoffs(job) : spares;
                    if (spares.hasNext()) {
                        targets.add(spares.next());
                    }
                }
                continue;
            }
            List<String> differ = differing(local, remote, local.keySet());
            if (differ.isEmpty()) {
                continue;
            }
            local = SuffixHashes.get(job.partition(), differ, false, ctx.reclaimAge(), ctx.now());
            differ = differing(local, remote, differ);
            if (differ.isEmpty()) {
                continue;
            }
            SuffixIndex index = SuffixIndex.scan(job.partition(), differ);
            try {
                SuffixSync.Result r = SuffixSync.run(ctx.client(), peer, job.part(), index, differ, ctx.metrics(),
                        job.local().device());
                stats.add(r);
                stats.suffixesSynced += differ.size();
                ctx.metrics().suffixesSynced(job.local().device(), differ.size());
            } catch (ReplicationException e) {
                stats.failures++;
                ctx.metrics().failure(job.local().device());
                LOG.log(System.Logger.Level.DEBUG, e.getMessage());
            }
        }
    }

    /** Local suffixes among {@code candidates} whose hash is unknown or differs from the peer's. */
    static List<String> differing(Map<String, String> local, Map<String, String> remote, Iterable<String> candidates) {
        List<String> out = new ArrayList<>();
        for (String s : candidates) {
            String mine = local.get(s);
            if (local.containsKey(s) && (mine == null || !mine.equals(remote.get(s)))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Handoffs in ring order, without this device and without the primaries. */
    private static Iterator<Device> spareHandoffs(ReplicationJob job) {
        List<Device> spare = new ArrayList<>();
        for (Device d : job.ring().handoffs(job.part())) {
            if (d.id() != job.local().id()) {
                spare.add(d);
            }
            if (spare.size() >= job.primaries().size()) {
                break;
            }
        }
        return spare.iterator();
    }
}
