'use strict';
// Joins the Node results (JSON lines from client-ops.js / client-http.js) with the JMH JSON result file and
// prints one Markdown table: operation, BitGoJS, ours, ratio, target, and our baseline where one exists.
// Usage: node table.js <bitgojs.jsonl> <jmh.json[,more-jmh.json...]> [coldstart.jsonl]
const fs = require('fs');

const [jsFile, jmhFile, coldFile] = process.argv.slice(2);
const js = {};
for (const line of fs.readFileSync(jsFile, 'utf8').split('\n')) {
  if (line.trim()) { const r = JSON.parse(line); js[r.id] = r; }
}
const jmh = {};
for (const r of jmhFile.split(',').filter(Boolean).flatMap((f) => JSON.parse(fs.readFileSync(f, 'utf8')))) {
  const name = r.benchmark.split('.').slice(-2).join('.');
  const params = r.params ? Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(',') : '';
  jmh[params ? `${name}[${params}]` : name] = r;
}
const cold = {};
if (coldFile && fs.existsSync(coldFile)) {
  for (const line of fs.readFileSync(coldFile, 'utf8').split('\n')) {
    if (line.trim()) { const r = JSON.parse(line); cold[r.id] = r; }
  }
}

const SIGNING = '≥1× (signing)';
const FIVE = '≥5×';
const INFO = '— (for comparison)';
// label, BitGoJS id, our JMH benchmark, our baseline benchmark (same run), target on the BitGoJS ratio
const rows = [
  ['Auth V2: sign 300 B POST', 'auth.v2.signRequest', 'AuthBench.signRequest[version=V2]', 'AuthBench.baselineMacRequest[version=V2]', FIVE],
  ['Auth V3: sign 300 B POST', 'auth.v3.signRequest', 'AuthBench.signRequest[version=V3]', 'AuthBench.baselineMacRequest[version=V3]', FIVE],
  ['Auth V4: sign 300 B POST', 'auth.v4.signRequest', 'AuthBench.signRequest[version=V4]', 'AuthBench.baselineMacRequest[version=V4]', FIVE],
  ['Auth V2: verify 2.5 KB response', 'auth.v2.verifyResponse', 'AuthBench.verifyResponse[version=V2]', 'AuthBench.baselineMacResponse[version=V2]', FIVE],
  ['Auth V3: verify 2.5 KB response', 'auth.v3.verifyResponse', 'AuthBench.verifyResponse[version=V3]', 'AuthBench.baselineMacResponse[version=V3]', FIVE],
  ['Auth V4: verify 2.5 KB response', 'auth.v4.verifyResponse', 'AuthBench.verifyResponse[version=V4]', 'AuthBench.baselineMacResponse[version=V4]', FIVE],
  ['Bare HMAC-SHA256 of the V2 response subject: Node crypto vs javax.crypto.Mac', 'auth.v2.bareHmacResponse', 'AuthBench.baselineMacResponse[version=V2]', null, INFO],
  ['Keychain v1 (SJCL) encrypt', 'keychain.v1Encrypt', 'KeychainBench.v1Encrypt', 'KeychainBench.baselinePbkdf2Jca', FIVE],
  ['Keychain v1 (SJCL) decrypt', 'keychain.v1Decrypt', 'KeychainBench.v1Decrypt', 'KeychainBench.baselinePbkdf2Jca', FIVE],
  ['Keychain v2 (Argon2id) encrypt', 'keychain.v2Encrypt', 'KeychainBench.v2Encrypt', 'KeychainBench.baselineArgon2idBc', FIVE],
  ['Keychain v2 (Argon2id) decrypt', 'keychain.v2Decrypt', 'KeychainBench.v2Decrypt', 'KeychainBench.baselineArgon2idBc', FIVE],
  ['BIP32: 3 xpubs → 0/0/20/0', 'bip32.walletKeysFromXpubs', 'Bip32Bench.walletKeysFromXpubs', 'Bip32Bench.baselineBitcoinjWalletKeysFromXpubs', FIVE],
  ['BIP32: user xprv → 0/0/20/0', 'bip32.userKeyFromXprv', 'Bip32Bench.userKeyFromXprv', 'Bip32Bench.baselineBitcoinjUserKeyFromXprv', FIVE],
  ['Address btc chain 0 (p2sh)', 'address.chain0', 'AddressBench.deriveAddress[chain=0]', null, FIVE],
  ['Address btc chain 10 (p2shP2wsh)', 'address.chain10', 'AddressBench.deriveAddress[chain=10]', null, FIVE],
  ['Address btc chain 20 (p2wsh)', 'address.chain20', 'AddressBench.deriveAddress[chain=20]', null, FIVE],
  ['Address btc chain 30 (p2tr)', 'address.chain30', 'AddressBench.deriveAddress[chain=30]', null, FIVE],
  ['Address btc chain 40 (p2trMusig2)', 'address.chain40', 'AddressBench.deriveAddress[chain=40]', null, FIVE],
  ['PSBT half-sign per input p2sh (50 inputs)', 'psbt.p2sh', 'PsbtBench.halfSignPerInput[scriptType=p2sh]', 'PsbtBench.baselineSignaturesPerInput[scriptType=p2sh]', FIVE],
  ['PSBT half-sign per input p2wsh (50 inputs)', 'psbt.p2wsh', 'PsbtBench.halfSignPerInput[scriptType=p2wsh]', 'PsbtBench.baselineSignaturesPerInput[scriptType=p2wsh]', FIVE],
  ['PSBT half-sign per input taproot script path (50 inputs)', 'psbt.p2tr', 'PsbtBench.halfSignPerInput[scriptType=p2tr]', 'PsbtBench.baselineSignaturesPerInput[scriptType=p2tr]', FIVE],
  ['PSBT per input p2sh, BitGoJS: wasm-utxo sign alone', 'psbt.p2sh.signOnly', 'PsbtBench.halfSignPerInput[scriptType=p2sh]', 'PsbtBench.baselineSignaturesPerInput[scriptType=p2sh]', INFO],
  ['PSBT per input p2wsh, BitGoJS: wasm-utxo sign alone', 'psbt.p2wsh.signOnly', 'PsbtBench.halfSignPerInput[scriptType=p2wsh]', 'PsbtBench.baselineSignaturesPerInput[scriptType=p2wsh]', INFO],
  ['PSBT per input taproot script path, BitGoJS: wasm-utxo sign alone', 'psbt.p2tr.signOnly', 'PsbtBench.halfSignPerInput[scriptType=p2tr]', 'PsbtBench.baselineSignaturesPerInput[scriptType=p2tr]', INFO],
  ['ETH: xprv → operation hash → signature', 'eth.operationHashSign', 'EthBench.operationHashSign', 'EthBench.baselineWeb3jSignHash', FIVE],
  ['ETH: sign 32-byte hash (r‖s‖v)', 'eth.signHash', 'EthBench.signHash', 'EthBench.baselineWeb3jSignHash', SIGNING],
  ['ECDSA sign (RFC 6979, DER)', 'ecdsa.sign', 'EcdsaBench.ecdsaSign', 'EcdsaBench.baselineBitcoinjEcdsaSign', SIGNING],
  ['ECDSA verify', 'ecdsa.verify', 'EcdsaBench.ecdsaVerify', 'EcdsaBench.baselineBitcoinjEcdsaVerify', FIVE],
  ['Schnorr sign (BIP340)', 'schnorr.sign', 'EcdsaBench.schnorrSign', null, SIGNING],
  ['Schnorr verify (BIP340)', 'schnorr.verify', 'EcdsaBench.schnorrVerify', null, FIVE],
];

