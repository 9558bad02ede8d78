package io.zerostore.node.replication;

import io.zerostore.common.ring.Device;
import io.zerostore.node.audit.Quarantine;
import io.zerostore.node.diskfile.MetadataTrailer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

/**
 * Brings one peer up to date with some suffixes of a local partition (Swift's ssync sender): the
 * snapshot's hash directories are offered in batches, and each file the peer wants is pushed. The
 * result names every file of the snapshot the peer now has (or has something newer than), which
 * is what a handoff may delete. A local file that turns out corrupt is quarantined, not sent.
 */
final class SuffixSync {
    /** Hash directories offered per missing check, which bounds its request and answer. */
    static final int OFFER_BATCH = 1000;
    /**
     * Pushes in flight to one peer: small files are bound by the receiver's fsyncs, and its disk
     * threads (threads_per_device, 8 by default) can overlap that many.
     */
    static final int PUSH_WINDOW = 8;
    private static final System.Logger LOG = System.getLogger(SuffixSync.class.getName());

    /** What one sync achieved; {@code inSync} holds {@link #key} strings. */
    record Result(Set<String> inSync, int pushed, long bytes, int failures) {}

    private SuffixSync() {}

    static String key(String hash, String file) {
        return hash + "/" + file;
    }

    static Result run(ReplicationClient client, Device peer, int partition, SuffixIndex index,
                      List<String> suffixes, ReplicationMetrics metrics, String device) throws ReplicationException {
        List<SuffixIndex.Entry> entries = index.entries(suffixes);
        Set<String> inSync = new HashSet<>();
        int pushed = 0;
        long bytes = 0;
        int failures = 0;
        for (int from = 0; from < entries.size(); from += OFFER_BATCH) {
            List<SuffixIndex.Entry> batch = entries.subList(from, Math.min(entries.size(), from + OFFER_BATCH));
            List<MissingCheck.Want> wants = client.missingCheck(peer, partition, MissingCheck.encodeOffers(batch));
            Set<String> wanted = new HashSet<>();
            wants.forEach(w -> wanted.add(key(w.hash(), w.file())));
            List<Push> pushes = new ArrayList<>();
            Semaphore window = new Semaphore(PUSH_WINDOW);
            for (SuffixIndex.Entry e : batch) {
                for (String f : e.files()) {
                    String k = key(e.hash(), f);
                    if (!wanted.contains(k)) {
                        inSync.add(k);
                    } else {
                        acquire(window);
                        Push p = start(client, peer, partition, e.hash(), index.file(e.suffix(), e.hash(), f), k);
                        p.status().whenComplete((x, err) -> window.release());
                        pushes.add(p);
                    }
                }
            }
            boolean peerGone = false;
            for (Push p : pushes) {
                int status = finish(peer, p);
                if (status == 201 || status == 409) {
                    inSync.add(p.key());
                    if (status == 201) {
                        pushed++;
                        long size = size(p.file());
                        bytes += size;
                        metrics.pushed(device, size);
                    }
                } else {
                    failures++;
                    peerGone |= status == 0;
                }
            }
            if (peerGone) {
                throw new ReplicationException("lost " + peer.hostPort() + " while pushing to it", null);
            }
        }
        return new Result(inSync, pushed, bytes, failures);
    }

    /** One push in flight. */
    private record Push(String key, Path file, CompletableFuture<Integer> status) {}

    private static void acquire(Semaphore window) throws ReplicationException {
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException("interrupted", e);
        }
    }

    /** Starts a push; a local file that cannot be sent (corrupt, unreadable) ends at once as a failure. */
    private static Push start(ReplicationClient client, Device peer, int partition, String hash, Path file,
                              String key) {
        CompletableFuture<Integer> status;
        try {
            status = client.push(peer, partition, hash, file);
        } catch (MetadataTrailer.CorruptFileException e) {
            quarantine(file, e);
            status = CompletableFuture.completedFuture(422);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot push " + file + " to " + peer.hostPort(), e);
            status = CompletableFuture.completedFuture(-1);
        }
        return new Push(key, file, status);
    }

    /**
     * The push's status: 201/409 in sync, 422 refused (the local copy is checked and quarantined if
     * bad), 0 when the peer did not answer, another status when it refused.
     */
    private static int finish(Device peer, Push p) throws ReplicationException {
        int status;
        try {
            status = p.status().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ReplicationException r) {
                LOG.log(System.Logger.Level.DEBUG, r.getMessage());
                return r.status();
            }
            LOG.log(System.Logger.Level.WARNING, "push of " + p.file() + " failed", e.getCause());
            return -1;
        }
        if (status == 422) {
            try {
                if (Quarantine.ifCorrupt(p.file())) {
                    LOG.log(System.Logger.Level.WARNING, peer.hostPort() + " refused " + p.file() + "; it was corrupt");
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot check " + p.file(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplicationException("interrupted", e);
            }
        }
        return status;
    }

    private static void quarantine(Path file, IOException why) {
        try {
            Quarantine.move(file, why.getMessage());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot quarantine " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
