package io.zerostore.node.updater;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerostore.common.swift.Timestamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Container updates that could not be delivered, kept on the object's device in Swift's layout
 * {@code <device>/async_pending/<hash[-3:]>/<hash>-<timestamp>} (the content is our JSON, not a
 * pickle). Written durably like an object (temp file, fsync, rename, directory fsync) because an
 * update lost here leaves the container listing wrong until the next replication pass.
 */
public final class AsyncPendingStore {
    public static final String DIR = "async_pending";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncPendingStore() {}

    public static Path path(Path device, String hash, Timestamp ts) {
        return device.resolve(DIR).resolve(hash.substring(hash.length() - 3)).resolve(hash + "-" + ts.internal());
    }

    public static void write(Path device, String hash, Timestamp ts, ContainerUpdate update) throws IOException {
        write(path(device, hash, ts), device.resolve("tmp"), update);
    }

    /** Atomically replaces {@code target} with the update. */
    static void write(Path target, Path tmpDir, ContainerUpdate update) throws IOException {
        Files.createDirectories(tmpDir);
        Path tmp = tmpDir.resolve("async" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(JSON.writeValueAsBytes(update));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDir(target.getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static ContainerUpdate read(Path file) throws IOException {
        return JSON.readValue(Files.readAllBytes(file), ContainerUpdate.class);
    }

    /** Pending files of a device, grouped by suffix directory, names sorted. */
    public static List<Path> list(Path device) throws IOException {
        List<Path> out = new ArrayList<>();
        Path root = device.resolve(DIR);
        if (!Files.isDirectory(root)) {
            return out;
        }
        List<Path> suffixes = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, Files::isDirectory)) {
            ds.forEach(suffixes::add);
        }
        suffixes.sort(null);
        for (Path s : suffixes) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(s)) {
                ds.forEach(files::add);
            }
            files.sort(null);
            out.addAll(files);
        }
        return out;
    }

    /** The object hash a pending file belongs to (the name before the last '-'). */
    public static String hashOf(Path file) {
        String n = file.getFileName().toString();
        int dash = n.lastIndexOf('-');
        return dash < 0 ? n : n.substring(0, dash);
    }

    /** The update's timestamp, from the file name. */
    public static Timestamp timestampOf(Path file) {
        String n = file.getFileName().toString();
        return Timestamp.parseOrNull(n.substring(n.lastIndexOf('-') + 1));
    }

    static void fsyncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