function fmt(us) {
  if (us === undefined || us === null || Number.isNaN(us)) return '—';
  if (us >= 10000) return `${(us / 1000).toFixed(1)} ms`;
  if (us >= 100) return `${us.toFixed(0)} µs`;
  if (us >= 10) return `${us.toFixed(1)} µs`;
  return `${us.toFixed(2)} µs`;
}

function ours(name) {
  const r = jmh[name];
  if (!r) return undefined;
  const unit = r.primaryMetric.scoreUnit;
  const f = { 'us/op': 1, 'ms/op': 1000, 'ns/op': 0.001, 's/op': 1e6 }[unit];
  if (f === undefined) throw new Error(`unexpected unit ${unit} for ${name}`);
  return r.primaryMetric.score * f;
}

const out = [];
out.push('| operation | BitGoJS | ours | BitGoJS ÷ ours | target | met | our baseline | ours ÷ baseline |');
out.push('| --- | ---: | ---: | ---: | --- | --- | ---: | ---: |');
for (const [label, jsId, ourId, baseId, target] of rows) {
  const a = js[jsId] ? js[jsId].usPerOp : undefined;
  const b = ours(ourId);
  if (a === undefined && b === undefined) continue;
  const ratio = a !== undefined && b !== undefined ? a / b : undefined;
  const base = baseId ? ours(baseId) : undefined;
  const need = target === FIVE ? 5 : 1;
  const met = ratio === undefined || target === INFO ? '—' : ratio >= need ? 'yes' : 'no';
  out.push(`| ${label} | ${fmt(a)} | ${fmt(b)} | ${ratio === undefined ? '—' : ratio.toFixed(2) + '×'} | ${target} | ${met} | ${
    base === undefined ? '—' : fmt(base) + ' (' + baseId.replace(/^\w+\./, '') + ')'} | ${base === undefined || b === undefined ? '—' : (b / base).toFixed(2) + '×'} |`);
}

