#!/bin/sh
# Builds the test-only wasm programs of sandbox-core (the examples/ programs live in examples/).
# Needs Debian's clang-16 lld-16 wasi-libc libclang-rt-16-dev-wasm32.
set -eu
cd "$(dirname "$0")"
for src in *.c; do
  clang-16 --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-all -o "../resources/${src%.c}.wasm" "$src"
done
