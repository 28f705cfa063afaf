'use strict';
// Extra scenarios for utxo-psbt.json: unsigned PSBTs built with the @bitgo/utxo-lib wallet helpers, signed with
// coin.signTransaction of the BitGoJS coin classes (@bitgo/abstract-utxo, wasm-utxo inside), explained with
// coin.explainTransaction. Digests are recomputed with utxo-lib and every signature is checked against them.
const utxolib = require('@bitgo/utxo-lib');
const { ecc } = require('@bitgo/secp256k1');
const { BitGoAPI } = require('@bitgo/sdk-api');
const { Btc, Tbtc } = require('@bitgo/sdk-coin-btc');
const { Bch } = require('@bitgo/sdk-coin-bch');
const { Ltc } = require('@bitgo/sdk-coin-ltc');
const { loadProject, sha256, detBytes, compare } = require('./lib/common');

const FILE = 'utxo-psbt.json';
const PACKAGES = ['@bitgo/utxo-lib', '@bitgo/wasm-utxo', '@bitgo/abstract-utxo', '@bitgo/sdk-coin-btc',
  '@bitgo/sdk-coin-bch', '@bitgo/sdk-coin-ltc', '@bitgo/sdk-api', '@bitgo/secp256k1'];

const NETWORKS = {
  btc: utxolib.networks.bitcoin,
  tbtc: utxolib.networks.testnet,
  bch: utxolib.networks.bitcoincash,
  ltc: utxolib.networks.litecoin,
};

const SCRIPT_TYPES = { 0: 'p2sh', 1: 'p2sh', 10: 'p2shP2wsh', 11: 'p2shP2wsh', 20: 'p2wsh', 21: 'p2wsh',
  30: 'p2tr', 31: 'p2tr', 40: 'p2trMusig2', 41: 'p2trMusig2' };

const hex = (b) => Buffer.from(b).toString('hex');

function bitgoApi() {
  const bitgo = new BitGoAPI({ env: 'test' });
  bitgo.register('btc', Btc.createInstance);
  bitgo.register('tbtc', Tbtc.createInstance);
  bitgo.register('bch', Bch.createInstance);
  bitgo.register('ltc', Ltc.createInstance);
  return bitgo;
}

function varint(n) {
  if (n < 0xfd) return Buffer.from([n]);
  const b = Buffer.alloc(3);
  b[0] = 0xfd;
  b.writeUInt16LE(n, 1);
  return b;
}

/** A version-2 funding transaction with one dummy input (OP_TRUE scriptSig) paying the given outputs. */
function fundingTx(label, outputs) {
  const parts = [Buffer.from('02000000', 'hex'), varint(1), sha256(Buffer.from(label, 'utf8')),
    Buffer.from('00000000', 'hex'), Buffer.from('0151ffffffff', 'hex'), varint(outputs.length)];
  for (const o of outputs) {
    const v = Buffer.alloc(8);
    v.writeBigUInt64LE(o.value);
    parts.push(v, varint(o.script.length), o.script);
  }
  parts.push(Buffer.alloc(4));
  return Buffer.concat(parts);
}

function txidOf(raw) {
  return hex(Buffer.from(sha256(sha256(raw))).reverse());
}

function externalOutput(coin, label, kind) {
  const network = NETWORKS[coin];
  const key = utxolib.ECPair.fromPrivateKey(detBytes(label, 32), { network });
  const payment = kind === 'p2pkh'
    ? utxolib.payments.p2pkh({ pubkey: key.publicKey, network })
    : utxolib.payments.p2wpkh({ pubkey: key.publicKey, network });
  let address = payment.address;
  if (coin === 'bch') {
    address = utxolib.addressFormat.fromOutputScriptWithFormat(payment.output, 'default', network);
  }
  return { address, script: payment.output };
}

