/*
 * loop: a busy loop that never ends and never calls the host (no WASI call, no function
 * call at all inside the loop). Only a wall-clock watchdog can stop it.
 */
int main(void) {
    volatile unsigned long long spins = 0;
    for (;;) spins++;
}
