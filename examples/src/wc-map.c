/*
 * wc-map: the mapper of a word-count map-reduce that talks through channels as files.
 * Reads stdin, counts words (maximal runs of ASCII letters and digits, lowercased), then
 * lists /dev/out/ to find its N reducers and writes to reducer i (i-th name in bytewise
 * order) the words with fnv1a32(word) % N == i, as "word\tcount\n" lines sorted by word.
 * Every reducer channel is written and closed, even with no words for it (it sees EOF).
 * With no /dev/out entries everything goes to stdout.
 * Exit 0, or 2 on an I/O error.
 */
#include <fcntl.h>
#include <unistd.h>

#include "wordcount.h"

#define OUT_DIR "/dev/out"

static void count_stdin(struct table *t) {
    static unsigned char buf[64 * 1024];
    size_t cap = 64, len = 0;
    char *word = malloc(cap);
    if (word == NULL) wc_die("wc-map: malloc");
    for (;;) {
        ssize_t r = read(0, buf, sizeof buf);
        if (r < 0) {
            if (errno == EINTR) continue;
            wc_die("wc-map: read stdin");
        }
        for (ssize_t i = 0; i < r; i++) {
            unsigned char c = buf[i];
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (len == cap) {
                    cap *= 2;
                    word = realloc(word, cap);
                    if (word == NULL) wc_die("wc-map: realloc");
                }
                word[len++] = (char)c;
            } else if (len > 0) {
                table_add(t, word, len, 1);
                len = 0;
            }
        }
        if (r == 0) break;
    }
    if (len > 0) table_add(t, word, len, 1);
    free(word);
}

int main(void) {
    struct table t;
    table_init(&t);
    count_stdin(&t);
    size_t nwords = t.size;
    struct entry *words = table_sorted(&t);

    char **outs;
    size_t nout = list_channels(OUT_DIR, &outs);
    if (nout == 0) {
        if (write_entries(stdout, words, nwords) != 0 || fflush(stdout) != 0)
            wc_die("wc-map: write stdout");
        return 0;
    }
    /* One reducer at a time: little memory however many reducers there are, and each
     * channel is written sequentially from start to end. */
    for (size_t i = 0; i < nout; i++) {
        int fd = open(outs[i], O_WRONLY);
        if (fd < 0) wc_die(outs[i]);
        FILE *f = fdopen(fd, "w");
        if (f == NULL) wc_die(outs[i]);
        for (size_t k = 0; k < nwords; k++) {
            if (words[k].hash % nout != i) continue;
            if (write_entries(f, &words[k], 1) != 0) wc_die(outs[i]);
        }
        if (fclose(f) != 0) wc_die(outs[i]);
    }
    return 0;
}
