/*
 * badopen: tries to open paths that were never declared as channels and prints, one line
 * each on stdout,
 *   PATH: errno N (text)      when the open failed (expected), or
 *   PATH: OPENED              when it succeeded (a sandbox escape!)
 * then exits 0. Note: wasi-libc resolves an absolute path against the preopened
 * directories; when none covers the path it fails without asking the host.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void try_open(const char *path, int flags) {
    int fd = open(path, flags);
    if (fd >= 0) {
        printf("%s: OPENED\n", path);
        close(fd);
    } else {
        printf("%s: errno %d (%s)\n", path, errno, strerror(errno));
    }
}

int main(void) {
    try_open("/etc/passwd", O_RDONLY);
    try_open("/dev/secret", O_RDONLY);
    try_open("/dev/../etc/passwd", O_RDONLY);
    try_open("/dev/new-file", O_WRONLY | O_CREAT);
    return 0;
}
