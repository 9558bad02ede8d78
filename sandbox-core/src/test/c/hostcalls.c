/*
 * hostcalls: a hostile program that calls WASI host functions directly with bad arguments
 * (pointers outside memory, huge lengths and counts, bad descriptors) and prints the errno
 * each call returns, one "name errno" line per call. The host must answer with an errno and
 * stay healthy; no call may make it allocate by the program's numbers.
 * Built by build.sh into ../resources/hostcalls.wasm.
 */
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

/* the raw import, to pass a path pointer and length of our choosing */
__attribute__((import_module("wasi_snapshot_preview1"), import_name("path_open")))
int raw_path_open(int fd, int dirflags, unsigned path, unsigned path_len, int oflags,
                  long long rights, long long inheriting, int fdflags, __wasi_fd_t *out);

static void show(const char *name, __wasi_errno_t e) { printf("%s %d\n", name, (int)e); }

int main(void) {
    __wasi_size_t n = 0;
    __wasi_ciovec_t bad = {(const uint8_t *)0xFFFFFF00u, 1024};
    show("write-bad-pointer", __wasi_fd_write(1, &bad, 1, &n));
    show("write-bad-iovs", __wasi_fd_write(1, (const __wasi_ciovec_t *)0xFFFFFFF0u, 1, &n));
    __wasi_ciovec_t ok = {(const uint8_t *)"x\n", 2};
    show("write-too-many-iovs", __wasi_fd_write(1, &ok, 100000, &n));
    show("write-bad-fd", __wasi_fd_write(77, &ok, 1, &n));
    static uint8_t dirbuf[256];
    __wasi_size_t used = 0;
    show("readdir-huge-buf-len", __wasi_fd_readdir(3, dirbuf, 0x7FFFFFF0u, 0, &used));
    show("readdir-not-dir", __wasi_fd_readdir(1, dirbuf, sizeof dirbuf, 0, &used));
    __wasi_event_t ev;
    __wasi_subscription_t sub;
    memset(&sub, 0, sizeof sub);
    show("poll-huge-count", __wasi_poll_oneoff(&sub, &ev, 0x7FFFFFFFu, &n));
    show("random-bad-pointer", __wasi_random_get((uint8_t *)0xFFFFFF00u, 4096));
    __wasi_fd_t fd;
    show("open-bad-path-pointer", raw_path_open(3, 0, 0xFFFFFFF0u, 4096, 0,
                                                    __WASI_RIGHTS_FD_READ, 0, 0, &fd));
    show("open-huge-path-len", raw_path_open(3, 0, (unsigned)"dev", 0x7FFFFFF0u, 0,
                                                 __WASI_RIGHTS_FD_READ, 0, 0, &fd));
    __wasi_timestamp_t t;
    show("clock-bad-id", __wasi_clock_time_get(99, 1, &t));
    show("seek-stdout", __wasi_fd_seek(1, 0, __WASI_WHENCE_SET, &t));
    show("unlink", __wasi_path_unlink_file(3, "dev/stdout"));
    show("mkdir-existing", __wasi_path_create_directory(3, "dev"));
    printf("still alive\n");
    return 0;
}
