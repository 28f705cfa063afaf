'use strict';
// BitGoJS side of the client-side operations in benchmarks/ (same vector cases as the JMH classes' set-up).
// Usage: node client-ops.js [filter-regex]   (run from a directory whose node_modules holds the pinned packages)
const { vectorCase, benchInputs, check, bench } = require('./harness');
const fs = require('fs');
const path = require('path');

const filter = new RegExp(process.argv[2] || '.');
const sdkApi = require('@bitgo/sdk-api');
const utxolib = require('@bitgo/utxo-lib');
const { Util } = require('@bitgo/sdk-core');

async function keychain() {
  const enc = vectorCase('sjcl.json', 'v1Encrypt', 'v1-xprv').input;
  const dec = vectorCase('sjcl.json', 'v1Decrypt', 'dec-xprv');
  const dec2 = vectorCase('sjcl.json', 'v2Decrypt', 'v2-dec-ok');
  check(sdkApi.decrypt(dec.input.password, dec.input.envelopeJson) === dec.expected.plaintext, 'v1 decrypt');
  check((await sdkApi.decryptAsync(dec2.input.password, dec2.input.envelopeJson)) === dec2.expected.plaintext, 'v2 decrypt');
  // SJCL caches PBKDF2 output per password, iteration count and salt (sjcl.misc.cachedPbkdf2; the cache object is
  // the one plain object on sjcl.misc, minified name). Repeating a decrypt of one envelope would measure a cache hit,
  // so every v1 iteration starts with an empty cache: each operation derives its key, as ours always does.
  const sjcl = require('@bitgo/sjcl');
  const cacheKeys = Object.keys(sjcl.misc).filter((k) => sjcl.misc[k] !== null && typeof sjcl.misc[k] === 'object');
  check(cacheKeys.length === 1, 'one PBKDF2 cache on sjcl.misc');
  const clearPbkdf2Cache = () => { sjcl.misc[cacheKeys[0]] = {}; };
  clearPbkdf2Cache();
  sdkApi.decrypt(dec.input.password, dec.input.envelopeJson);
  check(Object.keys(sjcl.misc[cacheKeys[0]]).length > 0, 'sdk-api decrypts through the cache that is cleared');
  const v1Opts = { warmupMs: 2000, measureMs: 4000 };
  const v2Opts = { isAsync: true, warmupMs: 2000, measureMs: 6000 };
  if (filter.test('keychain.v1Encrypt')) await bench('keychain.v1Encrypt', () => { clearPbkdf2Cache(); return sdkApi.encrypt(enc.password, enc.plaintext); }, v1Opts);
  if (filter.test('keychain.v1Decrypt')) await bench('keychain.v1Decrypt', () => { clearPbkdf2Cache(); return sdkApi.decrypt(dec.input.password, dec.input.envelopeJson); }, v1Opts);
  if (filter.test('keychain.v2Encrypt')) await bench('keychain.v2Encrypt', () => sdkApi.encryptAsync(enc.password, enc.plaintext, { encryptionVersion: 2 }), v2Opts);
  if (filter.test('keychain.v2Decrypt')) await bench('keychain.v2Decrypt', () => sdkApi.decryptAsync(dec2.input.password, dec2.input.envelopeJson), v2Opts);
}

async function bip32() {
  const c = vectorCase('bip32.json', 'walletDerivation', 'wallet-20-0');
  const { rootXpubs, rootXprvs, chain, index } = c.input;
  const path = `0/0/${chain}/${index}`;
  check(utxolib.bip32.fromBase58(rootXprvs[0]).derivePath(path).toBase58() === c.expected.user.xprv, 'user xprv');
  ['user', 'backup', 'bitgo'].forEach((role, i) =>
    check(utxolib.bip32.fromBase58(rootXpubs[i]).derivePath(path).publicKey.toString('hex') === c.expected[role].publicKeyHex, role));
  if (filter.test('bip32.walletKeysFromXpubs')) {
    await bench('bip32.walletKeysFromXpubs', () => {
      for (const xpub of rootXpubs) utxolib.bip32.fromBase58(xpub).derivePath(path).publicKey;
    });
  }
  if (filter.test('bip32.userKeyFromXprv')) {
    await bench('bip32.userKeyFromXprv', () => utxolib.bip32.fromBase58(rootXprvs[0]).derivePath(path).privateKey);
  }
}

