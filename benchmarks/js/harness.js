'use strict';
// Minimal timing loop shared by the Node benchmark scripts: warm up, then run the operation repeatedly for a fixed
// time and report the mean time per operation. One JSON object per line on stdout, read by table.js.
const path = require('path');
const fs = require('fs');

const REPO = path.resolve(__dirname, '..', '..');
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS || 3000);
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS || 5000);

function vectorCase(file, group, id) {
  const dir = process.env.BITGO_VECTORS_DIR || path.join(REPO, 'vectors');
  const all = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const found = (all.cases[group] || []).find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id} in ${file}/${group}`);
  return found;
}

function benchInputs() {
  return JSON.parse(fs.readFileSync(path.join(REPO, 'benchmarks', 'src', 'main', 'resources', 'bench-inputs.json'), 'utf8'));
}

function check(ok, what) {
  if (!ok) throw new Error('benchmark input check failed: ' + what);
}

async function runFor(fn, ms, isAsync) {
  let n = 0;
  const start = process.hrtime.bigint();
  const limit = start + BigInt(ms) * 1000000n;
  let now = start;
  do {
    // batches keep the clock reads out of the measurement for fast operations
    for (let i = 0; i < 16; i++) {
      if (isAsync) await fn(); else fn();
    }
    n += 16;
    now = process.hrtime.bigint();
  } while (now < limit);
  return { n, ns: Number(now - start) };
}

// perOp: how many operations one call performs (e.g. the inputs of a PSBT signed in one call); the report is per
// operation.
async function bench(id, fn, { isAsync = false, warmupMs = WARMUP_MS, measureMs = MEASURE_MS, perOp = 1 } = {}) {
  await runFor(fn, warmupMs, isAsync);
  const { n, ns } = await runFor(fn, measureMs, isAsync);
  const usPerOp = ns / n / perOp / 1000;
  process.stdout.write(JSON.stringify({ id, usPerOp, ops: n }) + '\n');
  process.stderr.write(`${id}: ${usPerOp.toFixed(2)} us/op (${n} ops)\n`);
}

module.exports = { REPO, vectorCase, benchInputs, check, bench };
