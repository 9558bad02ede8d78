/*
 * bigmem: linked with --initial-memory=2147483648, so the module itself declares 2 GiB
 * (32768 pages) of initial linear memory. The validator must reject it when the memory
 * limit is lower, before anything runs. If it runs, it prints "bigmem: ran".
 */
#include <stdio.h>

int main(void) {
    puts("bigmem: ran");
    return 0;
}
