package io.zerostore.node.replication;

import io.zerostore.node.diskfile.HashDir;
import io.zerostore.node.diskfile.SuffixHashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The missing check of a sync (Swift's ssync {@code missing_check}): the sender offers, per hash
 * directory, the names of its files that count; the receiver answers with the names it wants. A
 * file is wanted when the receiver lacks it and it would still count next to the receiver's own
 * files under {@link HashDir}'s rules, so a newer version is never replaced by an older one and a
 * tombstone beats older data everywhere.
 *
 * <p>Wire format, UTF-8 text: request lines {@code <hash> <name>[ <name>...]}, response lines
 * {@code <hash> <name>}.
 */
final class MissingCheck {
    /** One line of an offer. */
    record Offer(String hash, List<String> files) {}

    /** One wanted file. */
    record Want(String hash, String file) {}

    private MissingCheck() {}

    static String encodeOffers(List<SuffixIndex.Entry> entries) {
        StringBuilder sb = new StringBuilder(entries.size() * 64);
        for (SuffixIndex.Entry e : entries) {
            sb.append(e.hash());
            e.files().forEach(f -> sb.append(' ').append(f));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Parses an offer; a malformed line is an {@link IllegalArgumentException}. */
    static List<Offer> decodeOffers(byte[] body) {
        List<Offer> offers = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split(" ");
            if (parts.length < 2 || !SuffixHashes.isHash(parts[0])) {
                throw new IllegalArgumentException("bad offer line: " + line);
            }
            List<String> files = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                if (!isFileName(parts[i])) {
                    throw new IllegalArgumentException("bad file name: " + parts[i]);
                }
                files.add(parts[i]);
            }
            offers.add(new Offer(parts[0], files));
        }
        return offers;
    }

    static String encodeWants(List<Want> wants) {
        StringBuilder sb = new StringBuilder(wants.size() * 60);
        wants.forEach(w -> sb.append(w.hash()).append(' ').append(w.file()).append('\n'));
        return sb.toString();
    }

    static List<Want> decodeWants(byte[] body) {
        List<Want> wants = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split(" ");
            if (parts.length != 2 || !SuffixHashes.isHash(parts[0])) {
                throw new IllegalArgumentException("bad want line: " + line);
            }
            wants.add(new Want(parts[0], parts[1]));
        }
        return wants;
    }

    /** A version file name in its canonical form ({@code <ts.internal>.data|.meta|.ts}), nothing else. */
    static boolean isFileName(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0 || name.startsWith(".")) {
            return false;
        }
        HashDir.Entry e = HashDir.parse(Path.of(name));
        return e != null && HashDir.fileName(e.timestamp(), e.ext()).equals(name);
    }

    /** The offered names that the hash directory {@code dir} wants (see the class comment). */
    static List<String> wanted(Path dir, List<String> offered) throws IOException {
        HashDir.Contents local = HashDir.scan(dir);
        Set<String> present = new HashSet<>();
        List<HashDir.Entry> all = new ArrayList<>();
        for (HashDir.Entry e : new HashDir.Entry[] {local.tombstone(), local.data(), local.meta()}) {
            if (e != null) {
                present.add(e.path().getFileName().toString());
                all.add(e);
            }
        }
        local.obsolete().forEach(e -> present.add(e.path().getFileName().toString()));
        List<HashDir.Entry> candidates = new ArrayList<>();
        for (String name : offered) {
            HashDir.Entry e = HashDir.parse(dir.resolve(name));
            if (e != null && !present.contains(name)) {
                candidates.add(e);
            }
        }
        all.addAll(candidates);
        HashDir.Contents merged = HashDir.classify(all);
        List<String> wanted = new ArrayList<>();
        for (HashDir.Entry c : candidates) {
            if (c == merged.data() || c == merged.tombstone() || c == merged.meta()) {
                wanted.add(c.path().getFileName().toString());
            }
        }
        return wanted;
    }
}
