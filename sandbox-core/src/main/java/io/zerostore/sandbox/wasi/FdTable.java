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
    /** No free descriptor below this one (keeps allocation O(1) when opening thousands). */
    private int lowestFree = ROOT_FD + 1;

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
        for (int i = lowestFree; i < fds.size(); i++) {
            if (fds.get(i) == null) {
                fds.set(i, f);
                lowestFree = i + 1;
                return i;
            }
        }
        if (fds.size() >= MAX_FDS) {
            return -1;
        }
        set(Math.max(fds.size(), ROOT_FD + 1), f);
        lowestFree = fds.size();
        return fds.size() - 1;
    }

    boolean close(int fd) {
        if (get(fd) == null) {
            return false;
        }
        fds.set(fd, null);
        if (fd > ROOT_FD) {
            lowestFree = Math.min(lowestFree, fd);
        }
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
            if (from > ROOT_FD) {
                lowestFree = Math.min(lowestFree, from);
            }
        }
        return true;
    }
}
