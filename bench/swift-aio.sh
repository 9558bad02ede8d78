#!/usr/bin/env bash
# Real OpenStack Swift 2.30 all-in-one on loopback, for side-by-side benchmarks.
#
#   bench/swift-aio.sh start  DIR PORT   install if missing, generate configs + rings, start
#   bench/swift-aio.sh stop   DIR        stop everything recorded in DIR/run/*.pid
#   bench/swift-aio.sh status DIR [PORT] list processes, then `swift stat` through TempAuth
#
# Layout (all under DIR, nothing in /etc/swift is touched):
#   swift.conf, proxy-server.conf, {object,container,account}-server-{1,2,3}.conf,
#   *.builder / *.ring.gz (3 replicas, 3 zones, part power $SWIFT_PART_POWER),
#   node{1,2,3}/d{1,2,3}  one device per node (same filesystem as DIR, mount_check off),
#   run/*.pid, log/*.log  (servers run with -v: they log to these files, not syslog).
# A restart on the same DIR keeps swift.conf (hash secrets) and the rings, so data survives.
# Ports: proxy PORT; object PORT+11..13; container PORT+21..23; account PORT+31..33;
#        memcached PORT+40.
# TempAuth: Swift's all-in-one users: test:tester/testing (.admin), test2:tester2/testing2 (.admin),
#           test:tester3/testing3 (no groups: container ACLs apply), admin:admin/admin (reseller).
#
# Env knobs: SWIFT_PROXY_WORKERS (2), SWIFT_OBJECT_WORKERS (1), SWIFT_DB_WORKERS (1),
#            SWIFT_PART_POWER (10), SWIFT_LOG_LEVEL (INFO).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROXY_WORKERS="${SWIFT_PROXY_WORKERS:-2}"
OBJECT_WORKERS="${SWIFT_OBJECT_WORKERS:-1}"
DB_WORKERS="${SWIFT_DB_WORKERS:-1}"
PART_POWER="${SWIFT_PART_POWER:-10}"
LOG_LEVEL="${SWIFT_LOG_LEVEL:-INFO}"
PACKAGES=(swift swift-proxy swift-account swift-container swift-object memcached python3-swiftclient)

die() { echo "swift-aio: $*" >&2; exit 1; }
say() { echo "swift-aio: $*" >&2; }

usage() {
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

ensure_installed() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  # another process may hold the dpkg lock (apt-get's own timeout waits for it)
  apt-get -o DPkg::Lock::Timeout=300 update -q >/dev/null \
    || say "apt-get update failed, trying the install anyway"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# Debian's swift-*-server scripts read the hash prefix/suffix and storage policies from
# /etc/swift/swift.conf only (swift_dir is honoured for rings, not for swift.conf). This
# shim points Swift at DIR/swift.conf first, then runs the very same entry point the
# /usr/bin/swift-<type>-server script runs.
write_launcher() {
  cat > "$DIR/run-server.py" <<'EOF'
import os, sys
from swift.common import utils, storage_policy
swift_dir = os.path.dirname(os.path.abspath(__file__))
utils.SWIFT_CONF_FILE = os.path.join(swift_dir, 'swift.conf')
utils.HASH_PATH_PREFIX = utils.HASH_PATH_SUFFIX = b''
utils.validate_configuration()
storage_policy.reload_storage_policies()
from swift.common.wsgi import run_wsgi
server = sys.argv.pop(1)
conf_file, options = utils.parse_options()
kwargs = dict(options)
if server == 'object-server':
    from swift.obj import server as obj_server
    kwargs['global_conf_callback'] = obj_server.global_conf_callback
sys.exit(run_wsgi(conf_file, server, **kwargs))
EOF
}

write_configs() {
  local prefix suffix
  prefix="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  suffix="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  # a restart on the same DIR keeps the hash secrets, or stored objects could not be found
  [ -s "$DIR/swift.conf" ] || cat > "$DIR/swift.conf" <<EOF
[swift-hash]
swift_hash_path_prefix = $prefix
swift_hash_path_suffix = $suffix

[storage-policy:0]
name = gold
default = yes
EOF

  cat > "$DIR/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $PORT
workers = $PROXY_WORKERS
user = root
swift_dir = $DIR
log_name = proxy-server
log_level = $LOG_LEVEL

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl ratelimit tempauth copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
allow_account_management = true
account_autocreate = true

[filter:tempauth]
use = egg:swift#tempauth
user_admin_admin = admin .admin .reseller_admin
user_test_tester = testing .admin
user_test2_tester2 = testing2 .admin
user_test_tester3 = testing3
storage_url_scheme = default

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MEMCACHED_PORT

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:ratelimit]
use = egg:swift#ratelimit
[filter:copy]
use = egg:swift#copy
[filter:container-quotas]
use = egg:swift#container_quotas
[filter:account-quotas]
use = egg:swift#account_quotas
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
[filter:symlink]
use = egg:swift#symlink
EOF

  local i type base workers
  for i in 1 2 3; do
    for type in object container account; do
      case $type in
        object) base=$((PORT + 10)); workers=$OBJECT_WORKERS ;;
        container) base=$((PORT + 20)); workers=$DB_WORKERS ;;
        account) base=$((PORT + 30)); workers=$DB_WORKERS ;;
      esac
      cat > "$DIR/$type-server-$i.conf" <<EOF
[DEFAULT]
devices = $DIR/node$i
mount_check = false
disable_fallocate = false
bind_ip = 127.0.0.1
bind_port = $((base + i))
workers = $workers
user = root
swift_dir = $DIR
log_name = $type-server-$i
log_level = $LOG_LEVEL

