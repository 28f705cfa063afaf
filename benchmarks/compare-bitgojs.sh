#!/usr/bin/env bash
# Side-by-side run: BitGoJS (published npm packages, pinned in benchmarks/js/package.json) against our JMH suite,
# same operations, same inputs (vector cases and benchmarks/src/main/resources/bench-inputs.json).
# Prints one Markdown table; raw results stay in benchmarks/target/compare/.
# Needs: JDK 17+, node 20+ with npm. Takes about 15-18 minutes on 2 cores.
# Environment: BENCH_SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar; JMH_ARGS overrides the JMH iteration
# options; BENCH_WARMUP_MS / BENCH_MEASURE_MS set the Node timing windows.
# The full-client rows measure steady state, so both clients get longer windows than the micro-benchmarks: JMH runs
# HttpBench on its own with HTTP_JMH_ARGS (default 6 x 5 s warm-up, 3 x 5 s measured: the Feign/OkHttp/Jackson stack
# has far more code for the JIT to compile than a bare HttpClient loop, and with 16 busy threads on 2 cores the
# compiler needs about 25 s to catch up), and BitGoJS's client gets the same 30 s warm-up and 15 s measurement per
# concurrency (BENCH_HTTP_WARMUP_MS / BENCH_HTTP_MEASURE_MS).
# A subset: BENCH_JMH_INCLUDE (JMH include regex, default: every benchmark), BENCH_NODE_FILTER (regex over the Node
# operation ids of client-ops.js, e.g. '^auth\.'; default: all), BENCH_HTTP=0 skips the full-client rows (both sides),
# BENCH_COLDSTART=0 skips the cold-start runs, BENCH_OUT sets the raw-results directory (default
# benchmarks/target/compare). Machine load (uptime) at the start, before JMH and at the end goes to load.txt there.
# The auth, full-client and cold-start rows alone:
#   BENCH_JMH_INCLUDE='AuthBench|HttpBench' BENCH_NODE_FILTER='^auth\.' BENCH_OUT=benchmarks/target/compare-auth \
#     benchmarks/compare-bitgojs.sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${BENCH_OUT:-benchmarks/target/compare}
JMH_INCLUDE=${BENCH_JMH_INCLUDE:-}
NODE_FILTER=${BENCH_NODE_FILTER:-.}
JS_DIR=benchmarks/target/bitgojs
JAR=benchmarks/target/benchmarks.jar
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 2 -w 2s -i 3 -r 2s"}
HTTP_JMH_ARGS=${HTTP_JMH_ARGS:-"-f 1 -wi 6 -w 5s -i 3 -r 5s"}
RUN_HTTP=${BENCH_HTTP:-1}
if [[ -n "$JMH_INCLUDE" && "$JMH_INCLUDE" != *HttpBench* ]]; then RUN_HTTP=0; fi
mkdir -p "$OUT" "$JS_DIR"

log() { echo "== $*" >&2; }

if [[ "${BENCH_SKIP_BUILD:-}" != "1" || ! -f "$JAR" ]]; then
  log "building $JAR"
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi

echo "start: $(uptime)" > "$OUT/load.txt"

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
node benchmarks/js/client-ops.js "$NODE_FILTER" > "$OUT/bitgojs.jsonl"
if [[ "$RUN_HTTP" != "0" ]]; then
  log "BitGoJS: BitGoAPI against the local server"
  BENCH_WARMUP_MS=${BENCH_HTTP_WARMUP_MS:-30000} BENCH_MEASURE_MS=${BENCH_HTTP_MEASURE_MS:-15000} \
    node benchmarks/js/client-http.js "$URL" >> "$OUT/bitgojs.jsonl"
fi

rm -f "$OUT/coldstart.jsonl"
if [[ "${BENCH_COLDSTART:-1}" != "0" ]]; then
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
# The same with an application class-data archive, an option of the launch (not counted for the target): one
# training run writes the archive, then 5 timed runs map it.
CDS="$OUT/coldstart.jsa"
rm -f "$CDS"
java -XX:ArchiveClassesAtExit="$CDS" -cp "$JAR" dev.bitgojava.benchmarks.ColdStart "$URL" > /dev/null 2>&1
cds=()
for _ in 1 2 3 4 5; do
  cds+=("$(time_ms java -XX:SharedArchiveFile="$CDS" -cp "$JAR" dev.bitgojava.benchmarks.ColdStart "$URL")")
done
java -XX:SharedArchiveFile="$CDS" -cp "$JAR" dev.bitgojava.benchmarks.ColdStart "$URL" > /dev/null 2>&1 \
  || { echo "ColdStart with AppCDS failed" >&2; exit 1; }
join() { local IFS=,; echo "$*"; }
{
  echo "{\"id\":\"ours: java -cp benchmarks.jar ColdStart\",\"runsMs\":[$(join "${ours[@]}")]}"
  echo "{\"id\":\"option, not the target: java -XX:SharedArchiveFile=coldstart.jsa -cp benchmarks.jar ColdStart (AppCDS)\",\"runsMs\":[$(join "${cds[@]}")]}"
  echo "{\"id\":\"BitGoJS: node coldstart.js\",\"runsMs\":[$(join "${theirs[@]}")]}"
} > "$OUT/coldstart.jsonl"
fi

log "ours: JMH ($JMH_ARGS${JMH_INCLUDE:+, include '$JMH_INCLUDE'}, HttpBench apart)"
echo "before JMH: $(uptime)" >> "$OUT/load.txt"
JMH_FILES=""
if java -jar "$JAR" -l ${JMH_INCLUDE:+"$JMH_INCLUDE"} -e HttpBench | grep -q '^dev\.'; then
  # shellcheck disable=SC2086
  java -jar "$JAR" ${JMH_INCLUDE:+"$JMH_INCLUDE"} -e HttpBench $JMH_ARGS -rf json -rff "$OUT/jmh.json" \
    > "$OUT/jmh.log" 2>&1 || { tail -40 "$OUT/jmh.log" >&2; exit 1; }
  JMH_FILES="$OUT/jmh.json"
fi
if [[ "$RUN_HTTP" != "0" ]]; then
  log "ours: JMH HttpBench ($HTTP_JMH_ARGS)"
  echo "before JMH HttpBench: $(uptime)" >> "$OUT/load.txt"
  # shellcheck disable=SC2086
  java -jar "$JAR" HttpBench $HTTP_JMH_ARGS -jvmArgsAppend "-Dbitgo.bench.server=$URL" -rf json \
    -rff "$OUT/jmh-http.json" > "$OUT/jmh-http.log" 2>&1 || { tail -40 "$OUT/jmh-http.log" >&2; exit 1; }
  JMH_FILES="${JMH_FILES:+$JMH_FILES,}$OUT/jmh-http.json"
fi

echo "end: $(uptime)" >> "$OUT/load.txt"
cat "$OUT/load.txt" >&2

log "table"
node benchmarks/js/table.js "$OUT/bitgojs.jsonl" "$JMH_FILES" "$OUT/coldstart.jsonl" | tee "$OUT/table.md"