// bip174 field names in PSBT key-type order
const INPUT_FIELD_ORDER = ['nonWitnessUtxo', 'witnessUtxo', 'partialSig', 'sighashType', 'redeemScript', 'witnessScript',
  'bip32Derivation', 'finalScriptSig', 'finalScriptWitness', 'porCommitment', 'tapKeySig', 'tapScriptSig', 'tapLeafScript',
  'tapBip32Derivation', 'tapInternalKey', 'tapMerkleRoot', 'unknownKeyVals'];
const OUTPUT_FIELD_ORDER = ['redeemScript', 'witnessScript', 'bip32Derivation', 'tapInternalKey', 'tapTree',
  'tapBip32Derivation', 'unknownKeyVals'];

function fieldList(map, order) {
  const present = Object.keys(map).filter((k) => map[k] !== undefined && !(Array.isArray(map[k]) && map[k].length === 0));
  for (const k of present) {
    if (!order.includes(k)) throw new Error(`unexpected PSBT field ${k}`);
  }
  return order.filter((k) => present.includes(k));
}

function decodeInput(inp) {
  const out = { fields: fieldList(inp, INPUT_FIELD_ORDER) };
  if (inp.nonWitnessUtxo) out.nonWitnessUtxoHex = hex(inp.nonWitnessUtxo);
  if (inp.witnessUtxo) out.witnessUtxo = { scriptPubKeyHex: hex(inp.witnessUtxo.script), value: inp.witnessUtxo.value.toString() };
  if (inp.sighashType !== undefined) out.sighashType = inp.sighashType;
  if (inp.redeemScript) out.redeemScriptHex = hex(inp.redeemScript);
  if (inp.witnessScript) out.witnessScriptHex = hex(inp.witnessScript);
  if (inp.bip32Derivation) out.bip32Derivation = inp.bip32Derivation.map(bip32Record);
  if (inp.tapLeafScript) {
    out.tapLeafScript = inp.tapLeafScript.map((l) => ({ leafVersion: l.leafVersion, scriptHex: hex(l.script), controlBlockHex: hex(l.controlBlock) }));
  }
  if (inp.tapBip32Derivation) out.tapBip32Derivation = inp.tapBip32Derivation.map(tapBip32Record);
  if (inp.tapInternalKey) out.tapInternalKeyHex = hex(inp.tapInternalKey);
  if (inp.tapMerkleRoot) out.tapMerkleRootHex = hex(inp.tapMerkleRoot);
  return out;
}

function decodeOutput(o) {
  const out = { fields: fieldList(o, OUTPUT_FIELD_ORDER) };
  if (o.redeemScript) out.redeemScriptHex = hex(o.redeemScript);
  if (o.witnessScript) out.witnessScriptHex = hex(o.witnessScript);
  if (o.bip32Derivation) out.bip32Derivation = o.bip32Derivation.map(bip32Record);
  if (o.tapInternalKey) out.tapInternalKeyHex = hex(o.tapInternalKey);
  if (o.tapTree) out.tapTree = o.tapTree.leaves.map((l) => ({ depth: l.depth, leafVersion: l.leafVersion, scriptHex: hex(l.script) }));
  if (o.tapBip32Derivation) out.tapBip32Derivation = o.tapBip32Derivation.map(tapBip32Record);
  return out;
}

function stripM(path) {
  return path.startsWith('m/') ? path.slice(2) : path;
}

function bip32Record(d) {
  return { pubkeyHex: hex(d.pubkey), masterFingerprintHex: hex(d.masterFingerprint), path: stripM(d.path) };
}

function tapBip32Record(d) {
  return { pubkeyHex: hex(d.pubkey), masterFingerprintHex: hex(d.masterFingerprint), path: stripM(d.path),
    leafHashesHex: d.leafHashes.map(hex) };
}

async function sign(coin, txHex, prv, pubs, extra = {}) {
  const r = await coin.signTransaction({ txPrebuild: { txHex }, prv, pubs, isLastSignature: false, ...extra });
  return r.txHex;
}

