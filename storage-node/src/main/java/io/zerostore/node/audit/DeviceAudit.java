package io.zerostore.node.audit;

import io.micrometer.core.instrument.Counter;
import io.zerostore.common.metrics.Metrics;
import io.zerostore.node.diskfile.HashDir;
import io.zerostore.node.diskfile.MetadataTrailer.CorruptFileException;
import io.zerostore.node.diskfile.SuffixHashes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One audit pass over one device: every partition, suffix and hash directory in order, each file
 * that counts verified at the configured rate, bad files quarantined. While it walks a suffix it
 * also computes the suffix's hash from what it saw and invalidates a cached hash that disagrees
 * (a file lost outside the object server, an invalidation lost in a crash), so the replicator
 * repairs what the cache would hide; a suffix holding tombstones older than {@code reclaim_age} or
 * obsolete files is invalidated too, so that hashing it again reclaims them.
 */
final class DeviceAudit {
    private static final System.Logger LOG = System.getLogger(DeviceAudit.class.getName());

    private final String name;
    private final Path device;
    private final RatePacer files;
    private final RatePacer bytes;
    private final long reclaimAge;
    long filesChecked;
    long bytesRead;
    int quarantined;
    int invalidated;
    int errors;

    DeviceAudit(String name, Path device, AuditorConfig config, long reclaimAge) {
        this.name = name;
        this.device = device;
        this.reclaimAge = reclaimAge;
        this.files = new RatePacer(config.filesPerSecond());
        this.bytes = new RatePacer(config.bytesPerSecond());
    }

    void run() throws InterruptedException {
        for (String part : numericDirs(device.resolve("objects"))) {
            Path partition = device.resolve("objects").resolve(part);
            try {
                auditPartition(partition);
            } catch (IOException e) {
                errors++;
                LOG.log(System.Logger.Level.WARNING, "audit of " + partition + " failed", e);
            }
        }
        Counter.builder("zerostore.audit.files").description("version files verified by the auditor")
                .tag("device", name).register(Metrics.registry()).increment(filesChecked);
        Counter.builder("zerostore.audit.bytes").description("bytes read by the auditor")
                .tag("device", name).register(Metrics.registry()).increment(bytesRead);
    }

    private void auditPartition(Path partition) throws IOException, InterruptedException {
        boolean haveCache = Files.exists(partition.resolve(SuffixHashes.HASHES));
        Map<String, String> cached = haveCache ? SuffixHashes.cached(partition) : Map.of();
        Set<String> seen = new HashSet<>();
        for (String suffix : SuffixHashes.suffixDirs(partition)) {
            seen.add(suffix);
            SuffixHashes.Digest digest = new SuffixHashes.Digest();
            boolean changed = false;
            boolean cleanable = false;
            double reclaimBefore = System.currentTimeMillis() / 1000.0 - reclaimAge;
            for (String hash : hashDirs(partition.resolve(suffix))) {
                HashDir.Contents c = HashDir.scan(partition.resolve(suffix).resolve(hash));
                for (HashDir.Entry e : new HashDir.Entry[] {c.tombstone(), c.data(), c.meta()}) {
                    if (e != null) {
                        changed |= !audit(e.path());
                    }
                }
                cleanable |= !c.obsolete().isEmpty() || (c.data() == null && olderThan(c, reclaimBefore));
                digest.add(hash, c);
            }
            String expected = cached.get(suffix);
            String actual = digest.isEmpty() ? null : digest.hex();
            // a suffix whose tombstones are due, or with leftovers, is hashed (and so cleaned) again
            if (haveCache && !changed && (cleanable || expected == null || !expected.equals(actual))) {
                SuffixHashes.invalidateSuffix(partition, suffix);
                invalidated++;
            }
        }
        for (String suffix : cached.keySet()) {
            if (!seen.contains(suffix)) {
                SuffixHashes.invalidateSuffix(partition, suffix);
                invalidated++;
            }
        }
    }

    /** A tombstone or a lone .meta old enough to be reclaimed. */
    private static boolean olderThan(HashDir.Contents c, double seconds) {
        HashDir.Entry e = c.tombstone() != null ? c.tombstone() : c.meta();
        return e != null && e.timestamp().ticks() / (double) io.zerostore.common.swift.Timestamp.TICKS_PER_SECOND
                < seconds;
    }

    /** Verifies one file; false when it was quarantined or went away meanwhile. */
    private boolean audit(Path file) throws InterruptedException {
        files.acquire(1);
        try {
            bytesRead += ObjectVerifier.verify(file, bytes::acquire);
            filesChecked++;
            return true;
        } catch (CorruptFileException e) {
            filesChecked++;
            try {
                Quarantine.move(file, e.getMessage());
                quarantined++;
                Counter.builder("zerostore.audit.quarantined").description("bad files moved to quarantine")
                        .tag("device", name).register(Metrics.registry()).increment();
            } catch (NoSuchFileException gone) {
                // replaced meanwhile: nothing bad is left in service
            } catch (IOException q) {
                errors++;
                LOG.log(System.Logger.Level.ERROR, "cannot quarantine " + file, q);
            }
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            errors++;
            LOG.log(System.Logger.Level.WARNING, "cannot audit " + file, e);
            return false;
        }
    }

    static List<String> numericDirs(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && n.chars().allMatch(Character::isDigit) && Files.isDirectory(p)) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            return names;
        }
        names.sort(java.util.Comparator.comparingLong(Long::parseLong));
        return names;
    }

    private static List<String> hashDirs(Path suffixDir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(suffixDir)) {
            for (Path p : ds) {
                if (SuffixHashes.isHash(p.getFileName().toString())) {
                    names.add(p.getFileName().toString());
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return names;
        }
        names.sort(null);
        return names;
    }
}