async function eth() {
  const { BitGoAPI } = require('@bitgo/sdk-api');
  const { Eth } = require('@bitgo/sdk-coin-eth');
  const bitgo = new BitGoAPI({ env: 'test' });
  bitgo.register('eth', Eth.createInstance);
  const coin = bitgo.coin('eth');
  const c = vectorCase('eth.json', 'sendMultiSig', 'eth-native');
  const i = c.input;
  const params = () => ({
    txPrebuild: { recipients: [{ address: i.recipientAddress, amount: i.amount }], nextContractSequenceId: i.sequenceId },
    prv: i.userXprv,
    expireTime: i.expireTime,
  });
  const signed = await coin.signTransaction(params());
  check(signed.halfSigned.signature === c.expected.signature, 'operation signature');
  if (filter.test('eth.operationHashSign')) await bench('eth.operationHashSign', () => coin.signTransaction(params()), { isAsync: true });

  const h = vectorCase('eth.json', 'signHash', 'hash-zero-ish');
  check(Util.ethSignMsgHash(h.input.msgHash, h.input.privateKeyHex) === h.expected.signature, 'signHash');
  if (filter.test('eth.signHash')) await bench('eth.signHash', () => Util.ethSignMsgHash(h.input.msgHash, h.input.privateKeyHex));
}

async function auth() {
  const hmac = require('@bitgo/sdk-hmac');
  const b = benchInputs();
  const now = Date.now();
  for (const v of [2, 3]) {
    const id = `auth.v${v}`;
    const signReq = () => hmac.calculateRequestHeaders({ url: b.path, text: b.requestBody, token: b.token, method: 'post', authVersion: v });
    const subject = hmac.calculateHMACSubject({ urlPath: b.getPath, text: b.responseBody, timestamp: now, statusCode: 200, method: 'get', authVersion: v });
    const respHmac = hmac.calculateHMAC(b.token, subject);
    const verify = () => hmac.verifyResponse({ url: b.getPath, statusCode: 200, text: b.responseBody, timestamp: now, token: b.token, hmac: respHmac, method: 'get', authVersion: v });
    const r = verify();
    check(r.isValid && r.isInResponseValidityWindow, `${id} verify`);
    if (filter.test(`${id}.signRequest`)) await bench(`${id}.signRequest`, signReq);
    if (filter.test(`${id}.verifyResponse`)) await bench(`${id}.verifyResponse`, () => { if (!verify().isValid) throw new Error('invalid'); });
    if (v === 2 && filter.test('auth.v2.bareHmacResponse')) {
      // The floor under any verification: Node's own HMAC-SHA256 (OpenSSL) over the same response subject.
      const crypto = require('crypto');
      check(crypto.createHmac('sha256', b.token).update(subject).digest('hex') === respHmac, 'bare HMAC equals the SDK\'s');
      await bench('auth.v2.bareHmacResponse', () => crypto.createHmac('sha256', b.token).update(subject).digest('hex'));
    }
  }
  const ts = Math.floor(b.timestampMs / 1000);
  const signV4 = () => hmac.calculateV4RequestHeaders({ method: 'POST', pathWithQuery: b.path, rawBody: b.requestBody, rawToken: b.token, authRequestId: b.authRequestId });
  const bodyHashHex = hmac.calculateBodyHash(b.responseBody);
  const v4hmac = hmac.calculateHMAC(b.token, hmac.calculateV4ResponsePreimage({ timestampSec: ts, method: 'GET', pathWithQuery: b.getPath, statusCode: 200, bodyHashHex, authRequestId: b.authRequestId }));
  const verifyV4 = () => hmac.verifyV4Response({ hmac: v4hmac, timestampSec: ts, method: 'GET', pathWithQuery: b.getPath,
    bodyHashHex: hmac.calculateBodyHash(b.responseBody), authRequestId: b.authRequestId, statusCode: 200, rawToken: b.token });
  check(verifyV4().isValid, 'auth.v4 verify');
  if (filter.test('auth.v4.signRequest')) await bench('auth.v4.signRequest', signV4);
  if (filter.test('auth.v4.verifyResponse')) await bench('auth.v4.verifyResponse', () => { if (!verifyV4().isValid) throw new Error('invalid'); });
}

