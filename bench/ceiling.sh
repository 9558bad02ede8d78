#!/usr/bin/env bash
# The load generator's ceiling: the Java generator and wrk against the same trivial static
# responder (a separate JVM), same concurrency, same duration. Prints one line per run and
# writes bench/results/ceiling-<date>.json.
#
#   bench/ceiling.sh [--seconds S] [--concurrency N] [--port P] [--skip-build]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="$HERE/target/zerostore-bench.jar"
SECONDS_PER_RUN=10
CONCURRENCY=16
PORT=18500
SKIP_BUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_RUN="$2"; shift ;;
    --concurrency) CONCURRENCY="$2"; shift ;;
    --port) PORT="$2"; shift ;;
    --skip-build) SKIP_BUILD=1 ;;
    *) echo "ceiling: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "ceiling: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
if [ "$SKIP_BUILD" = 0 ] || [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -q -pl bench -am package -DskipTests) >&2
fi

WORK="$(mktemp -d)"
STATIC_PGID=""
stop_static() {
  if [ -n "$STATIC_PGID" ]; then
    kill -TERM -- "-$STATIC_PGID" 2>/dev/null || true
    wait "$STATIC_PGID" 2>/dev/null || true
    STATIC_PGID=""
  fi
}
trap 'stop_static; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

start_static() {
  setsid java -Xms256m -Xmx512m -jar "$JAR" static-server --port "$PORT" --body-size "$1" \
    > "$WORK/static.log" 2>&1 < /dev/null &
  STATIC_PGID=$!
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/auth/v1.0" && return 0
    sleep 0.1
  done
  echo "ceiling: static responder did not start" >&2; cat "$WORK/static.log" >&2; exit 1
}

AUTH="http://127.0.0.1:$PORT/auth/v1.0"
URL="http://127.0.0.1:$PORT/v1/AUTH_test/bench"
JAVA=(java -Xms256m -Xmx1g -jar "$JAR")
SMALL=(-A "$AUTH" --container bench -c "$CONCURRENCY" -d "$SECONDS_PER_RUN" --warmup 2 --label static)

cat > "$WORK/put.lua" <<'EOF'
counter = 0
wrk.method = "PUT"
wrk.body = string.rep("x", 4096)
wrk.headers["X-Auth-Token"] = "AUTH_tkstatic"
request = function()
  counter = counter + 1
  return wrk.format(nil, "/v1/AUTH_test/bench/w-" .. counter)
end
EOF

# wrk_run NAME ARGS... : wrk's requests/s and its own CPU% (from GNU time) as JSON
wrk_run() {
  local name="$1"; shift
  /usr/bin/time -f '%P' -o "$WORK/time" wrk -t1 -c"$CONCURRENCY" -d"${SECONDS_PER_RUN}s" --latency "$@" \
    > "$WORK/wrk.out" 2>&1
  local rps p50 p99 cpu
  rps="$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")"
  p50="$(awk '$1=="50%" {print $2}' "$WORK/wrk.out")"
  p99="$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")"
  cpu="$(tr -d '%\n' < "$WORK/time")"
  local us
  us="$(awk -v c="$cpu" -v r="$rps" 'BEGIN { printf "%.1f", (r > 0) ? (c * 1e4 / r) : -1 }')"
  printf '%-10s wrk      c=%-3d %10.1f ops/s  p50 %s  p99 %s  client-cpu %s%% (%s us/op)\n' \
    "$name" "$CONCURRENCY" "$rps" "$p50" "$p99" "$cpu" "$us"
  printf '{"workload":"%s","tool":"wrk","opsPerSec":%s,"p50":"%s","p99":"%s","clientCpuPercent":%s,"clientCpuMicrosPerOp":%s}\n' \
    "$name" "$rps" "$p50" "$p99" "${cpu:-null}" "$us" > "$WORK/wrk-$name.json"
}

echo "# small objects: ${SECONDS_PER_RUN}s each, c=$CONCURRENCY, static responder on its own JVM"
start_static 4KiB
printf 'static-%08d\n' $(seq 1 2000) > "$WORK/names.txt"
"${JAVA[@]}" put "${SMALL[@]}" -s 4KiB --json-out "$WORK/java-put.json"
wrk_run put -s "$WORK/put.lua" "http://127.0.0.1:$PORT"
"${JAVA[@]}" get "${SMALL[@]}" --names-in "$WORK/names.txt" --json-out "$WORK/java-get.json"
wrk_run get -H 'X-Auth-Token: AUTH_tkstatic' "$URL/static-00000001"
"${JAVA[@]}" head "${SMALL[@]}" --names-in "$WORK/names.txt" --json-out "$WORK/java-head.json"
# no wrk HEAD: wrk's parser does not know the response is to a HEAD and waits for
# Content-Length bytes that never come
stop_static

echo "# single stream, 256 MiB (Java generator only: wrk keeps whole bodies in memory)"
start_static 256MiB
"${JAVA[@]}" put-large -A "$AUTH" --container bench -s 256MiB -n 10 --label static --json-out "$WORK/java-put-large.json"
"${JAVA[@]}" get-large -A "$AUTH" --container bench -n 10 --label static --json-out "$WORK/java-get-large.json"
stop_static

OUT="$HERE/results/ceiling-$(date -u +%Y%m%d-%H%M%S).json"
mkdir -p "$HERE/results"
/usr/bin/python3 - "$WORK" "$OUT" <<'EOF'
import glob, json, os, sys, datetime
work, out = sys.argv[1:3]
runs = {}
for f in sorted(glob.glob(os.path.join(work, "*.json"))):
    with open(f) as fh:
        runs[os.path.basename(f)[:-5]] = json.load(fh)
doc = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
       "loadavg": open("/proc/loadavg").read().split()[:3], "runs": runs}
with open(out, "w") as fh:
    json.dump(doc, fh, indent=2)
    fh.write("\n")
print("JSON: " + out)
EOF
