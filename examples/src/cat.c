/*
 * cat: copies stdin (or each file named in argv, e.g. /dev/input) to stdout.
 * Uses raw read/write with a 64 KiB buffer so the sandbox sees few, large calls.
 * Exit 0 on success, 1 if a file could not be opened or an I/O call failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BUF_SIZE (64 * 1024)

static char buf[BUF_SIZE];

/* Writes all n bytes; returns 0 or -1 with errno set. */
static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int copy(int in, const char *name) {
    for (;;) {
        ssize_t r = read(in, buf, sizeof buf);
        if (r == 0) return 0;
        if (r < 0) {
            if (errno == EINTR) continue;
            fprintf(stderr, "cat: %s: read: %s\n", name, strerror(errno));
            return 1;
        }
        if (write_all(1, buf, (size_t)r) != 0) {
            fprintf(stderr, "cat: write: %s\n", strerror(errno));
            return 1;
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 2) return copy(0, "stdin");
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            status |= copy(0, "stdin");
            continue;
        }
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        status |= copy(fd, argv[i]);
        close(fd);
    }
    return status;
}
