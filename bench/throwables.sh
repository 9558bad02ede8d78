#!/usr/bin/env bash
# Counts the Throwables a running Zerostore creates per request, to keep ordinary outcomes from
# turning into exceptions: starts ./zerostore's all-in-one under JFR with every exception
# recorded (exceptions=all), runs a warm-up and then N 4 KiB PUTs with the bench client, and
# prints the Throwables created during the measured PUTs by class and by the first frame of ours.
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
sleep 1
MARK="$(date -u +%H:%M:%S)"
sleep 1
"${BENCH[@]}" put -A "$AUTH" -c 16 -n "$N" -d 0 --warmup 0 --prefix m | cut -c1-100
sleep 1
kill -TERM -- -"$PID"; wait "$PID" 2>/dev/null || true
trap 'rm -rf "$WORK"' EXIT
jfr print --events jdk.JavaExceptionThrow,jdk.JavaErrorThrow --stack-depth 16 "$WORK/rec.jfr" > "$WORK/events.txt"
python3 - "$WORK/events.txt" "$MARK" "$N" <<'PY'
import collections, re, sys
text, mark, n = open(sys.argv[1]).read(), sys.argv[2], int(sys.argv[3])
def secs(t):
    h, m, s = t.split(':'); return int(h) * 3600 + int(m) * 60 + float(s)
counts, total = collections.Counter(), 0
for ev in text.split('jdk.Java')[1:]:
    t = re.search(r'startTime = (\S+)', ev)
    if not t or secs(t.group(1)) < secs(mark):
        continue
    cls = re.search(r'thrownClass = (\S+)', ev)
    frames = re.findall(r'^\s+([\w.$<>]+)\(', ev, re.M)
    ours = [f for f in frames if f.startswith('io.zerostore.')]
    counts[(cls.group(1) if cls else '?', ours[0] if ours else 'no frame of ours')] += 1
    total += 1
print(f"{total} throwables during {n} PUTs ({total / n:.2f} per PUT)")
for (cls, frame), c in counts.most_common(12):
    print(f"{c:7d}  {cls}  at {frame}")
PY
