package io.zerostore.node.diskfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The POSIX calls the JDK does not offer, through jnr-ffi: {@code fallocate} (reserve the space
 * before the body arrives, so a full disk fails the PUT before {@code 100 Continue}),
 * {@code fdatasync} (data durable without a full inode flush), {@code posix_fadvise} (keep big
 * objects from evicting the hot small ones from the page cache) and {@code statvfs}. Files written
 * this way are opened natively, because the JDK does not expose a {@code FileChannel}'s descriptor.
 *
 * <p>Errors come back as {@link IOException}; out-of-space errors as {@link DiskFullException}.
 */
public final class Natives {
    static final int O_WRONLY = 01;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_CLOEXEC = 02000000;
    static final int O_DIRECT = 040000;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int EINVAL = 22;
    static final int FALLOC_FL_KEEP_SIZE = 1;
    public static final int POSIX_FADV_WILLNEED = 3;
    public static final int POSIX_FADV_DONTNEED = 4;
    private static final int EINTR = 4;
    /** A path's directory is missing (e.g. removed by a concurrent reclaim). */
    public static final int ENOENT = 2;
    /** The directory exists already (e.g. made by a concurrent upload). */
    public static final int EEXIST = 17;
    private static final int ENOSPC = 28;
    private static final int EDQUOT = 122;
    private static final int EOPNOTSUPP = 95;
    private static final int ENOSYS = 38;

    /** The libc functions used; jnr-ffi binds them by name. */
    public interface LibC {
        int open(String path, int flags, int mode);

        int close(int fd);

        @ssize_t long write(int fd, @In Pointer buf, @size_t long count);

        @ssize_t long write(int fd, @In ByteBuffer buf, @size_t long count);

        int fallocate(int fd, int mode, @off_t long offset, @off_t long len);

        int fcntl(int fd, int cmd, int arg);

        int fdatasync(int fd);

        int posix_fadvise(int fd, @off_t long offset, @off_t long len, int advice);

        int statvfs(String path, @Out StatvfsStruct buf);

        int mkdir(String path, int mode);

        int rename(String from, String to);

        int link(String from, String to);

        String strerror(int errnum);
    }

    /** {@code struct statvfs} of glibc on LP64 Linux. */
    public static final class StatvfsStruct extends Struct {
        final UnsignedLong bsize = new UnsignedLong();
        final UnsignedLong frsize = new UnsignedLong();
        final UnsignedLong blocks = new UnsignedLong();
        final UnsignedLong bfree = new UnsignedLong();
        final UnsignedLong bavail = new UnsignedLong();
        final UnsignedLong files = new UnsignedLong();
        final UnsignedLong ffree = new UnsignedLong();
        final UnsignedLong favail = new UnsignedLong();
        final UnsignedLong fsid = new UnsignedLong();
        final UnsignedLong flag = new UnsignedLong();
        final UnsignedLong namemax = new UnsignedLong();
        final Signed32[] spare = array(new Signed32[6]);

        StatvfsStruct(Runtime runtime) {
            super(runtime);
        }
    }

    private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private Natives() {}

    private static int errno() {
        return RUNTIME.getLastError();
    }

    /** The IOException for an errno (out of space: {@link DiskFullException}). */
    public static IOException error(String call, String what, int errno) {
        String msg = call + "(" + what + "): " + LIBC.strerror(errno);
        return errno == ENOSPC || errno == EDQUOT ? new DiskFullException(msg) : new IOException(msg);
    }

