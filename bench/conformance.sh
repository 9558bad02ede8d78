#!/usr/bin/env bash
# Differential conformance run: the same requests against a real OpenStack Swift 2.30 all-in-one
# and against Zerostore, every client-visible difference reported (bench/conformance/README.md).
#
#   bench/conformance.sh [options] [-- conformance.py options]
#
#   --swift-url URL   use a running Swift proxy instead of starting one (needs its TempAuth users)
#   --ours-url URL    use a running Zerostore proxy instead of starting one
#   --swift-port P    port for the Swift all-in-one it starts (28080; servers on P+11..P+40)
#   --ours-port P     port for the Zerostore proxy it starts (28180; nodes from --ours-port+20)
#   --dir DIR         working directory (default /tmp/zs-conformance): Zerostore's data, the
#                     report; Swift's devices go to /dev/shm (tmpfs keeps Swift's large
#                     metadata xattrs, which ext4 here refuses with 507)
#   --keep            leave both clusters running afterwards (stop them with --stop)
#   --stop            stop what a --keep run left running, then exit
#   -h, --help
#
# Everything after -- goes to conformance.py (e.g. -- --cases 'range.*' --show range.get).
# Writes DIR/report.txt and DIR/report.json. Exit status: conformance.py's (0: no open difference).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SWIFT_URL="" OURS_URL="" SWIFT_PORT=28080 OURS_PORT=28180 DIR=/tmp/zs-conformance KEEP=0 STOP=0
PY_ARGS=()

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --swift-url) SWIFT_URL="$2"; shift 2 ;;
    --ours-url) OURS_URL="$2"; shift 2 ;;
    --swift-port) SWIFT_PORT="$2"; shift 2 ;;
    --ours-port) OURS_PORT="$2"; shift 2 ;;
    --dir) DIR="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --stop) STOP=1; shift ;;
    -h|--help) usage 0 ;;
    --) shift; PY_ARGS=("$@"); break ;;
    *) echo "conformance: unknown option $1" >&2; usage 2 ;;
  esac
done

SWIFT_DIR="/dev/shm/zs-conformance-swift-$SWIFT_PORT"
OURS_PIDFILE="$DIR/ours.pid"
say() { echo "conformance: $*" >&2; }

stop_all() {
  if [ -f "$OURS_PIDFILE" ]; then
    local pid; pid="$(cat "$OURS_PIDFILE")"
    # ./zerostore start runs in its own session (setsid): end its whole process group
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$OURS_PIDFILE"
  fi
  if [ -d "$SWIFT_DIR/run" ]; then
    "$HERE/swift-aio.sh" stop "$SWIFT_DIR" >/dev/null 2>&1 || true
  fi
}

if [ "$STOP" = 1 ]; then stop_all; say "stopped"; exit 0; fi
mkdir -p "$DIR"

started=0
cleanup() { if [ "$KEEP" = 0 ] && [ "$started" = 1 ]; then stop_all; fi; }
trap cleanup EXIT

wait_http() {
  local url="$1" what="$2" i
  for i in $(seq 1 600); do
    curl -s -o /dev/null --max-time 2 "$url/healthcheck" && return 0
    sleep 0.5
  done
  say "$what did not answer at $url"; return 1
}

if [ -z "$SWIFT_URL" ]; then
  started=1
  say "starting Swift 2.30 all-in-one on port $SWIFT_PORT (devices in $SWIFT_DIR)"
  "$HERE/swift-aio.sh" start "$SWIFT_DIR" "$SWIFT_PORT" >"$DIR/swift-start.log" 2>&1 \
    || { cat "$DIR/swift-start.log" >&2; exit 1; }
  SWIFT_URL="http://127.0.0.1:$SWIFT_PORT"
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -z "$OURS_URL" ]; then
  for p in "$OURS_PORT" $((OURS_PORT + 30)) $((OURS_PORT + 40)) $((OURS_PORT + 50)); do
    port_open "$p" && { say "port $p is in use (another Zerostore? bench/conformance.sh --stop)"; exit 1; }
  done
  started=1
  data="$DIR/ours-data"
  # the same storage policy name as the Swift all-in-one ("gold"); the hash secrets are ours
  if [ ! -s "$data/etc/swift.conf" ]; then
    mkdir -p "$data/etc"
    cat > "$data/etc/swift.conf" <<EOF
[swift-hash]
swift_hash_path_prefix = $(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
swift_hash_path_suffix = $(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')

[storage-policy:0]
name = gold
default = yes
EOF
  fi
  say "starting Zerostore on port $OURS_PORT (data in $data; builds the jar first if needed)"
  # exec all the way down: the recorded PID is the java process, leader of its own session
  (cd "$ROOT" && exec setsid ./zerostore start --data "$data" --port "$OURS_PORT" \
      --base-port $((OURS_PORT + 20)) >"$DIR/ours.log" 2>&1) &
  echo $! > "$OURS_PIDFILE"
  OURS_URL="http://127.0.0.1:$OURS_PORT"
fi

wait_http "$SWIFT_URL" "Swift"
wait_http "$OURS_URL" "Zerostore" || { tail -20 "$DIR/ours.log" >&2; exit 1; }
if [ -f "$OURS_PIDFILE" ] && ! kill -0 "$(cat "$OURS_PIDFILE")" 2>/dev/null; then
  say "Zerostore exited:"; tail -20 "$DIR/ours.log" >&2; exit 1
fi

say "comparing $SWIFT_URL (Swift) with $OURS_URL (Zerostore)"
set +e
python3 "$HERE/conformance/conformance.py" --swift "$SWIFT_URL" --ours "$OURS_URL" \
  --json "$DIR/report.json" "${PY_ARGS[@]}" | tee "$DIR/report.txt"
rc=${PIPESTATUS[0]}
set -e
say "report: $DIR/report.txt, $DIR/report.json"
[ "$KEEP" = 1 ] && say "left running (stop with: bench/conformance.sh --stop --dir $DIR --swift-port $SWIFT_PORT)"
exit "$rc"
