/*
 * membomb: allocates memory with malloc in 1 MiB blocks, touching every 4 KiB page of
 * each block, until malloc fails (the linear memory cannot grow further), then prints
 *   membomb: malloc failed after N MiB
 * to stdout and exits 0. Never frees. Under a memory limit L it should reach about
 * L MiB minus the program's own footprint, and the host must stay healthy.
 */
#include <stdio.h>
#include <stdlib.h>

#define BLOCK (1024 * 1024)
#define PAGE 4096

int main(void) {
    unsigned long mib = 0;
    for (;;) {
        volatile char *p = malloc(BLOCK);
        if (p == NULL) break;
        for (size_t off = 0; off < BLOCK; off += PAGE) p[off] = (char)off;
        mib++;
    }
    printf("membomb: malloc failed after %lu MiB\n", mib);
    return 0;
}
