#!/usr/bin/env bash
# Counts the Throwables a running Zerostore creates per request, to keep ordinary outcomes from
# turning into exceptions: starts ./zerostore's all-in-one under JFR with every exception
# recorded (exceptions=all), runs a warm-up and then N 4 KiB PUTs, N GETs and N HEADs of those
# objects with the bench client, and prints per workload the Throwables created, by class and by
# the first frame of ours.
#
#   bench/throwables.sh [N]      (default 2000; needs bench/target/zerostore-bench.jar and the
#                                 deploy jar: mvn -q -DskipTests package -pl deploy,bench -am)
# Everything started here is stopped by PID on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-2000}"
WORK="$(mktemp -d /tmp/zs-throwables.XXXX)"
PORT=$((19000 + RANDOM % 500))
BENCH=(java -jar "$ROOT/bench/target/zerostore-bench.jar")
AUTH="http://127.0.0.1:$PORT/auth/v1.0"

cd "$ROOT"
JAVA_OPTS="-XX:StartFlightRecording:filename=$WORK/rec.jfr,exceptions=all" \
  setsid ./zerostore start --data "$WORK/data" --port "$PORT" --base-port $((PORT + 10)) --no-daemons \
  > "$WORK/start.log" 2>&1 &
PID=$!
trap 'kill -- -$PID 2>/dev/null || true; rm -rf "$WORK/data"' EXIT
for _ in $(seq 1 300); do
  curl -sf -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' "$AUTH" && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/start.log" >&2; exit 1; }
  sleep 1
done
"${BENCH[@]}" put -A "$AUTH" -c 16 -n 500 -d 0 --warmup 0 --prefix warm > /dev/null
MARKS=()
run() {   # run <workload> <bench args...>: one measured workload between two marks
  sleep 1; MARKS+=("$1=$(date -u +%H:%M:%S.%N)"); sleep 0.2
  "${BENCH[@]}" "${@:2}" -A "$AUTH" -c 16 -n "$N" -d 0 --warmup 0 | cut -c1-100
}
run put put --prefix m --names-out "$WORK/names.txt"
run get get --names-in "$WORK/names.txt"
run head head --names-in "$WORK/names.txt"
sleep 0.5; MARKS+=("end=$(date -u +%H:%M:%S.%N)")
sleep 1
kill -TERM -- -"$PID"; wait "$PID" 2>/dev/null || true
trap 'rm -rf "$WORK"' EXIT
jfr print --events jdk.JavaExceptionThrow,jdk.JavaErrorThrow --stack-depth 16 "$WORK/rec.jfr" > "$WORK/events.txt"
python3 - "$WORK/events.txt" "$N" "${MARKS[@]}" <<'PY'
import collections, re, sys
text, n = open(sys.argv[1]).read(), int(sys.argv[2])
def secs(t):
    h, m, s = t.split(':'); return int(h) * 3600 + int(m) * 60 + float(s)
marks = [(m.split('=')[0], secs(m.split('=')[1])) for m in sys.argv[3:]]
windows = [(name, start, marks[i + 1][1]) for i, (name, start) in enumerate(marks[:-1])]
counts = {name: collections.Counter() for name, _, _ in windows}
for ev in text.split('jdk.Java')[1:]:
    t = re.search(r'startTime = (\S+)', ev)
    if not t:
        continue
    at = secs(t.group(1))
    for name, start, end in windows:
        if start <= at < end:
            cls = re.search(r'thrownClass = (\S+)', ev)
            frames = re.findall(r'^\s+([\w.$<>]+)\(', ev, re.M)
            ours = [f for f in frames if f.startswith('io.zerostore.')]
            counts[name][(cls.group(1) if cls else '?', ours[0] if ours else 'no frame of ours')] += 1
for name, _, _ in windows:
    total = sum(counts[name].values())
    print(f"{name}: {total} throwables during {n} requests ({total / n:.2f} per request)")
    for (cls, frame), c in counts[name].most_common(8):
        print(f"  {c:7d}  {cls}  at {frame}")
PY
