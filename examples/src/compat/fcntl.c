/*
 * Replaces wasi-libc's fcntl() at link time (an object on the command line wins over the
 * archive member). wasi-libc's fopen/fdopen reference fcntl, whose F_SETFL case imports
 * fd_fdstat_set_flags, a host call outside our sandbox's allow-list. This version answers
 * F_GETFD/F_SETFD/F_GETFL like wasi-libc (via fd_fdstat_get) and refuses F_SETFL with
 * ENOTSUP; musl's stdio only calls F_SETFL to add O_APPEND, which fopen already set.
 */
#include <errno.h>
#include <fcntl.h>
#include <wasi/api.h>

int fcntl(int fd, int cmd, ...) {
    __wasi_fdstat_t st;
    __wasi_errno_t err = __wasi_fd_fdstat_get(fd, &st);
    if (err != 0) {
        errno = err;
        return -1;
    }
    switch (cmd) {
    case F_GETFD:
        return FD_CLOEXEC;
    case F_SETFD:
        return 0;
    case F_GETFL: {
        int flags = st.fs_flags;
        int readable = (st.fs_rights_base & (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR)) != 0;
        int writable = (st.fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0;
        if (readable) flags |= writable ? O_RDWR : O_RDONLY;
        else flags |= writable ? O_WRONLY : O_SEARCH;
        return flags;
    }
    default:
        errno = cmd == F_SETFL ? ENOTSUP : EINVAL;
        return -1;
    }
}
