/* Force-included (-include) into every Lua source file when building for wasm32-wasi. */
#ifndef LUA_WASI_H
#define LUA_WASI_H

/* os.tmpname: wasi-libc has no tmpnam; the sandbox has nowhere to put temp files. */
#define LUA_TMPNAMBUFSIZE 32
#define lua_tmpnam(b, e) ((void)(b), (e) = 1)

/* Redirected to lua-wasi-shim.c (see there why). Macros rather than same-named
 * definitions because wasi-libc defines remove/rename in an object Lua needs anyway. */
#define system(c) lua_wasi_system(c)
#define tmpfile lua_wasi_tmpfile
#define remove(p) lua_wasi_remove(p)
#define rename(a, b) lua_wasi_rename(a, b)
#define freopen(p, m, f) lua_wasi_freopen(p, m, f)

#endif
