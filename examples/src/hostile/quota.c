/*
 * quota: tries to write 1 MiB to stdout in 256 writes of 4 KiB (raw write(2), one host
 * call each). Keeps going after a failure, then reports on stderr:
 *   quota: writes ok=K failed=F bytes=B first_errno=E (strerror text)
 * (first_errno=0 (none) if nothing failed) and exits 0. Under a put_size / puts limit on
 * stdout the writes past the limit must fail with EDQUOT while the program keeps running.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 4096
#define COUNT 256

int main(void) {
    static char chunk[CHUNK];
    memset(chunk, 'q', sizeof chunk);
    chunk[CHUNK - 1] = '\n';
    int ok = 0, failed = 0, first_errno = 0;
    unsigned long long bytes = 0;
    for (int i = 0; i < COUNT; i++) {
        ssize_t w = write(1, chunk, CHUNK);
        if (w < 0) {
            if (failed++ == 0) first_errno = errno;
            continue;
        }
        ok++;
        bytes += (unsigned long long)w;
    }
    fprintf(stderr, "quota: writes ok=%d failed=%d bytes=%llu first_errno=%d (%s)\n", ok,
            failed, bytes, first_errno, first_errno ? strerror(first_errno) : "none");
    return 0;
}
