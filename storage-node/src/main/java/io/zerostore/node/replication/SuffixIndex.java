package io.zerostore.node.replication;

import io.zerostore.node.diskfile.HashDir;
import io.zerostore.node.diskfile.SuffixHashes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A snapshot of the files that count in some suffixes of a partition: what a sync offers a peer,
 * and the suffix hash of exactly that snapshot. A handoff deletes only files of the snapshot that
 * every primary confirmed, so a file that arrives while the sync runs is never lost.
 */
final class SuffixIndex {
    /** One hash directory: its suffix, name and the names of its files that count, sorted. */
    record Entry(String suffix, String hash, List<String> files) {}

    private final Path partition;
    private final TreeMap<String, List<Entry>> bySuffix;
    private final Map<String, String> digests;

    private SuffixIndex(Path partition, TreeMap<String, List<Entry>> bySuffix, Map<String, String> digests) {
        this.partition = partition;
        this.bySuffix = bySuffix;
        this.digests = digests;
    }

    static SuffixIndex scan(Path partition, Collection<String> suffixes) throws IOException {
        TreeMap<String, List<Entry>> bySuffix = new TreeMap<>();
        Map<String, String> digests = new TreeMap<>();
        for (String suffix : new java.util.TreeSet<>(suffixes)) {
            List<String> hashes = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(partition.resolve(suffix))) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (SuffixHashes.isHash(name)) {
                        hashes.add(name);
                    }
                }
            } catch (NoSuchFileException | NotDirectoryException e) {
                continue;
            }
            hashes.sort(null);
            SuffixHashes.Digest digest = new SuffixHashes.Digest();
            List<Entry> entries = new ArrayList<>();
            for (String hash : hashes) {
                HashDir.Contents c = HashDir.scan(partition.resolve(suffix).resolve(hash));
                List<String> files = new ArrayList<>(3);
                for (HashDir.Entry e : new HashDir.Entry[] {c.tombstone(), c.data(), c.meta()}) {
                    if (e != null) {
                        files.add(e.path().getFileName().toString());
                    }
                }
                if (!files.isEmpty()) {
                    files.sort(null);
                    entries.add(new Entry(suffix, hash, List.copyOf(files)));
                    digest.add(hash, c);
                }
            }
            if (!entries.isEmpty()) {
                bySuffix.put(suffix, entries);
                digests.put(suffix, digest.hex());
            }
        }
        return new SuffixIndex(partition, bySuffix, digests);
    }

    Set<String> suffixes() {
        return bySuffix.keySet();
    }

    /** The suffix hash of the snapshot (what {@link SuffixHashes#get} would say for these files). */
    String digest(String suffix) {
        return digests.get(suffix);
    }

    List<Entry> entries(String suffix) {
        return bySuffix.getOrDefault(suffix, List.of());
    }

    List<Entry> entries(Collection<String> suffixes) {
        List<Entry> out = new ArrayList<>();
        for (String s : new java.util.TreeSet<>(suffixes)) {
            out.addAll(entries(s));
        }
        return out;
    }

    Path partition() {
        return partition;
    }

    Path file(String suffix, String hash, String name) {
        return partition.resolve(suffix).resolve(hash).resolve(name);
    }

    boolean isEmpty() {
        return bySuffix.isEmpty();
    }
}