// Full-client throughput and latency (SampleTime results carry percentiles).
const http = Object.keys(jmh).filter((k) => k.startsWith('HttpBench.'));
if (http.length) {
  out.push('');
  out.push('| full request (GET wallet, 2.5 KB verified response) | threads | ops/s | p50 | p99 |');
  out.push('| --- | ---: | ---: | ---: | ---: |');
  const pct = (r, p) => {
    const f = { 'us/op': 1, 'ms/op': 1000, 'ns/op': 0.001 }[r.primaryMetric.scoreUnit];
    return r.primaryMetric.scorePercentiles[p] * f;
  };
  for (const k of http.sort()) {
    const r = jmh[k];
    const threads = r.threads;
    const f = { 'us/op': 1, 'ms/op': 1000, 'ns/op': 0.001 }[r.primaryMetric.scoreUnit];
    const meanUs = r.primaryMetric.score * f;
    out.push(`| ours: ${k.replace('HttpBench.', '')} | ${threads} | ${(threads * 1e6 / meanUs).toFixed(0)} | ${fmt(pct(r, '50.0'))} | ${fmt(pct(r, '99.0'))} |`);
  }
  const opsOf = (k) => { const r = jmh[k]; if (!r) return undefined; const f = { 'us/op': 1, 'ms/op': 1000, 'ns/op': 0.001 }[r.primaryMetric.scoreUnit]; return r.threads * 1e6 / (r.primaryMetric.score * f); };
  const ratios = [];
  for (const t of ['01', '16']) {
    const o = opsOf(`HttpBench.client_threads${t}`);
    const base = opsOf(`HttpBench.baselineHttpClient_threads${t}`);
    const theirs = js[`http.bitgojs-c${t}`];
    if (o !== undefined && base !== undefined) ratios.push(`${Number(t)} thread(s): ours ÷ HttpClient baseline = ${(o / base).toFixed(2)}× (target ≥ 0.8×)`
      + (theirs ? `, ours ÷ BitGoJS = ${(o / theirs.opsPerSec).toFixed(2)}× (target ≥ 2×)` : ''));
  }
  for (const id of Object.keys(js).filter((k) => k.startsWith('http.')).sort()) {
    const r = js[id];
    out.push(`| BitGoJS: ${id.replace('http.', '')} | ${r.concurrency} | ${r.opsPerSec.toFixed(0)} | ${fmt(r.p50Us)} | ${fmt(r.p99Us)} |`);
  }
  out.push('');
  for (const line of ratios) out.push(`Throughput, ${line}.  `);
}

if (Object.keys(cold).length) {
  out.push('');
  out.push('| cold start: process start → first verified response | median of runs | runs (ms) | target |');
  out.push('| --- | ---: | --- | --- |');
  for (const id of Object.keys(cold).sort()) {
    const r = cold[id];
    const sorted = [...r.runsMs].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)];
    out.push(`| ${id} | ${median} ms | ${r.runsMs.join(', ')} | ${id.startsWith('ours') ? '≤ 1000 ms: ' + (median <= 1000 ? 'yes' : 'no') : ''} |`);
  }
}
console.log(out.join('\n'));
