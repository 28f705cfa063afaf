'use strict';
// Extra cases for ed25519.json: xlm/txlm keychains and root key pairs from @bitgo/sdk-coin-xlm, message signatures
// from coin.signMessage and verdicts from coin.verifySignature, SLIP-0010 nodes from sdk-core Ed25519KeyDeriver
// (public keys from tweetnacl).
const nacl = require('tweetnacl');
const { BitGoAPI } = require('@bitgo/sdk-api');
const { Ed25519KeyDeriver } = require('@bitgo/sdk-core');
const { loadProject, compare, detBytes } = require('./lib/common');

const FILE = 'ed25519.json';
const PACKAGES = ['@bitgo/sdk-coin-xlm', '@bitgo/sdk-core', '@bitgo/sdk-api', 'stellar-sdk', 'tweetnacl'];
const hex = (b) => Buffer.from(b).toString('hex');

let BITGO;
function coin(name) {
  if (!BITGO) {
    BITGO = new BitGoAPI({ env: 'test' });
    require('@bitgo/sdk-coin-xlm').register(BITGO);
  }
  return BITGO.coin(name);
}

function keyCase(id, about, coinName, seedHex) {
  const c = coin(coinName);
  const seed = Buffer.from(seedHex, 'hex');
  const k = c.keychains().create({ seed });
  const pair = nacl.sign.keyPair.fromSeed(seed);
  return {
    id, about, input: { coin: coinName, seedHex },
    expected: { pub: k.pub, prv: k.prv, rawPublicKeyHex: hex(pair.publicKey), rawPrivateSeedHex: seedHex, address: k.pub,
      rootKeyPair: c.generateRootKeyPair(seed) },
  };
}

async function signCase(id, about, seedHex, message) {
  const c = coin('xlm');
  const k = c.keychains().create({ seed: Buffer.from(seedHex, 'hex') });
  const sig = Buffer.from(await c.signMessage({ prv: k.prv }, message));
  if (!c.verifySignature(k.pub, message, sig)) throw new Error(`${id}: the SDK does not verify its own signature`);
  return { id, about, input: { prv: k.prv, pub: k.pub, rawPrivateSeedHex: seedHex, message, messageUtf8Hex: Buffer.from(message, 'utf8').toString('hex') },
    expected: { signatureHex: hex(sig) } };
}

function verifyCase(id, about, pub, message, signatureHex) {
  return { id, about, input: { pub, message, signatureHex },
    expected: { valid: coin('xlm').verifySignature(pub, message, Buffer.from(signatureHex, 'hex')) } };
}

function slip10Case(id, about, seedHex, path) {
  const n = Ed25519KeyDeriver.derivePath(path, seedHex);
  return { id, about, input: { seedHex, path },
    expected: { keyHex: hex(n.key), chainCodeHex: hex(n.chainCode), publicKeyHex: hex(nacl.sign.keyPair.fromSeed(n.key).publicKey) } };
}

const seed = (label) => hex(detBytes(`ed25519/${label}`, 32));

async function generate() {
  const keyGeneration = [
    keyCase('x-xlm-ff-seed', 'all-ones seed', 'xlm', 'ff'.repeat(32)),
    keyCase('x-txlm-seed-1', 'txlm: same StrKeys as xlm', 'txlm', seed('k1')),
  ];
  for (let i = 2; i < 8; i++) keyGeneration.push(keyCase(`x-xlm-seed-${i}`, 'fixed 32-byte seed', 'xlm', seed(`k${i}`)));
  const signatures = [
    await signCase('x-sig-long', '1000-character message', seed('k2'), 'a'.repeat(1000)),
    await signCase('x-sig-newlines', 'message with CR LF and NUL', seed('k3'), 'line1\r\nline2\u0000end'),
    await signCase('x-sig-astral', 'astral characters', seed('k4'), '\ud83d\ude80\ud83d\udd11 \u6771\u4eac'),
    await signCase('x-sig-json', 'a JSON message', seed('k5'), '{"walletId":"w1","amount":"100"}'),
    await signCase('x-sig-ff-seed', 'all-ones seed', 'ff'.repeat(32), 'hello BitGo'),
  ];
  const good = signatures[3];
  const flipLast = (h) => h.slice(0, -2) + (h.slice(-2) === '00' ? '01' : '00');
  signatures.push(verifyCase('x-verify-good', 'a correct signature verifies', good.input.pub, good.input.message, good.expected.signatureHex));
  signatures.push(verifyCase('x-verify-flipped-s', 'last byte of S changed', good.input.pub, good.input.message, flipLast(good.expected.signatureHex)));
  signatures.push(verifyCase('x-verify-other-message', 'signature of another message', good.input.pub, good.input.message + ' ', good.expected.signatureHex));
  signatures.push(verifyCase('x-verify-other-key', 'signature checked against another key', signatures[0].input.pub, good.input.message, good.expected.signatureHex));
  // S + L (the group order): the same point equation, a non-canonical encoding of S
  const L = (1n << 252n) + 27742317777372353535851937790883648493n;
  const sig = Buffer.from(good.expected.signatureHex, 'hex');
  const sLe = BigInt('0x' + Buffer.from(sig.subarray(32)).reverse().toString('hex')) + L;
  const sPlusL = Buffer.from(sLe.toString(16).padStart(64, '0'), 'hex').reverse();
  signatures.push(verifyCase('x-verify-s-plus-l', 'S replaced by S + L (non-canonical scalar)', good.input.pub, good.input.message,
    hex(Buffer.concat([sig.subarray(0, 32), sPlusL]))));
  const slip10 = [
    slip10Case('x-slip10-tv1-deep', 'SLIP-0010 test vector 1 seed, five levels', '000102030405060708090a0b0c0d0e0f', "m/0'/1'/2'/2'/1000000000'"),
    slip10Case('x-slip10-tv2', 'SLIP-0010 test vector 2 seed', 'fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542', "m/0'/2147483647'/1'"),
    slip10Case('x-slip10-max', 'largest hardened index', seed('s2'), "m/2147483647'"),
    slip10Case('x-slip10-bip44-xlm', "Stellar's SEP-0005 path m/44'/148'/0'", seed('s3'), "m/44'/148'/0'"),
  ];
  return { file: FILE, packages: PACKAGES, cases: { keyGeneration, signatures, slip10 } };
}

async function selfCheck() {
  const P = loadProject(FILE).cases;
  for (const c of P.keyGeneration) compare(c.id, c.expected, keyCase(c.id, c.about, c.input.coin, c.input.seedHex).expected);
  for (const c of P.signatures) {
    if (c.expected.signatureHex !== undefined) {
      compare(c.id, c.expected, (await signCase(c.id, c.about, c.input.rawPrivateSeedHex, c.input.message)).expected);
    } else {
      compare(c.id, c.expected, verifyCase(c.id, c.about, c.input.pub, c.input.message, c.input.signatureHex).expected);
    }
  }
  for (const c of P.slip10) compare(c.id, c.expected, slip10Case(c.id, c.about, c.input.seedHex, c.input.path).expected);
}

module.exports = { name: 'ed25519', generate, selfCheck };