async function scenario(bitgo, wallet, spec) {
  const coinName = spec.coin;
  const network = NETWORKS[coinName];
  const coin = bitgo.coin(coinName);
  const nodes = {
    user: utxolib.bip32.fromBase58(wallet.walletXprvs.user),
    backup: utxolib.bip32.fromBase58(wallet.walletXprvs.backup),
    bitgo: utxolib.bip32.fromBase58(wallet.walletXprvs.bitgo),
  };
  const rootKeys = new utxolib.bitgo.RootWalletKeys([nodes.user, nodes.backup, nodes.bitgo]);
  const pubs = [wallet.walletXpubs.user, wallet.walletXpubs.backup, wallet.walletXpubs.bitgo];

  const walletOut = (chain, index) => utxolib.bitgo.outputScripts.createOutputScript2of3(
    rootKeys.deriveForChainAndIndex(chain, index).publicKeys, SCRIPT_TYPES[chain]).scriptPubKey;
  const funding = spec.fundingTxHex ? Buffer.from(spec.fundingTxHex, 'hex') : fundingTx(`bitgo-java interop funding ${spec.id}`,
    spec.unspents.map((u) => ({ script: walletOut(u.chain, u.index), value: BigInt(u.value) })));
  const fundingTxid = txidOf(funding);
  const unspents = spec.unspents.map((u, vout) => ({
    id: `${fundingTxid}:${vout}`,
    chain: u.chain,
    index: u.index,
    value: u.value,
    address: utxolib.bitgo.getWalletAddress(rootKeys, u.chain, u.index, network),
  }));

  const psbt = utxolib.bitgo.createPsbtForNetwork({ network });
  unspents.forEach((u) => {
    const wu = { id: u.id, address: u.address, value: BigInt(u.value), chain: u.chain, index: u.index };
    if (SCRIPT_TYPES[u.chain] === 'p2sh') wu.prevTx = funding;
    utxolib.bitgo.addWalletUnspentToPsbt(psbt, wu, rootKeys, spec.signer, spec.cosigner);
  });
  const ext = (e, label) => {
    if (!e) return null;
    if (e.scriptPubKeyHex) return { address: e.address, script: Buffer.from(e.scriptPubKeyHex, 'hex'), value: e.value };
    return { ...externalOutput(coinName, `${spec.id}/${label}`, e.kind), value: e.value };
  };
  const ext1 = ext(spec.external, 'external1');
  const ext2 = ext(spec.external2, 'external2');
  const change = spec.change ? { ...spec.change, address: utxolib.bitgo.getWalletAddress(rootKeys, spec.change.chain, spec.change.index, network) } : null;
  for (const name of spec.outputOrder) {
    if (name === 'changeOutput') {
      utxolib.bitgo.addWalletOutputToPsbt(psbt, rootKeys, change.chain, change.index, BigInt(change.value));
    } else {
      const o = name === 'externalOutput' ? ext1 : ext2;
      psbt.addOutput({ script: o.script, value: BigInt(o.value) });
    }
  }
  const unsignedHex = psbt.toHex();
  const unsignedTx = psbt.getUnsignedTx();
  // the decoded view follows the serialized bytes (derivation records sorted by key), not utxo-lib's memory order
  const reparsed = utxolib.bitgo.createPsbtFromHex(unsignedHex, network);

  const signerPrv = wallet.walletXprvs[spec.signer];
  const cosignerPrv = wallet.walletXprvs[spec.cosigner];
  const halfHex = await sign(coin, unsignedHex, signerPrv, pubs);
  const bothHex = await sign(coin, halfHex, cosignerPrv, pubs);
  const fullHex = await sign(coin, halfHex, cosignerPrv, pubs, { isLastSignature: true });
  const taproot = spec.unspents.some((u) => u.chain >= 30);
  const legacyHex = taproot ? null : await sign(coin, unsignedHex, signerPrv, pubs, { returnLegacyFormat: true });

  const half = utxolib.bitgo.createPsbtFromHex(halfHex, network);
  const both = utxolib.bitgo.createPsbtFromHex(bothHex, network);
  const full = utxolib.bitgo.createTransactionFromHex(fullHex, network, { amountType: 'bigint' });

  const prevScripts = psbt.data.inputs.map((inp, i) => inp.witnessUtxo ? inp.witnessUtxo.script
    : utxolib.bitgo.createTransactionFromBuffer(inp.nonWitnessUtxo, network, { amountType: 'bigint' }).outs[unsignedTx.ins[i].index].script);
  const values = unspents.map((u) => BigInt(u.value));

  const inputs = unspents.map((u, i) => {
    const inp = psbt.data.inputs[i];
    const derived = rootKeys.deriveForChainAndIndex(u.chain, u.index);
    const userPub = derived.publicKeys[0];
    const cosignerPub = derived.publicKeys[['user', 'backup', 'bitgo'].indexOf(spec.cosigner)];
    const signerPub = derived.publicKeys[['user', 'backup', 'bitgo'].indexOf(spec.signer)];
    const view = {
      unspentId: u.id, chain: u.chain, index: u.index, scriptType: SCRIPT_TYPES[u.chain], value: u.value, address: u.address,
      userDerivedPubkeyHex: hex(userPub), cosignerDerivedPubkeyHex: hex(cosignerPub), sighashType: inp.sighashType,
    };
    if (u.chain >= 30) {
      const leaf = inp.tapLeafScript[0];
      const leafHash = utxolib.taproot.hashTapLeaf(leaf.script, leaf.leafVersion);
      const digest = unsignedTx.hashForWitnessV1(i, prevScripts, values, inp.sighashType || 0, leafHash);
      const sigOf = (p, pub) => {
        const s = p.data.inputs[i].tapScriptSig.find((t) => t.pubkey.equals(pub.subarray(1)));
        return s.signature;
      };
      const userSig = sigOf(half, signerPub);
      const cosSig = sigOf(both, cosignerPub);
      if (!ecc.verifySchnorr(digest, signerPub.subarray(1), userSig) || !ecc.verifySchnorr(digest, cosignerPub.subarray(1), cosSig)) {
        throw new Error(`${spec.id} input ${i}: schnorr signature does not verify against the recomputed digest`);
      }
      Object.assign(view, { signatureScheme: 'schnorr-bip340', tapLeafHashHex: hex(leafHash), sighashDigestHex: hex(digest),
        userSignatureHex: hex(userSig), cosignerSignatureHex: hex(cosSig) });
    } else {
      const scriptCode = inp.witnessScript || inp.redeemScript;
      const digest = inp.witnessScript
        ? unsignedTx.hashForWitnessV0(i, scriptCode, values[i], inp.sighashType)
        : unsignedTx.hashForSignatureByNetwork(i, scriptCode, values[i], inp.sighashType);
      const sigOf = (p, pub) => p.data.inputs[i].partialSig.find((t) => t.pubkey.equals(pub)).signature;
      const userSig = sigOf(half, signerPub);
      const cosSig = sigOf(both, cosignerPub);
      for (const [sig, pub] of [[userSig, signerPub], [cosSig, cosignerPub]]) {
        const { signature } = utxolib.script.signature.decode(sig);
        if (!ecc.verify(digest, pub, signature)) {
          throw new Error(`${spec.id} input ${i}: ecdsa signature does not verify against the recomputed digest`);
        }
      }
      Object.assign(view, { signatureScheme: 'ecdsa-der-rfc6979', sighashDigestHex: hex(digest),
        userSignatureHex: hex(userSig), cosignerSignatureHex: hex(cosSig) });
    }
    return view;
  });

  const explainUnsigned = await coin.explainTransaction({ txHex: unsignedHex, pubs });
  const explainHalf = await coin.explainTransaction({ txHex: halfHex, pubs });
  const verifierView = {
    explainUnsigned: explainView(explainUnsigned),
    explainHalfSignedInputs: explainView(explainHalf).inputs,
  };

  const outputView = (o) => (o ? { address: o.address, scriptPubKeyHex: hex(o.script), value: o.value } : null);
  return {
    id: spec.id,
    about: spec.about,
    input: {
      coin: coinName,
      walletXprvs: wallet.walletXprvs,
      walletXpubs: wallet.walletXpubs,
      fundingTxHex: hex(funding),
      fundingTxid,
      unspents,
      externalOutput: outputView(ext1),
      externalOutput2: outputView(ext2),
      changeOutput: change ? { chain: change.chain, index: change.index, value: change.value, address: change.address } : null,
      outputOrder: spec.outputOrder,
      signer: spec.signer,
      cosigner: spec.cosigner,
    },
    expected: {
      unsignedPsbtHex: unsignedHex,
      unsignedPsbtBase64: psbt.toBase64(),
      unsignedTxHex: unsignedTx.toHex(),
      unsignedTxid: unsignedTx.getId(),
      unsignedPsbtDecoded: {
        unsignedTx: {
          version: unsignedTx.version,
          locktime: unsignedTx.locktime,
          inputs: unsignedTx.ins.map((x) => ({ prevTxid: hex(Buffer.from(x.hash).reverse()), vout: x.index, sequence: x.sequence })),
          outputs: unsignedTx.outs.map((x) => ({ scriptPubKeyHex: hex(x.script), value: x.value.toString() })),
        },
        inputs: reparsed.data.inputs.map(decodeInput),
        outputs: reparsed.data.outputs.map(decodeOutput),
      },
      halfSignedPsbtHex: halfHex,
      halfSignedLegacyTxHex: legacyHex,
      bothSignaturesPsbtHex: bothHex,
      fullySignedTxHex: fullHex,
      txid: full.getId(),
      wtxid: hex(Buffer.from(full.getHash(true)).reverse()),
      virtualSize: full.virtualSize(),
      inputs,
      verifierView,
    },
  };
}

