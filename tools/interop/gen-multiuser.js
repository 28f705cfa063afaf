'use strict';
// Extra cases for multiuser.json: login bodies from BitGoAPI.preprocessAuthenticationParams, token issuance through
// BitGoAPI.handleTokenIssuanceAsync (server answers built with the SDK's own encrypt and secp256k1), and ECDH secrets
// from sdk-core getSharedSecret, and wallet shares made and accepted by Wallet.shareWallet / Wallets.acceptShare of
// sdk-core with the HTTP calls answered in process and every random draw fixed and recorded.
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

const crypto = require('crypto');
const bitcoinHelpers = require(require('path').join(require.resolve('@bitgo/sdk-core'), '..', 'bitgo', 'bitcoin.js'));

/** Runs fn with crypto.randomBytes and makeRandomKey answered from labelled deterministic bytes; returns the draws. */
async function withRecordedRandom(label, fn, replay) {
  const draws = [];
  const next = (n) => {
    if (!replay) return detBytes(`multiuser/random/${label}/${draws.length}`, n);
    const d = replay[draws.length];
    if (!d || d.bytes !== n) throw new Error(`${label}: draw ${draws.length} of ${n} bytes was not recorded`);
    return Buffer.from(d.hex, 'hex');
  };
  const realBytes = crypto.randomBytes;
  const realKey = bitcoinHelpers.makeRandomKey;
  crypto.randomBytes = (n, cb) => {
    const b = next(n);
    draws.push({ source: 'crypto.randomBytes', bytes: n, hex: hex(b) });
    return cb ? cb(null, b) : b;
  };
  bitcoinHelpers.makeRandomKey = () => {
    const k = next(32);
    draws.push({ source: 'ECPair.makeRandom rng', bytes: 32, hex: hex(k) });
    return utxolib.ECPair.fromPrivateKey(k);
  };
  try {
    return { result: await fn(), draws };
  } finally {
    crypto.randomBytes = realBytes;
    bitcoinHelpers.makeRandomKey = realKey;
  }
}

/** Answers the SDK's POSTs in process and records them. */
function capturePosts(bitgoApi) {
  const posts = [];
  bitgoApi.post = (url) => ({
    send: (body) => ({
      result: async () => {
        posts.push({ method: 'POST', path: new URL(url).pathname, bodyText: JSON.stringify(body) });
        return { state: 'accepted' };
      },
    }),
  });
  return posts;
}

// The shared test user key, as the project's eth.json publishes it (no key material lives in this script).
const USER_XPRV = loadProject('eth.json').wallet.user.xprv;
const ids = (label) => hex(detBytes(`multiuser/id/${label}`, 16));

/** A recipient: ECDH root key (encrypted under the login password) and the sharing key at a path. */
function recipient(label, loginPassword, path) {
  const ecdh = utxolib.bip32.fromSeed(detBytes(`multiuser/recipient/${label}`, 32));
  return {
    userId: ids(`user/${label}`), email: `${label}@example.org`, loginPassword, path, ecdhXprv: ecdh.toBase58(),
    ecdhKeychain: { xpub: ecdh.neutered().toBase58(), encryptedXprv: enc.encrypt(loginPassword, ecdh.toBase58(), { salt: detBytes(`mu/r/${label}/s`, 8), iv: detBytes(`mu/r/${label}/i`, 16) }) },
    pubkey: hex(ecdh.derivePath(sanitizeLegacyPath(path)).publicKey),
  };
}

