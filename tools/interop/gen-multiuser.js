'use strict';
// Extra cases for multiuser.json: login bodies from BitGoAPI.preprocessAuthenticationParams, token issuance through
// BitGoAPI.handleTokenIssuanceAsync (server answers built with the SDK's own encrypt and secp256k1), and ECDH secrets
// from sdk-core getSharedSecret. The share groups keep the project's cases only (they need the SDK's HTTP plumbing).
const utxolib = require('@bitgo/utxo-lib');
const secp256k1 = require('secp256k1');
const { BitGoAPI } = require('@bitgo/sdk-api');
const enc = require('@bitgo/sdk-api/dist/src/encrypt');
const { getSharedSecret, sanitizeLegacyPath, common } = require('@bitgo/sdk-core');
const { loadProject, compare, detBytes } = require('./lib/common');

const FILE = 'multiuser.json';
const PACKAGES = ['@bitgo/sdk-api', '@bitgo/sdk-core', '@bitgo/utxo-lib', '@bitgo/sjcl', 'secp256k1'];
const hex = (b) => Buffer.from(b).toString('hex');
const CLIENTS = {};
const client = (env) => (CLIENTS[env] = CLIENTS[env] || new BitGoAPI({ env }));

async function loginCase(id, about, input) {
  const i = { username: input.username, password: input.password, passwordUtf8Hex: Buffer.from(input.password, 'utf8').toString('hex'),
    otp: null, trust: null, forceSMS: null, forReset2FA: null, initialHash: null, fingerprintHash: null, ...input };
  const params = {};
  for (const k of ['username', 'password', 'otp', 'trust', 'forceSMS', 'forReset2FA', 'initialHash', 'fingerprintHash']) {
    if (i[k] !== null) params[k] = i[k];
  }
  const body = await client('test').preprocessAuthenticationParams(params);
  const bodyText = JSON.stringify(body);
  return {
    id, about, input: i,
    expected: { passwordHmac: body.password, email: body.email, emailUtf8Hex: Buffer.from(body.email, 'utf8').toString('hex'),
      method: 'POST', path: '/api/auth/v1/session', body: JSON.parse(bodyText), bodyText },
  };
}

/** A login answer with an ECDH-encrypted token, built as the server would, then opened by the SDK. */
async function tokenCase(id, about, { env = 'test', username, password, clientPassword = password, ecdhSeedLabel, derivationPath,
  accessToken, tamperToken = false, tokenEnv = env }) {
  const ecdhNode = utxolib.bip32.fromSeed(detBytes(`multiuser/ecdh/${ecdhSeedLabel}`, 32));
  const serverXpub = common.Environments[env].serverXpub;
  const tokenServerXpub = common.Environments[tokenEnv].serverXpub;
  const path = sanitizeLegacyPath(derivationPath);
  const clientDerived = ecdhNode.derivePath(path);
  const serverDerived = utxolib.bip32.fromBase58(tokenServerXpub).derivePath(path);
  const secret = hex(secp256k1.publicKeyTweakMul(serverDerived.publicKey, clientDerived.privateKey));
  const b = (l, n) => detBytes(`multiuser/${id}/${l}`, n);
  let encryptedToken = enc.encrypt(secret, accessToken, { salt: b('ts', 8), iv: b('ti', 16) });
  if (tamperToken) {
    const o = JSON.parse(encryptedToken);
    const ct = Buffer.from(o.ct, 'base64');
    ct[0] ^= 1;
    o.ct = ct.toString('base64');
    encryptedToken = JSON.stringify(o);
  }
  const answer = { token_type: 'bearer', expires_in: 3600, user: { id: hex(b('uid', 16)), username, ecdhKeychain: ecdhNode.neutered().toBase58() },
    encryptedToken, derivationPath, encryptedECDHXprv: enc.encrypt(password, ecdhNode.toBase58(), { salt: b('xs', 8), iv: b('xi', 16) }) };
  const serverResponseText = JSON.stringify(answer);
  const input = { username, password: clientPassword, otp: null, serverXpub, serverXpubSource: `Environments.${env}.serverXpub`, serverResponseText };
  let expected;
  try {
    const r = await client(env).handleTokenIssuanceAsync(JSON.parse(serverResponseText), clientPassword);
    expected = { tokenSecretHex: secret, accessToken: r.token, ecdhXprv: r.ecdhXprv, sanitizedPath: path,
      clientDerivedPubHex: hex(clientDerived.publicKey), serverDerivedPubHex: hex(serverDerived.publicKey) };
  } catch (e) {
    expected = { errorCode: e.errorCode, errorMessage: e.message };
  }
  return { id, about, input, expected };
}

