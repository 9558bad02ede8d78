/*
 * Shared by wc-map.c and wc-reduce.c: a word -> count hash table, the partition hash
 * (FNV-1a 32-bit, reducer = hash % N) and channel directory listing.
 * Header-only so each program stays a single translation unit.
 */
#ifndef WORDCOUNT_H
#define WORDCOUNT_H

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    char *word; /* NUL-terminated, owned */
    size_t len;
    uint32_t hash;
    unsigned long long count;
};

struct table {
    struct entry *slots; /* open addressing, linear probing; word == NULL: empty */
    size_t cap;          /* power of two */
    size_t size;
};

static void wc_die(const char *what) {
    fprintf(stderr, "%s: %s\n", what, strerror(errno));
    exit(2);
}

/* FNV-1a, 32 bit: the partition function mappers and reducers agree on. */
static uint32_t wc_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static void table_init(struct table *t) {
    t->cap = 1024;
    t->size = 0;
    t->slots = calloc(t->cap, sizeof *t->slots);
    if (t->slots == NULL) wc_die("calloc");
}

static void table_grow(struct table *t) {
    size_t cap = t->cap * 2;
    struct entry *slots = calloc(cap, sizeof *slots);
    if (slots == NULL) wc_die("calloc");
    for (size_t i = 0; i < t->cap; i++) {
        if (t->slots[i].word == NULL) continue;
        size_t j = t->slots[i].hash & (cap - 1);
        while (slots[j].word != NULL) j = (j + 1) & (cap - 1);
        slots[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

static void table_add(struct table *t, const char *word, size_t len, unsigned long long n) {
    uint32_t h = wc_hash(word, len);
    size_t j = h & (t->cap - 1);
    for (; t->slots[j].word != NULL; j = (j + 1) & (t->cap - 1)) {
        struct entry *e = &t->slots[j];
        if (e->hash == h && e->len == len && memcmp(e->word, word, len) == 0) {
            e->count += n;
            return;
        }
    }
    char *copy = malloc(len + 1);
    if (copy == NULL) wc_die("malloc");
    memcpy(copy, word, len);
    copy[len] = '\0';
    t->slots[j] = (struct entry){copy, len, h, n};
    if (++t->size * 2 > t->cap) table_grow(t);
}

static int entry_cmp(const void *a, const void *b) {
    const struct entry *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->word, y->word, n);
    if (c != 0) return c;
    return (x->len > y->len) - (x->len < y->len);
}

/* Compacts the table's entries to the front of its slot array and sorts them by word.
 * The table must not be used for lookups afterwards. */
static struct entry *table_sorted(struct table *t) {
    size_t k = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].word != NULL) t->slots[k++] = t->slots[i];
    qsort(t->slots, k, sizeof *t->slots, entry_cmp);
    return t->slots;
}

/* Writes "word\tcount\n" lines; returns 0 or -1 on a write error. */
static int write_entries(FILE *out, const struct entry *e, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (fprintf(out, "%s\t%llu\n", e[i].word, e[i].count) < 0) return -1;
    }
    return 0;
}

static int name_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the entries of dir (e.g. "/dev/out") as full paths sorted by name; "." and ".."
 * and names starting with '.' are skipped. A missing directory yields 0 entries. */
static size_t list_channels(const char *dir, char ***paths_out) {
    char **paths = NULL;
    size_t n = 0, cap = 0;
    DIR *d = opendir(dir);
    if (d != NULL) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.') continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                paths = realloc(paths, cap * sizeof *paths);
                if (paths == NULL) wc_die("realloc");
            }
            size_t len = strlen(dir) + 1 + strlen(de->d_name) + 1;
            paths[n] = malloc(len);
            if (paths[n] == NULL) wc_die("malloc");
            snprintf(paths[n], len, "%s/%s", dir, de->d_name);
            n++;
        }
        closedir(d);
    }
    if (n > 1) qsort(paths, n, sizeof *paths, name_cmp);
    *paths_out = paths;
    return n;
}

#endif