async function ecdsa() {
  const { ecc } = require('@bitgo/secp256k1');
  const sc = vectorCase('utxo-psbt.json', 'scenarios', 'tbtc-p2sh-p2shP2wsh-p2wsh');
  const input = sc.expected.inputs.filter((i) => i.scriptType === 'p2wsh').pop();
  const priv = utxolib.bip32.fromBase58(sc.input.walletXprvs.user).derivePath(`0/0/${input.chain}/${input.index}`).privateKey;
  const digest = Buffer.from(input.sighashDigestHex, 'hex');
  const pub = Buffer.from(input.userDerivedPubkeyHex, 'hex');
  const expected = utxolib.script.signature.decode(Buffer.from(input.userSignatureHex, 'hex')).signature;
  check(Buffer.from(ecc.sign(digest, priv)).equals(expected), 'ECDSA signature');
  check(ecc.verify(digest, pub, expected), 'ECDSA verify');
  if (filter.test('ecdsa.sign')) await bench('ecdsa.sign', () => ecc.sign(digest, priv));
  if (filter.test('ecdsa.verify')) await bench('ecdsa.verify', () => ecc.verify(digest, pub, expected));

  const s = vectorCase('bip340.json', 'sign', 'bip340-sign-3');
  const msg = Buffer.from(s.input.messageHex, 'hex');
  const key = Buffer.from(s.input.secretKeyHex, 'hex');
  const aux = Buffer.from(s.input.auxRandHex, 'hex');
  const xonly = Buffer.from(s.expected.publicKeyHex, 'hex');
  const sig = Buffer.from(s.expected.signatureHex, 'hex');
  check(Buffer.from(ecc.signSchnorr(msg, key, aux)).equals(sig), 'Schnorr sign');
  check(ecc.verifySchnorr(msg, xonly, sig), 'Schnorr verify');
  if (filter.test('schnorr.sign')) await bench('schnorr.sign', () => ecc.signSchnorr(msg, key, aux));
  if (filter.test('schnorr.verify')) await bench('schnorr.verify', () => ecc.verifySchnorr(msg, xonly, sig));
}

async function addresses() {
  const { REPO } = require('./harness');
  const file = JSON.parse(fs.readFileSync(path.join(process.env.BITGO_VECTORS_DIR || path.join(REPO, 'vectors'), 'utxo-addresses.json'), 'utf8'));
  const w = file.wallet;
  const keys = new utxolib.bitgo.RootWalletKeys([w.userXpub, w.backupXpub, w.bitgoXpub].map((x) => utxolib.bip32.fromBase58(x)));
  for (const chain of [0, 10, 20, 30, 40]) {
    const c = vectorCase('utxo-addresses.json', 'addresses', `btc-${chain}-0`);
    const network = utxolib.networks.bitcoin;
    const derive = () => {
      const derived = keys.deriveForChainAndIndex(chain, c.input.index);
      const script = utxolib.bitgo.outputScripts.createOutputScript2of3(derived.publicKeys, utxolib.bitgo.scriptTypeForChain(chain), network);
      return utxolib.address.fromOutputScript(script.scriptPubKey, network);
    };
    check(derive() === c.expected.address, `address btc-${chain}-0`);
    if (filter.test(`address.chain${chain}`)) await bench(`address.chain${chain}`, derive);
  }
}

async function psbt() {
  // Same PSBTs as PsbtBench (benchmarks/src/main/resources/psbt-50-inputs.json); the SDK's own signing entry point,
  // hex in, hex out, as a client calls it. Reported per input (the whole PSBT divided by its input count).
  // psbt.<type>.signOnly: the signer inside it alone (wasm-utxo BitGoPsbt.sign with the xprv, without the SDK's
  // per-input re-parse and signature verification that coin.signTransaction adds), for the table's note.
  const ids = ['p2sh', 'p2wsh', 'p2tr'].filter((t) => filter.test(`psbt.${t}`) || filter.test(`psbt.${t}.signOnly`));
  if (!ids.length) return;
  const { fixedScriptWallet } = require('@bitgo/wasm-utxo');
  const { halfSign, bitgoCoin, OUT } = require('./psbt-inputs');
  const doc = JSON.parse(fs.readFileSync(OUT, 'utf8'));
  const coin = bitgoCoin();
  const w = { xprvs: { user: doc.userXprv }, pubs: doc.pubs };
  const hexOf = (b64) => Buffer.from(b64, 'base64').toString('hex');
  for (const t of ids) {
    const p = doc.psbts[t];
    const unsignedHex = hexOf(p.unsignedPsbtBase64);
    check((await halfSign(coin, w, unsignedHex)) === hexOf(p.halfSignedPsbtBase64), `${t} half-signed PSBT as recorded`);
    if (filter.test(`psbt.${t}`)) await bench(`psbt.${t}`, () => halfSign(coin, w, unsignedHex), { isAsync: true, perOp: p.inputs });
    const signOnly = () => {
      const tx = fixedScriptWallet.BitGoPsbt.fromBytes(Buffer.from(unsignedHex, 'hex'), doc.coin);
      tx.sign(doc.userXprv);
      return Buffer.from(tx.serialize()).toString('hex');
    };
    check(signOnly() === hexOf(p.halfSignedPsbtBase64), `${t} wasm-utxo sign alone gives the same PSBT`);
    if (filter.test(`psbt.${t}.signOnly`)) await bench(`psbt.${t}.signOnly`, signOnly, { perOp: p.inputs });
  }
}

(async () => {
  await auth();
  await ecdsa();
  await addresses();
  await keychain();
  await bip32();
  await eth();
  await psbt();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
