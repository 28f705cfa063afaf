'use strict';
// Extra cases for utxo-addresses.json: addresses from coin.deriveAddress of the BitGoJS coin classes (wasm-utxo
// inside), scripts and taproot data from @bitgo/utxo-lib; refusals are the errors deriveAddress throws.
const utxolib = require('@bitgo/utxo-lib');
const { bitgoApi } = require('./gen-utxo-psbt');
const { loadProject } = require('./lib/common');

const FILE = 'utxo-addresses.json';
const PACKAGES = ['@bitgo/utxo-lib', '@bitgo/wasm-utxo', '@bitgo/abstract-utxo', '@bitgo/sdk-coin-btc',
  '@bitgo/sdk-coin-ltc', '@bitgo/sdk-coin-bch', '@bitgo/sdk-api', '@bitgo/sdk-core'];
const NETWORKS = { btc: utxolib.networks.bitcoin, tbtc: utxolib.networks.testnet, ltc: utxolib.networks.litecoin,
  bch: utxolib.networks.bitcoincash };
const SCRIPT_TYPES = { 0: 'p2sh', 1: 'p2sh', 10: 'p2shP2wsh', 11: 'p2shP2wsh', 20: 'p2wsh', 21: 'p2wsh',
  30: 'p2tr', 31: 'p2tr', 40: 'p2trMusig2', 41: 'p2trMusig2' };
const NAMES = ['user', 'backup', 'bitgo'];
const hex = (b) => (b ? Buffer.from(b).toString('hex') : null);

function context() {
  const project = loadProject(FILE);
  const w = project.wallet;
  const xpubs = [w.userXpub, w.backupXpub, w.bitgoXpub];
  return {
    project,
    bitgo: bitgoApi(),
    keychains: xpubs.map((pub) => ({ pub })),
    rootKeys: new utxolib.bitgo.RootWalletKeys(xpubs.map((x) => utxolib.bip32.fromBase58(x))),
  };
}

function leafKeys(script, pubkeys) {
  const xs = pubkeys.map((p) => p.subarray(1));
  const a = script.subarray(1, 33);
  const b = script.subarray(35, 67);
  return [NAMES[xs.findIndex((x) => x.equals(a))], NAMES[xs.findIndex((x) => x.equals(b))]];
}

function taprootView(type, pubkeys) {
  const create = type === 'p2tr' ? utxolib.bitgo.outputScripts.createPaymentP2tr : utxolib.bitgo.outputScripts.createPaymentP2trMusig2;
  const leafCount = type === 'p2tr' ? 3 : 2;
  const first = create(pubkeys, 0);
  const leaves = [];
  for (let ri = 0; ri < leafCount; ri++) {
    const pay = create(pubkeys, ri);
    const script = pay.redeem.output;
    leaves.push({
      keys: leafKeys(script, pubkeys),
      leafScriptHex: hex(script),
      leafVersion: 192,
      leafHashHex: hex(utxolib.taproot.hashTapLeaf(script, 192)),
      controlBlockHex: hex(pay.controlBlock),
    });
  }
  return {
    internalPubkeyHex: hex(first.internalPubkey),
    outputPubkeyHex: hex(first.output.subarray(2)),
    taptreeRootHex: hex(first.taptreeRoot),
    keyPathKeys: ['user', 'bitgo'],
    leaves,
  };
}

async function addressCase(ctx, coinName, chain, index) {
  const coin = ctx.bitgo.coin(coinName);
  const type = SCRIPT_TYPES[chain];
  const pubkeys = ctx.rootKeys.deriveForChainAndIndex(chain, index).publicKeys;
  const scripts = utxolib.bitgo.outputScripts.createOutputScript2of3(pubkeys, type, NETWORKS[coinName]);
  const { address } = await coin.deriveAddress({ keychains: ctx.keychains, chain, index });
  const sdkAddress = utxolib.bitgo.getWalletAddress(ctx.rootKeys, chain, index, NETWORKS[coinName]);
  if (sdkAddress !== address) throw new Error(`${coinName} ${chain}/${index}: wasm-utxo ${address}, utxo-lib ${sdkAddress}`);
  const expected = {
    scriptType: type,
    derivationPath: `0/0/${chain}/${index}`,
    derivedPublicKeysHex: { user: hex(pubkeys[0]), backup: hex(pubkeys[1]), bitgo: hex(pubkeys[2]) },
    scriptPubKeyHex: hex(scripts.scriptPubKey),
    redeemScriptHex: hex(scripts.redeemScript),
    witnessScriptHex: hex(scripts.witnessScript),
    address,
  };
  if (coinName === 'bch') {
    expected.addressCashaddr = (await coin.deriveAddress({ keychains: ctx.keychains, chain, index, format: 'cashaddr' })).address;
  }
  if (type === 'p2tr' || type === 'p2trMusig2') {
    expected.taproot = taprootView(type, pubkeys);
  }
  const role = chain % 2 === 0 ? 'external/receive' : 'internal/change';
  return { id: `${coinName}-${chain}-${index}`, about: `${coinName} chain ${chain} (${type}, ${role}) index ${index}`,
    input: { coin: coinName, chain, index }, expected };
}

async function refusalCase(ctx, coinName, chain, index, about) {
  try {
    await ctx.bitgo.coin(coinName).deriveAddress({ keychains: ctx.keychains, chain, index });
  } catch (e) {
    return { id: `unsupported-${coinName}-${chain}`, about: about || `coin ${coinName} does not support chain ${chain}`,
      input: { coin: coinName, chain, index }, expected: { ok: false, errorName: e.name, errorMessage: e.message } };
  }
  throw new Error(`${coinName} chain ${chain}: expected a refusal`);
}

const COINS = { btc: [0, 1, 10, 11, 20, 21, 30, 31, 40, 41], tbtc: [0, 1, 10, 11, 20, 21, 30, 31, 40, 41],
  ltc: [0, 1, 10, 11, 20, 21], bch: [0, 1] };
const INDEXES = [1, 999, 2147483647];

async function generate() {
  const ctx = context();
  const addresses = [];
  for (const [coinName, chains] of Object.entries(COINS)) {
    for (const chain of chains) {
      for (const index of INDEXES) {
        addresses.push(await addressCase(ctx, coinName, chain, index));
      }
    }
  }
  const unsupported = [];
  for (const chain of [31, 40, 41]) unsupported.push(await refusalCase(ctx, 'ltc', chain, 0));
  for (const chain of [10, 11, 21, 30, 31, 40, 41]) unsupported.push(await refusalCase(ctx, 'bch', chain, 0));
  for (const chain of [2, 12, 42]) unsupported.push(await refusalCase(ctx, 'btc', chain, 0, `chain code ${chain} is not a BitGo chain code`));
  return { file: FILE, packages: PACKAGES, cases: { addresses, unsupported } };
}

async function selfCheck() {
  const ctx = context();
  const { compare } = require('./lib/common');
  for (const c of ctx.project.cases.addresses) {
    const mine = await addressCase(ctx, c.input.coin, c.input.chain, c.input.index);
    compare(c.id, c, mine);
  }
  for (const c of ctx.project.cases.unsupported) {
    const mine = await refusalCase(ctx, c.input.coin, c.input.chain, c.input.index, c.about);
    compare(c.id, c, mine);
  }
}

module.exports = { name: 'utxo-addresses', generate, selfCheck };
