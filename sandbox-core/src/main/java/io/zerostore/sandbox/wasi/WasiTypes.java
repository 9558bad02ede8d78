package io.zerostore.sandbox.wasi;

/** WASI preview 1 constants and struct layouts used by the host calls. */
final class WasiTypes {
    // filetype
    static final int FILETYPE_UNKNOWN = 0;
    static final int FILETYPE_BLOCK_DEVICE = 1;
    static final int FILETYPE_CHARACTER_DEVICE = 2;
    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;

    // whence
    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    // oflags
    static final int O_CREAT = 1;
    static final int O_DIRECTORY = 2;
    static final int O_EXCL = 4;
    static final int O_TRUNC = 8;

    // fdflags
    static final int FDFLAG_APPEND = 1;

    // rights
    static final long RIGHT_FD_READ = 1L << 1;
    static final long RIGHT_FD_SEEK = 1L << 2;
    static final long RIGHT_FD_FDSTAT_SET_FLAGS = 1L << 3;
    static final long RIGHT_FD_TELL = 1L << 5;
    static final long RIGHT_FD_WRITE = 1L << 6;
    static final long RIGHT_PATH_OPEN = 1L << 13;
    static final long RIGHT_FD_READDIR = 1L << 14;
    static final long RIGHT_PATH_FILESTAT_GET = 1L << 18;
    static final long RIGHT_FD_FILESTAT_GET = 1L << 21;
    static final long RIGHT_POLL_FD_READWRITE = 1L << 27;

    static final long RIGHTS_DIR = RIGHT_PATH_OPEN | RIGHT_FD_READDIR | RIGHT_PATH_FILESTAT_GET
            | RIGHT_FD_FILESTAT_GET;
    static final long RIGHTS_DIR_INHERITING = RIGHT_FD_READ | RIGHT_FD_SEEK | RIGHT_FD_TELL
            | RIGHT_FD_WRITE | RIGHT_FD_FILESTAT_GET | RIGHT_FD_FDSTAT_SET_FLAGS
            | RIGHT_POLL_FD_READWRITE | RIGHTS_DIR;

    // clocks
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;

    // poll
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;
    static final int SUBCLOCKFLAG_ABSTIME = 1;
    static final int SUBSCRIPTION_SIZE = 48;
    static final int EVENT_SIZE = 32;

    // struct sizes
    static final int FDSTAT_SIZE = 24;
    static final int FILESTAT_SIZE = 64;
    static final int DIRENT_SIZE = 24;

    private WasiTypes() {
    }
}
