package io.zerostore.node.diskfile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Removes the temporary files a crashed or killed writer left in {@code <device>/tmp}. A live
 * upload never stalls longer than client_timeout, so a temporary file older than that by a wide
 * margin belongs to nobody.
 */
public final class TmpReaper {
    private static final System.Logger LOG = System.getLogger(TmpReaper.class.getName());

    private TmpReaper() {}

    /** Deletes files in every device's tmp older than {@code minAge}; returns how many. */
    public static int reap(DiskFileManager files, Duration minAge) {
        int removed = 0;
        try {
            for (String name : files.devices()) {
                try {
                    removed += reap(files.device(name).resolve("tmp"), minAge);
                } catch (IOException e) {
                    // unavailable device: nothing to reap now
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list devices", e);
        }
        return removed;
    }

    static int reap(Path tmp, Duration minAge) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(minAge));
        int removed = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp)) {
            for (Path p : ds) {
                try {
                    if (Files.getLastModifiedTime(p).compareTo(cutoff) <= 0 && Files.deleteIfExists(p)) {
                        removed++;
                    }
                } catch (NoSuchFileException ignored) {
                    // its writer finished meanwhile
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        if (removed > 0) {
            LOG.log(System.Logger.Level.INFO, "removed " + removed + " stale temporary files from " + tmp);
        }
        return removed;
    }
}
