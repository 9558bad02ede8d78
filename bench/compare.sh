#!/usr/bin/env bash
# Side-by-side benchmark: real OpenStack Swift 2.30 all-in-one vs Zerostore, same machine,
# same client (bench/target/zerostore-bench.jar), workloads alternating between the two.
#
#   bench/compare.sh [options]
#     --data DIR            work dir for both stores, the names lists and logs
#                           (default bench/target/compare; wiped at start)
#     --swift-port N        Swift proxy port (default 18080; backends use N+11..N+40)
#     --ours-port N         Zerostore proxy port (default 18180)
#     --swift-only          do not start Zerostore (also automatic when ./zerostore is missing)
#     --ours-timeout S      seconds to wait for Zerostore's TempAuth to answer (default 300;
#                           ./zerostore may build its jar first)
#     --ours-base-port N    base of Zerostore's storage node ports (default ours-port + 10)
#     --warmup-round S      before round 1, an untimed round per store: S seconds of 4 KiB PUT,
#                           S/2 of GET and HEAD, one large PUT and GET (default 20; 0: none).
#                           A JVM compiles its hot paths under load first; Swift is not harmed
#     --rounds N            repeat all workloads N times, alternating; the table shows medians
#                           (default 1: a full run takes ~6 min per store at the defaults)
#     --small-seconds S     measured seconds per 4 KiB PUT/GET and HEAD run (default 15)
#     --warmup S            unmeasured seconds before each small-object run (default 2)
#     --concurrency N       connections for the small-object runs (default 16)
#     --min-objects N       4 KiB PUT goes on past its duration until N objects exist (default 2000)
#     --large-size SIZE     single-stream object size (default 256MiB)
#     --large-count N       timed single-stream PUTs and GETs each (default 3)
#     --list-objects N      objects in the listing container (default 10000)
#     --list-seconds S      seconds of repeated first-page listings (default 15)
#     --no-cold             skip the cold-cache cat (it drops the page cache of the machine)
#     --ceiling             also run the small workloads against the trivial static responder
#     --out FILE            JSON result (default bench/results/compare-<date>.json)
#     --skip-build          use the existing bench/target/zerostore-bench.jar
# Everything started here is stopped by PID on exit, error or Ctrl-C.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="$HERE/target/zerostore-bench.jar"
DATA="$HERE/target/compare"
SWIFT_PORT=18080
OURS_PORT=18180
OURS_BASE_PORT=""
WARMUP_ROUND=20
STATIC_PORT=18500
SWIFT_ONLY=0
OURS_TIMEOUT=300
ROUNDS=1
SMALL_SECONDS=15
WARMUP=2
CONCURRENCY=16
MIN_OBJECTS=2000
LARGE_SIZE=256MiB
LARGE_COUNT=3
LIST_OBJECTS=10000
LIST_SECONDS=15
COLD=1
CEILING=0
SKIP_BUILD=0
STAMP="$(date -u +%Y%m%d-%H%M%S)"
OUT="$HERE/results/compare-$STAMP.json"

while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift ;;
    --swift-port) SWIFT_PORT="$2"; shift ;;
    --ours-port) OURS_PORT="$2"; shift ;;
    --swift-only) SWIFT_ONLY=1 ;;
    --ours-timeout) OURS_TIMEOUT="$2"; shift ;;
    --ours-base-port) OURS_BASE_PORT="$2"; shift ;;
    --warmup-round) WARMUP_ROUND="$2"; shift ;;
    --rounds) ROUNDS="$2"; shift ;;
    --small-seconds) SMALL_SECONDS="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --concurrency) CONCURRENCY="$2"; shift ;;
    --min-objects) MIN_OBJECTS="$2"; shift ;;
    --large-size) LARGE_SIZE="$2"; shift ;;
    --large-count) LARGE_COUNT="$2"; shift ;;
    --list-objects) LIST_OBJECTS="$2"; shift ;;
    --list-seconds) LIST_SECONDS="$2"; shift ;;
    --no-cold) COLD=0 ;;
    --ceiling) CEILING=1 ;;
    --out) OUT="$2"; shift ;;
    --skip-build) SKIP_BUILD=1 ;;
    -h|--help) sed -n '2,31p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare: unknown option $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done
