#!/usr/bin/env bash
# Self-check of the example programs:
#  1. compiles the text tools natively with gcc -O2 and compares them with coreutils on
#     sample input (the C is known correct before it is ever run in the sandbox);
#  2. if node is present, smoke-tests the committed .wasm files under Node's WASI.
# Exit 0 when everything passed. Work files go to a temp dir that is removed at exit.
set -uo pipefail
cd "$(dirname "$0")"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
pass=0
ok()  { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
expect() { # expect <label> <expected-file> <actual-file>
  if cmp -s "$2" "$3"; then ok; else bad "$1"; diff "$2" "$3" | head -5 >&2; fi
}

# --- sample input -----------------------------------------------------------
{
  printf 'The quick brown fox\njumps over the lazy dog.\n\n'
  printf '  leading and trailing spaces  \n\ttabs\tand\vvertical\fform\rreturns\n'
  printf 'ERROR one\nwarning two\nERROR three ERROR\nbinary \001\377 bytes\n'
  for i in $(seq 1 2000); do echo "line $i word$((i % 37)) The the THE fox-$((i % 5))"; done
  printf 'no newline at end'
} > "$T/sample.txt"
head -c 300000 /dev/urandom > "$T/random.bin"
: > "$T/empty.txt"

# --- 1. native builds ---------------------------------------------------------
for p in hello cat wc grep sort wc-map wc-reduce; do
  [ -f "src/$p.c" ] || continue
  gcc -O2 -Wall -Wextra -Werror -std=c11 -D_DEFAULT_SOURCE -o "$T/$p" "src/$p.c" || bad "gcc $p"
done

printf 'Hello, World!\n' > "$T/hello.exp"
"$T/hello" > "$T/hello.out"; expect "native hello" "$T/hello.exp" "$T/hello.out"

for f in sample.txt random.bin empty.txt; do
  "$T/cat" < "$T/$f" > "$T/cat.out"; expect "native cat stdin $f" "$T/$f" "$T/cat.out"
  "$T/cat" "$T/$f" > "$T/cat.out"; expect "native cat file $f" "$T/$f" "$T/cat.out"
  LC_ALL=C wc < "$T/$f" | awk '{print $1, $2, $3}' > "$T/wc.exp"
  "$T/wc" < "$T/$f" > "$T/wc.out"; expect "native wc $f" "$T/wc.exp" "$T/wc.out"
done

if [ -x "$T/grep" ]; then
  LC_ALL=C grep -F ERROR "$T/sample.txt" > "$T/g.exp"
  "$T/grep" ERROR < "$T/sample.txt" > "$T/g.out"; rc=$?
  expect "native grep" "$T/g.exp" "$T/g.out"; [ $rc = 0 ] || bad "native grep rc $rc"
  LC_ALL=C grep -F -v -c fox "$T/sample.txt" > "$T/g.exp"
  "$T/grep" -v -c fox < "$T/sample.txt" > "$T/g.out"; expect "native grep -v -c" "$T/g.exp" "$T/g.out"
  "$T/grep" -c nomatch < "$T/sample.txt" > "$T/g.out"; rc=$?
  [ "$(cat "$T/g.out")" = 0 ] && [ $rc = 1 ] && ok || bad "native grep no match (rc $rc)"
fi

if [ -x "$T/sort" ]; then
  for f in sample.txt empty.txt; do
    LC_ALL=C sort < "$T/$f" > "$T/s.exp"
    "$T/sort" < "$T/$f" > "$T/s.out"; expect "native sort $f" "$T/s.exp" "$T/s.out"
  done
fi

# Reference word count: lowercase [a-z0-9]+ tokens, "word\tcount" sorted bytewise.
wc_ref() { LC_ALL=C tr 'A-Z' 'a-z' < "$1" | LC_ALL=C tr -c 'a-z0-9' '\n' | grep -v '^$' \
  | LC_ALL=C sort | uniq -c | awk '{print $2 "\t" $1}'; }

if [ -x "$T/wc-map" ] && [ -x "$T/wc-reduce" ]; then
  wc_ref "$T/sample.txt" > "$T/m.exp"
  echo "(native map-reduce needs /dev/out; covered by the wasm smoke test)" > /dev/null
fi

# --- 2. wasm smoke tests under Node's WASI -------------------------------------
if command -v node >/dev/null; then
  run() { node --no-warnings tools/run-wasi.js "$@"; }
  run wasm/hello.wasm > "$T/hello.out"; expect "wasm hello" "$T/hello.exp" "$T/hello.out"
  mkdir -p "$T/dev"
  for f in sample.txt random.bin empty.txt; do
    run wasm/cat.wasm < "$T/$f" > "$T/cat.out"; expect "wasm cat stdin $f" "$T/$f" "$T/cat.out"
    cp "$T/$f" "$T/dev/input"
    run --dir=/dev="$T/dev" wasm/cat.wasm /dev/input > "$T/cat.out"
    expect "wasm cat /dev/input $f" "$T/$f" "$T/cat.out"
    LC_ALL=C wc < "$T/$f" | awk '{print $1, $2, $3}' > "$T/wc.exp"
    run wasm/wc.wasm < "$T/$f" > "$T/wc.out"; expect "wasm wc $f" "$T/wc.exp" "$T/wc.out"
  done
  [ -f tools/check-more.sh ] && . tools/check-more.sh
else
  echo "node not found: wasm smoke tests skipped" >&2
fi

echo "check.sh: $pass passed, $fail failed"
[ $fail = 0 ]
