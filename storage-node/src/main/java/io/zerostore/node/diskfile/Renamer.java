package io.zerostore.node.diskfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a staged file into its hash directory durably (Swift's {@code renamer} and
 * {@code makedirs_count}): make the missing directory levels, rename (or link) the file in, fsync
 * the hash directory and the parent of every level made, and mark the suffix changed for
 * replication. A reclaim of the directory's last tombstone, or suffix hashing removing an empty
 * directory, may remove a level between the mkdir and the rename; that is an ordinary race,
 * answered by making the levels again, and every outcome is told by errno rather than by an
 * exception per attempt.
 */
public final class Renamer {
    /** Times the move is tried again after a directory level vanished under it. */
    private static final int ATTEMPTS = 3;

    /** The system call that gives the staged file its name: rename(2) or link(2). */
    private interface Move {
        int apply(Path from, Path to);
    }

    private Renamer() {}

    /** Renames {@code tmp} to {@code hashDir/name}, replacing a file of that name. */
    public static void rename(Path tmp, Path hashDir, String name) throws IOException {
        move(tmp, hashDir, name, Natives::rename, "rename");
    }

    /**
     * Links {@code tmp} as {@code hashDir/name} (the staged name stays for the caller to remove).
     * Returns false when a file of that name exists: a link never replaces anything.
     */
    public static boolean link(Path tmp, Path hashDir, String name) throws IOException {
        return move(tmp, hashDir, name, Natives::link, "link");
    }

    private static boolean move(Path tmp, Path hashDir, String name, Move call, String callName) throws IOException {
        Path target = hashDir.resolve(name);
        int err = Natives.ENOENT;
        for (int attempt = 0; attempt < ATTEMPTS && err == Natives.ENOENT; attempt++) {
            List<Path> made = new ArrayList<>();
            err = makeDirectories(hashDir, made);
            if (err == 0 || err == Natives.EEXIST) {
                err = call.apply(tmp, target);
            }
            if (err == 0) {
                Natives.fsyncDirectory(hashDir);
                for (Path dir : made) {
                    Natives.fsyncDirectory(dir.getParent());
                }
                SuffixHashes.invalidate(hashDir);
                return true;
            }
        }
        if (err == Natives.EEXIST) {
            return false;
        }
        throw Natives.error(callName, tmp + " -> " + target, err);
    }

    /**
     * {@code mkdir -p} from the bottom: a new object in a known suffix costs one mkdir, an existing
     * one one EEXIST. Adds each directory made to {@code made}; returns the errno of the last
     * mkdir of {@code dir} (0 or {@link Natives#EEXIST}: it is there).
     */
    private static int makeDirectories(Path dir, List<Path> made) {
        int err = Natives.mkdir(dir);
        if (err == Natives.ENOENT && dir.getParent() != null) {
            int parent = makeDirectories(dir.getParent(), made);
            if (parent == 0 || parent == Natives.EEXIST) {
                err = Natives.mkdir(dir);
            }
        }
        if (err == 0) {
            made.add(dir);
        }
        return err;
    }
}
