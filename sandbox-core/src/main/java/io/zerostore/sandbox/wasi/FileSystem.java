package io.zerostore.sandbox.wasi;

import io.zerostore.sandbox.channel.Channel;
import io.zerostore.sandbox.image.TarEntry;
import io.zerostore.sandbox.image.TarImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program's whole file system, ZRT style: a read-only tree holding the tar image(s) mounted
 * at their mount points and every declared channel at its alias (with {@code /dev}, {@code /dev/in}
 * and {@code /dev/out} always present so a program can list its peers). Nothing else exists; a
 * path that is not in the tree cannot be opened or created.
 */
public final class FileSystem {
    /** How deep a path may go and how many symlinks one lookup may follow. */
    private static final int MAX_DEPTH = 64;
    private static final int MAX_LINKS = 16;

    private final FsNode.Dir root;
    private long nextIno = 1;
    private final Map<FsNode, String> symlinks = new HashMap<>();

    public FileSystem() {
        root = new FsNode.Dir(nextIno++, null);
        mkdirs("/dev");
        mkdirs("/dev/in");
        mkdirs("/dev/out");
    }

    FsNode.Dir root() {
        return root;
    }

    /**
     * Puts {@code channel} at its alias, creating parent directories. {@code mode} is ZRT's
     * mapping ({@code file}, {@code char}, {@code block}, {@code pipe}; null means file); WASI has
     * no FIFO type, so {@code pipe} shows as an unknown file type.
     */
    public void addChannel(Channel channel, String mode) {
        int filetype = switch (mode == null ? "file" : mode) {
            case "char" -> WasiTypes.FILETYPE_CHARACTER_DEVICE;
            case "block" -> WasiTypes.FILETYPE_BLOCK_DEVICE;
            case "pipe" -> WasiTypes.FILETYPE_UNKNOWN;
            default -> WasiTypes.FILETYPE_REGULAR_FILE;
        };
        String alias = channel.spec().alias();
        int slash = alias.lastIndexOf('/');
        FsNode.Dir dir = mkdirs(alias.substring(0, slash));
        String name = alias.substring(slash + 1);
        if (name.isEmpty() || dir.children.get(name) instanceof FsNode.Dir) {
            throw new IllegalArgumentException("channel alias names a directory: " + alias);
        }
        if (dir.children.containsKey(name)) {
            throw new IllegalArgumentException("duplicate channel alias: " + alias);
        }
        dir.children.put(name, new FsNode.ChannelFile(nextIno++, channel, filetype));
    }

    /** Unpacks (by reference) the image's files below {@code mountPoint}; channels win on clashes. */
    public void mount(TarImage image, String mountPoint) {
        FsNode.Dir base = mkdirs(mountPoint);
        List<TarEntry> links = new ArrayList<>();
        for (TarEntry e : image.entries()) {
            String path = e.path();
            int slash = path.lastIndexOf('/');
            FsNode.Dir dir = slash < 0 ? base : mkdirsUnder(base, path.substring(0, slash));
            String name = path.substring(slash + 1);
            if (dir == null || dir.children.get(name) instanceof FsNode.ChannelFile) {
                continue;
            }
            switch (e.kind()) {
                case DIRECTORY -> mkdirsUnder(base, path);
                case FILE -> {
                    if (!(dir.children.get(name) instanceof FsNode.Dir)) {
                        dir.children.put(name, new FsNode.ImageFile(nextIno++, image.source(),
                                e.dataOffset(), e.size()));
                    }
                }
                case SYMLINK, HARDLINK -> links.add(e);
            }
        }
        for (TarEntry e : links) {
            String path = e.path();
            int slash = path.lastIndexOf('/');
            FsNode.Dir dir = slash < 0 ? base : mkdirsUnder(base, path.substring(0, slash));
            String name = path.substring(slash + 1);
            if (dir == null || dir.children.containsKey(name)) {
                continue;
            }
            if (e.kind() == TarEntry.Kind.HARDLINK) {
                FsNode target = lookup(base, e.linkTarget(), 0);
                if (target instanceof FsNode.ImageFile) {
                    dir.children.put(name, target);
                }
            } else {
                FsNode.ImageFile placeholder = new FsNode.ImageFile(nextIno++, image.source(), 0, 0);
                symlinks.put(placeholder, e.linkTarget());
                dir.children.put(name, placeholder);
            }
        }
    }

    /** Creates the directories of an absolute path; returns the last one. */
    public FsNode.Dir mkdirs(String absolute) {
        return mkdirsUnder(root, absolute);
    }

    private FsNode.Dir mkdirsUnder(FsNode.Dir base, String path) {
        FsNode.Dir dir = base;
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                dir = dir.parent;
                continue;
            }
            FsNode child = dir.children.get(part);
            if (child == null) {
                FsNode.Dir d = new FsNode.Dir(nextIno++, dir);
                dir.children.put(part, d);
                dir = d;
            } else if (child instanceof FsNode.Dir d) {
                dir = d;
            } else {
                return null; // a file is in the way
            }
        }
        return dir;
    }

    /** Result of a lookup: the node or a WASI errno. */
    record Found(FsNode node, int errno) {
    }

    /**
     * Resolves {@code path} relative to {@code base} ('/'-absolute paths start at the root;
     * ".." never leaves the root). Symlinks from images are followed.
     */
    Found resolve(FsNode.Dir base, String path) {
        if (path.isEmpty()) {
            return new Found(null, Errno.NOENT);
        }
        if (path.length() > 4096) {
            return new Found(null, Errno.NAMETOOLONG);
        }
        FsNode n = lookup(path.startsWith("/") ? root : base, path, 0);
        if (n == LOOP) {
            return new Found(null, Errno.LOOP);
        }
        if (n == NOT_DIR) {
            return new Found(null, Errno.NOTDIR);
        }
        return n == null ? new Found(null, Errno.NOENT) : new Found(n, Errno.SUCCESS);
    }

    private static final FsNode LOOP = new FsNode.Dir(-1, null);
    private static final FsNode NOT_DIR = new FsNode.Dir(-2, null);

    private FsNode lookup(FsNode.Dir base, String path, int links) {
        if (links > MAX_LINKS) {
            return LOOP;
        }
        FsNode cur = path.startsWith("/") ? root : base;
        String[] parts = path.split("/");
        if (parts.length > MAX_DEPTH * 4) {
            return null;
        }
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!(cur instanceof FsNode.Dir dir)) {
                return NOT_DIR;
            }
            if (part.equals("..")) {
                cur = dir.parent;
                continue;
            }
            FsNode next = dir.children.get(part);
            if (next == null) {
                return null;
            }
            String target = symlinks.get(next);
            if (target != null) {
                next = lookup(dir, target, links + 1);
                if (next == null || next == LOOP || next == NOT_DIR) {
                    return next;
                }
            }
            cur = next;
        }
        if (path.endsWith("/") && !(cur instanceof FsNode.Dir)) {
            return NOT_DIR;
        }
        return cur;
    }
}
