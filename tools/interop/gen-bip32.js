'use strict';
// Extra cases for bip32.json: root keys from seeds, wallet derivations from @bitgo/utxo-lib RootWalletKeys, path
// derivations from utxo-lib's bip32, keychains().create with and without a seed, and coin.deriveKeyWithSeed of the
// btc and eth coins.
const crypto = require('crypto');
const utxolib = require('@bitgo/utxo-lib');
const { BitGoAPI } = require('@bitgo/sdk-api');
const { loadProject, compare, detBytes } = require('./lib/common');

const FILE = 'bip32.json';
const PACKAGES = ['@bitgo/utxo-lib', '@bitgo/sdk-core', '@bitgo/sdk-api', '@bitgo/sdk-coin-btc', '@bitgo/sdk-coin-eth'];
const { bip32 } = utxolib;
const TESTNET = utxolib.networks.testnet;

let BITGO;
function bitgo() {
  if (!BITGO) {
    BITGO = new BitGoAPI({ env: 'test' });
    require('@bitgo/sdk-coin-btc').register(BITGO);
    require('@bitgo/sdk-coin-eth').register(BITGO);
    require('@bitgo/sdk-coin-ltc').register(BITGO);
  }
  return BITGO;
}

const hex = (b) => Buffer.from(b).toString('hex');
const fp = (n) => n.parentFingerprint.toString(16).padStart(8, '0');

function keyFields(node) {
  const out = { xprv: node.toBase58(), xpub: node.neutered().toBase58() };
  if (node.isNeutered()) delete out.xprv;
  else out.privateKeyHex = hex(node.privateKey);
  Object.assign(out, {
    publicKeyHex: hex(node.publicKey), chainCodeHex: hex(node.chainCode), depth: node.depth, index: node.index,
    parentFingerprintHex: fp(node), fingerprintHex: hex(node.fingerprint), identifierHash160Hex: hex(node.identifier),
  });
  return out;
}

function seedToRootCase(id, about, seedHex) {
  const node = bip32.fromSeed(Buffer.from(seedHex, 'hex'));
  const t = bip32.fromSeed(Buffer.from(seedHex, 'hex'), TESTNET);
  const f = keyFields(node);
  const { xprv, xpub, ...rest } = f;
  return { id, about, input: { seedHex },
    expected: { mainnet: { xprv, xpub }, testnet: { tprv: t.toBase58(), tpub: t.neutered().toBase58() }, ...rest } };
}

function walletCase(id, about, rootXprvs, chain, index) {
  const nodes = rootXprvs.map((x) => bip32.fromBase58(x));
  const keys = new utxolib.bitgo.RootWalletKeys(nodes);
  const derived = keys.deriveForChainAndIndex(chain, index);
  const expected = {};
  ['user', 'backup', 'bitgo'].forEach((role, r) => {
    expected[role] = { path: keys.getDerivationPath(keys.triple[r], chain, index), ...keyFields(derived.triple[r]) };
  });
  return { id, about, input: { rootXprvs, rootXpubs: nodes.map((n) => n.neutered().toBase58()), chain, index }, expected };
}

function pathCase(id, about, rootXprv, path) {
  const root = bip32.fromBase58(rootXprv);
  const expected = keyFields(root.derivePath(path));
  try {
    expected.derivePathFromXpub = { ok: true, xpub: root.neutered().derivePath(path).toBase58() };
  } catch (e) {
    expected.derivePathFromXpub = { ok: false, errorMessage: e.message };
  }
  return { id, about, input: { rootXprv, path }, expected };
}

async function keychainCreateCase(id, about, coin, seedHex) {
  const real = crypto.randomBytes;
  const calls = [];
  crypto.randomBytes = (n, ...rest) => {
    const b = detBytes(`bip32/random/${id}/${calls.length}`, n);
    calls.push({ size: n, bytesHex: hex(b) });
    if (rest.length && typeof rest[0] === 'function') return rest[0](null, b);
    return b;
  };
  let k;
  try {
    k = bitgo().coin(coin).keychains().create(seedHex === null ? {} : { seed: Buffer.from(seedHex, 'hex') });
  } finally {
    crypto.randomBytes = real;
  }
  const input = { coin };
  if (seedHex !== null) input.seedHex = seedHex;
  return { id, about, input, expected: { pub: k.pub, prv: k.prv }, randomBytesCalls: calls };
}

function deriveWithSeedCase(id, about, coin, key, seed) {
  const r = bitgo().coin(coin).deriveKeyWithSeed({ key, seed });
  const dbl = crypto.createHash('sha256').update(crypto.createHash('sha256').update(seed, 'utf8').digest()).digest('hex');
  return { id, about, input: { coin, key, seed }, expected: { derivationPath: r.derivationPath, key: r.key, doubleSha256OfSeedHex: dbl } };
}

const seed = (label, n) => hex(detBytes(`bip32/seed/${label}`, n));

