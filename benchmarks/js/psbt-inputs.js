'use strict';
// Builds the inputs of the PSBT half-signing benchmark: for each script type one unsigned 50-input BitGo wallet PSBT
// (btc, @bitgo/utxo-lib wallet helpers, as tools/interop/gen-utxo-psbt.js builds its scenarios) and the half-signed
// PSBT that BitGoJS's coin.signTransaction (abstract-utxo, wasm-utxo inside) makes of it with the user key.
// Deterministic: the wallet keys of the first utxo-psbt.json scenario, one funding transaction per input derived
// from a fixed label, fixed values. Both sides of the benchmark read the file this writes
// (benchmarks/src/main/resources/psbt-50-inputs.json, committed; PSBTs in base64 to keep it small); re-run only when the packages change:
//   NODE_PATH=benchmarks/target/bitgojs/node_modules node benchmarks/js/psbt-inputs.js
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const utxolib = require('@bitgo/utxo-lib');
const { BitGoAPI } = require('@bitgo/sdk-api');
const { Btc } = require('@bitgo/sdk-coin-btc');
const { REPO, vectorCase } = require('./harness');

const INPUTS = 50;
const OUT = path.join(REPO, 'benchmarks', 'src', 'main', 'resources', 'psbt-50-inputs.json');
const TYPES = [
  { id: 'p2sh', chain: 0, changeChain: 1 },
  { id: 'p2wsh', chain: 20, changeChain: 21 },
  { id: 'p2tr', chain: 30, changeChain: 31 },
];
const SCRIPT_TYPES = { 0: 'p2sh', 1: 'p2sh', 20: 'p2wsh', 21: 'p2wsh', 30: 'p2tr', 31: 'p2tr' };

const sha256 = (b) => crypto.createHash('sha256').update(b).digest();

/** A version-2 transaction with one dummy input (OP_TRUE scriptSig, previous txid from the label) and one output. */
function fundingTx(label, script, value) {
  const v = Buffer.alloc(8);
  v.writeBigUInt64LE(value);
  return Buffer.concat([Buffer.from('0200000001', 'hex'), sha256(Buffer.from(label, 'utf8')),
    Buffer.from('000000000151ffffffff01', 'hex'), v, Buffer.from([script.length]), script, Buffer.alloc(4)]);
}

const hexToBase64 = (h) => Buffer.from(h, 'hex').toString('base64');
const txidOf = (raw) => Buffer.from(sha256(sha256(raw))).reverse().toString('hex');

function bitgoCoin() {
  const bitgo = new BitGoAPI({ env: 'test' });
  bitgo.register('btc', Btc.createInstance);
  return bitgo.coin('btc');
}

/** The wallet of the benchmark: keys of the first utxo-psbt.json scenario. */
function wallet() {
  const input = vectorCase('utxo-psbt.json', 'scenarios', 'tbtc-p2sh-p2shP2wsh-p2wsh').input;
  return { xprvs: input.walletXprvs, pubs: [input.walletXpubs.user, input.walletXpubs.backup, input.walletXpubs.bitgo] };
}

function unsignedPsbt(type, w) {
  const network = utxolib.networks.bitcoin;
  const rootKeys = new utxolib.bitgo.RootWalletKeys(w.pubs.map((x) => utxolib.bip32.fromBase58(x)));
  let total = 0n;
  const psbt = utxolib.bitgo.createPsbtForNetwork({ network });
  for (let i = 0; i < INPUTS; i++) {
    const value = 100000n + BigInt(i) * 1000n;
    total += value;
    const script = utxolib.bitgo.outputScripts.createOutputScript2of3(
      rootKeys.deriveForChainAndIndex(type.chain, i).publicKeys, SCRIPT_TYPES[type.chain]).scriptPubKey;
    const funding = fundingTx(`bitgo-java benchmark funding ${type.id} ${i}`, script, value);
    const unspent = { id: `${txidOf(funding)}:0`, address: utxolib.address.fromOutputScript(script, network), value,
      chain: type.chain, index: i };
    if (type.id === 'p2sh') unspent.prevTx = funding;
    utxolib.bitgo.addWalletUnspentToPsbt(psbt, unspent, rootKeys, 'user', 'bitgo');
  }
  const externalKey = utxolib.ECPair.fromPrivateKey(sha256(Buffer.from('bitgo-java benchmark external', 'utf8')), { network });
  const external = utxolib.payments.p2wpkh({ pubkey: externalKey.publicKey, network }).output;
  const pay = total / 2n;
  psbt.addOutput({ script: external, value: pay });
  utxolib.bitgo.addWalletOutputToPsbt(psbt, rootKeys, type.changeChain, 0, total - pay - 50000n);
  return psbt.toHex();
}

/** BitGoJS's half-signing of one PSBT with the user key: what both benchmark sides time. */
async function halfSign(coin, w, txHex) {
  const r = await coin.signTransaction({ txPrebuild: { txHex }, prv: w.xprvs.user, pubs: w.pubs, isLastSignature: false });
  return r.txHex;
}

async function main() {
  const coin = bitgoCoin();
  const w = wallet();
  const psbts = {};
  for (const type of TYPES) {
    const unsignedHex = unsignedPsbt(type, w);
    psbts[type.id] = { chain: type.chain, inputs: INPUTS, unsignedPsbtBase64: hexToBase64(unsignedHex),
      halfSignedPsbtBase64: hexToBase64(await halfSign(coin, w, unsignedHex)) };
  }
  const versions = {};
  for (const p of ['@bitgo/utxo-lib', '@bitgo/abstract-utxo', '@bitgo/wasm-utxo', '@bitgo/sdk-coin-btc']) {
    const dir = (process.env.NODE_PATH || '').split(path.delimiter).map((d) => path.join(d, p)).find((d) => fs.existsSync(d));
    versions[p] = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  }
  const doc = {
    about: `One unsigned ${INPUTS}-input btc wallet PSBT per script type (user/bitgo signing, one external p2wpkh output and `
      + 'one change output) and the half-signed PSBT BitGoJS coin.signTransaction makes of it with the user xprv. '
      + 'Written by benchmarks/js/psbt-inputs.js.',
    producedBy: versions,
    coin: 'btc',
    userXprv: w.xprvs.user,
    pubs: w.pubs,
    psbts,
  };
  fs.writeFileSync(OUT, JSON.stringify(doc, null, 2) + '\n');
  process.stderr.write(`wrote ${OUT} (${fs.statSync(OUT).size} bytes)\n`);
}

module.exports = { halfSign, bitgoCoin, OUT };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
