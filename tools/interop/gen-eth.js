'use strict';
// Extra cases for eth.json: sendMultiSig halves from coin.signTransaction of @bitgo/sdk-coin-eth (tokens through
// the registered ERC20 coins), account-lib TransferBuilder operations and calldata, complete transactions from the
// account-lib TransactionBuilder (prebuild, user half-signed, outer signature), single-key sends, hash signatures
// from sdk-core Util and addresses from xpubs.
const { BitGoAPI } = require('@bitgo/sdk-api');
const ethSdk = require('@bitgo/sdk-coin-eth');
const abstractEth = require('@bitgo/abstract-eth');
const { Util, TransactionType } = require('@bitgo/sdk-core');
const { coins } = require('@bitgo/statics');
const utxolib = require('@bitgo/utxo-lib');
const ethUtil = require('ethereumjs-util');
const ethAbi = require('ethereumjs-abi');
const { loadProject, compare, detBytes } = require('./lib/common');

const FILE = 'eth.json';
const PACKAGES = ['@bitgo/sdk-coin-eth', '@bitgo/abstract-eth', '@bitgo/sdk-core', '@bitgo/statics', '@bitgo/utxo-lib',
  'ethereumjs-util', 'ethereumjs-abi'];
// The test wallet's user key, as the project's vector file publishes it (no key material lives in this script).
const USER_XPRV = loadProject(FILE).wallet.user.xprv;
const OUTER_KEY = '949b6114cd704521eac1cad994b34e9178d01bcad12f0a07223cbbee7e3b5855';
const WALLET = '0x8b9377c042c5d4b54d1d36f21bd042cb4b3ca078';

let BITGO;
function bitgo() {
  if (!BITGO) {
    BITGO = new BitGoAPI({ env: 'test' });
    ethSdk.register(BITGO);
  }
  return BITGO;
}

const hex = (b) => Buffer.from(b).toString('hex');
const addr = (label) => '0x' + hex(detBytes(`eth/addr/${label}`, 20));
const xprvFromLabel = (label) => utxolib.bip32.fromSeed(detBytes(`eth/seed/${label}`, 32)).toBase58();
const privOf = (xprv) => hex(utxolib.bip32.fromBase58(xprv).privateKey);

async function sendMultiSigCase(id, about, { coin, recipientAddress, amount, data = null, expireTime, sequenceId, userXprv = USER_XPRV }) {
  const c = bitgo().coin(coin);
  const recipient = { address: recipientAddress, amount };
  if (data !== null) recipient.data = data;
  const { halfSigned } = await c.signTransaction({ txPrebuild: { recipients: [recipient], nextContractSequenceId: sequenceId }, prv: userXprv, expireTime });
  const op = c.getOperation({ ...recipient }, expireTime, sequenceId);
  const sig = Buffer.from(halfSigned.signature.slice(2), 'hex');
  const tokenContractAddress = c.tokenContractAddress || null;
  return {
    id, about,
    input: { coin, recipientAddress, amount, data, expireTime, sequenceId, tokenContractAddress, userXprv, userPrivateKeyHex: privOf(userXprv) },
    expected: {
      prefix: op[1][0], abiTypes: op[0], solidityPackedPreimageHex: hex(ethAbi.solidityPack(...op)),
      operationHash: halfSigned.operationHash, signature: halfSigned.signature,
      signatureParts: { r: hex(sig.subarray(0, 32)), s: hex(sig.subarray(32, 64)), v: sig[64] },
      signerAddress: Util.ecRecoverEthAddress(halfSigned.operationHash, halfSigned.signature),
      halfSigned: JSON.parse(JSON.stringify(halfSigned)),
    },
  };
}

