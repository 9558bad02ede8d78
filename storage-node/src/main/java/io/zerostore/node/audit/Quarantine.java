package io.zerostore.node.audit;

import io.zerostore.node.diskfile.SuffixHashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves a bad version file out of the object tree into {@code <device>/quarantined/objects/<hash>/}
 * and invalidates its suffix hash, so the replicators see the difference and push a good copy
 * back. Only the bad file moves: a newer good version beside it stays in service.
 */
public final class Quarantine {
    private static final System.Logger LOG = System.getLogger(Quarantine.class.getName());

    private Quarantine() {}

    /**
     * @param file {@code <device>/objects/<part>/<suffix>/<hash>/<file>}
     * @return where the file went
     */
    public static Path move(Path file, String why) throws IOException {
        Path hashDir = file.getParent();
        Path device = hashDir.getParent().getParent().getParent().getParent();
        Path target = device.resolve("quarantined").resolve("objects").resolve(hashDir.getFileName().toString());
        Files.createDirectories(target);
        Path dest = target.resolve(file.getFileName().toString());
        if (Files.exists(dest)) {
            dest = target.resolve(file.getFileName() + "-" + Long.toHexString(System.nanoTime()));
        }
        Files.move(file, dest, StandardCopyOption.ATOMIC_MOVE);
        SuffixHashes.invalidate(hashDir);
        LOG.log(System.Logger.Level.WARNING, "quarantined " + file + " to " + dest + ": " + why);
        return dest;
    }

    /**
     * Verifies a file that a peer refused or that could not be read, and quarantines it when it is
     * corrupt. Returns true when it was quarantined.
     */
    public static boolean ifCorrupt(Path file) throws IOException, InterruptedException {
        try {
            ObjectVerifier.verify(file, ObjectVerifier.UNPACED);
            return false;
        } catch (io.zerostore.node.diskfile.MetadataTrailer.CorruptFileException e) {
            move(file, e.getMessage());
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }
}
