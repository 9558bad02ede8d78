package io.zerostore.node.diskfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerostore.common.swift.HashPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Swift's per-partition suffix hashes ({@code hashes.pkl} + {@code hashes.invalid}): for each
 * suffix directory {@code <part>/<hash[-3:]>}, an MD5 over the names of the files that count
 * ({@link HashDir#scan}) in each of its hash directories. Two replicas of a partition hold the same
 * versions exactly when their suffix hashes are equal, so replicators compare at most 4096 short
 * strings per partition instead of listing every object.
 *
 * <p>The hashes are cached in {@code <part>/hashes.json}. Every committed write appends its suffix
 * to {@code <part>/hashes.invalid} ({@link #invalidate}: one small append, no fsync) and the next
 * {@link #get} recalculates exactly those suffixes. Neither file is made durable: they are a cache,
 * and a missing or unreadable {@code hashes.json} means "recalculate everything". An invalidation
 * lost in a crash is found by the auditor, which compares every suffix it walks with the cache.
 *
 * <p>Everything that touches a partition runs in this JVM, so an in-memory lock per partition
 * orders invalidations against consolidation (Swift needs a file lock for its separate daemons).
 * Hashing itself runs outside the lock; an invalidation that arrives meanwhile is seen when the
 * result is saved, and that suffix is hashed again.
 */
public final class SuffixHashes {
    public static final String HASHES = "hashes.json";
    public static final String INVALID = "hashes.invalid";
    private static final String HASHES_TMP = "hashes.json.tmp";
    private static final Set<String> CACHE_FILES = Set.of(HASHES, INVALID, HASHES_TMP);
    private static final System.Logger LOG = System.getLogger(SuffixHashes.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
    private static final int ATTEMPTS = 5;
    private static final Object[] LOCKS = new Object[256];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private SuffixHashes() {}

    private static Object lock(Path partition) {
        return LOCKS[Math.floorMod(partition.toAbsolutePath().normalize().hashCode(), LOCKS.length)];
    }

    /** True for a suffix directory name: the last three hex digits of an object hash. */
    public static boolean isSuffix(String name) {
        return name.length() == 3 && isLowerHex(name);
    }

    /** True for a hash directory name: 32 lowercase hex digits. */
    public static boolean isHash(String name) {
        return name.length() == 32 && isLowerHex(name);
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Marks the suffix of {@code hashDir} ({@code <part>/<suffix>/<hash>}) as changed; called after
     * every write that commits there. Never throws: the write has already committed, and if even
     * the fallback (dropping the cache) fails, the auditor finds the stale suffix later.
     */
    public static void invalidate(Path hashDir) {
        Path suffixDir = hashDir.getParent();
        invalidateSuffix(suffixDir.getParent(), suffixDir.getFileName().toString());
    }

    /** Marks one suffix of a partition as changed (see {@link #invalidate}). */
    public static void invalidateSuffix(Path partition, String suffix) {
        synchronized (lock(partition)) {
            try {
                Files.write(partition.resolve(INVALID), (suffix + "\n").getBytes(StandardCharsets.US_ASCII),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                // the partition was removed meanwhile: no cache left to correct
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot invalidate " + suffix + " of " + partition
                        + ", dropping its suffix hashes", e);
                try {
                    Files.deleteIfExists(partition.resolve(HASHES));
                } catch (IOException e2) {
                    LOG.log(System.Logger.Level.ERROR, "cannot drop the suffix hashes of " + partition, e2);
                }
            }
        }
    }

    /**
     * The partition's suffix hashes, sorted by suffix: cached values where valid, recalculated for
     * invalidated suffixes and for {@code recalculate}. With {@code listDir} the suffix directories
     * are listed too (Swift's {@code do_listdir}): one the cache does not know is hashed, a cached
     * one that is gone is dropped; without a usable cache everything is hashed. Hashing cleans up as Swift's
     * {@code hash_suffix} does: obsolete files go, tombstones and lone {@code .meta} files older
     * than {@code reclaimAgeSeconds} are reclaimed, empty directories are removed. A missing
     * partition has no suffixes (and is not created). A value is null only for a suffix that kept
     * changing while it was hashed; callers treat it as different from anything.
     */
    public static TreeMap<String, String> get(Path partition, Collection<String> recalculate, boolean listDir,
                                              long reclaimAgeSeconds, double nowSeconds) throws IOException {
        TreeMap<String, String> hashes;
        synchronized (lock(partition)) {
            if (!Files.isDirectory(partition)) {
                return new TreeMap<>();
            }
            TreeMap<String, String> cached = load(partition);
            hashes = cached == null ? new TreeMap<>() : cached;
            if (listDir || cached == null) {
                List<String> onDisk = suffixDirs(partition);
                hashes.keySet().stream().filter(s -> !onDisk.contains(s)).toList().forEach(s -> hashes.put(s, null));
                onDisk.forEach(s -> hashes.putIfAbsent(s, null));
            }
            for (String s : recalculate) {
                if (isSuffix(s)) {
                    hashes.put(s, null);
                }
            }
            consolidate(partition, hashes, false);
        }
        for (int attempt = 1; ; attempt++) {
            boolean computed = false;
            for (Map.Entry<String, String> e : new ArrayList<>(hashes.entrySet())) {
                if (e.getValue() == null) {
                    computed = true;
                    String h = hashSuffix(partition.resolve(e.getKey()), reclaimAgeSeconds, nowSeconds);
                    if (h == null) {
                        hashes.remove(e.getKey());
                    } else {
                        hashes.put(e.getKey(), h);
                    }
                }
            }
            synchronized (lock(partition)) {
                if (!Files.isDirectory(partition)) {
                    return new TreeMap<>();
                }
                boolean changedMeanwhile = consolidate(partition, hashes, computed);
                if (!changedMeanwhile || attempt == ATTEMPTS) {
                    return hashes;
                }
            }
        }
    }

    /**
     * Under the lock: folds {@code hashes.invalid} into {@code hashes} (as nulls), saves, and
     * removes the invalid file. Returns true when the invalid file named anything.
     */
    private static boolean consolidate(Path partition, TreeMap<String, String> hashes, boolean save)
            throws IOException {
        Set<String> invalid = readInvalid(partition);
        for (String s : invalid) {
            hashes.put(s, null);
        }
        if (save || !invalid.isEmpty()) {
            Path tmp = partition.resolve(HASHES_TMP);
            JSON.writeValue(tmp.toFile(), hashes);
            Files.move(tmp, partition.resolve(HASHES), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(partition.resolve(INVALID));
        }
        return !invalid.isEmpty();
    }

    /**
     * The cached hashes without recalculating anything: valid entries only (an invalidated or
     * never hashed suffix is absent). For the auditor's comparison; no lock, a racy snapshot.
     */
    public static Map<String, String> cached(Path partition) throws IOException {
        TreeMap<String, String> hashes = load(partition);
        if (hashes == null) {
            return Map.of();
        }
        hashes.values().removeIf(v -> v == null);
        readInvalid(partition).forEach(hashes::remove);
        return hashes;
    }

    private static TreeMap<String, String> load(Path partition) {
        try {
            return JSON.readValue(partition.resolve(HASHES).toFile(), MAP);
        } catch (IOException | RuntimeException e) {
            return null; // missing or torn: recalculate everything
        }
    }

    private static Set<String> readInvalid(Path partition) throws IOException {
        Set<String> suffixes = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(partition.resolve(INVALID), StandardCharsets.US_ASCII)) {
                String s = line.strip();
                if (isSuffix(s)) {
                    suffixes.add(s);
                }
            }
        } catch (NoSuchFileException e) {
            return suffixes;
        }
        return suffixes;
    }

    /** Names of the suffix directories of a partition, sorted. */
    public static List<String> suffixDirs(Path partition) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(partition)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (isSuffix(n) && Files.isDirectory(p)) {
                    names.add(n);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return names;
        }
        names.sort(null);
        return names;
    }

    /** Hashes one suffix directory after cleaning it up; null when nothing is left in it (it is removed). */
    static String hashSuffix(Path suffixDir, long reclaimAgeSeconds, double nowSeconds) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(suffixDir)) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        }
        names.sort(null);
        Digest digest = new Digest();
        for (String name : names) {
            Path dir = suffixDir.resolve(name);
            if (!isHash(name) || !Files.isDirectory(dir)) {
                continue; // not ours: left alone, not hashed
            }
            HashDir.cleanup(dir, reclaimAgeSeconds, nowSeconds);
            HashDir.Contents c = HashDir.scan(dir);
            if (c.isEmpty() && c.meta() != null && seconds(c.meta()) < nowSeconds - reclaimAgeSeconds) {
                Files.deleteIfExists(c.meta().path()); // metadata whose data never came back
                c = HashDir.scan(dir);
            }
            if (c.isEmpty() && c.meta() == null) {
                removeIfEmpty(dir);
                continue;
            }
            digest.add(name, c);
        }
        if (digest.isEmpty()) {
            removeIfEmpty(suffixDir);
            return null;
        }
        return digest.hex();
    }

    private static double seconds(HashDir.Entry e) {
        return e.timestamp().ticks() / (double) io.zerostore.common.swift.Timestamp.TICKS_PER_SECOND;
    }

    private static void removeIfEmpty(Path dir) throws IOException {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // something arrived meanwhile, or a foreign file: keep it
        }
    }

    /**
     * Removes a partition directory that holds nothing but this cache (a handoff partition whose
     * objects all went home). Returns true when it is gone; false when anything else is in it.
     */
    public static boolean removeIfOnlyCache(Path partition) throws IOException {
        synchronized (lock(partition)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(partition)) {
                for (Path p : ds) {
                    if (!CACHE_FILES.contains(p.getFileName().toString())) {
                        return false;
                    }
                }
            } catch (NoSuchFileException e) {
                return true;
            }
            for (String f : CACHE_FILES) {
                Files.deleteIfExists(partition.resolve(f));
            }
            try {
                Files.delete(partition);
                return true;
            } catch (DirectoryNotEmptyException e) {
                return false; // a write created a suffix meanwhile; its invalidation re-creates the cache
            }
        }
    }

    /**
     * The hash of one suffix, fed with its hash directories in ascending name order: what
     * {@link #get} computes, for callers that walk the files themselves (the auditor).
     */
    public static final class Digest {
        private final MessageDigest md5 = HashPath.md5();
        private boolean empty = true;

        public void add(String hash, HashDir.Contents contents) {
            List<String> files = new ArrayList<>(3);
            for (HashDir.Entry e : new HashDir.Entry[] {contents.tombstone(), contents.data(), contents.meta()}) {
                if (e != null) {
                    files.add(e.path().getFileName().toString());
                }
            }
            if (files.isEmpty()) {
                return;
            }
            files.sort(null);
            md5.update((hash + " " + String.join(" ", files) + "\n").getBytes(StandardCharsets.US_ASCII));
            empty = false;
        }

        public boolean isEmpty() {
            return empty;
        }

        public String hex() {
            return HexFormat.of().formatHex(md5.digest());
        }
    }
}
