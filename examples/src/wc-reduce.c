/*
 * wc-reduce: the reducer of the word-count map-reduce (see wc-map.c).
 * Lists /dev/in/, reads every file there (in bytewise name order) as "word\tcount\n"
 * lines, merges the counts and writes "word\tcount\n" sorted by word to stdout.
 * With no /dev/in entries it reads the same format from stdin, so it also works as a
 * plain pipeline stage or a final merger. Malformed lines are skipped and counted on
 * stderr. Exit 0, or 2 on an I/O error.
 */
#include "wordcount.h"

#define IN_DIR "/dev/in"

static unsigned long long skipped;

static void merge(struct table *t, FILE *in, const char *name) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, in)) >= 0) {
        if (len > 0 && line[len - 1] == '\n') line[--len] = '\0';
        char *tab = memchr(line, '\t', (size_t)len);
        char *end;
        if (tab == NULL || tab == line) {
            skipped++;
            continue;
        }
        errno = 0;
        unsigned long long n = strtoull(tab + 1, &end, 10);
        if (errno != 0 || end == tab + 1 || *end != '\0') {
            skipped++;
            continue;
        }
        table_add(t, line, (size_t)(tab - line), n);
    }
    if (ferror(in)) wc_die(name);
    free(line);
}

int main(void) {
    struct table t;
    table_init(&t);
    char **ins;
    size_t nin = list_channels(IN_DIR, &ins);
    if (nin == 0) merge(&t, stdin, "wc-reduce: stdin");
    for (size_t i = 0; i < nin; i++) {
        FILE *f = fopen(ins[i], "r");
        if (f == NULL) wc_die(ins[i]);
        merge(&t, f, ins[i]);
        fclose(f);
    }
    size_t n = t.size;
    struct entry *words = table_sorted(&t);
    if (write_entries(stdout, words, n) != 0 || fflush(stdout) != 0)
        wc_die("wc-reduce: write stdout");
    if (skipped) fprintf(stderr, "wc-reduce: skipped %llu malformed lines\n", skipped);
    return 0;
}