function explainView(x) {
  return {
    inputAmount: String(x.inputAmount),
    outputAmount: String(x.outputAmount),
    changeAmount: String(x.changeAmount),
    fee: String(x.fee),
    outputs: x.outputs.map((o) => ({ address: o.address, amount: String(o.amount), external: o.external })),
    changeOutputs: x.changeOutputs.map((o) => ({ address: o.address, amount: String(o.amount), chain: o.chain, index: o.index, external: o.external })),
    inputs: x.inputs.map((i) => ({ address: i.address, value: String(i.value), signedBy: i.signedBy })),
  };
}

const SPECS = [
  {
    id: 'btc-p2wsh-p2tr-p2trMusig2change',
    about: 'btc: spend one p2wsh and one legacy p2tr (script path, user+bitgo leaf) wallet unspent to one external p2wpkh output plus one p2trMusig2 change output (chain 41). ECDSA SIGHASH_ALL and BIP340 Schnorr SIGHASH_DEFAULT.',
    coin: 'btc',
    unspents: [{ chain: 20, index: 2, value: '250000' }, { chain: 30, index: 5, value: '150000' }],
    external: { kind: 'p2wpkh', value: '300000' },
    change: { chain: 41, index: 6, value: '97500' },
    outputOrder: ['externalOutput', 'changeOutput'],
    signer: 'user',
    cosigner: 'bitgo',
  },
  {
    id: 'btc-p2tr-change31',
    about: 'btc: spend two legacy p2tr wallet unspents (chains 30 and 31, script path user+bitgo) to one external p2wpkh output plus one legacy p2tr change output (chain 31).',
    coin: 'btc',
    unspents: [{ chain: 30, index: 0, value: '120000' }, { chain: 31, index: 4, value: '80000' }],
    external: { kind: 'p2wpkh', value: '110000' },
    change: { chain: 31, index: 8, value: '88000' },
    outputOrder: ['changeOutput', 'externalOutput'],
    signer: 'user',
    cosigner: 'bitgo',
  },
  {
    id: 'bch-p2sh-forkid',
    about: 'bch: spend two p2sh wallet unspents (chains 0 and 1) to one external p2pkh output plus one p2sh change output (chain 1). ECDSA with SIGHASH_ALL|SIGHASH_FORKID over the BIP143-style digest.',
    coin: 'bch',
    unspents: [{ chain: 0, index: 3, value: '500000' }, { chain: 1, index: 2, value: '250000' }],
    external: { kind: 'p2pkh', value: '600000' },
    change: { chain: 1, index: 5, value: '148000' },
    outputOrder: ['externalOutput', 'changeOutput'],
    signer: 'user',
    cosigner: 'bitgo',
  },
  {
    id: 'ltc-p2sh-p2shP2wsh-p2wsh',
    about: 'ltc: spend one p2sh, one p2shP2wsh and one p2wsh wallet unspent to one external p2wpkh output plus one p2shP2wsh change output (chain 11). ECDSA, SIGHASH_ALL.',
    coin: 'ltc',
    unspents: [{ chain: 0, index: 1, value: '1000000' }, { chain: 10, index: 4, value: '2000000' }, { chain: 20, index: 9, value: '3000000' }],
    external: { kind: 'p2wpkh', value: '4500000' },
    change: { chain: 11, index: 2, value: '1490000' },
    outputOrder: ['externalOutput', 'changeOutput'],
    signer: 'user',
    cosigner: 'bitgo',
  },
  {
    id: 'tbtc-recovery-user-backup',
    about: 'tbtc recovery-style spend signed by user and backup: one p2sh, one p2wsh, one legacy p2tr (user+backup leaf, depth 2) and one p2trMusig2 (user+backup script path) wallet unspent to a single external p2wpkh output, no change.',
    coin: 'tbtc',
    unspents: [{ chain: 0, index: 11, value: '40000' }, { chain: 20, index: 12, value: '50000' }, { chain: 30, index: 13, value: '60000' }, { chain: 40, index: 14, value: '70000' }],
    external: { kind: 'p2wpkh', value: '216000' },
    change: null,
    outputOrder: ['externalOutput'],
    signer: 'user',
    cosigner: 'backup',
  },
  {
    id: 'tbtc-p2wsh-2external-p2wsh-change',
    about: 'tbtc: two p2wsh unspents (chains 20 and 21) to two external outputs (p2pkh and p2wpkh) with the change output (chain 20) first.',
    coin: 'tbtc',
    unspents: [{ chain: 21, index: 0, value: '90000' }, { chain: 20, index: 15, value: '10000' }],
    external: { kind: 'p2pkh', value: '30000' },
    external2: { kind: 'p2wpkh', value: '45000' },
    change: { chain: 20, index: 16, value: '23500' },
    outputOrder: ['changeOutput', 'externalOutput', 'externalOutput2'],
    signer: 'user',
    cosigner: 'bitgo',
  },
];

