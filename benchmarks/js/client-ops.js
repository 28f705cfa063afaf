'use strict';
// BitGoJS side of the client-side operations in benchmarks/ (same vector cases as the JMH classes' set-up).
// Usage: node client-ops.js [filter-regex]   (run from a directory whose node_modules holds the pinned packages)
const { vectorCase, check, bench } = require('./harness');

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
  const v1Opts = { warmupMs: 2000, measureMs: 4000 };
  const v2Opts = { isAsync: true, warmupMs: 2000, measureMs: 6000 };
  if (filter.test('keychain.v1Encrypt')) await bench('keychain.v1Encrypt', () => sdkApi.encrypt(enc.password, enc.plaintext), v1Opts);
  if (filter.test('keychain.v1Decrypt')) await bench('keychain.v1Decrypt', () => sdkApi.decrypt(dec.input.password, dec.input.envelopeJson), v1Opts);
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

(async () => {
  await keychain();
  await bip32();
  await eth();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