function transferBuilderCase(id, about, { coin, chainId, walletVersion = null, recipientAddress, amount, data = '0x', expireTime, sequenceId,
  userPrivateKeyHex = privOf(USER_XPRV), tokenContractAddress }) {
  const tb = new abstractEth.TransferBuilder().coin(coin).amount(amount).to(recipientAddress).expirationTime(expireTime)
    .contractSequenceId(sequenceId).key(userPrivateKeyHex);
  if (data !== null) tb.data(data);
  if (walletVersion !== null) tb.walletVersion(walletVersion);
  if (tokenContractAddress) tb.tokenContractAddress(tokenContractAddress);
  const nonPacked = walletVersion === 4 || coins.get(coin).features.includes('uses-non-packed-encoding-for-txdata');
  const calldata = tb.signAndBuild(chainId, nonPacked);
  const decoded = abstractEth.decodeTransferData(calldata);
  const input = { coin, chainId, walletVersion, recipientAddress, amount, data, expireTime, sequenceId, userPrivateKeyHex };
  if (tokenContractAddress) input.tokenContractAddress = tokenContractAddress;
  return {
    id, about, input,
    expected: {
      prefix: tb.getOperationHashPrefix(),
      encoding: tb._coinUsesNonPackedEncodingForTxData ? 'abi.encode (non-packed)' : 'solidityPack',
      operationHash: tb.getOperationHash(), signature: tb.getSignature(), calldata, methodId: calldata.slice(0, 10),
      decodedCalldata: JSON.parse(JSON.stringify(decoded)),
    },
  };
}

function feeOf(fee) {
  return fee.eip1559 ? { fee: fee.fee, gasLimit: fee.gasLimit, eip1559: fee.eip1559 } : { fee: fee.fee, gasLimit: fee.gasLimit };
}

async function evmTransactionCase(id, about, { coin, tokenCoin = null, walletContractAddress = WALLET, nonce, fee, recipientAddress, amount,
  expireTime, sequenceId, userXprv = USER_XPRV, outerSignerPrivateKeyHex = OUTER_KEY }) {
  const c = bitgo().coin(coin);
  const build = () => {
    const b = c.getTransactionBuilder();
    b.type(TransactionType.Send);
    b.fee(feeOf(fee));
    b.counter(nonce);
    b.contract(walletContractAddress);
    b.transfer().coin(tokenCoin || coin).amount(amount).to(recipientAddress).expirationTime(expireTime).contractSequenceId(sequenceId);
    return b;
  };
  const prebuild = await build().build();
  const b2 = build();
  b2.transfer().key(privOf(userXprv));
  const half = await b2.build();
  const b3 = c.getTransactionBuilder();
  b3.from(half.toBroadcastFormat());
  b3.sign({ key: outerSignerPrivateKeyHex });
  const signed = await b3.build();
  const json = JSON.parse(JSON.stringify(signed.toJson()));
  return {
    id, about,
    input: { coin, tokenCoin, walletContractAddress, nonce, fee, recipientAddress, amount, expireTime, sequenceId, userXprv,
      outerSignerPrivateKeyHex, outerSignerAddress: '0x' + hex(ethUtil.privateToAddress(Buffer.from(outerSignerPrivateKeyHex, 'hex'))) },
    expected: {
      unsignedPrebuildTxHex: prebuild.toBroadcastFormat(), halfSignedTxHex: half.toBroadcastFormat(),
      halfSignedCalldata: half.toJson().data, signedTxHex: signed.toBroadcastFormat(), signedTxJson: json,
    },
  };
}

async function singleSigCase(id, about, { coin, nonce, fee, to, value, signerPrivateKeyHex = OUTER_KEY }) {
  const c = bitgo().coin(coin);
  const b = c.getTransactionBuilder();
  b.type(TransactionType.SingleSigSend);
  b.fee(feeOf(fee));
  b.counter(nonce);
  b.value(value);
  b.contract(to);
  b.sign({ key: signerPrivateKeyHex });
  const tx = await b.build();
  return {
    id, about,
    input: { coin, nonce, fee, to, value, signerPrivateKeyHex, signerAddress: '0x' + hex(ethUtil.privateToAddress(Buffer.from(signerPrivateKeyHex, 'hex'))) },
    expected: { signedTxHex: tx.toBroadcastFormat(), signedTxJson: JSON.parse(JSON.stringify(tx.toJson())) },
  };
}

function signHashCase(id, about, msgHash, privateKeyHex) {
  const signature = Util.ethSignMsgHash(msgHash, privateKeyHex);
  return { id, about, input: { msgHash, privateKeyHex }, expected: { signature, recoveredAddress: Util.ecRecoverEthAddress(msgHash, signature) } };
}

