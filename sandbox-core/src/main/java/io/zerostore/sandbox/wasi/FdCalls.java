package io.zerostore.sandbox.wasi;

import com.dylibso.chicory.runtime.Memory;
import io.zerostore.sandbox.channel.Channel;
import io.zerostore.sandbox.channel.ChannelException;
import io.zerostore.sandbox.channel.ChannelSpec;
import java.io.IOException;
import java.util.Map;

/** The {@code fd_*} host calls: reading, writing, seeking and describing open descriptors. */
final class FdCalls {
    /** Most bytes one fd_write takes; larger writes are served short. */
    private static final int MAX_WRITE = 1 << 20;
    /** Linux's IOV_MAX: more iovecs in one call is EINVAL. */
    private static final int IOV_MAX = 1024;

    private final WasiHost h;

    FdCalls(WasiHost host) {
        this.h = host;
    }

    void register(Map<String, WasiHost.Handler> m) {
        m.put("fd_read", (mem, a) -> read(mem, (int) a[0], (int) a[1], (int) a[2], -1, (int) a[3]));
        m.put("fd_pread", (mem, a) -> read(mem, (int) a[0], (int) a[1], (int) a[2], a[3], (int) a[4]));
        m.put("fd_write", (mem, a) -> write(mem, (int) a[0], (int) a[1], (int) a[2], -1, (int) a[3]));
        m.put("fd_pwrite", (mem, a) -> write(mem, (int) a[0], (int) a[1], (int) a[2], a[3], (int) a[4]));
        m.put("fd_seek", (mem, a) -> seek(mem, (int) a[0], a[1], (int) a[2], (int) a[3]));
        m.put("fd_tell", (mem, a) -> seek(mem, (int) a[0], 0, WasiTypes.WHENCE_CUR, (int) a[1]));
        m.put("fd_close", (mem, a) -> h.fds.close((int) a[0]) ? Errno.SUCCESS : Errno.BADF);
        m.put("fd_fdstat_get", (mem, a) -> fdstat(mem, (int) a[0], (int) a[1]));
        m.put("fd_fdstat_set_flags", (mem, a) -> setFlags((int) a[0], (int) a[1]));
        m.put("fd_filestat_get", (mem, a) -> filestat(mem, (int) a[0], (int) a[1]));
        m.put("fd_prestat_get", (mem, a) -> prestat(mem, (int) a[0], (int) a[1]));
        m.put("fd_prestat_dir_name", (mem, a) -> prestatName(mem, (int) a[0], (int) a[1], (int) a[2]));
        m.put("fd_readdir", (mem, a) -> Readdir.readdir(h, mem, (int) a[0], (int) a[1], (int) a[2],
                a[3], (int) a[4]));
        // refusing or no-op calls: they grant no capability
        m.put("fd_advise", (mem, a) -> exists((int) a[0]));
        m.put("fd_allocate", (mem, a) -> refuse((int) a[0]));
        m.put("fd_datasync", (mem, a) -> exists((int) a[0]));
        m.put("fd_sync", (mem, a) -> exists((int) a[0]));
        m.put("fd_fdstat_set_rights", (mem, a) -> exists((int) a[0]));
        m.put("fd_filestat_set_size", (mem, a) -> refuse((int) a[0]));
        m.put("fd_filestat_set_times", (mem, a) -> refuse((int) a[0]));
        m.put("fd_renumber", (mem, a) -> h.fds.renumber((int) a[0], (int) a[1]) ? Errno.SUCCESS : Errno.BADF);
    }

    private int exists(int fd) {
        return h.fds.get(fd) == null ? Errno.BADF : Errno.SUCCESS;
    }

    private int refuse(int fd) {
        OpenFile f = h.fds.get(fd);
        if (f == null) {
            return Errno.BADF;
        }
        return f.node instanceof FsNode.ChannelFile ? Errno.NOTSUP : Errno.ROFS;
    }

