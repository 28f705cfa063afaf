'use strict';
// BitGoJS side of the full-client row: BitGoAPI (sdk-api) GETs the wallet from the same local server, which signs
// its responses; the SDK signs the request (auth v2) and verifies the response HMAC. Concurrency 1 and 16 in-flight
// requests (Node is single-threaded; this is its form of "threads"). Usage: node client-http.js <server url>
const { benchInputs, check } = require('./harness');
const { BitGoAPI } = require('@bitgo/sdk-api');

const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS || 3000);
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS || 5000);

async function run(get, concurrency, ms, latencies) {
  const end = process.hrtime.bigint() + BigInt(ms) * 1000000n;
  let n = 0;
  async function worker() {
    while (process.hrtime.bigint() < end) {
      const t0 = process.hrtime.bigint();
      await get();
      if (latencies) latencies.push(Number(process.hrtime.bigint() - t0) / 1000);
      n++;
    }
  }
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { n, ns: Number(process.hrtime.bigint() - start) };
}

(async () => {
  const url = process.argv[2];
  const b = benchInputs();
  const walletId = b.getPath.split('/').pop();
  const bitgo = new BitGoAPI({ env: 'custom', customRootURI: url, accessToken: b.token });
  const get = () => bitgo.get(bitgo.url(`/tbtc/wallet/${walletId}`, 2)).result();
  const first = await get();
  check(first.id === walletId, 'BitGoAPI gets the wallet');
  for (const concurrency of [1, 16]) {
    await run(get, concurrency, WARMUP_MS, null);
    const lat = [];
    const { n, ns } = await run(get, concurrency, MEASURE_MS, lat);
    lat.sort((x, y) => x - y);
    const p = (q) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))];
    const r = { id: `http.bitgojs-c${String(concurrency).padStart(2, '0')}`, concurrency, opsPerSec: n / (ns / 1e9), p50Us: p(0.5), p99Us: p(0.99), ops: n };
    process.stdout.write(JSON.stringify(r) + '\n');
    process.stderr.write(`${r.id}: ${r.opsPerSec.toFixed(0)} ops/s, p50 ${r.p50Us.toFixed(0)} us, p99 ${r.p99Us.toFixed(0)} us\n`);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