function addressCase(id, about, xpub) {
  const node = utxolib.bip32.fromBase58(xpub);
  const address = Util.xpubToEthAddress(xpub);
  const uncompressed = ethUtil.importPublic(node.publicKey);
  const expected = { address, checksumAddress: ethUtil.toChecksumAddress(address), compressedPublicKeyHex: hex(node.publicKey),
    uncompressedPublicKeyXYHex: hex(uncompressed) };
  if (!node.isNeutered()) expected.privateKeyHex = hex(node.privateKey);
  return { id, about, input: { xpub: node.neutered().toBase58() }, expected };
}

async function generate() {
  await ethUtilLoaded();
  const T = 1700600000;
  const userB = xprvFromLabel('user-b');
  const sendMultiSig = [
    await sendMultiSigCase('x-eth-native-data', 'eth: native send with contract call data', { coin: 'eth', recipientAddress: addr('r1'), amount: '1', data: '0xa9059cbb' + '00'.repeat(64), expireTime: T, sequenceId: 2 }),
    await sendMultiSigCase('x-eth-native-data-no-prefix', 'eth: data without 0x (even length)', { coin: 'eth', recipientAddress: addr('r2'), amount: '7', data: 'deadbeef', expireTime: T + 1, sequenceId: 3 }),
    await sendMultiSigCase('x-eth-native-empty-data', 'eth: data "0x"', { coin: 'eth', recipientAddress: addr('r3'), amount: '0', data: '0x', expireTime: T, sequenceId: 9 }),
    await sendMultiSigCase('x-eth-large-amount', 'eth: amount above 2^64 and a large sequence id', { coin: 'eth', recipientAddress: addr('r4'), amount: '123456789012345678901234567890', expireTime: 4102444800, sequenceId: 1000000 }),
    await sendMultiSigCase('x-eth-other-user', 'eth: another user key', { coin: 'eth', recipientAddress: addr('r5'), amount: '250000000000000000', expireTime: T, sequenceId: 11, userXprv: userB }),
    await sendMultiSigCase('x-eth-checksum-recipient', 'eth: the recipient given in EIP-55 mixed case', { coin: 'eth', recipientAddress: ethUtil.toChecksumAddress(addr('r6')), amount: '5', expireTime: T, sequenceId: 12 }),
    await sendMultiSigCase('x-hteth-native-data', 'hteth: native send with data', { coin: 'hteth', recipientAddress: addr('r7'), amount: '1000', data: '0x00ff', expireTime: T, sequenceId: 13 }),
    await sendMultiSigCase('x-usdc-token', 'ERC20 usdc on eth', { coin: 'usdc', recipientAddress: addr('r8'), amount: '2500000', expireTime: T, sequenceId: 14 }),
    await sendMultiSigCase('x-usdt-token', 'ERC20 usdt on eth', { coin: 'usdt', recipientAddress: addr('r9'), amount: '1', expireTime: T, sequenceId: 15 }),
    await sendMultiSigCase('x-hterc18dp-token', 'ERC20 with 18 decimals on Hoodi', { coin: 'hterc18dp', recipientAddress: addr('r10'), amount: '1000000000000000000000', expireTime: T, sequenceId: 16, userXprv: userB }),
  ];
  const pk = privOf(USER_XPRV);
  const transferBuilder = [
    transferBuilderCase('x-tb-eth-data', 'TransferBuilder eth with call data', { coin: 'eth', chainId: '1', recipientAddress: addr('t1'), amount: '10', data: '0xabcdef01', expireTime: T, sequenceId: 2 }),
    transferBuilderCase('x-tb-hteth-default', 'TransferBuilder hteth, default wallet version', { coin: 'hteth', chainId: '560048', recipientAddress: addr('t2'), amount: '1000000000', expireTime: T, sequenceId: 3 }),
    transferBuilderCase('x-tb-eth-v4', 'walletVersion 4 native send: chain id prefix, ABI encoding', { coin: 'eth', chainId: '1', walletVersion: 4, recipientAddress: addr('t3'), amount: '1000000000000000000', expireTime: T, sequenceId: 4 }),
    transferBuilderCase('x-tb-hteth-v4-data', 'walletVersion 4 on Hoodi with data', { coin: 'hteth', chainId: '560048', walletVersion: 4, recipientAddress: addr('t4'), amount: '5', data: '0x1234', expireTime: T, sequenceId: 5 }),
    transferBuilderCase('x-tb-eth-v4-odd-data', 'walletVersion 4 with odd-length data', { coin: 'eth', chainId: '1', walletVersion: 4, recipientAddress: addr('t5'), amount: '5', data: '0xabc', expireTime: T, sequenceId: 6 }),
    transferBuilderCase('x-tb-usdc', 'TransferBuilder token usdc, default wallet version: ERC20 prefix', { coin: 'usdc', chainId: '1', recipientAddress: addr('t6'), amount: '42', expireTime: T, sequenceId: 7, tokenContractAddress: coins.get('usdc').contractAddress.toString() }),
    transferBuilderCase('x-tb-usdc-v4', 'walletVersion 4 token: "<chainId>-ERC20" prefix, still packed', { coin: 'usdc', chainId: '1', walletVersion: 4, recipientAddress: addr('t7'), amount: '42', expireTime: T, sequenceId: 8, tokenContractAddress: coins.get('usdc').contractAddress.toString() }),
    transferBuilderCase('x-tb-hterc6dp-v4', 'walletVersion 4 token on Hoodi', { coin: 'hterc6dp', chainId: '560048', walletVersion: 4, recipientAddress: addr('t8'), amount: '1', expireTime: T, sequenceId: 9, tokenContractAddress: coins.get('hterc6dp').contractAddress.toString() }),
    transferBuilderCase('x-tb-eth-v2', 'walletVersion 2 behaves like the default', { coin: 'eth', chainId: '1', walletVersion: 2, recipientAddress: addr('t9'), amount: '3', expireTime: T, sequenceId: 10 }),
    transferBuilderCase('x-tb-eth-v4-large', 'walletVersion 4 with a large amount and sequence id', { coin: 'eth', chainId: '1', walletVersion: 4, recipientAddress: addr('t10'), amount: '340282366920938463463374607431768211455', expireTime: 4102444800, sequenceId: 4294967296, userPrivateKeyHex: privOf(userB) }),
  ];
  const legacy = (fee, gasLimit) => ({ fee, gasLimit });
  const eip1559 = (fee, gasLimit, maxFeePerGas, maxPriorityFeePerGas) => ({ fee, gasLimit, eip1559: { maxFeePerGas, maxPriorityFeePerGas } });
  const evmTransactions = [
    await evmTransactionCase('x-tx-eth-legacy', 'Ethereum mainnet legacy native send (EIP-155 v = 37/38)', { coin: 'eth', nonce: 0, fee: legacy('25000000000', '200000'), recipientAddress: addr('e1'), amount: '1000000000000000000', expireTime: T, sequenceId: 1 }),
    await evmTransactionCase('x-tx-eth-1559-native', 'Ethereum mainnet EIP-1559 native send', { coin: 'eth', nonce: 17, fee: eip1559('30000000000', '200000', '50000000000', '1500000000'), recipientAddress: addr('e2'), amount: '1', expireTime: T, sequenceId: 2 }),
    await evmTransactionCase('x-tx-hteth-1559-native', 'Hoodi EIP-1559 native send', { coin: 'hteth', nonce: 1, fee: eip1559('3000000000', '150000', '4000000000', '1000000000'), recipientAddress: addr('e3'), amount: '12345', expireTime: T, sequenceId: 3 }),
    await evmTransactionCase('x-tx-hteth-legacy-token', 'Hoodi legacy token send (hterc6dp)', { coin: 'hteth', tokenCoin: 'hterc6dp', nonce: 300, fee: legacy('1000000000', '250000'), recipientAddress: addr('e4'), amount: '42', expireTime: T, sequenceId: 4 }),
    await evmTransactionCase('x-tx-eth-legacy-token-large', 'mainnet legacy usdc send with a large nonce', { coin: 'eth', tokenCoin: 'usdc', nonce: 65536, fee: legacy('100000000000', '300000'), recipientAddress: addr('e5'), amount: '999999999999', expireTime: T, sequenceId: 5, userXprv: userB }),
    await evmTransactionCase('x-tx-eth-1559-zero-tip', 'EIP-1559 with a zero priority fee', { coin: 'eth', nonce: 2, fee: eip1559('20000000000', '100000', '20000000000', '0'), recipientAddress: addr('e6'), amount: '0', expireTime: T, sequenceId: 6 }),
  ];
  const singleSig = [
    await singleSigCase('x-eoa-eth-legacy', 'mainnet legacy plain transfer', { coin: 'eth', nonce: 5, fee: legacy('20000000000', '21000'), to: addr('s1'), value: '1000000000000000000' }),
    await singleSigCase('x-eoa-eth-1559', 'mainnet EIP-1559 plain transfer', { coin: 'eth', nonce: 6, fee: eip1559('30000000000', '21000', '30000000000', '2000000000'), to: addr('s2'), value: '1' }),
    await singleSigCase('x-eoa-hteth-1559', 'Hoodi EIP-1559 plain transfer with another key', { coin: 'hteth', nonce: 1000, fee: eip1559('1000000000', '21000', '2000000000', '1000000000'), to: addr('s3'), value: '5', signerPrivateKeyHex: privOf(userB) }),
    await singleSigCase('x-eoa-hteth-zero-value', 'Hoodi legacy, zero value', { coin: 'hteth', nonce: 0, fee: legacy('1', '21000'), to: addr('s4'), value: '0' }),
  ];
  const signHash = [];
  for (let i = 0; i < 6; i++) {
    signHash.push(signHashCase(`x-hash-${i}`, 'Util.ethSignMsgHash over a fixed 32-byte hash', '0x' + hex(detBytes(`eth/hash/${i}`, 32)), i % 2 ? privOf(userB) : pk));
  }
  signHash.push(signHashCase('x-hash-ff', 'all-ones hash', '0x' + 'ff'.repeat(32), pk));
  const addresses = [
    addressCase('x-addr-user-b', 'another root key', userB),
    addressCase('x-addr-derived', 'a derived xpub (m/0/0/1/7 of the user key)', utxolib.bip32.fromBase58(USER_XPRV).derivePath('m/0/0/1/7').toBase58()),
    addressCase('x-addr-hardened', 'a hardened child', utxolib.bip32.fromBase58(USER_XPRV).derivePath("m/44'/60'/0'/0/0").toBase58()),
  ];
  for (let i = 0; i < 4; i++) {
    addresses.push(addressCase(`x-addr-seed-${i}`, 'root key of a fixed 32-byte seed', utxolib.bip32.fromSeed(detBytes(`eth/addrseed/${i}`, 32)).toBase58()));
  }
  return { file: FILE, packages: PACKAGES, cases: { addresses, sendMultiSig, transferBuilder, evmTransactions, singleSig, signHash } };
}

