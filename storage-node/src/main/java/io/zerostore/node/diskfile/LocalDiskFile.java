package io.zerostore.node.diskfile;

import io.zerostore.common.swift.Timestamp;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A {@link DiskFile} in Swift's layout {@code <device>/objects/<part>/<hash[-3:]>/<hash>/}. */
final class LocalDiskFile implements DiskFile {
    private static final System.Logger LOG = System.getLogger(LocalDiskFile.class.getName());
    /** Keys a .meta cannot change: they describe the data file's bytes (Swift's reserved datafile meta). */
    private static final Set<String> DATA_ONLY = Set.of("content-length", "etag", "deleted", "x-static-large-object");
    private static final int READ_ATTEMPTS = 3;

    private final DiskFileConfig config;
    private final Path device;
    private final Path hashDir;
    private final String hash;

    LocalDiskFile(DiskFileConfig config, Path device, int partition, String hash) {
        this.config = config;
        this.device = device;
        this.hash = hash;
        this.hashDir = device.resolve("objects").resolve(Integer.toString(partition))
                .resolve(hash.substring(hash.length() - 3)).resolve(hash);
    }

    @Override
    public String hash() {
        return hash;
    }

    Path hashDir() {
        return hashDir;
    }

    @Override
    public ObjectState read(double nowSeconds) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce(nowSeconds);
            } catch (NoSuchFileException e) {
                // a newer version committed and cleaned up between the listing and the open
                if (attempt == READ_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private ObjectState readOnce(double nowSeconds) throws IOException {
        HashDir.Contents c = HashDir.scan(hashDir);
        if (c.tombstone() != null) {
            return new ObjectState.Deleted(c.tombstone().timestamp());
        }
        if (c.data() == null) {
            return new ObjectState.Missing();
        }
        FileChannel ch = FileChannel.open(c.data().path());
        try {
            MetadataTrailer.Read data = MetadataTrailer.read(ch);
            ObjectMetadata meta = data.metadata();
            if (!String.valueOf(data.bodyLength()).equals(meta.get(ObjectMetadata.CONTENT_LENGTH))) {
                throw new MetadataTrailer.CorruptFileException("body length " + data.bodyLength()
                        + " differs from Content-Length " + meta.get(ObjectMetadata.CONTENT_LENGTH));
            }
            if (c.meta() != null) {
                meta = overlay(meta, readSmallFile(c.meta().path()));
            }
            if (meta.isExpired(nowSeconds)) {
                ch.close();
                return new ObjectState.Expired(meta.timestamp(), meta);
            }
            return new ObjectState.Present(new StoredObject(c.data().path(), ch, data.bodyLength(),
                    c.data().timestamp(), meta));
        } catch (MetadataTrailer.CorruptFileException e) {
            ch.close();
            quarantine(e);
            return new ObjectState.Missing();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Swift's merge: the .meta's keys, but the data file keeps its bytes' facts and its sysmeta. */
    static ObjectMetadata overlay(ObjectMetadata data, ObjectMetadata meta) {
        Map<String, String> merged = new LinkedHashMap<>(meta.asMap());
        data.asMap().forEach((k, v) -> {
            String lk = k.toLowerCase(Locale.ROOT);
            if (DATA_ONLY.contains(lk) || ObjectMetadata.isSysmeta(k)) {
                merged.put(k, v);
            }
        });
        if (meta.get(ObjectMetadata.CONTENT_TYPE) == null && data.get(ObjectMetadata.CONTENT_TYPE) != null) {
            merged.put(ObjectMetadata.CONTENT_TYPE, data.get(ObjectMetadata.CONTENT_TYPE));
        }
        return ObjectMetadata.of(merged);
    }

    private static ObjectMetadata readSmallFile(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p)) {
            return MetadataTrailer.read(ch).metadata();
        }
    }

    /** Moves the whole hash directory aside, as Swift does, so replication restores a good copy. */
    private void quarantine(IOException why) {
        Path target = device.resolve("quarantined").resolve("objects").resolve(hash);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                target = target.resolveSibling(hash + "-" + Long.toHexString(System.nanoTime()));
            }
            Files.move(hashDir, target, StandardCopyOption.ATOMIC_MOVE);
            SuffixHashes.invalidate(hashDir);
            LOG.log(System.Logger.Level.WARNING, "quarantined " + hashDir + ": " + why.getMessage());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot quarantine " + hashDir, e);
        }
    }

    @Override
    public DiskFileWriter create(long expectedSize) throws IOException {
        return LocalDiskFileWriter.open(config, device, hashDir, expectedSize, HashDir.DATA);
    }

    @Override
    public void writeMetadata(ObjectMetadata metadata) throws IOException {
        try (DiskFileWriter w = LocalDiskFileWriter.open(config, device, hashDir, 0, HashDir.META)) {
            w.commit(metadata);
        }
    }

    @Override
    public void delete(Timestamp timestamp) throws IOException {
        ObjectMetadata m = ObjectMetadata.of(Map.of(ObjectMetadata.TIMESTAMP, timestamp.internal()));
        try (DiskFileWriter w = LocalDiskFileWriter.open(config, device, hashDir, 0, HashDir.TOMBSTONE)) {
            w.commit(m);
        }
    }
}