OURS_BASE_PORT="${OURS_BASE_PORT:-$((OURS_PORT + 10))}"

log() { echo "[compare $(date +%H:%M:%S)] $*" >&2; }

OURS_PGID=""
STATIC_PGID=""
SWIFT_STARTED=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$STATIC_PGID" ]; then kill -TERM -- "-$STATIC_PGID" 2>/dev/null || true; fi
  if [ -n "$OURS_PGID" ]; then
    log "stopping Zerostore (process group $OURS_PGID)"
    kill -TERM -- "-$OURS_PGID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 -- "-$OURS_PGID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$OURS_PGID" 2>/dev/null || true
  fi
  if [ "$SWIFT_STARTED" = 1 ]; then "$HERE/swift-aio.sh" stop "$DATA/swift" || true; fi
  exit $rc
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# --- build the generator -------------------------------------------------------------
if [ "$SKIP_BUILD" = 0 ] || [ ! -f "$JAR" ]; then
  log "building the load generator"
  (cd "$ROOT" && mvn -q -pl bench -am package -DskipTests) >&2
fi
[ -f "$JAR" ] || { echo "compare: $JAR missing" >&2; exit 1; }
BENCH=(java -Xms256m -Xmx1g -jar "$JAR")

rm -rf "$DATA"
mkdir -p "$DATA/results" "$(dirname "$OUT")"
DATA="$(cd "$DATA" && pwd)"
RES="$DATA/results"

# --- start both stores --------------------------------------------------------------
log "starting Swift all-in-one on port $SWIFT_PORT"
SWIFT_STARTED=1
"$HERE/swift-aio.sh" start "$DATA/swift" "$SWIFT_PORT" >/dev/null