function ecdhCase(id, about, privateKeyHex, publicKeyHex) {
  const priv = Buffer.from(privateKeyHex, 'hex');
  const pub = Buffer.from(publicKeyHex, 'hex');
  try {
    const secret = getSharedSecret(priv, pub);
    return { id, about, input: { privateKeyHex, publicKeyHex },
      expected: { sharedSecretHex: hex(secret), sharedPointCompressedHex: hex(secp256k1.publicKeyTweakMul(pub, priv)) } };
  } catch (e) {
    return { id, about, input: { privateKeyHex, publicKeyHex }, expected: { errorMessage: e.message } };
  }
}

async function generate() {
  const login = [
    await loginCase('x-login-no-otp', 'no OTP: only email, password and forceSMS', { username: 'bob@example.com', password: 'pw' }),
    await loginCase('x-login-otp-trust', 'OTP with trust: trust is sent as 1', { username: 'Carol@Example.com', password: 'p\u00e4ss \ud83d\udd11', otp: '123456', trust: true }),
    await loginCase('x-login-trust-without-otp', 'trust without an OTP is not sent', { username: 'dan@example.com', password: 'x', trust: true }),
    await loginCase('x-login-reset-2fa', 'forReset2FA, initialHash and fingerprintHash', { username: 'eve@example.com', password: 'reset me', otp: '000000', forReset2FA: true, initialHash: 'abc123', fingerprintHash: 'f00d' }),
    await loginCase('x-login-dotted-i', 'capital I with dot above lower-cases to i + combining dot', { username: '\u0130STANBUL@example.com', password: 'pw' }),
    await loginCase('x-login-final-sigma', 'Greek capital sigma at the end of a word becomes final sigma', { username: '\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3@example.gr', password: 'pw' }),
    await loginCase('x-login-sharp-s', 'capital sharp s and ligatures', { username: '\u1e9eTRASSE.\ufb01@Example.DE', password: 'pw' }),
    await loginCase('x-login-empty-password', 'empty password', { username: 'frank@example.com', password: '' }),
    await loginCase('x-login-spaces', 'spaces are kept in e-mail and password', { username: ' Grace@Example.com ', password: ' leading and trailing ' }),
    await loginCase('x-login-force-sms-otp', 'forceSMS with an OTP', { username: 'heidi@example.com', password: 'pw', otp: '999999', forceSMS: true }),
  ];
  const tokenDecrypt = [
    await tokenCase('x-token-test', 'test server xpub, plain path', { username: 'ivan@example.com', password: 'ivan pw', ecdhSeedLabel: 'ivan', derivationPath: 'm/999999/12345/67890', accessToken: 'v2x' + hex(detBytes('tok/ivan', 32)) }),
    await tokenCase('x-token-prod', 'prod server xpub', { env: 'prod', username: 'judy@example.com', password: 'judy pw', ecdhSeedLabel: 'judy', derivationPath: 'm/999999/2147483647/1', accessToken: 'v2x' + hex(detBytes('tok/judy', 32)) }),
    await tokenCase('x-token-path-no-m', 'derivation path without m/', { username: 'k@example.com', password: 'k', ecdhSeedLabel: 'k', derivationPath: '999999/5/6', accessToken: 'v2x' + hex(detBytes('tok/k', 32)) }),
    await tokenCase('x-token-path-empty-segments', 'empty path segments are dropped', { username: 'l@example.com', password: 'l', ecdhSeedLabel: 'l', derivationPath: 'm//999999//5/', accessToken: 'v2x' + hex(detBytes('tok/l', 32)) }),
    await tokenCase('x-token-path-leading-zeros', 'segments with leading zeros and trailing letters are parsed with parseInt', { username: 'm@example.com', password: 'm', ecdhSeedLabel: 'm', derivationPath: 'm/999999/0012/7abc', accessToken: 'v2x' + hex(detBytes('tok/m', 32)) }),
    await tokenCase('x-token-path-nan', 'a segment that is not a number becomes 0', { username: 'n@example.com', password: 'n', ecdhSeedLabel: 'n', derivationPath: 'm/999999/x/3', accessToken: 'v2x' + hex(detBytes('tok/n', 32)) }),
    await tokenCase('x-token-unicode-password', 'non-ASCII login password', { username: 'o@example.com', password: 'p\u00e4ss \ud83d\udd11', ecdhSeedLabel: 'o', derivationPath: 'm/999999/1/2', accessToken: 'v2x' + hex(detBytes('tok/o', 32)) }),
    await tokenCase('x-token-wrong-password', 'the ECDH key does not open with a wrong password', { username: 'p@example.com', password: 'right', clientPassword: 'wrong', ecdhSeedLabel: 'p', derivationPath: 'm/999999/1/2', accessToken: 'v2x' + hex(detBytes('tok/p', 32)) }),
    await tokenCase('x-token-tampered', 'the encrypted token was altered', { username: 'q@example.com', password: 'q', ecdhSeedLabel: 'q', derivationPath: 'm/999999/3/4', accessToken: 'v2x' + hex(detBytes('tok/q', 32)), tamperToken: true }),
    await tokenCase('x-token-other-server', 'token encrypted for the prod server key, opened against the test key', { username: 'r@example.com', password: 'r', ecdhSeedLabel: 'r', derivationPath: 'm/999999/3/4', accessToken: 'v2x' + hex(detBytes('tok/r', 32)), tokenEnv: 'prod' }),
  ];
  const ecdh = [];
  for (let i = 0; i < 6; i++) {
    const a = utxolib.bip32.fromSeed(detBytes(`multiuser/ecdh-a/${i}`, 32));
    const b = utxolib.bip32.fromSeed(detBytes(`multiuser/ecdh-b/${i}`, 32));
    ecdh.push(ecdhCase(`x-ecdh-${i}`, 'root keys of two fixed seeds', hex(a.privateKey), hex(b.publicKey)));
  }
  const one = '00'.repeat(31) + '01';
  const g = hex(secp256k1.publicKeyCreate(Buffer.from(one, 'hex'), true));
  ecdh.push(ecdhCase('x-ecdh-private-one', 'private key 1: the secret is the x coordinate of the public key', one, hex(secp256k1.publicKeyCreate(detBytes('multiuser/k', 32), true))));
  ecdh.push(ecdhCase('x-ecdh-generator', 'public key G', hex(detBytes('multiuser/k2', 32)), g));
  const uncompressed = hex(secp256k1.publicKeyCreate(detBytes('multiuser/k3', 32), false));
  ecdh.push(ecdhCase('x-ecdh-uncompressed-refused', 'a 65-byte public key is refused', hex(detBytes('multiuser/k4', 32)), uncompressed));
  ecdh.push(ecdhCase('x-ecdh-short-private-refused', 'a 31-byte private key is refused', hex(detBytes('multiuser/k5', 31)), g));
  return { file: FILE, packages: PACKAGES, cases: { login, tokenDecrypt, ecdh } };
}

async function selfCheck() {
  const P = loadProject(FILE).cases;
  for (const c of P.login) {
    const { serverAccessToken, clientToken, headers, headersAbsent, ...want } = c.expected;
    compare(c.id, want, (await loginCase(c.id, c.about, c.input)).expected);
  }
  for (const c of P.tokenDecrypt) {
    const env = c.input.serverXpub === common.Environments.prod.serverXpub ? 'prod' : 'test';
    const r = await client(env).handleTokenIssuanceAsync(JSON.parse(c.input.serverResponseText), c.input.password);
    compare(c.id, { accessToken: c.expected.accessToken, ecdhXprv: c.expected.ecdhXprv }, { accessToken: r.token, ecdhXprv: r.ecdhXprv });
    compare(`${c.id}.sanitizedPath`, c.expected.sanitizedPath, sanitizeLegacyPath(JSON.parse(c.input.serverResponseText).derivationPath));
  }
  for (const c of P.ecdh) compare(c.id, c.expected, ecdhCase(c.id, c.about, c.input.privateKeyHex, c.input.publicKeyHex).expected);
}

module.exports = { name: 'multiuser', generate, selfCheck };
