/*
 * trap: prints "trap: before\n" to stdout, then executes the wasm `unreachable`
 * instruction. The sandbox must report a trap (not crash) and keep what was written.
 */
#include <stdio.h>

int main(void) {
    fputs("trap: before\n", stdout);
    fflush(stdout);
    __builtin_trap();
}
