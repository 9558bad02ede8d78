package io.zerostore.node.diskfile;

import io.zerostore.common.swift.Timestamp;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files of one object's hash directory and Swift's rules for which of them count
 * ({@code get_ondisk_files}): the newest {@code .data} or {@code .ts} wins (a tombstone wins a
 * tie), the newest {@code .meta} newer than a winning {@code .data} overlays its metadata, and
 * everything older is obsolete and removed once a newer file has committed.
 */
public final class HashDir {
    public static final String DATA = ".data";
    public static final String TOMBSTONE = ".ts";
    public static final String META = ".meta";

    /** One file, named by its timestamp. */
    public record Entry(Path path, Timestamp timestamp, String ext) {
        int rank() {
            // equal timestamps: .ts before .meta before .data, as Swift's reverse name sort
            return switch (ext) {
                case TOMBSTONE -> 0;
                case META -> 1;
                default -> 2;
            };
        }
    }

    /** What the directory holds: at most one of data/tombstone, an optional meta, and the obsolete rest. */
    public record Contents(Entry data, Entry tombstone, Entry meta, List<Entry> obsolete) {
        public boolean isEmpty() {
            return data == null && tombstone == null;
        }

        /** Timestamp of the newest data or tombstone, null when neither exists. */
        public Timestamp winnerTimestamp() {
            return data != null ? data.timestamp() : tombstone != null ? tombstone.timestamp() : null;
        }
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparing(Entry::timestamp, Comparator.reverseOrder())
            .thenComparingInt(Entry::rank);

    private HashDir() {}

    public static String fileName(Timestamp ts, String ext) {
        return ts.internal() + ext;
    }

    /** Lists and classifies {@code dir}; a missing directory is empty. */
    public static Contents scan(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            // the common case of a new object: a stat instead of a thrown NoSuchFileException
            return new Contents(null, null, null, List.of());
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                Entry e = parse(p);
                if (e != null) {
                    entries.add(e);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return new Contents(null, null, null, List.of());
        }
        return classify(entries);
    }

    /**
     * Applies the rules to a set of files, e.g. a directory's files plus the ones a replication
     * peer offers: a file that would land in {@code obsolete} is not worth having.
     */
    public static Contents classify(List<Entry> files) {
        List<Entry> entries = new ArrayList<>(files);
        entries.sort(NEWEST_FIRST);
        Entry data = null;
        Entry tombstone = null;
        Entry meta = null;
        List<Entry> obsolete = new ArrayList<>();
        for (Entry e : entries) {
            if (data != null || tombstone != null) {
                obsolete.add(e);
            } else if (e.ext().equals(META)) {
                if (meta == null) {
                    meta = e;
                } else {
                    obsolete.add(e);
                }
            } else if (e.ext().equals(DATA)) {
                data = e;
            } else {
                tombstone = e;
            }
        }
        if (tombstone != null && meta != null) {
            obsolete.add(meta);
            meta = null;
        }
        return new Contents(data, tombstone, meta, List.copyOf(obsolete));
    }

    /** The file's timestamp and kind from its name; null for a name that is not a version file. */
    public static Entry parse(Path p) {
        String name = p.getFileName().toString();
        String ext;
        if (name.endsWith(DATA)) {
            ext = DATA;
        } else if (name.endsWith(TOMBSTONE)) {
            ext = TOMBSTONE;
        } else if (name.endsWith(META)) {
            ext = META;
        } else {
            return null;
        }
        Timestamp ts = Timestamp.parseOrNull(name.substring(0, name.length() - ext.length()));
        return ts == null ? null : new Entry(p, ts, ext);
    }

    /**
     * Removes obsolete files; a lone tombstone older than {@code reclaimAgeSeconds} goes too, and
     * then the empty directory. Races with a concurrent writer are harmless: it re-creates the
     * directory and the newest file still wins.
     */
    public static void cleanup(Path dir, long reclaimAgeSeconds, double nowSeconds) throws IOException {
        Contents c = scan(dir);
        for (Entry e : c.obsolete()) {
            Files.deleteIfExists(e.path());
        }
        if (c.tombstone() != null
                && c.tombstone().timestamp().ticks() / (double) Timestamp.TICKS_PER_SECOND
                < nowSeconds - reclaimAgeSeconds) {
            Files.deleteIfExists(c.tombstone().path());
            try {
                Files.deleteIfExists(dir);
            } catch (java.nio.file.DirectoryNotEmptyException ignored) {
                // a new version arrived meanwhile
            }
        }
    }
}