[pipeline:main]
pipeline = $type-server

[app:$type-server]
use = egg:swift#$type
EOF
    done
    mkdir -p "$DIR/node$i/d$i"
  done
}

build_rings() {
  local type base i
  for type in object container account; do
    case $type in
      object) base=$((PORT + 10)) ;;
      container) base=$((PORT + 20)) ;;
      account) base=$((PORT + 30)) ;;
    esac
    # a restart on the same DIR and PORT keeps its rings (a new rebalance could move partitions)
    if [ -s "$DIR/$type.ring.gz" ] && [ "$(cat "$DIR/run/ring-port" 2>/dev/null)" = "$PORT" ]; then
      continue
    fi
    rm -f "$DIR/$type.builder" "$DIR/$type.ring.gz"
    swift-ring-builder "$DIR/$type.builder" create "$PART_POWER" 3 1 >/dev/null
    for i in 1 2 3; do
      swift-ring-builder "$DIR/$type.builder" add "r1z$i-127.0.0.1:$((base + i))/d$i" 1 >/dev/null
    done
    swift-ring-builder "$DIR/$type.builder" rebalance >/dev/null || true
    [ -s "$DIR/$type.ring.gz" ] || die "ring $type.ring.gz was not written"
  done
  echo "$PORT" > "$DIR/run/ring-port"
}

# Starts one command in its own session so stop can end it with all its workers by PID.
launch() {
  local name="$1"; shift
  setsid "$@" >"$DIR/log/$name.log" 2>&1 < /dev/null &
  echo $! > "$DIR/run/$name.pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local port="$1" name="$2" i
  for i in $(seq 1 150); do
    port_open "$port" && return 0
    sleep 0.2
  done
  tail -20 "$DIR/log/$name.log" >&2 || true
  die "$name did not listen on port $port"
}

start() {
  [ -n "${PORT:-}" ] || usage
  ensure_installed
  if [ -d "$DIR/run" ] && ls "$DIR"/run/*.pid >/dev/null 2>&1; then
    die "$DIR/run has PID files: already running? ($0 stop $DIR)"
  fi
  local p
  for p in "$PORT" $((PORT + 40)) $((PORT + 11)) $((PORT + 21)) $((PORT + 31)); do
    port_open "$p" && die "port $p is already in use"
  done
  mkdir -p "$DIR/run" "$DIR/log"
  DIR="$(cd "$DIR" && pwd)"
  MEMCACHED_PORT=$((PORT + 40))
  echo "$PORT" > "$DIR/run/port"
  write_launcher
  write_configs
  build_rings

  launch memcached memcached -l 127.0.0.1 -p "$MEMCACHED_PORT" -U 0 -u root -m 64 -c 1024
  wait_port "$MEMCACHED_PORT" memcached
  local i type base
  for i in 1 2 3; do
    for type in object container account; do
      launch "$type-server-$i" /usr/bin/python3 "$DIR/run-server.py" "$type-server" "$DIR/$type-server-$i.conf" -v
    done
  done
  launch proxy-server /usr/bin/python3 "$DIR/run-server.py" proxy-server "$DIR/proxy-server.conf" -v
  for i in 1 2 3; do
    wait_port $((PORT + 10 + i)) "object-server-$i"
    wait_port $((PORT + 20 + i)) "container-server-$i"
    wait_port $((PORT + 30 + i)) "account-server-$i"
  done
  wait_port "$PORT" proxy-server
  say "Swift AIO up: http://127.0.0.1:$PORT/auth/v1.0 user test:tester key testing (logs $DIR/log)"
  check
}

check() {
  local out i
  for i in $(seq 1 20); do
    if out="$(swift -A "http://127.0.0.1:$PORT/auth/v1.0" -U test:tester -K testing stat 2>&1)"; then
      echo "$out"
      return 0
    fi
    sleep 0.5
  done
  echo "$out" >&2
  die "swift stat failed against port $PORT"
}

stop() {
  [ -d "$DIR/run" ] || { say "nothing to stop in $DIR"; return 0; }
  local f pid pids=()
  for f in "$DIR"/run/*.pid; do
    [ -e "$f" ] || continue
    pid="$(cat "$f")"
    # each server leads its own session (setsid): signal the group so forked workers go too
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    pids+=("$pid")
  done
  local i alive
  for i in $(seq 1 50); do
    alive=0
    for pid in "${pids[@]}"; do
      kill -0 -- "-$pid" 2>/dev/null && alive=1
    done
    [ $alive -eq 0 ] && break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  rm -f "$DIR"/run/*.pid
  say "stopped ${#pids[@]} process groups from $DIR/run"
}

status() {
  local f pid name up=0
  for f in "$DIR"/run/*.pid; do
    [ -e "$f" ] || continue
    pid="$(cat "$f")"; name="$(basename "$f" .pid)"
    if kill -0 "$pid" 2>/dev/null; then echo "running  $name pid $pid"; up=$((up + 1))
    else echo "DEAD     $name pid $pid"; fi
  done
  [ $up -gt 0 ] || { echo "not running ($DIR)"; return 1; }
  PORT="${PORT:-$(cat "$DIR/run/port" 2>/dev/null || true)}"
  [ -n "$PORT" ] && check
}

CMD="${1:-}"; DIR="${2:-}"; PORT="${3:-}"
[ -n "$CMD" ] && [ -n "$DIR" ] || usage
case "$CMD" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
