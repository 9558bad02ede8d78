#!/usr/bin/env bash
# Sandbox benchmark: start-up (cached compiled hello, p50/p99), first-run compile cost, and
# wc throughput in the sandbox vs the same wc.c compiled with gcc -O2, on the same 256 MiB file.
# Usage: bench/sandbox-bench.sh [--size-mib N] [--startup-runs N] [--repeats N] [--work DIR]
# Needs: JDK 17, Maven, gcc (for the native column). Runs on one machine, no network.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -pl bench -am package -DskipTests
fi
# -XX:-DontCompileHugeMethods: let HotSpot JIT the large methods Chicory generates for big
# wasm functions (the Lua interpreter's dispatch loop); the same flag belongs in deployments.
exec java -XX:-DontCompileHugeMethods -Xss8m \
  -cp bench/target/zerostore-bench.jar io.zerostore.bench.sandbox.SandboxBench \
  --examples examples "$@"
