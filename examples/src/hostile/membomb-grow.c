/*
 * membomb-grow: grows the linear memory directly with memory.grow (no malloc), 16 pages
 * (1 MiB) at a time, writing into each new page, until memory.grow returns -1. Prints
 *   membomb-grow: memory.grow failed at N pages (M MiB)
 * to stdout and exits 0.
 */
#include <stdint.h>
#include <stdio.h>

#define WASM_PAGE 65536

int main(void) {
    for (;;) {
        size_t old = __builtin_wasm_memory_grow(0, 16);
        if (old == SIZE_MAX) break;
        volatile char *base = (volatile char *)(uintptr_t)(old * WASM_PAGE);
        for (size_t i = 0; i < 16; i++) base[i * WASM_PAGE] = 1;
    }
    size_t pages = __builtin_wasm_memory_size(0);
    printf("membomb-grow: memory.grow failed at %zu pages (%zu MiB)\n", pages, pages / 16);
    return 0;
}
