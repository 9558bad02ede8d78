/*
 * recurse: unbounded recursion on the engine's own call stack (the function keeps its
 * state in wasm locals, so it does not use the in-memory C stack). Descends ~10^9 frames
 * deep at once; on a JVM host this is where a StackOverflowError would come from. The
 * sandbox must report it as a trap/exhaustion and stay healthy. Prints nothing unless
 * it (impossibly) returns.
 */
#include <stdio.h>

__attribute__((noinline)) static unsigned fib(unsigned n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

int main(void) {
    volatile unsigned n = 1000000000u;
    printf("recurse: %u\n", fib(n));
    return 0;
}
