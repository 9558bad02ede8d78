/* hello: the smallest useful program; prints exactly one line to stdout. */
#include <stdio.h>

int main(void) {
    fputs("Hello, World!\n", stdout);
    return 0;
}
