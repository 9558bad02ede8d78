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
  "$T/grep" < /dev/null > /dev/null 2>&1; rc=$?
  [ $rc = 2 ] && ok || bad "native grep usage rc $rc"
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

# Natively there is no /dev/out or /dev/in: the mapper writes to stdout, the reducer
# merges stdin. Two halves mapped separately and reduced must equal the whole.
if [ -x "$T/wc-map" ] && [ -x "$T/wc-reduce" ]; then
  wc_ref "$T/sample.txt" > "$T/m.exp"
  "$T/wc-map" < "$T/sample.txt" > "$T/m.out"; expect "native wc-map" "$T/m.exp" "$T/m.out"
  head -n 700 "$T/sample.txt" > "$T/part1"; tail -n +701 "$T/sample.txt" > "$T/part2"
  cat "$T/part1" "$T/part2" | cmp -s - "$T/sample.txt" || bad "split sample"
  { "$T/wc-map" < "$T/part1"; "$T/wc-map" < "$T/part2"; printf 'malformed\n'; } \
    | "$T/wc-reduce" > "$T/r.out" 2> "$T/r.err"
  expect "native wc-reduce" "$T/m.exp" "$T/r.out"
  grep -q 'skipped 1 malformed' "$T/r.err" && ok || bad "native wc-reduce malformed count"
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
  for p in grep sort wc-map wc-reduce; do
    [ -f "wasm/$p.wasm" ] || bad "wasm/$p.wasm missing"
  done
  LC_ALL=C grep -F ERROR "$T/sample.txt" > "$T/g.exp"
  run wasm/grep.wasm ERROR < "$T/sample.txt" > "$T/g.out"; expect "wasm grep" "$T/g.exp" "$T/g.out"
  run wasm/grep.wasm -c -v ERROR < "$T/sample.txt" > "$T/g.out"
  LC_ALL=C grep -F -c -v ERROR "$T/sample.txt" > "$T/g.exp"; expect "wasm grep -c -v" "$T/g.exp" "$T/g.out"
  run wasm/grep.wasm nomatch < "$T/sample.txt" > /dev/null; rc=$?
  [ $rc = 1 ] && ok || bad "wasm grep no match rc $rc"
  LC_ALL=C sort < "$T/sample.txt" > "$T/s.exp"
  run wasm/sort.wasm < "$T/sample.txt" > "$T/s.out"; expect "wasm sort" "$T/s.exp" "$T/s.out"

  # Map-reduce through channel directories: 2 mappers -> 3 reducers.
  wc_ref "$T/sample.txt" > "$T/m.exp"
  run wasm/wc-map.wasm < "$T/sample.txt" > "$T/m.out"; expect "wasm wc-map stdout" "$T/m.exp" "$T/m.out"
  for m in map-1 map-2; do
    mkdir -p "$T/$m/out"; : > "$T/$m/out/red-1"; : > "$T/$m/out/red-2"; : > "$T/$m/out/red-3"
  done
  run --dir=/dev="$T/map-1" wasm/wc-map.wasm < "$T/part1" || bad "wasm wc-map 1 rc"
  run --dir=/dev="$T/map-2" wasm/wc-map.wasm < "$T/part2" || bad "wasm wc-map 2 rc"
  for r in red-1 red-2 red-3; do
    mkdir -p "$T/$r/in"
    cp "$T/map-1/out/$r" "$T/$r/in/map-1"; cp "$T/map-2/out/$r" "$T/$r/in/map-2"
    run --dir=/dev="$T/$r" wasm/wc-reduce.wasm > "$T/$r.out" || bad "wasm wc-reduce $r rc"
    [ -s "$T/$r.out" ] && ok || bad "reducer $r got no words"
  done
  # Each word lands in exactly one reducer, so the sorted union is the whole count.
  cat "$T"/red-?.out | LC_ALL=C sort > "$T/r.out"; expect "wasm map-reduce" "$T/m.exp" "$T/r.out"

  # Hostile programs (membomb* are left out: without a memory limit Node lets them take
  # 4 GiB; they are exercised by sandbox-core's tests under a limit).
  timeout 3 node --no-warnings tools/run-wasi.js wasm/loop.wasm; rc=$?
  [ $rc = 124 ] && ok || bad "wasm loop should run until killed (rc $rc)"
  run wasm/quota.wasm 2> "$T/q.err" | wc -c > "$T/q.out"
  [ "$(tr -d ' ' < "$T/q.out")" = 1048576 ] && ok || bad "wasm quota bytes $(cat "$T/q.out")"
  grep -qx 'quota: writes ok=256 failed=0 bytes=1048576 first_errno=0 (none)' "$T/q.err" \
    && ok || bad "wasm quota report: $(cat "$T/q.err")"
  mkdir -p "$T/devdir"
  run --dir=/dev="$T/devdir" wasm/badopen.wasm > "$T/b.out"; rc=$?
  [ $rc = 0 ] && [ "$(grep -c ': errno ' "$T/b.out")" = 3 ] && grep -q '^/dev/secret: errno 44 ' "$T/b.out" \
    && ok || bad "wasm badopen: $(cat "$T/b.out")"
  node tools/imports.js wasm/forbidden.wasm | grep -q ' env.system' && ok || bad "forbidden imports env.system"
  run wasm/clockrand.wasm > "$T/c.out"
  [ "$(cut -d' ' -f1 "$T/c.out" | tr '\n' ' ')" = "realtime1 realtime2 monotonic1 monotonic2 time1 time2 entropy1 entropy2 " ] \
    && ok || bad "wasm clockrand: $(cat "$T/c.out")"
  run wasm/trap.wasm > "$T/t.out" 2>/dev/null; rc=$?
  [ $rc != 0 ] && [ "$(cat "$T/t.out")" = "trap: before" ] && ok || bad "wasm trap rc $rc"
  run wasm/recurse.wasm > /dev/null 2> "$T/r.err"; rc=$?
  [ $rc != 0 ] && grep -q 'Maximum call stack' "$T/r.err" && ok || bad "wasm recurse rc $rc"
  run wasm/bigmem.wasm > "$T/bm.out"
  node tools/imports.js wasm/bigmem.wasm | grep -q 'memory=32768 pages' && ok || bad "bigmem declares 2 GiB"

  [ -f tools/check-lua.sh ] && . tools/check-lua.sh
else
  echo "node not found: wasm smoke tests skipped" >&2
fi

echo "check.sh: $pass passed, $fail failed"
[ $fail = 0 ]
