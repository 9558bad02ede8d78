#!/usr/bin/env bash
# Builds Lua 5.4 for wasm32-wasi as wasm/lua.wasm, and the script image wasm/lua-hello.tar.
#   ./build-lua.sh               source + interpreter + image
#   ./build-lua.sh --image-only  only wasm/lua-hello.tar (from src/lua/image/)
#
# Source: Debian's lua5.4 source package (`apt-get source`; a deb-src entry for bookworm
# is added under /etc/apt/sources.list.d/ if none exists - needs root), its security
# patches applied, Debian's build-system/path patches not. Work files go to build/lua/
# (git-ignored); only this script, src/lua/ and the results are committed.
#
# setjmp/longjmp (Lua's error handling): wasi-libc has none. We compile with clang-16's
# `-mllvm -wasm-enable-sjlj`, which lowers setjmp/longjmp to WebAssembly exception
# handling (runtime half: src/lua/wasm-sjlj.c). clang-16 emits the legacy EH opcodes
# (try/catch/delegate), which Chicory 1.7.5 does not run; Chicory runs the standard
# "exnref" EH (try_table/throw/throw_ref). binaryen's wasm-opt (npm package `binaryen`,
# pinned below, installed into build/npm) translates one into the other
# (--translate-to-exnref). Result: pcall/error/coroutines work as in stock Lua.
set -euo pipefail
cd "$(dirname "$0")"

OUT=wasm
WORK=build/lua
BINARYEN_VERSION=132.0.0

build_image() {
  local stage
  stage=$(mktemp -d)
  cp -r src/lua/image/. "$stage/"
  # Reproducible: fixed owner, mode, mtime and order.
  tar --format=ustar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
      --mode=u+rw,go+r,a-s -C "$stage" -cf "$OUT/lua-hello.tar.tmp" main.lua lib
  rm -rf "$stage"
  mv -f "$OUT/lua-hello.tar.tmp" "$OUT/lua-hello.tar"
  echo "built $OUT/lua-hello.tar ($(stat -c %s "$OUT/lua-hello.tar") bytes): $(tar -tf "$OUT/lua-hello.tar" | tr '\n' ' ')"
}

mkdir -p "$OUT"
if [ "${1:-}" = --image-only ]; then build_image; exit 0; fi

missing=()
for t in clang-16 wasm-ld-16 node npm patch; do command -v $t >/dev/null || missing+=("$t"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-lua.sh: missing ${missing[*]}. Install with:" >&2
  echo "  apt-get install clang-16 lld-16 wasi-libc libclang-rt-16-dev-wasm32 nodejs npm patch" >&2
  exit 2
fi

# --- 1. Lua source from Debian ------------------------------------------------
if [ ! -f "$WORK/src/.ready" ]; then
  rm -rf "$WORK" && mkdir -p "$WORK/pkg"
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ \
     && ! grep -rqs '^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null; then
    echo "build-lua.sh: enabling Debian source packages (deb-src bookworm main) in" \
         "/etc/apt/sources.list.d/zerostore-deb-src.sources" >&2
    cat > /etc/apt/sources.list.d/zerostore-deb-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt-get update -qq
  fi
  (cd "$WORK/pkg" && apt-get source --download-only lua5.4) \
    || { apt-get update -qq && (cd "$WORK/pkg" && apt-get source --download-only lua5.4); }
  mkdir -p "$WORK/src" "$WORK/debian"
  tar -xzf "$WORK"/pkg/lua5.4_*.orig.tar.gz -C "$WORK/src" --strip-components=1
  tar -xJf "$WORK"/pkg/lua5.4_*.debian.tar.xz -C "$WORK"
  while read -r p; do
    case "$p" in
      ''|'#'*|*build-system*|*modules-paths*) continue ;;
    esac
    echo "applying Debian patch $p"
    patch -s -p1 -d "$WORK/src" < "$WORK/debian/patches/$p"
  done < "$WORK/debian/patches/series"
  ls "$WORK"/pkg/*.dsc | sed 's|.*/||; s|\.dsc$||' > "$WORK/src/.ready"
fi
echo "Lua source: $(cat "$WORK/src/.ready")"

# --- 2. binaryen (wasm-opt) from npm ------------------------------------------
WASM_OPT=$WORK/npm/node_modules/binaryen/bin/wasm-opt
if [ ! -x "$WASM_OPT" ] || ! "$WASM_OPT" --version | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  mkdir -p "$WORK/npm"
  npm install --prefix "$WORK/npm" --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# --- 3. compile and link --------------------------------------------------------
SYSROOT=/usr
CFLAGS=(--target=wasm32-wasi "--sysroot=$SYSROOT" -O2 -std=gnu99
        -mllvm -wasm-enable-sjlj -mexception-handling
        -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_SIGNAL
        -Isrc/lua/include -include src/lua/lua-wasi.h -w)
OBJ=$WORK/obj
rm -rf "$OBJ" && mkdir -p "$OBJ"
for f in "$WORK"/src/src/*.c; do
  case "$(basename "$f")" in luac.c) continue ;; esac
  clang-16 "${CFLAGS[@]}" -c "$f" -o "$OBJ/$(basename "${f%.c}").o"
done
clang-16 --target=wasm32-wasi --sysroot=$SYSROOT -O2 -Wall -Wextra -Werror \
  -mllvm -wasm-enable-sjlj -mexception-handling -c src/lua/wasm-sjlj.c -o "$OBJ/wasm-sjlj.o"
clang-16 --target=wasm32-wasi --sysroot=$SYSROOT -O2 -Wall -Wextra -Werror \
  -c src/lua/lua-wasi-shim.c -o "$OBJ/lua-wasi-shim.o"
clang-16 --target=wasm32-wasi --sysroot=$SYSROOT -O2 -Wall -Wextra -Werror \
  -c src/compat/fcntl.c -o "$OBJ/fcntl.o"
# 1 MiB C stack: Lua's parser and C calls recurse up to LUAI_MAXCCALLS (200) levels.
clang-16 --target=wasm32-wasi --sysroot=$SYSROOT -O2 -mexception-handling \
  -Wl,-z,stack-size=1048576 -Wl,--strip-all -o "$WORK/lua-legacy-eh.wasm" "$OBJ"/*.o \
  -lwasi-emulated-process-clocks -lwasi-emulated-signal

# --- 4. legacy EH -> exnref EH (the form Chicory runs) ---------------------------
"$WASM_OPT" --enable-exception-handling --enable-reference-types \
  --enable-sign-ext --enable-mutable-globals --translate-to-exnref -O2 \
  "$WORK/lua-legacy-eh.wasm" -o "$OUT/lua.wasm.tmp"
mv -f "$OUT/lua.wasm.tmp" "$OUT/lua.wasm"
echo "built $OUT/lua.wasm ($(stat -c %s "$OUT/lua.wasm") bytes)" \
     "and $WORK/lua-legacy-eh.wasm (legacy EH, for Node 20 smoke tests)"
build_image
