/*
 * libc functions Lua calls that Debian's wasi-libc lacks (system, tmpfile) or whose
 * wasi-libc versions import host calls outside the sandbox's allow-list (freopen:
 * fd_renumber; remove: path_unlink_file, path_remove_directory; rename: path_rename).
 * lua-wasi.h redirects Lua's calls here. The sandbox's file system is read-only apart
 * from declared channels and there is no shell, so these report ENOSYS to the script
 * (os.execute, os.remove, os.rename, io.tmpfile return nil/false and the message).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int lua_wasi_system(const char *cmd) {
    if (cmd == NULL) return 0; /* "no shell available" */
    errno = ENOSYS;
    return -1;
}

FILE *lua_wasi_tmpfile(void) {
    errno = ENOSYS;
    return NULL;
}

int lua_wasi_remove(const char *path) {
    (void)path;
    errno = ENOSYS;
    return -1;
}

int lua_wasi_rename(const char *from, const char *to) {
    (void)from;
    (void)to;
    errno = ENOSYS;
    return -1;
}

/* Lua calls freopen(name, "rb", f) only to reopen a file it has just opened by name, in
 * binary mode (no text/binary difference on WASI): open it afresh instead of musl's
 * dup-based reopen, which needs fd_renumber. */
FILE *lua_wasi_freopen(const char *path, const char *mode, FILE *f) {
    if (path == NULL) {
        errno = ENOSYS;
        return NULL;
    }
    fclose(f);
    return fopen(path, mode);
}
