/*
 * grep: fixed-string line filter over stdin.
 *   grep [-c] [-v] PATTERN
 * Prints the lines containing PATTERN (with -v: not containing it); with -c prints only
 * the number of such lines. A last line without '\n' is printed with one added, like grep.
 * Exit 0 if some line was selected, 1 if none, 2 on usage or I/O error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void) {
    fputs("usage: grep [-c] [-v] PATTERN\n", stderr);
    exit(2);
}

/* Bytewise substring search (memmem is not in every libc's default namespace). */
static int contains(const char *hay, size_t n, const char *pat, size_t m) {
    if (m == 0) return 1;
    if (m > n) return 0;
    const char *end = hay + n - m;
    for (const char *p = hay; p <= end; p++) {
        p = memchr(p, pat[0], (size_t)(end - p) + 1);
        if (p == NULL) return 0;
        if (memcmp(p, pat, m) == 0) return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    int count_only = 0, invert = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0) { i++; break; }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'c') count_only = 1;
            else if (*o == 'v') invert = 1;
            else usage();
        }
    }
    if (i != argc - 1) usage();
    const char *pat = argv[i];
    size_t m = strlen(pat);

    static char inbuf[64 * 1024], outbuf[64 * 1024];
    setvbuf(stdin, inbuf, _IOFBF, sizeof inbuf);
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long long selected = 0;
    while ((len = getline(&line, &cap, stdin)) >= 0) {
        size_t n = (size_t)len;
        int has_nl = n > 0 && line[n - 1] == '\n';
        if (contains(line, n - has_nl, pat, m) == invert) continue;
        selected++;
        if (!count_only) {
            fwrite(line, 1, n, stdout);
            if (!has_nl) putchar('\n');
        }
    }
    free(line);
    if (ferror(stdin)) {
        perror("grep: read");
        return 2;
    }
    if (count_only) printf("%llu\n", selected);
    if (fflush(stdout) != 0) {
        perror("grep: write");
        return 2;
    }
    return selected ? 0 : 1;
}