async function generate() {
  const project = loadProject(FILE);
  const wallet = project.cases.scenarios[0].input;
  const bitgo = bitgoApi();
  const out = [];
  for (const spec of SPECS) {
    out.push(await scenario(bitgo, wallet, spec));
  }
  return { file: FILE, packages: PACKAGES, cases: { scenarios: out } };
}

/**
 * Rebuilds the project's own scenarios from their inputs and compares every expected field, so a change in the
 * generator's output format is caught before extra cases are written.
 */
async function selfCheck() {
  const project = loadProject(FILE);
  const bitgo = bitgoApi();
  for (const c of project.cases.scenarios) {
    const i = c.input;
    const spec = {
      id: c.id, about: c.about, coin: i.coin, fundingTxHex: i.fundingTxHex,
      unspents: i.unspents.map((u) => ({ chain: u.chain, index: u.index, value: u.value })),
      external: i.externalOutput, external2: i.externalOutput2,
      change: i.changeOutput ? { chain: i.changeOutput.chain, index: i.changeOutput.index, value: i.changeOutput.value } : null,
      outputOrder: i.outputOrder, signer: i.signer, cosigner: i.cosigner,
    };
    const mine = await scenario(bitgo, i, spec);
    compare(`${c.id}.input`, c.input, mine.input);
    compare(`${c.id}.expected`, c.expected, mine.expected);
  }
}

module.exports = { name: 'utxo-psbt', generate, selfCheck, bitgoApi };
