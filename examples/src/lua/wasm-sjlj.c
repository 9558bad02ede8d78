/*
 * Runtime support for clang-16's `-mllvm -wasm-enable-sjlj` lowering (the functions the
 * LLVM 16 pass calls; emscripten ships the same ones, wasi-libc of Debian 12 does not).
 * Compile with -mllvm -wasm-enable-sjlj -mexception-handling so the __c_longjmp tag is
 * defined here.
 *
 * A function that calls setjmp keeps a small table of (setjmp id, label) pairs, created
 * by the compiler with malloc, grown here, freed by the compiler on return. longjmp
 * throws the C_LONGJMP tag carrying {env, val}; each catching function looks the env's
 * id up in its own table (testSetjmp) and rethrows when it is not its setjmp.
 */
#include <stdint.h>
#include <stdlib.h>

typedef struct TableEntry {
    uintptr_t id;
    uint32_t label;
} TableEntry;

/* The table size comes back through this "second return value", as with emscripten. */
static uint32_t temp_ret0;

void setTempRet0(uint32_t value) { temp_ret0 = value; }

uint32_t getTempRet0(void) { return temp_ret0; }

static uintptr_t setjmp_id;

TableEntry *saveSetjmp(uintptr_t *env, uint32_t label, TableEntry *table, uint32_t size) {
    *env = ++setjmp_id;
    for (;;) {
        for (uint32_t i = 0; i < size; i++) {
            if (table[i].id == 0) {
                table[i].id = setjmp_id;
                table[i].label = label;
                table[i + 1].id = 0; /* the table has size + 1 entries */
                setTempRet0(size);
                return table;
            }
        }
        size *= 2;
        table = realloc(table, sizeof(TableEntry) * (size + 1));
        if (table == NULL) abort();
    }
}

uint32_t testSetjmp(uintptr_t id, TableEntry *table, uint32_t size) {
    for (uint32_t i = 0; i < size && table[i].id != 0; i++) {
        if (table[i].id == id) return table[i].label;
    }
    return 0;
}

struct wasm_longjmp_args {
    void *env;
    int val;
};

static struct wasm_longjmp_args longjmp_args; /* single-threaded: one in flight */

void __wasm_longjmp(void *env, int val) {
    longjmp_args.env = env;
    longjmp_args.val = val == 0 ? 1 : val; /* C: longjmp(env, 0) makes setjmp return 1 */
    __builtin_wasm_throw(1, &longjmp_args);  /* tag 1 = C_LONGJMP */
}
