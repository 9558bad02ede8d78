/*
 * setjmp.h for wasm32-wasi builds compiled with `-mllvm -wasm-enable-sjlj`.
 * Debian's wasi-libc has no setjmp/longjmp. With that flag LLVM rewrites every call to
 * setjmp/longjmp into WebAssembly exception handling: longjmp throws the C_LONGJMP tag
 * (via __wasm_longjmp) and each function that called setjmp catches it and dispatches on
 * the jmp_buf's id (saveSetjmp/testSetjmp). The runtime half lives in wasm-sjlj.c.
 * Only the first word of jmp_buf is used (the setjmp id).
 */
#ifndef _SETJMP_H
#define _SETJMP_H

typedef struct {
    unsigned long __id;
    unsigned long __reserved[3];
} jmp_buf[1];

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);

#endif
