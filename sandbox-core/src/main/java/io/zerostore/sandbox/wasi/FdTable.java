package io.zerostore.sandbox.wasi;

import java.util.ArrayList;
import java.util.List;

/**
 * The program's descriptor table: 0–2 are the stdin/stdout/stderr channels when declared, 3 is
 * the preopened root directory "/", and {@code path_open} hands out the lowest free number.
 */
final class FdTable {
    /** Enough for every channel (ZeroVM allows 10915) to be open at once, with room to spare. */
    static final int MAX_FDS = 16384;
    static final int ROOT_FD = 3;

    private final List<OpenFile> fds = new ArrayList<>();

    void set(int fd, OpenFile f) {
        while (fds.size() <= fd) {
            fds.add(null);
        }
        fds.set(fd, f);
    }

    OpenFile get(int fd) {
        return fd >= 0 && fd < fds.size() ? fds.get(fd) : null;
    }

    /** Lowest free descriptor, or -1 when the table is full. */
    int add(OpenFile f) {
        for (int i = ROOT_FD + 1; i < fds.size(); i++) {
            if (fds.get(i) == null) {
                fds.set(i, f);
                return i;
            }
        }
        if (fds.size() >= MAX_FDS) {
            return -1;
        }
        set(Math.max(fds.size(), ROOT_FD + 1), f);
        return fds.size() - 1;
    }

    boolean close(int fd) {
        if (get(fd) == null) {
            return false;
        }
        fds.set(fd, null);
        return true;
    }

    /** Moves {@code from} onto {@code to} (closing what was there). */
    boolean renumber(int from, int to) {
        OpenFile f = get(from);
        if (f == null || get(to) == null) {
            return false;
        }
        fds.set(to, f);
        if (from != to) {
            fds.set(from, null);
        }
        return true;
    }
}