async function shareEncryptCase(id, about, { to, params, walletPassphrase = 'wallet passphrase 1', userXprv = USER_XPRV, given = {} }) {
  const bitgoApi = new BitGoAPI({ env: 'test' });
  require('@bitgo/sdk-coin-btc').register(bitgoApi);
  const walletData = given.wallet || { id: ids(`wallet/${id}`), coin: 'tbtc', label: 'shared wallet', m: 2, n: 3, keys: [ids('k1'), ids('k2'), ids('k3')], type: 'hot',
    users: [{ user: ids('owner'), permissions: ['admin', 'spend', 'view'] }] };
  const node = utxolib.bip32.fromBase58(userXprv);
  const userKeychain = given.userKeychain || { id: walletData.keys[0], pub: node.neutered().toBase58(), source: 'user',
    encryptedPrv: enc.encrypt(walletPassphrase, userXprv, { salt: detBytes(`mu/${id}/us`, 8), iv: detBytes(`mu/${id}/ui`, 16) }), coinSpecific: {} };
  const wallet = bitgoApi.coin('tbtc').newWalletObject(walletData);
  const sharingResponse = given.sharingResponse || { userId: to.userId, pubkey: to.pubkey, path: to.path };
  bitgoApi.getSharingKey = async () => sharingResponse;
  wallet.getEncryptedWalletKeychainForWalletSharing = async () => userKeychain;
  const posts = capturePosts(bitgoApi);
  const { draws } = await withRecordedRandom(id, () => wallet.shareWallet({ email: to.email, ...params }), given.randomDraws);
  const share = posts[0];
  const body = JSON.parse(share.bodyText);
  const expected = { keychain: body.keychain || null };
  const random = {};
  if (body.keychain) {
    const eph = Buffer.from(draws[0].hex, 'hex');
    Object.assign(expected, { sharedSecretHex: hex(getSharedSecret(eph, Buffer.from(sharingResponse.pubkey, 'hex'))), ephemeralPubHex: body.keychain.fromPubKey });
    Object.assign(random, { recipientUserId: sharingResponse.userId, ephemeralPrivateKeyHex: draws[0].hex, envelopeSaltHex: draws[1].hex, envelopeIvHex: draws[2].hex });
  }
  Object.assign(expected, { shareRequest: share, shareRequestBody: body });
  return {
    id, about,
    input: { coin: 'tbtc', wallet: walletData, userKeychain, userPrv: userXprv, sdkCall: 'wallet.shareWallet(params)', params: { email: to.email, ...params },
      sharingKeys: [{ email: to.email, response: sharingResponse }], random, randomDraws: draws },
    expected,
  };
}

async function shareAcceptCase(id, about, { to, shared, params, given = {} }) {
  const bitgoApi = new BitGoAPI({ env: 'test' });
  require('@bitgo/sdk-coin-btc').register(bitgoApi);
  const walletShareId = given.share ? given.share.id : ids(`share/${id}`);
  const share = given.share || { id: walletShareId, coin: 'tbtc', wallet: shared.input.wallet.id, walletLabel: 'shared wallet', fromUser: ids('owner'), toUser: to.userId,
    permissions: shared.input.params.permissions, state: 'active' };
  if (!given.share && shared.expected.keychain) share.keychain = params.tamper ? { ...shared.expected.keychain, encryptedPrv: tamper(shared.expected.keychain.encryptedPrv) } : shared.expected.keychain;
  const wallets = bitgoApi.coin('tbtc').wallets();
  wallets.getShare = async () => share;
  bitgoApi.getECDHKeychain = async () => to.ecdhKeychain;
  const posts = capturePosts(bitgoApi);
  const sdkParams = { walletShareId, ...params };
  delete sdkParams.tamper;
  const input = { coin: 'tbtc', sdkCall: 'bitgo.coin("tbtc").wallets().acceptShare(params)', params: sdkParams, shares: [share], ecdhKeychain: to.ecdhKeychain,
    ecdhXprv: to.ecdhXprv, loginPassword: to.loginPassword };
  let draws;
  try {
    ({ draws } = await withRecordedRandom(id, () => wallets.acceptShare(sdkParams), given.randomDraws));
  } catch (e) {
    return { id, about, input: { ...input, randomDraws: [] }, expected: { accepted: false, errorMessage: e.message } };
  }
  input.randomDraws = draws;
  const post = posts[0];
  const body = JSON.parse(post.bodyText);
  const expected = {};
  if (share.keychain) {
    const derived = utxolib.bip32.fromBase58(to.ecdhXprv).derivePath(sanitizeLegacyPath(share.keychain.path));
    const secret = hex(getSharedSecret(derived, Buffer.from(share.keychain.fromPubKey, 'hex')));
    input.random = { walletShareId, envelopeSaltHex: draws[0].hex, envelopeIvHex: draws[1].hex };
    Object.assign(expected, { walletShareId, sharedSecretHex: secret, sanitizedPath: sanitizeLegacyPath(share.keychain.path), derivedPubHex: hex(derived.publicKey),
      decryptedPrv: await bitgoApi.decryptAsync({ password: secret, input: share.keychain.encryptedPrv }),
      newWalletPassphrase: sdkParams.newWalletPassphrase || sdkParams.userPassword, reencryptedPrv: body.encryptedPrv,
      reencryptedEnvelopeVersion: JSON.parse(body.encryptedPrv).v });
  }
  Object.assign(expected, { acceptRequest: post, acceptRequestBody: body });
  return { id, about, input, expected };
}

function tamper(envelope) {
  const o = JSON.parse(envelope);
  const ct = Buffer.from(o.ct, 'base64');
  ct[ct.length - 1] ^= 1;
  o.ct = ct.toString('base64');
  return JSON.stringify(o);
}