    /** Creates a new file exclusively for writing; returns its descriptor. */
    public static int createExclusive(Path path) throws IOException {
        while (true) {
            int fd = LIBC.open(path.toString(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (fd >= 0) {
                return fd;
            }
            int e = errno();
            if (e != EINTR) {
                throw error("open", path.toString(), e);
            }
        }
    }

    /**
     * Like {@link #createExclusive}, but with {@code O_DIRECT}: writes bypass the page cache and
     * must be aligned. Returns -1 (and creates nothing) where the file system refuses O_DIRECT.
     */
    static int createExclusiveDirect(Path path) throws IOException {
        while (true) {
            int fd = LIBC.open(path.toString(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_DIRECT, 0644);
            if (fd >= 0) {
                return fd;
            }
            int e = errno();
            if (e == EINVAL) {
                return -1;
            }
            if (e != EINTR) {
                throw error("open", path.toString(), e);
            }
        }
    }

    /** Turns {@code O_DIRECT} off on an open descriptor: the writes that follow go through the page cache. */
    static void clearDirect(int fd) throws IOException {
        int flags = LIBC.fcntl(fd, F_GETFL, 0);
        if (flags < 0 || LIBC.fcntl(fd, F_SETFL, flags & ~O_DIRECT) < 0) {
            throw error("fcntl", "fd " + fd, errno());
        }
    }

    /** One write(2) of the buffer's remaining bytes; returns the count written (possibly short), EINTR retried. */
    static long writeOnce(int fd, ByteBuffer buffer) throws IOException {
        while (true) {
            long n = LIBC.write(fd, buffer, buffer.remaining());
            if (n >= 0) {
                return n;
            }
            int e = errno();
            if (e != EINTR) {
                throw error("write", "fd " + fd, e);
            }
        }
    }

    public static void close(int fd) throws IOException {
        if (LIBC.close(fd) != 0) {
            int e = errno();
            if (e != EINTR) {
                throw error("close", "fd " + fd, e);
            }
        }
    }

    /** Writes all {@code count} bytes at native address {@code address}. */
    public static void writeFully(int fd, long address, long count) throws IOException {
        long done = 0;
        while (done < count) {
            long n = LIBC.write(fd, Pointer.wrap(RUNTIME, address + done), count - done);
            if (n < 0) {
                int e = errno();
                if (e == EINTR) {
                    continue;
                }
                throw error("write", "fd " + fd, e);
            }
            done += n;
        }
    }

    /** Writes the remaining bytes of a buffer (direct or heap); its position is left unchanged. */
    public static void writeFully(int fd, ByteBuffer buffer) throws IOException {
        ByteBuffer b = buffer.slice();
        while (b.hasRemaining()) {
            long n = LIBC.write(fd, b, b.remaining());
            if (n < 0) {
                int e = errno();
                if (e == EINTR) {
                    continue;
                }
                throw error("write", "fd " + fd, e);
            }
            b.position(b.position() + (int) n);
            b = b.slice();
        }
    }

    /**
     * Reserves {@code length} bytes from {@code offset} without changing the file size (Swift's
     * default). A file system without fallocate is not an error: the writes then allocate.
     */
    public static void fallocate(int fd, long offset, long length) throws IOException {
        if (length <= 0) {
            return;
        }
        while (LIBC.fallocate(fd, FALLOC_FL_KEEP_SIZE, offset, length) != 0) {
            int e = errno();
            if (e == EOPNOTSUPP || e == ENOSYS) {
                return;
            }
            if (e != EINTR) {
                throw error("fallocate", length + " bytes", e);
            }
        }
    }

    public static void fdatasync(int fd) throws IOException {
        while (LIBC.fdatasync(fd) != 0) {
            int e = errno();
            if (e != EINTR) {
                throw error("fdatasync", "fd " + fd, e);
            }
        }
    }

    /** Page-cache advice; failures are ignored because the advice is only a hint. */
    public static void fadvise(int fd, long offset, long length, int advice) {
        LIBC.posix_fadvise(fd, offset, length, advice);
    }

    /** Advice for a file opened by the JDK: the page cache belongs to the file, not the descriptor. */
    public static void fadvise(Path file, long offset, long length, int advice) {
        int fd = LIBC.open(file.toString(), 0 | O_CLOEXEC, 0);
        if (fd >= 0) {
            LIBC.posix_fadvise(fd, offset, length, advice);
            LIBC.close(fd);
        }
    }

    /**
     * {@code mkdir(2)} with mode 0755. The outcomes a writer expects, {@link #EEXIST} and
     * {@link #ENOENT}, come back as the errno instead of an exception, since concurrent uploads and
     * reclaims make them ordinary; 0 means this call made it.
     */
    public static int mkdir(Path dir) {
        return retryInterrupted(() -> LIBC.mkdir(dir.toString(), 0755));
    }

    /**
     * {@code rename(2)}: atomic within one file system, replacing {@code to}. Returns 0 or the
     * errno ({@link #ENOENT}: a directory on either side is gone), as {@link #mkdir} does.
     */
    public static int rename(Path from, Path to) {
        return retryInterrupted(() -> LIBC.rename(from.toString(), to.toString()));
    }

    /**
     * {@code link(2)}: a second name for {@code from} that never replaces an existing {@code to}.
     * Returns 0 or the errno ({@link #EEXIST}: {@code to} exists; {@link #ENOENT}: as for rename).
     */
    public static int link(Path from, Path to) {
        return retryInterrupted(() -> LIBC.link(from.toString(), to.toString()));
    }

    private static int retryInterrupted(java.util.function.IntSupplier call) {
        while (true) {
            if (call.getAsInt() == 0) {
                return 0;
            }
            int e = errno();
            if (e != EINTR) {
                return e;
            }
        }
    }

    /** fsync of a directory, so that a rename or a new entry in it survives a crash. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** {@code statvfs} of the file system holding {@code path}. */
    public static DiskUsage statvfs(Path path) throws IOException {
        StatvfsStruct s = new StatvfsStruct(RUNTIME);
        if (LIBC.statvfs(path.toString(), s) != 0) {
            throw error("statvfs", path.toString(), errno());
        }
        long frsize = s.frsize.longValue();
        return new DiskUsage(s.blocks.longValue() * frsize, s.bfree.longValue() * frsize,
                s.bavail.longValue() * frsize, s.files.longValue(), s.ffree.longValue());
    }
}
