#!/usr/bin/env bash
# Builds every example program into examples/wasm/ (idempotent: safe to run again).
#   ./build.sh            C programs + Lua (Lua only if wasm/lua.wasm is missing or FORCE_LUA=1)
#   SKIP_LUA=1 ./build.sh C programs only
# Needs Debian 12 packages: clang-16 lld-16 wasi-libc libclang-rt-16-dev-wasm32 (and nodejs
# to list imports). Lua is built by build-lua.sh (see there; it needs `apt-get source`).
set -euo pipefail
cd "$(dirname "$0")"

CC=${CC:-clang-16}
SYSROOT=${WASI_SYSROOT:-}
OUT=wasm

missing=()
command -v "$CC" >/dev/null || missing+=(clang-16)
command -v wasm-ld-16 >/dev/null || command -v wasm-ld >/dev/null || missing+=(lld-16)
if [ -z "$SYSROOT" ]; then
  for d in /usr /usr/share/wasi-sysroot /opt/wasi-sdk/share/wasi-sysroot; do
    if [ -f "$d/lib/wasm32-wasi/libc.a" ]; then SYSROOT=$d; break; fi
  done
fi
[ -n "$SYSROOT" ] || missing+=(wasi-libc)
ls /usr/lib/llvm-16/lib/clang/16/lib/wasi/libclang_rt.builtins-wasm32.a >/dev/null 2>&1 \
  || missing+=(libclang-rt-16-dev-wasm32)
command -v node >/dev/null || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
  echo "build.sh: toolchain incomplete. Install with:" >&2
  echo "  apt-get install ${missing[*]}" >&2
  exit 2
fi

CFLAGS=(--target=wasm32-wasi "--sysroot=$SYSROOT" -O2 -Wall -Wextra -Werror -std=c11
        -D_DEFAULT_SOURCE -Wl,--strip-all)
mkdir -p "$OUT"

build() { # build <name> <source...> [-- extra flags]
  local name=$1; shift
  local srcs=() extra=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do srcs+=("$1"); shift; done
  [ $# -gt 0 ] && { shift; extra=("$@"); }
  "$CC" "${CFLAGS[@]}" "${extra[@]}" -o "$OUT/$name.wasm.tmp" "${srcs[@]}" src/compat/fcntl.c
  mv -f "$OUT/$name.wasm.tmp" "$OUT/$name.wasm"
  echo "built $OUT/$name.wasm ($(stat -c %s "$OUT/$name.wasm") bytes)"
}

build hello src/hello.c
build cat src/cat.c
build wc src/wc.c
for p in grep sort wc-map wc-reduce; do
  build "$p" "src/$p.c"
done
for p in loop membomb membomb-grow quota badopen forbidden clockrand trap recurse; do
  build "$p" "src/hostile/$p.c"
done
build bigmem src/hostile/bigmem.c -- -Wl,--initial-memory=2147483648

if [ -x ./build-lua.sh ] && [ -z "${SKIP_LUA:-}" ]; then
  if [ ! -f "$OUT/lua.wasm" ] || [ -n "${FORCE_LUA:-}" ]; then
    ./build-lua.sh
  else
    echo "lua.wasm present (FORCE_LUA=1 to rebuild it)"
    ./build-lua.sh --image-only
  fi
fi

# Imports of every module; all but forbidden.wasm must stay inside the WASI allow-list.
node tools/imports.js --check --allow-foreign=forbidden.wasm --readme=README.md "$OUT"/*.wasm \
  > "$OUT/IMPORTS.txt"
echo "imports listed in $OUT/IMPORTS.txt and README.md"
