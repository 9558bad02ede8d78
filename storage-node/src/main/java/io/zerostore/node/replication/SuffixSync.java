package io.zerostore.node.replication;

import io.zerostore.common.ring.Device;
import io.zerostore.node.audit.Quarantine;
import io.zerostore.node.diskfile.MetadataTrailer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings one peer up to date with some suffixes of a local partition (Swift's ssync sender): the
 * snapshot's hash directories are offered in batches, and each file the peer wants is pushed. The
 * result names every file of the snapshot the peer now has (or has something newer than), which
 * is what a handoff may delete. A local file that turns out corrupt is quarantined, not sent.
 */
final class SuffixSync {
    /** Hash directories offered per missing check, which bounds its request and answer. */
    static final int OFFER_BATCH = 1000;
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
            for (SuffixIndex.Entry e : batch) {
                for (String f : e.files()) {
                    String k = key(e.hash(), f);
                    if (!wanted.contains(k)) {
                        inSync.add(k);
                        continue;
                    }
                    Path file = index.file(e.suffix(), e.hash(), f);
                    int status = push(client, peer, partition, e.hash(), file);
                    if (status == 201 || status == 409) {
                        inSync.add(k);
                        if (status == 201) {
                            pushed++;
                            long size = size(file);
                            bytes += size;
                            metrics.pushed(device, size);
                        }
                    } else {
                        failures++;
                    }
                }
            }
        }
        return new Result(inSync, pushed, bytes, failures);
    }

    /** Pushes one file; a status other than 201/409 is a failure for this file only. */
    private static int push(ReplicationClient client, Device peer, int partition, String hash, Path file)
            throws ReplicationException {
        try {
            int status = client.push(peer, partition, hash, file);
            if (status == 422 && Quarantine.ifCorrupt(file)) {
                LOG.log(System.Logger.Level.WARNING, peer.hostPort() + " refused " + file + "; it was corrupt");
            }
            return status;
        } catch (MetadataTrailer.CorruptFileException e) {
            quarantine(file, e);
            return 422;
        } catch (ReplicationException e) {
            if (e.status() == 0) {
                throw e; // the peer is gone: stop this sync
            }
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return e.status();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot push " + file + " to " + peer.hostPort(), e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException("interrupted", e);
        }
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