async function generate() {
  // load and run Argon2 once before any draw is recorded: its WebAssembly start-up draws random bytes of its own
  await require('@bitgo/sdk-api/dist/src/encryptV2').encryptV2('warm-up', 'x', { memorySize: 64, iterations: 1, parallelism: 1 });
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
  const sara = recipient('sara', 'sara login password', 'm/999999/123456789/987654321');
  const tom = recipient('tom', 't\u00f6m l\u00f6gin \ud83d\udd11', 'm/999999/1/2');
  const vic = recipient('vic', 'vic login', '999999/5/6');
  const shareEncrypt = [
    await shareEncryptCase('x-share-spend-message', "permissions 'view,spend' with reshare, message and disableEmail", { to: sara, params: { permissions: 'view,spend', walletPassphrase: 'wallet passphrase 1', reshare: true, message: 'for you \u2764', disableEmail: true } }),
    await shareEncryptCase('x-share-admin-unicode-passphrase', "permissions 'admin,spend,view'; non-ASCII wallet passphrase", { to: tom, params: { permissions: 'admin,spend,view', walletPassphrase: 'w\u00e4llet \ud83d\udd11' }, walletPassphrase: 'w\u00e4llet \ud83d\udd11' }),
    await shareEncryptCase('x-share-skip-keychain', 'spend permission but skipKeychain true: no key material', { to: vic, params: { permissions: 'view,spend', walletPassphrase: 'wallet passphrase 1', skipKeychain: true } }),
    await shareEncryptCase('x-share-v2-envelope', 'encryptionVersion 2: the shared key is in an Argon2id envelope', { to: vic, params: { permissions: 'spend,view', walletPassphrase: 'wallet passphrase 1', encryptionVersion: 2 } }),
  ];
  const shareAccept = [
    await shareAcceptCase('x-accept-new-passphrase', 'accept with a new wallet passphrase', { to: sara, shared: shareEncrypt[0], params: { userPassword: sara.loginPassword, newWalletPassphrase: 'sara wallet passphrase' } }),
    await shareAcceptCase('x-accept-login-password', 'no new passphrase: re-encrypted under the login password (non-ASCII)', { to: tom, shared: shareEncrypt[1], params: { userPassword: tom.loginPassword } }),
    await shareAcceptCase('x-accept-v2-share', 'a share in a v2 envelope, re-encrypted as v2', { to: vic, shared: shareEncrypt[3], params: { userPassword: vic.loginPassword, newWalletPassphrase: 'vic wallet', encryptionVersion: 2 } }),
    await shareAcceptCase('x-accept-v2-share-to-v1', 'a share in a v2 envelope, re-encrypted as v1 (the default)', { to: vic, shared: shareEncrypt[3], params: { userPassword: vic.loginPassword, newWalletPassphrase: 'vic wallet' } }),
    await shareAcceptCase('x-accept-no-keychain', 'a share without key material: only the state is posted', { to: vic, shared: shareEncrypt[2], params: { userPassword: vic.loginPassword } }),
    await shareAcceptCase('x-accept-tampered-share', 'the shared key envelope was altered: incorrect password', { to: sara, shared: shareEncrypt[0], params: { userPassword: sara.loginPassword, tamper: true } }),
  ];
  return { file: FILE, packages: PACKAGES, cases: { login, tokenDecrypt, ecdh, shareEncrypt, shareAccept } };
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
  for (const c of P.shareEncrypt) {
    const i = c.input;
    const { email, ...params } = i.params;
    const mine = await shareEncryptCase(c.id, c.about, { to: { email }, params, given: { wallet: i.wallet, userKeychain: i.userKeychain,
      sharingResponse: i.sharingKeys[0].response, randomDraws: i.randomDraws } });
    compare(`${c.id}.keychain`, c.expected.keychain, mine.expected.keychain);
    compare(`${c.id}.shareRequestBody`, c.expected.shareRequestBody || JSON.parse(c.expected.shareRequest.bodyText), mine.expected.shareRequestBody);
  }
  for (const c of P.shareAccept) {
    const i = c.input;
    if (!i.params.walletShareId) continue; // bulk accept goes through other SDK calls
    const { walletShareId, ...params } = i.params;
    const to = { ecdhKeychain: i.ecdhKeychain, ecdhXprv: i.ecdhXprv, loginPassword: i.loginPassword };
    const mine = await shareAcceptCase(c.id, c.about, { to, shared: null, params, given: { share: i.shares[0], randomDraws: i.randomDraws } });
    const want = { ...c.expected };
    delete want.acceptRequest;
    delete want.requests;
    compare(c.id, want, mine.expected);
  }
}

module.exports = { name: 'multiuser', generate, selfCheck };