auth_ok() { curl -fsS -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' "$1" 2>/dev/null; }

TARGETS=(swift)
declare -A AUTH=([swift]="http://127.0.0.1:$SWIFT_PORT/auth/v1.0" [ours]="http://127.0.0.1:$OURS_PORT/auth/v1.0"
                 [static]="http://127.0.0.1:$STATIC_PORT/auth/v1.0")
OURS_NOTE=""
if [ "$SWIFT_ONLY" = 1 ]; then
  OURS_NOTE="not run (--swift-only)"
elif [ ! -x "$ROOT/zerostore" ]; then
  OURS_NOTE="not run: $ROOT/zerostore does not exist yet"
  log "$OURS_NOTE -- Swift only, ours is n/a"
else
  # --no-daemons: like the Swift all-in-one here, only the servers run (no replicators,
  # auditor or expirer passes competing for the two cores)
  log "starting Zerostore: ./zerostore start --data $DATA/ours --port $OURS_PORT --base-port $OURS_BASE_PORT --no-daemons"
  mkdir -p "$DATA/ours"
  # setsid makes it a session leader, so its PID is the process group to stop
  setsid bash -c 'cd "$0" && exec ./zerostore start --data "$1" --port "$2" --base-port "$3" --no-daemons' \
    "$ROOT" "$DATA/ours" "$OURS_PORT" "$OURS_BASE_PORT" > "$DATA/ours.log" 2>&1 < /dev/null &
  OURS_PGID=$!
  # ./zerostore builds its jar first when it is stale: allow for that, but give up as soon
  # as the process is gone (e.g. no `start` command yet)
  for _ in $(seq 1 $((OURS_TIMEOUT * 5))); do
    auth_ok "${AUTH[ours]}" && break
    kill -0 "$OURS_PGID" 2>/dev/null || break
    sleep 0.2
  done
  if auth_ok "${AUTH[ours]}"; then
    TARGETS+=(ours)
  else
    OURS_NOTE="not run: Zerostore did not answer TempAuth at ${AUTH[ours]} (see $DATA/ours.log)"
    log "$OURS_NOTE"
    tail -20 "$DATA/ours.log" >&2 || true
  fi
fi
if [ "$CEILING" = 1 ]; then
  log "starting the static responder on port $STATIC_PORT"
  setsid "${BENCH[@]}" static-server --port "$STATIC_PORT" --body-size 4KiB > "$DATA/static.log" 2>&1 < /dev/null &
  STATIC_PGID=$!
  for _ in $(seq 1 100); do auth_ok "${AUTH[static]}" && break; sleep 0.2; done
fi

# bench TARGET NAME ARGS... : one generator run, result in $RES/TARGET-NAME.json
bench() {
  local t="$1" name="$2"; shift 2
  log "$name on $t (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "$t-$name $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RES/loadavg.txt"
  "${BENCH[@]}" "$@" -A "${AUTH[$t]}" --label "$t" --json-out "$RES/$t-$name.json" \
    || log "$name on $t exited non-zero (result kept if written)"
}

# --- workloads, alternating between the stores ------------------------------------
# Each round runs every workload on each store in turn; with --rounds N > 1 the table shows
# the median of the N rounds (the listing container is populated once).
SMALL=(-c "$CONCURRENCY" -d "$SMALL_SECONDS" --warmup "$WARMUP")
if [ "$WARMUP_ROUND" -gt 0 ]; then
  log "warm-up round (untimed, not in the table)"
  for t in "${TARGETS[@]}"; do
    bench "$t" warm-put4k put --container bench-warm -s 4KiB -c "$CONCURRENCY" -d "$WARMUP_ROUND" --warmup 0 \
      --names-out "$DATA/names-$t-warm.txt"
    bench "$t" warm-get4k get --container bench-warm -c "$CONCURRENCY" -d $((WARMUP_ROUND / 2)) --warmup 0 \
      --names-in "$DATA/names-$t-warm.txt"
    bench "$t" warm-head head --container bench-warm -c "$CONCURRENCY" -d $((WARMUP_ROUND / 2)) --warmup 0 \
      --names-in "$DATA/names-$t-warm.txt"
    bench "$t" warm-putlarge put-large --container bench-warm --object large -s "$LARGE_SIZE" -n 1
    bench "$t" warm-getlarge get-large --container bench-warm --object large -n 1
  done
fi
for r in $(seq 1 "$ROUNDS"); do
  [ "$ROUNDS" -gt 1 ] && log "round $r of $ROUNDS"
  for t in "${TARGETS[@]}"; do
    bench "$t" "put4k-r$r" put --container bench-4k -s 4KiB "${SMALL[@]}" --min-count "$MIN_OBJECTS" \
      --verify --names-out "$DATA/names-$t-r$r.txt"
  done
  for t in "${TARGETS[@]}"; do
    bench "$t" "get4k-r$r" get --container bench-4k "${SMALL[@]}" --names-in "$DATA/names-$t-r$r.txt"
  done
  for t in "${TARGETS[@]}"; do
    bench "$t" "head-r$r" head --container bench-4k "${SMALL[@]}" --names-in "$DATA/names-$t-r$r.txt"
  done
  for t in "${TARGETS[@]}"; do
    bench "$t" "putlarge-r$r" put-large --container bench-large --object large -s "$LARGE_SIZE" \
      -n "$LARGE_COUNT" --verify
  done
  for t in "${TARGETS[@]}"; do
    bench "$t" "getlarge-r$r" get-large --container bench-large --object large -n "$LARGE_COUNT"
    if [ "$r" = 1 ]; then
      # untimed integrity pass: MD5 of every received byte against the ETag
      bench "$t" getlarge-verify get-large --container bench-large --object large -n 1 --verify
    fi
  done
  if [ "$r" = 1 ]; then
    for t in "${TARGETS[@]}"; do
      bench "$t" populate put --container bench-list -s 0 -c 32 -n "$LIST_OBJECTS" -d 0 --warmup 0
    done
  fi
  for t in "${TARGETS[@]}"; do
    bench "$t" "list-r$r" list --container bench-list --limit 10000 -d "$LIST_SECONDS" --warmup 1
  done
done
if [ "$CEILING" = 1 ]; then
  printf 'static-%08d\n' $(seq 1 2000) > "$DATA/names-static.txt"
  bench static put4k-r1 put --container bench-4k -s 4KiB "${SMALL[@]}"
  bench static get4k-r1 get --container bench-4k "${SMALL[@]}" --names-in "$DATA/names-static.txt"
  bench static head-r1 head --container bench-4k "${SMALL[@]}" --names-in "$DATA/names-static.txt"
fi

# --- cat: the disk / page-cache limit, on the same filesystem ---------------------
CAT_FILE="$DATA/cat-256MiB"
log "cat of a 256 MiB file in $DATA"
head -c $((256 << 20)) /dev/urandom > "$CAT_FILE"
sync
hyperfine --style none --warmup 2 --runs 10 --output=null --export-json "$RES/cat-warm.json" \
  "cat $CAT_FILE" >&2 || true
if [ "$COLD" = 1 ]; then
  if (sync && echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then
    hyperfine --style none --runs 5 --output=null --export-json "$RES/cat-cold.json" \
      --prepare 'sync; echo 3 > /proc/sys/vm/drop_caches' "cat $CAT_FILE" >&2 || true
  else
    log "cannot drop the page cache here: cold cat is n/a"
  fi
fi
rm -f "$CAT_FILE"

# --- table + JSON -------------------------------------------------------------------
/usr/bin/python3 - "$RES" "$OUT" "$OURS_NOTE" "$LARGE_SIZE" "$CONCURRENCY" "$LIST_OBJECTS" "$ROUNDS" <<'EOF'
import json, os, platform, re, statistics, subprocess, sys, datetime
res, out, ours_note, large, conc, nlist, rounds = sys.argv[1:8]

def load(name):
    try:
        with open(os.path.join(res, name)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None

def cat_mibs(name):
    h = load(name)
    if not h:
        return None
    return round(256 / h["results"][0]["median"], 1)

rows = [
    ("4 KiB PUT, c=%s" % conc, "put4k", "opsPerSec", "ops/s", True),
    ("4 KiB GET, c=%s" % conc, "get4k", "opsPerSec", "ops/s", True),
    ("HEAD, c=%s" % conc, "head", "opsPerSec", "ops/s", True),
    ("%s PUT, 1 stream" % large, "putlarge", "mibPerSec", "MiB/s", True),
    ("%s GET, 1 stream" % large, "getlarge", "mibPerSec", "MiB/s", True),
    ("listing %s objs, first page p50" % nlist, "list", "p50Ms", "ms", False),
    ("listing %s objs, first page p99" % nlist, "list", "p99Ms", "ms", False),
]
table = []
for label, key, field, unit, higher in rows:
    row = {"workload": label, "unit": unit, "higherIsBetter": higher}
    for t in ("swift", "ours", "static"):
        runs = [r for r in (load(f) for f in sorted(os.listdir(res))
                            if re.fullmatch(r"%s-%s-r\d+\.json" % (t, key), f)) if r]
        if runs:
            values = [r[field] for r in runs]
            row[t] = statistics.median(values)
            if len(values) > 1:
                row[t + "Rounds"] = values
            bad = sum(r["errors"] + r["failures"] + r.get("etagMismatches", 0) for r in runs)
            if bad:
                row[t + "Problems"] = bad
        else:
            row[t] = None
    s, o = row["swift"], row["ours"]
    row["ratio"] = round(o / s, 2) if (s and o is not None) else None
    table.append(row)

loadavg = {}
try:
    with open(os.path.join(res, "loadavg.txt")) as f:
        for line in f:
            k, *v = line.split()
            loadavg[k] = v
except OSError:
    pass
cat = {"warmMiBps": cat_mibs("cat-warm.json"), "coldMiBps": cat_mibs("cat-cold.json")}
cold = load("cat-cold.json")
if cold:
    cat["coldFirstMiBps"] = round(256 / cold["results"][0]["times"][0], 1)

# the targets of issue 5, checked only when both stores ran
def value(key, t):
    for row in table:
        if row["workload"].startswith(key):
            return row.get(t)
    return None
goals = []
def goal(text, ours, ref, factor, higher):
    if ours is None or not ref:
        return
    ratio = ours / ref
    goals.append({"goal": text, "value": "%.2fx" % ratio,
                  "holds": ratio >= factor if higher else ratio <= factor})
goal("4 KiB PUT >= 5x Swift", value("4 KiB PUT", "ours"), value("4 KiB PUT", "swift"), 5, True)
goal("4 KiB GET >= 5x Swift", value("4 KiB GET", "ours"), value("4 KiB GET", "swift"), 5, True)
goal("%s GET >= 2x Swift" % large, value(large + " GET", "ours"), value(large + " GET", "swift"), 2, True)
goal("%s GET >= 0.8x cat (warm)" % large, value(large + " GET", "ours"), cat["warmMiBps"], 0.8, True)
goal("%s PUT >= 2x Swift" % large, value(large + " PUT", "ours"), value(large + " PUT", "swift"), 2, True)
goal("listing p50 <= 0.5x Swift", value("listing %s objs, first page p50" % nlist, "ours"),
     value("listing %s objs, first page p50" % nlist, "swift"), 0.5, False)
raw = {}
for f in sorted(os.listdir(res)):
    if f.endswith(".json"):
        raw[f[:-5]] = load(f)
try:
    swift_version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-swift"],
                                   capture_output=True, text=True).stdout
except OSError:
    swift_version = None
doc = {
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": {"cpus": os.cpu_count(), "kernel": platform.release()},
    "swiftVersion": swift_version,
    "ours": ours_note or "run",
    "rounds": int(rounds),
    "table": table,
    "cat256MiB": cat,
    "goals": goals,
    # 1/5/15-min load average when each run started: other work on the machine skews results
    "loadavgAtStart": loadavg,
    "runs": raw,
}
with open(out, "w") as f:
    json.dump(doc, f, indent=2)
    f.write("\n")

def cell(row, t):
    v = row.get(t)
    if v is None:
        return "n/a"
    return ("%.1f" % v) + ("*" if row.get(t + "Problems") else "")

show_static = any(r.get("static") is not None for r in table)
head = ["workload", "Swift", "ours", "ratio ours/Swift"] + (["static ceiling"] if show_static else [])
lines = []
for row in table:
    line = [row["workload"] + " (" + row["unit"] + ")", cell(row, "swift"), cell(row, "ours"),
            "n/a" if row["ratio"] is None else "%.2f" % row["ratio"]]
    if show_static:
        line.append(cell(row, "static"))
    lines.append(line)
# cat is a property of the machine, not of a store: the same value in both columns
for label, v in (("cat 256 MiB, page cache warm (MiB/s)", cat["warmMiBps"]),
                 ("cat 256 MiB, after drop_caches (MiB/s)", cat["coldMiBps"])):
    c = "n/a" if v is None else "%.1f" % v
    lines.append([label, c, c, ""] + ([""] if show_static else []))
widths = [max(len(str(x[i])) for x in [head] + lines) for i in range(len(head))]
fmt = lambda cols: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cols, widths)) + " |"
print(fmt(head))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for l in lines:
    print(fmt(l))
if any(r.get("swiftProblems") or r.get("oursProblems") for r in table):
    print("* = the run had non-2xx responses, failures or ETag mismatches: see the JSON")
if cat.get("coldFirstMiBps"):
    print("cold cat: first read after drop_caches %.1f MiB/s (the table has the median of 5;"
          " the host may cache this VM's disk)" % cat["coldFirstMiBps"])
goals = doc["goals"]
if goals:
    print("goals (issue 5):")
    for g in goals:
        print("  %-34s %-22s %s" % (g["goal"], g["value"], "holds" if g["holds"] else "NOT MET"))
if int(rounds) > 1:
    print("medians of %s alternating rounds (every round is in the JSON)" % rounds)
if ours_note:
    print("ours: " + ours_note)
print("JSON: " + out)
EOF