async function generate() {
  const project = loadProject(FILE);
  const roots = project.cases.walletDerivation[0].input.rootXprvs;
  const USER = roots[0];
  const seedToRoot = [16, 20, 24, 33, 48, 63, 64].map((n) => seedToRootCase(`x-seed-${n}`, `${n}-byte seed`, seed(`s${n}`, n)));
  seedToRoot.push(seedToRootCase('x-seed-zeros-16', '16 zero bytes', '00'.repeat(16)));
  seedToRoot.push(seedToRootCase('x-seed-ff-64', '64 bytes of ff', 'ff'.repeat(64)));
  const otherRoots = ['a', 'b', 'c'].map((l) => bip32.fromSeed(detBytes(`bip32/wallet/${l}`, 64)).toBase58());
  const walletDerivation = [
    walletCase('x-wallet-10-3', 'chain 10 (p2shP2wsh external), index 3', roots, 10, 3),
    walletCase('x-wallet-11-1000', 'chain 11, index 1000', roots, 11, 1000),
    walletCase('x-wallet-21-65535', 'chain 21, index 65535', roots, 21, 65535),
    walletCase('x-wallet-30-0', 'chain 30 (taproot external)', roots, 30, 0),
    walletCase('x-wallet-40-5', 'chain 40 (musig2 external)', roots, 40, 5),
    walletCase('x-wallet-41-2147483646', 'chain 41, index 2^31-2', roots, 41, 2147483646),
    walletCase('x-wallet-other-0-0', 'other root keys, chain 0 index 0', otherRoots, 0, 0),
    walletCase('x-wallet-other-1-123456', 'other root keys, chain 1 index 123456', otherRoots, 1, 123456),
  ];
  const pathDerivation = [
    pathCase('x-path-single', 'one non-hardened step', USER, 'm/0'),
    pathCase('x-path-no-m', 'path without m/', USER, '0/1/2'),
    pathCase('x-path-hardened-first', 'one hardened step', USER, "m/0'"),
    pathCase('x-path-max-normal', 'largest non-hardened index', USER, 'm/2147483647'),
    pathCase('x-path-max-hardened', 'largest hardened index', USER, "m/2147483647'"),
    pathCase('x-path-bip84', 'BIP84-style path', USER, "m/84'/0'/0'/1/5"),
    pathCase('x-path-mixed', 'hardened after non-hardened', USER, "m/1/2'/3"),
    pathCase('x-path-deep', 'ten levels', USER, 'm/1/2/3/4/5/6/7/8/9/10'),
    pathCase('x-path-cold', 'a deriveKeyWithSeed-style path', USER, 'm/999999/243287135/79316696'),
    pathCase('x-path-other-root', 'another root key', otherRoots[1], 'm/0/0/1/42'),
  ];
  const SEED64 = project.cases.keychainCreate[0].input.seedHex;
  const keychainCreate = [
    await keychainCreateCase('x-create-ltc-seed', "bitgo.coin('ltc').keychains().create({ seed })", 'ltc', SEED64),
    await keychainCreateCase('x-create-btc-seed-32', 'a 32-byte seed', 'btc', seed('c32', 32)),
    await keychainCreateCase('x-create-btc-seed-16', 'a 16-byte seed', 'btc', seed('c16', 16)),
    await keychainCreateCase('x-create-btc-random', 'no seed: the SDK draws one with crypto.randomBytes', 'btc', null),
    await keychainCreateCase('x-create-tbtc-random', 'tbtc without a seed: still mainnet version bytes', 'tbtc', null),
    await keychainCreateCase('x-create-eth-random', 'eth without a seed', 'eth', null),
  ];
  const pubOf = (x) => bip32.fromBase58(x).neutered().toBase58();
  const deriveKeyWithSeed = [
    deriveWithSeedCase('x-dkws-btc-xprv', 'from an xprv: the result is an xprv', 'btc', USER, 'customer-a'),
    deriveWithSeedCase('x-dkws-btc-empty-seed', 'the empty seed string', 'btc', pubOf(USER), ''),
    deriveWithSeedCase('x-dkws-btc-unicode', 'seed with astral characters', 'btc', pubOf(USER), 'k\u00fc\u00df \ud83d\udd11 \u6771\u4eac'),
    deriveWithSeedCase('x-dkws-btc-long', '500-character seed', 'btc', pubOf(roots[1]), 'x'.repeat(500)),
    deriveWithSeedCase('x-dkws-tbtc', 'tbtc key (mainnet version bytes kept)', 'tbtc', pubOf(roots[2]), 'cold-1'),
    deriveWithSeedCase('x-dkws-eth-xprv', 'eth from an xprv', 'eth', roots[1], 'enterprise 7'),
    deriveWithSeedCase('x-dkws-eth-uuid', 'eth with a UUID seed', 'eth', pubOf(otherRoots[0]), '0b1c2d3e-4f50-4a6b-8c7d-000000000007'),
    deriveWithSeedCase('x-dkws-ltc', 'ltc', 'ltc', pubOf(otherRoots[2]), 'wallet-5'),
  ];
  return { file: FILE, packages: PACKAGES, cases: { seedToRoot, walletDerivation, pathDerivation, keychainCreate, deriveKeyWithSeed } };
}

async function selfCheck() {
  const P = loadProject(FILE).cases;
  for (const c of P.seedToRoot) compare(c.id, c.expected, seedToRootCase(c.id, c.about, c.input.seedHex).expected);
  for (const c of P.walletDerivation) compare(c.id, c.expected, walletCase(c.id, c.about, c.input.rootXprvs, c.input.chain, c.input.index).expected);
  for (const c of P.pathDerivation) compare(c.id, c.expected, pathCase(c.id, c.about, c.input.rootXprv, c.input.path).expected);
  for (const c of P.keychainCreate) {
    const mine = await keychainCreateCase(c.id, c.about, c.input.coin, c.input.seedHex === undefined ? null : c.input.seedHex);
    compare(c.id, c.expected, mine.expected);
    compare(`${c.id}.randomBytesCalls`, c.randomBytesCalls, mine.randomBytesCalls);
  }
  for (const c of P.deriveKeyWithSeed) compare(c.id, c.expected, deriveWithSeedCase(c.id, c.about, c.input.coin, c.input.key, c.input.seed).expected);
}

module.exports = { name: 'bip32', generate, selfCheck };