    /** fd_read / fd_pread ({@code offset} < 0 means "at the descriptor's position"). */
    private int read(Memory m, int fd, int iovs, int iovsLen, long offset, int nreadPtr) {
        OpenFile f = h.fds.get(fd);
        if (f == null) {
            return Errno.BADF;
        }
        if (f.node instanceof FsNode.Dir) {
            return Errno.ISDIR;
        }
        if (!f.read) {
            return Errno.BADF;
        }
        if (iovsLen < 0 || iovsLen > IOV_MAX) {
            return Errno.INVAL;
        }
        long want = 0;
        for (int i = 0; i < iovsLen; i++) {
            want += m.readU32(iovs + i * 8 + 4);
        }
        int len = (int) Math.min(want, WasiHost.SCRATCH);
        int n;
        try {
            n = readInto(f, offset, len);
        } catch (ChannelException e) {
            return WasiHost.errno(e);
        }
        if (n < 0) {
            n = 0;
        }
        int done = 0;
        for (int i = 0; i < iovsLen && done < n; i++) {
            int buf = m.readInt(iovs + i * 8);
            int cap = (int) Math.min(m.readU32(iovs + i * 8 + 4), n - done);
            m.write(buf, h.scratch(), done, cap);
            done += cap;
        }
        m.writeI32(nreadPtr, n);
        return Errno.SUCCESS;
    }

    private int readInto(OpenFile f, long offset, int len) throws ChannelException {
        boolean positional = offset >= 0;
        if (f.node instanceof FsNode.ChannelFile cf) {
            Channel ch = cf.channel;
            if (!ch.spec().type().randomRead()) {
                if (positional) {
                    return spipe();
                }
                return ch.read(h.scratch(), 0, len);
            }
            long pos = positional ? offset : f.position;
            int n = ch.readAt(pos, h.scratch(), 0, len);
            if (!positional && n > 0) {
                f.position += n;
            }
            return n;
        }
        FsNode.ImageFile img = (FsNode.ImageFile) f.node;
        long pos = positional ? offset : f.position;
        if (pos >= img.length || len == 0) {
            return 0;
        }
        int want = (int) Math.min(len, img.length - pos);
        int n;
        h.shield.shield();
        try {
            n = img.source.readAt(img.offset + pos, h.scratch(), 0, want);
        } catch (IOException e) {
            throw new ChannelException(ChannelException.Kind.IO, e.toString());
        } finally {
            h.shield.unshield();
        }
        if (!positional && n > 0) {
            f.position += n;
        }
        return n;
    }

    private static int spipe() throws ChannelException {
        throw new ChannelException(ChannelException.Kind.NOT_SEEKABLE, "sequential channel");
    }

    /** fd_write / fd_pwrite ({@code offset} < 0 means "at the descriptor's position"). */
    private int write(Memory m, int fd, int iovs, int iovsLen, long offset, int nwrittenPtr) {
        OpenFile f = h.fds.get(fd);
        if (f == null) {
            return Errno.BADF;
        }
        if (f.node instanceof FsNode.Dir) {
            return Errno.ISDIR;
        }
        if (!f.write) {
            return Errno.BADF;
        }
        if (!(f.node instanceof FsNode.ChannelFile cf)) {
            return Errno.ROFS;
        }
        if (iovsLen < 0 || iovsLen > IOV_MAX) {
            return Errno.INVAL;
        }
        byte[] data = gather(m, iovs, iovsLen);
        Channel ch = cf.channel;
        int n;
        try {
            if (!ch.spec().type().randomWrite()) {
                if (offset >= 0) {
                    return Errno.SPIPE;
                }
                n = ch.write(data, 0, data.length);
            } else {
                boolean positional = offset >= 0;
                long pos = positional ? offset
                        : (f.fdflags & WasiTypes.FDFLAG_APPEND) != 0 ? ch.knownSize() : f.position;
                n = ch.writeAt(pos, data, 0, data.length);
                if (!positional) {
                    f.position = pos + n;
                }
            }
        } catch (ChannelException e) {
            return WasiHost.errno(e);
        }
        m.writeI32(nwrittenPtr, n);
        return Errno.SUCCESS;
    }

    /** Copies the iovecs into one array so one call is one "put", as in ZeroVM. */
    private static byte[] gather(Memory m, int iovs, int iovsLen) {
        if (iovsLen == 1) {
            int len = (int) Math.min(m.readU32(iovs + 4), MAX_WRITE);
            return m.readBytes(m.readInt(iovs), len);
        }
        long total = 0;
        for (int i = 0; i < iovsLen; i++) {
            total += m.readU32(iovs + i * 8 + 4);
        }
        byte[] out = new byte[(int) Math.min(total, MAX_WRITE)];
        int done = 0;
        for (int i = 0; i < iovsLen && done < out.length; i++) {
            int len = (int) Math.min(m.readU32(iovs + i * 8 + 4), out.length - done);
            if (len > 0) {
                System.arraycopy(m.readBytes(m.readInt(iovs + i * 8), len), 0, out, done, len);
                done += len;
            }
        }
        return out;
    }

