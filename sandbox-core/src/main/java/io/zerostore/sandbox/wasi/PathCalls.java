package io.zerostore.sandbox.wasi;

import com.dylibso.chicory.runtime.Memory;
import io.zerostore.sandbox.channel.ChannelSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code path_*} host calls. Only nodes of the run's tree can be opened; nothing can be
 * created, removed or renamed (the tree is read-only, channels are fixed before the run).
 */
final class PathCalls {
    private final WasiHost h;

    PathCalls(WasiHost host) {
        this.h = host;
    }

    void register(Map<String, WasiHost.Handler> m) {
        m.put("path_open", (mem, a) -> open(mem, (int) a[0], (int) a[2], (int) a[3], (int) a[4],
                a[5], (int) a[7], (int) a[8]));
        m.put("path_filestat_get", (mem, a) -> filestat(mem, (int) a[0], (int) a[2], (int) a[3],
                (int) a[4]));
        m.put("path_create_directory", (mem, a) -> refuseCreate(mem, (int) a[0], (int) a[1], (int) a[2]));
        m.put("path_filestat_set_times", (mem, a) -> refuse(mem, (int) a[0], (int) a[2], (int) a[3]));
        m.put("path_link", (mem, a) -> refuseCreate(mem, (int) a[4], (int) a[5], (int) a[6]));
        m.put("path_readlink", (mem, a) -> readlink(mem, (int) a[0], (int) a[1], (int) a[2]));
        m.put("path_remove_directory", (mem, a) -> refuse(mem, (int) a[0], (int) a[1], (int) a[2]));
        m.put("path_rename", (mem, a) -> refuse(mem, (int) a[0], (int) a[1], (int) a[2]));
        m.put("path_symlink", (mem, a) -> refuseCreate(mem, (int) a[2], (int) a[3], (int) a[4]));
        m.put("path_unlink_file", (mem, a) -> refuse(mem, (int) a[0], (int) a[1], (int) a[2]));
    }

    private FileSystem.Found lookup(Memory m, int dirfd, int path, int len) {
        OpenFile base = h.fds.get(dirfd);
        if (base == null) {
            return new FileSystem.Found(null, Errno.BADF);
        }
        if (!(base.node instanceof FsNode.Dir dir)) {
            return new FileSystem.Found(null, Errno.NOTDIR);
        }
        if (len < 0 || len > 4096) {
            return new FileSystem.Found(null, Errno.NAMETOOLONG);
        }
        String p = new String(m.readBytes(path, len), StandardCharsets.UTF_8);
        return h.fs.resolve(dir, p);
    }

    private int open(Memory m, int dirfd, int path, int len, int oflags, long rights, int fdflags,
            int fdPtr) {
        FileSystem.Found found = lookup(m, dirfd, path, len);
        if (found.node() == null) {
            if (found.errno() == Errno.NOENT && (oflags & WasiTypes.O_CREAT) != 0) {
                return Errno.ACCES; // nothing may be created: only declared channels exist
            }
            return found.errno();
        }
        FsNode node = found.node();
        if ((oflags & WasiTypes.O_CREAT) != 0 && (oflags & WasiTypes.O_EXCL) != 0) {
            return Errno.EXIST;
        }
        if ((oflags & WasiTypes.O_DIRECTORY) != 0 && !(node instanceof FsNode.Dir)) {
            return Errno.NOTDIR;
        }
        boolean wantRead = (rights & WasiTypes.RIGHT_FD_READ) != 0;
        boolean wantWrite = (rights & WasiTypes.RIGHT_FD_WRITE) != 0;
        boolean truncate = (oflags & WasiTypes.O_TRUNC) != 0;
        if (node instanceof FsNode.Dir) {
            if (wantWrite || truncate) {
                return Errno.ISDIR;
            }
        } else if (node instanceof FsNode.ImageFile) {
            if (wantWrite || truncate) {
                return Errno.ROFS;
            }
        } else {
            ChannelSpec s = ((FsNode.ChannelFile) node).channel.spec();
            if ((wantRead && !s.readable()) || ((wantWrite || truncate) && !s.writable())) {
                return Errno.ACCES;
            }
        }
        OpenFile f = new OpenFile(node, wantRead, wantWrite, false);
        f.fdflags = fdflags;
        int fd = h.fds.add(f);
        if (fd < 0) {
            return Errno.MFILE;
        }
        m.writeI32(fdPtr, fd);
        return Errno.SUCCESS;
    }

    private int filestat(Memory m, int dirfd, int path, int len, int ptr) {
        FileSystem.Found found = lookup(m, dirfd, path, len);
        if (found.node() == null) {
            return found.errno();
        }
        FdCalls.writeFilestat(h, m, ptr, found.node());
        return Errno.SUCCESS;
    }

    private int refuse(Memory m, int dirfd, int path, int len) {
        FileSystem.Found found = lookup(m, dirfd, path, len);
        return found.node() == null ? found.errno() : Errno.ROFS;
    }

    private int refuseCreate(Memory m, int dirfd, int path, int len) {
        FileSystem.Found found = lookup(m, dirfd, path, len);
        if (found.node() != null) {
            return Errno.EXIST;
        }
        return found.errno() == Errno.NOENT ? Errno.ROFS : found.errno();
    }

    private int readlink(Memory m, int dirfd, int path, int len) {
        FileSystem.Found found = lookup(m, dirfd, path, len);
        return found.node() == null ? found.errno() : Errno.INVAL; // links are resolved for you
    }
}
