/*
 * wc: counts lines, words and bytes of stdin like coreutils `wc` and prints
 * "lines words bytes\n". The throughput benchmark: the same file is compiled
 * natively (gcc -O2 -o wc wc.c) and for wasm32-wasi, and both run on the same input.
 * Word rule of coreutils 9.1 `LC_ALL=C wc`: whitespace (" \t\n\v\f\r") ends a word,
 * a printable non-space ASCII byte (0x21..0x7e) starts one, and every other byte
 * (control bytes, bytes >= 0x80) neither starts nor ends a word.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BUF_SIZE (64 * 1024)

static unsigned char buf[BUF_SIZE];

int main(void) {
    unsigned long long lines = 0, words = 0, bytes = 0;
    int in_word = 0;
    for (;;) {
        ssize_t r = read(0, buf, sizeof buf);
        if (r == 0) break;
        if (r < 0) {
            if (errno == EINTR) continue;
            fprintf(stderr, "wc: read: %s\n", strerror(errno));
            return 1;
        }
        bytes += (unsigned long long)r;
        for (ssize_t i = 0; i < r; i++) {
            unsigned char c = buf[i];
            /* Branch-free so the loop compiles to straight-line code in both targets. */
            int space = (c == ' ') | ((unsigned char)(c - '\t') <= '\r' - '\t');
            int graph = (unsigned char)(c - 0x21) < 0x7f - 0x21;
            lines += c == '\n';
            words += graph & !in_word;
            in_word = graph | (in_word & !space);
        }
    }
    printf("%llu %llu %llu\n", lines, words, bytes);
    return 0;
}