    private int seek(Memory m, int fd, long offset, int whence, int resultPtr) {
        OpenFile f = h.fds.get(fd);
        if (f == null) {
            return Errno.BADF;
        }
        if (f.node instanceof FsNode.Dir) {
            return Errno.ISDIR;
        }
        if (f.node instanceof FsNode.ChannelFile cf) {
            ChannelSpec s = cf.channel.spec();
            if (!s.type().randomRead() && !s.type().randomWrite()) {
                return Errno.SPIPE;
            }
        }
        long base;
        switch (whence) {
            case WasiTypes.WHENCE_SET -> base = 0;
            case WasiTypes.WHENCE_CUR -> base = f.position;
            case WasiTypes.WHENCE_END -> base = f.node.size();
            default -> {
                return Errno.INVAL;
            }
        }
        long pos = base + offset;
        if (pos < 0) {
            return Errno.INVAL;
        }
        f.position = pos;
        m.writeLong(resultPtr, pos);
        return Errno.SUCCESS;
    }

    private int fdstat(Memory m, int fd, int ptr) {
        OpenFile f = h.fds.get(fd);
        if (f == null) {
            return Errno.BADF;
        }
        long rights;
        long inheriting = 0;
        if (f.node instanceof FsNode.Dir) {
            rights = WasiTypes.RIGHTS_DIR;
            inheriting = WasiTypes.RIGHTS_DIR_INHERITING;
        } else {
            rights = WasiTypes.RIGHT_FD_TELL | WasiTypes.RIGHT_FD_FILESTAT_GET
                    | WasiTypes.RIGHT_FD_FDSTAT_SET_FLAGS | WasiTypes.RIGHT_POLL_FD_READWRITE;
            if (f.read) {
                rights |= WasiTypes.RIGHT_FD_READ;
            }
            if (f.write) {
                rights |= WasiTypes.RIGHT_FD_WRITE;
            }
            boolean seekable = !(f.node instanceof FsNode.ChannelFile cf)
                    || cf.channel.spec().type().randomRead() || cf.channel.spec().type().randomWrite();
            if (seekable) {
                rights |= WasiTypes.RIGHT_FD_SEEK;
            }
        }
        m.writeByte(ptr, (byte) f.node.filetype());
        m.writeByte(ptr + 1, (byte) 0);
        m.writeShort(ptr + 2, (short) f.fdflags);
        m.writeI32(ptr + 4, 0);
        m.writeLong(ptr + 8, rights);
        m.writeLong(ptr + 16, inheriting);
        return Errno.SUCCESS;
    }

    private int setFlags(int fd, int flags) {
        OpenFile f = h.fds.get(fd);
        if (f == null) {
            return Errno.BADF;
        }
        f.fdflags = flags;
        return Errno.SUCCESS;
    }

    private int filestat(Memory m, int fd, int ptr) {
        OpenFile f = h.fds.get(fd);
        if (f == null) {
            return Errno.BADF;
        }
        writeFilestat(h, m, ptr, f.node);
        return Errno.SUCCESS;
    }

    /** The 64-byte filestat; all times are the clock's epoch so stat is deterministic too. */
    static void writeFilestat(WasiHost h, Memory m, int ptr, FsNode node) {
        m.writeLong(ptr, 0);
        m.writeLong(ptr + 8, node.ino);
        m.writeByte(ptr + 16, (byte) node.filetype());
        for (int i = 17; i < 24; i++) {
            m.writeByte(ptr + i, (byte) 0);
        }
        m.writeLong(ptr + 24, 1);
        m.writeLong(ptr + 32, node.size());
        long t = h.clock.epochNanos();
        m.writeLong(ptr + 40, t);
        m.writeLong(ptr + 48, t);
        m.writeLong(ptr + 56, t);
    }

    private int prestat(Memory m, int fd, int ptr) {
        OpenFile f = h.fds.get(fd);
        if (f == null || !f.preopen) {
            return Errno.BADF;
        }
        m.writeI32(ptr, 0); // tag 0 = directory, padding
        m.writeI32(ptr + 4, 1); // strlen("/")
        return Errno.SUCCESS;
    }

    private int prestatName(Memory m, int fd, int ptr, int len) {
        OpenFile f = h.fds.get(fd);
        if (f == null || !f.preopen) {
            return Errno.BADF;
        }
        if (len < 1) {
            return Errno.NAMETOOLONG;
        }
        m.writeByte(ptr, (byte) '/');
        return Errno.SUCCESS;
    }
}
