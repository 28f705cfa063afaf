#!/usr/bin/env bash
# Side-by-side run: BitGoJS (published npm packages, pinned in benchmarks/js/package.json) against our JMH suite,
# same operations, same inputs (vector cases and benchmarks/src/main/resources/bench-inputs.json).
# Prints one Markdown table; raw results stay in benchmarks/target/compare/.
# Needs: JDK 17+, node 20+ with npm. Takes about 12-15 minutes on 2 cores.
# Environment: BENCH_SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar; JMH_ARGS overrides the JMH iteration
# options; BENCH_WARMUP_MS / BENCH_MEASURE_MS set the Node timing windows.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=benchmarks/target/compare
JS_DIR=benchmarks/target/bitgojs
JAR=benchmarks/target/benchmarks.jar
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 2 -w 2s -i 3 -r 2s"}
mkdir -p "$OUT" "$JS_DIR"

log() { echo "== $*" >&2; }

if [[ "${BENCH_SKIP_BUILD:-}" != "1" || ! -f "$JAR" ]]; then
  log "building $JAR"
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi

log "installing BitGoJS packages into $JS_DIR"
cp benchmarks/js/package.json "$JS_DIR/package.json"
(cd "$JS_DIR" && npm install --no-audit --no-fund --loglevel=error >&2)
export NODE_PATH="$ROOT/$JS_DIR/node_modules"

log "starting the local server"
java -cp "$JAR" dev.bitgojava.benchmarks.http.LocalServer 0 > "$OUT/server.out" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q 'listening on' "$OUT/server.out" 2>/dev/null && break
  sleep 0.1
done
URL=$(sed -n 's/^listening on //p' "$OUT/server.out")
[[ -n "$URL" ]] || { echo "local server did not start" >&2; cat "$OUT/server.out" >&2; exit 1; }
log "server at $URL"

log "BitGoJS: client-side operations"
node benchmarks/js/client-ops.js > "$OUT/bitgojs.jsonl"
log "BitGoJS: BitGoAPI against the local server"
node benchmarks/js/client-http.js "$URL" >> "$OUT/bitgojs.jsonl"

log "cold start (5 runs each): JVM / node start to the first verified response"
time_ms() { local t0 t1; t0=$(date +%s%N); "$@" > /dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
ours=(); theirs=()
for _ in 1 2 3 4 5; do
  ours+=("$(time_ms java -cp "$JAR" dev.bitgojava.benchmarks.ColdStart "$URL")")
  theirs+=("$(time_ms node benchmarks/js/coldstart.js "$URL")")
done
# a failing run would be timed too: check once more that both succeed
java -cp "$JAR" dev.bitgojava.benchmarks.ColdStart "$URL" > /dev/null 2>&1 || { echo "ColdStart failed" >&2; exit 1; }
node benchmarks/js/coldstart.js "$URL" > /dev/null 2>&1 || { echo "coldstart.js failed" >&2; exit 1; }
join() { local IFS=,; echo "$*"; }
{
  echo "{\"id\":\"ours: java -cp benchmarks.jar ColdStart\",\"runsMs\":[$(join "${ours[@]}")]}"
  echo "{\"id\":\"BitGoJS: node coldstart.js\",\"runsMs\":[$(join "${theirs[@]}")]}"
} > "$OUT/coldstart.jsonl"

log "ours: JMH ($JMH_ARGS)"
# shellcheck disable=SC2086
java -jar "$JAR" $JMH_ARGS -jvmArgsAppend "-Dbitgo.bench.server=$URL" -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log" 2>&1 \
  || { tail -40 "$OUT/jmh.log" >&2; exit 1; }

log "table"
node benchmarks/js/table.js "$OUT/bitgojs.jsonl" "$OUT/jmh.json" "$OUT/coldstart.jsonl" | tee "$OUT/table.md"
