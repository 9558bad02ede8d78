/*
 * clockrand: reads the clocks and the random source twice each and prints them, so a
 * test can prove determinism (same job => byte-identical output) and that the clock
 * advances only by the sandbox's rule. Output, one line each:
 *   realtime1 S.NNNNNNNNN / realtime2 ... / monotonic1 ... / monotonic2 ...
 *   time1 S / time2 S
 *   entropy1 HEX32 / entropy2 HEX32   (getentropy, 16 bytes each)
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static void print_clock(const char *name, clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) {
        perror(name);
        return;
    }
    printf("%s %lld.%09ld\n", name, (long long)ts.tv_sec, (long)ts.tv_nsec);
}

static void print_entropy(const char *name) {
    unsigned char b[16];
    if (getentropy(b, sizeof b) != 0) {
        perror(name);
        return;
    }
    printf("%s ", name);
    for (size_t i = 0; i < sizeof b; i++) printf("%02x", b[i]);
    putchar('\n');
}

int main(void) {
    print_clock("realtime1", CLOCK_REALTIME);
    print_clock("realtime2", CLOCK_REALTIME);
    print_clock("monotonic1", CLOCK_MONOTONIC);
    print_clock("monotonic2", CLOCK_MONOTONIC);
    printf("time1 %lld\n", (long long)time(NULL));
    printf("time2 %lld\n", (long long)time(NULL));
    print_entropy("entropy1");
    print_entropy("entropy2");
    return 0;
}