/** sdk-core loads ethereumjs-util asynchronously at start-up; wait until it is there. */
async function ethUtilLoaded() {
  for (let i = 0; i < 100; i++) {
    try {
      Util.xpubToEthAddress(utxolib.bip32.fromSeed(Buffer.alloc(16)).neutered().toBase58());
      return;
    } catch (e) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error('ethereumjs-util did not load in sdk-core');
}

async function selfCheck() {
  await ethUtilLoaded();
  const project = loadProject(FILE);
  const P = project.cases;
  for (const c of P.sendMultiSig) {
    const i = c.input;
    compare(c.id, c.expected, (await sendMultiSigCase(c.id, c.about, i)).expected);
  }
  for (const c of P.transferBuilder) {
    compare(c.id, c.expected, transferBuilderCase(c.id, c.about, c.input).expected);
  }
  for (const c of P.evmTransactions) {
    compare(c.id, c.expected, (await evmTransactionCase(c.id, c.about, c.input)).expected);
  }
  for (const c of P.singleSig) {
    compare(c.id, c.expected, (await singleSigCase(c.id, c.about, c.input)).expected);
  }
  for (const c of P.signHash) {
    compare(c.id, c.expected, signHashCase(c.id, c.about, c.input.msgHash, c.input.privateKeyHex).expected);
  }
  for (const c of P.addresses) {
    const mine = addressCase(c.id, c.about, c.input.xpub).expected;
    const { privateKeyHex, ...want } = c.expected;
    compare(c.id, want, mine);
  }
}

module.exports = { name: 'eth', generate, selfCheck };
