/*
 * sort: sorts the lines of stdin bytewise (like `LC_ALL=C sort`) and writes them to
 * stdout. Reads everything into memory first; a last line without '\n' gets one.
 * Exit 0, or 2 on I/O error or when memory runs out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct line {
    const char *p;
    size_t n; /* without the '\n' */
};

static int cmp(const void *a, const void *b) {
    const struct line *x = a, *y = b;
    size_t n = x->n < y->n ? x->n : y->n;
    int c = memcmp(x->p, y->p, n);
    if (c != 0) return c;
    return (x->n > y->n) - (x->n < y->n);
}

static void die(const char *what) {
    perror(what);
    exit(2);
}

int main(void) {
    size_t cap = 64 * 1024, len = 0;
    char *data = malloc(cap);
    if (data == NULL) die("sort: malloc");
    for (;;) {
        if (len == cap) {
            cap *= 2;
            data = realloc(data, cap);
            if (data == NULL) die("sort: realloc");
        }
        ssize_t r = read(0, data + len, cap - len);
        if (r == 0) break;
        if (r < 0) die("sort: read");
        len += (size_t)r;
    }

    size_t nlines = 0;
    for (size_t i = 0; i < len; i++) nlines += data[i] == '\n';
    if (len > 0 && data[len - 1] != '\n') nlines++;
    struct line *lines = malloc((nlines ? nlines : 1) * sizeof *lines);
    if (lines == NULL) die("sort: malloc");
    size_t k = 0, start = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] == '\n') {
            lines[k++] = (struct line){data + start, i - start};
            start = i + 1;
        }
    }
    if (start < len) lines[k++] = (struct line){data + start, len - start};

    qsort(lines, nlines, sizeof *lines, cmp);

    static char outbuf[64 * 1024];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    for (size_t i = 0; i < nlines; i++) {
        fwrite(lines[i].p, 1, lines[i].n, stdout);
        putchar('\n');
    }
    if (fflush(stdout) != 0) die("sort: write");
    return 0;
}
