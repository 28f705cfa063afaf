'use strict';
// Extra cases for sjcl.json: v1 envelopes from @bitgo/sdk-api encrypt (and @bitgo/sjcl directly for parameters the
// SDK does not choose itself), v2 envelopes from encryptV2, decrypt outcomes from sjcl.decrypt and BitGoAPI.decryptAsync.
const crypto = require('crypto');
const sjcl = require('@bitgo/sjcl');
const { BitGoAPI } = require('@bitgo/sdk-api');
const enc = require('@bitgo/sdk-api/dist/src/encrypt');
const v2 = require('@bitgo/sdk-api/dist/src/encryptV2');
const { loadProject, compare, detBytes } = require('./lib/common');

const FILE = 'sjcl.json';
const PACKAGES = ['@bitgo/sdk-api', '@bitgo/sjcl', '@bitgo/argon2'];
// The key the project's own v1Encrypt cases encrypt (no key material lives in this script).
const XPRV = loadProject(FILE).cases.v1Encrypt[0].input.plaintext;

const hex = (b) => Buffer.from(b).toString('hex');
const words = (buf) => sjcl.codec.hex.toBits(hex(buf));
const bitsToHex = (bits) => sjcl.codec.hex.fromBits(bits);

/** A v1 envelope: through sdk-api encrypt when the parameters are BitGo's defaults, else through sjcl.encrypt. */
function v1Envelope(password, plaintext, salt, iv, adata, iter, ks, ts) {
  if (iter === undefined && ks === undefined && ts === undefined) {
    return enc.encrypt(password, plaintext, { salt, iv, adata: adata === null ? undefined : adata });
  }
  const opts = { iter, ks, ts, salt: words(salt), iv: words(iv) };
  if (adata) opts.adata = adata;
  return sjcl.encrypt(password, plaintext, opts);
}

function v1EncryptCase(id, about, { password, plaintext, salt, iv, adata = null, iter, ks, ts, withHex = true }) {
  const envelopeJson = v1Envelope(password, plaintext, salt, iv, adata, iter, ks, ts);
  const env = JSON.parse(envelopeJson);
  const ct = Buffer.from(env.ct, 'base64');
  const key = bitsToHex(sjcl.misc.pbkdf2(password, words(salt), env.iter, env.ks));
  const ptLen = Buffer.byteLength(plaintext, 'utf8');
  // sjcl CCM: L = smallest of 2..4 bytes that holds the plaintext length (in bytes), nonce = first 15 - L IV bytes
  let L = 2;
  while (L < 4 && ptLen >>> (8 * L)) L++;
  const input = { password, plaintext };
  if (withHex) input.plaintextUtf8Hex = Buffer.from(plaintext, 'utf8').toString('hex');
  input.plaintextSha256Hex = crypto.createHash('sha256').update(plaintext, 'utf8').digest('hex');
  Object.assign(input, { saltHex: hex(salt), ivHex: hex(iv), adata });
  if (iter !== undefined) Object.assign(input, { iter, ks, ts });
  return {
    id, about, input,
    expected: {
      envelopeJson,
      intermediates: {
        pbkdf2KeyHex: key, ivHex: hex(iv), ccmLengthFieldSizeL: L, ccmNonceHex: hex(iv.subarray(0, 15 - L)),
        ciphertextAndTagHex: hex(ct), ciphertextAndTagSha256Hex: crypto.createHash('sha256').update(ct).digest('hex'),
        tagHex: hex(ct.subarray(ct.length - env.ts / 8)), adataUtf8Hex: Buffer.from(adata || '', 'utf8').toString('hex'),
      },
    },
  };
}

function v1DecryptCase(id, about, password, envelopeJson) {
  try {
    return { id, about, input: { password, envelopeJson }, expected: { ok: true, plaintext: sjcl.decrypt(password, envelopeJson) } };
  } catch (e) {
    let type = 'other';
    for (const t of ['corrupt', 'invalid', 'bug', 'notReady', 'param']) {
      if (sjcl.exception[t] && e instanceof sjcl.exception[t]) type = t;
    }
    return { id, about, input: { password, envelopeJson }, expected: { ok: false, sjclExceptionType: type, errorMessage: e.message } };
  }
}

async function v2EncryptCase(id, about, { password, plaintext, salt, iv, adata = null, m, t, p }) {
  const envelopeJson = await v2.encryptV2(password, plaintext, { salt, iv, memorySize: m, iterations: t, parallelism: p, adata: adata === null ? undefined : adata });
  const ct = Buffer.from(JSON.parse(envelopeJson).ct, 'base64');
  const { argon2id } = require('@bitgo/argon2');
  const key = await argon2id({ password, salt, memorySize: m, iterations: t, parallelism: p, hashLength: 32, outputType: 'binary' });
  return {
    id, about,
    input: { password, plaintext, saltHex: hex(salt), ivHex: hex(iv), adata, memorySizeKiB: m, iterations: t, parallelism: p },
    expected: { envelopeJson, intermediates: { argon2idKeyHex: hex(key), ciphertextAndTagHex: hex(ct), tagHex: hex(ct.subarray(ct.length - 16)) } },
  };
}

async function v2DecryptCase(bitgo, id, about, password, envelopeJson) {
  try {
    return { id, about, input: { password, envelopeJson }, expected: { ok: true, plaintext: await bitgo.decryptAsync({ password, input: envelopeJson }) } };
  } catch (e) {
    return { id, about, input: { password, envelopeJson }, expected: { ok: false, bitgoDecryptAsyncErrorMessage: e.message } };
  }
}

/** A session envelope (hkdfSalt present) as EncryptionSession.encrypt writes it, with fixed salts and IV. */
async function sessionEnvelope(password, plaintext, salt, hkdfSalt, iv, adata, params) {
  const hkdfKey = await v2.argon2ToHkdfKey(password, salt, params);
  const aesKey = await v2.hkdfDeriveAesKey(hkdfKey, hkdfSalt, 'encrypt');
  const ct = await v2.aesGcmEncrypt(aesKey, iv, plaintext, adata ? new TextEncoder().encode(adata) : undefined);
  const env = { v: 2, m: params.memorySize, t: params.iterations, p: params.parallelism, salt: Buffer.from(salt).toString('base64'),
    hkdfSalt: Buffer.from(hkdfSalt).toString('base64'), iv: Buffer.from(iv).toString('base64'), ct: Buffer.from(ct).toString('base64') };
  if (adata) env.adata = adata;
  return JSON.stringify(env);
}

const b = (label, n) => detBytes(`sjcl/${label}`, n);

async function generate() {
  const bitgo = new BitGoAPI({ env: 'test' });
  const v1Encrypt = [
    v1EncryptCase('x-v1-empty-plaintext', 'empty plaintext: only the tag', { password: 'pw', plaintext: '', salt: b('s1', 8), iv: b('i1', 16) }),
    v1EncryptCase('x-v1-one-byte', 'one-byte plaintext', { password: 'correct horse battery staple', plaintext: 'x', salt: b('s2', 8), iv: b('i2', 16) }),
    v1EncryptCase('x-v1-16-bytes', 'plaintext of exactly one AES block', { password: 'wallet passphrase', plaintext: '0123456789abcdef', salt: b('s3', 8), iv: b('i3', 16) }),
    v1EncryptCase('x-v1-unicode-password-astral', 'password with combining marks, CJK and astral characters', { password: 'e\u0301t\u00e9 \u6771\u4eac \ud83d\udd10\ud83d\udc8e', plaintext: XPRV, salt: b('s4', 8), iv: b('i4', 16) }),
    v1EncryptCase('x-v1-empty-password', 'empty password (sjcl accepts it)', { password: '', plaintext: 'secret', salt: b('s5', 8), iv: b('i5', 16) }),
    v1EncryptCase('x-v1-long-password', '200-character password (longer than the HMAC block)', { password: 'p'.repeat(100) + 'q'.repeat(100), plaintext: XPRV, salt: b('s6', 8), iv: b('i6', 16) }),
    v1EncryptCase('x-v1-adata', 'sdk-api encrypt with adata', { password: 'wallet passphrase', plaintext: XPRV, salt: b('s7', 8), iv: b('i7', 16), adata: 'm/0/0/1/7' }),
    v1EncryptCase('x-v1-adata-unicode', 'non-ASCII adata', { password: 'pw', plaintext: 'secret', salt: b('s8', 8), iv: b('i8', 16), adata: 'Z\u00fcrich \u6771\u4eac' }),
    v1EncryptCase('x-v1-iter1000-ks128', 'sjcl.encrypt with iter 1000 and ks 128', { password: 'password', plaintext: XPRV, salt: b('s9', 8), iv: b('i9', 16), iter: 1000, ks: 128, ts: 64 }),
    v1EncryptCase('x-v1-ks192-ts128', 'sjcl.encrypt with ks 192 and a 128-bit tag', { password: 'password', plaintext: 'key material', salt: b('s10', 8), iv: b('i10', 16), iter: 2000, ks: 192, ts: 128 }),
    v1EncryptCase('x-v1-ts96-iter101', 'sjcl.encrypt with 101 PBKDF2 iterations (the least sjcl accepts) and a 96-bit tag', { password: 'password', plaintext: 'key material', salt: b('s11', 8), iv: b('i11', 16), iter: 101, ks: 256, ts: 96 }),
    v1EncryptCase('x-v1-65535-bytes', 'plaintext of 65535 bytes: CCM length field still 2 bytes', { password: 'pw', plaintext: 'a'.repeat(65535), salt: b('s12', 8), iv: b('i12', 16), withHex: false }),
    v1EncryptCase('x-v1-65536-bytes', 'plaintext of 65536 bytes: CCM length field 3 bytes, 12-byte nonce', { password: 'pw', plaintext: 'b'.repeat(65536), salt: b('s13', 8), iv: b('i13', 16), withHex: false }),
    v1EncryptCase('x-v1-multibyte-plaintext', 'plaintext of multi-byte characters: length counted in UTF-8 bytes', { password: 'pw', plaintext: '\u00fc'.repeat(40) + '\ud83d\ude80', salt: b('s14', 8), iv: b('i14', 16) }),
  ];
  const ok = v1Encrypt[3].expected.envelopeJson;
  const flip = (json, field, fn) => { const o = JSON.parse(json); o[field] = fn(o[field]); return JSON.stringify(o); };
  const v1Decrypt = [
    v1DecryptCase('x-dec-unicode-password', 'decrypt under a password with astral characters', 'e\u0301t\u00e9 \u6771\u4eac \ud83d\udd10\ud83d\udc8e', ok),
    v1DecryptCase('x-dec-wrong-password', 'wrong password: tag mismatch', 'e\u0301t\u00e9 \u6771\u4eac \ud83d\udd10', ok),
    v1DecryptCase('x-dec-nfc-password', 'the NFC form of the password is a different password', '\u00e9t\u00e9 \u6771\u4eac \ud83d\udd10\ud83d\udc8e', ok),
    v1DecryptCase('x-dec-adata', 'envelope with adata decrypts', 'wallet passphrase', v1Encrypt[6].expected.envelopeJson),
    v1DecryptCase('x-dec-adata-changed', 'adata changed in the envelope', 'wallet passphrase', flip(v1Encrypt[6].expected.envelopeJson, 'adata', () => 'bS8wLzAvMS84')),
    v1DecryptCase('x-dec-ks192-ts128', 'envelope parameters ks 192, ts 128', 'password', v1Encrypt[9].expected.envelopeJson),
    v1DecryptCase('x-dec-ts96-iter101', 'envelope parameters iter 101, ts 96', 'password', v1Encrypt[10].expected.envelopeJson),
    v1DecryptCase('x-dec-empty-password', 'empty password', '', v1Encrypt[4].expected.envelopeJson),
    v1DecryptCase('x-dec-65536-bytes', 'large plaintext (3-byte CCM length field)', 'pw', v1Encrypt[12].expected.envelopeJson),
    v1DecryptCase('x-dec-truncated-ct', 'ciphertext shorter than the tag', 'pw', flip(v1Encrypt[0].expected.envelopeJson, 'ct', (ct) => ct.slice(0, 4))),
    v1DecryptCase('x-dec-bad-ks', 'key size 100 is refused', 'pw', flip(v1Encrypt[0].expected.envelopeJson, 'ks', () => 100)),
    v1DecryptCase('x-dec-bad-ts', 'tag size 72 is refused', 'pw', flip(v1Encrypt[0].expected.envelopeJson, 'ts', () => 72)),
    v1DecryptCase('x-dec-bad-mode', 'an unknown mode is refused', 'pw', flip(v1Encrypt[0].expected.envelopeJson, 'mode', () => 'xyz')),
    v1DecryptCase('x-dec-not-json', 'not a JSON object', 'pw', 'hello'),
  ];
  const P = 'correct horse battery staple';
  const v2Encrypt = [
    await v2EncryptCase('x-v2-small-costs', 'small Argon2id costs m=256 t=1 p=1', { password: P, plaintext: XPRV, salt: b('v2s1', 16), iv: b('v2i1', 12), m: 256, t: 1, p: 1 }),
    await v2EncryptCase('x-v2-adata', 'adata is bound as GCM additional data and written to the envelope', { password: 'pw', plaintext: XPRV, salt: b('v2s2', 16), iv: b('v2i2', 12), adata: 'm/0/0/1/7', m: 1024, t: 2, p: 2 }),
    await v2EncryptCase('x-v2-unicode', 'non-ASCII password, plaintext and adata', { password: 'p\u00e4ss \ud83d\udd11', plaintext: 'secret \u00fcber \u20ac \ud83d\ude80', salt: b('v2s3', 16), iv: b('v2i3', 12), adata: 'Z\u00fcrich', m: 512, t: 3, p: 1 }),
    await v2EncryptCase('x-v2-max-iterations', 'iterations 16 (the largest BitGo accepts) with parallelism 8', { password: 'pw', plaintext: 'x', salt: b('v2s4', 16), iv: b('v2i4', 12), m: 64, t: 16, p: 8 }),
    await v2EncryptCase('x-v2-long-plaintext', '1000-byte plaintext', { password: 'pw', plaintext: 'z'.repeat(1000), salt: b('v2s5', 16), iv: b('v2i5', 12), m: 128, t: 1, p: 1 }),
  ];
  const e0 = v2Encrypt[0].expected.envelopeJson;
  const session = await sessionEnvelope('pw', XPRV, b('v2s6', 16), b('v2h6', 32), b('v2i6', 12), 'm/0/0/0/3', { memorySize: 256, iterations: 1, parallelism: 1 });
  const v2Decrypt = [
    await v2DecryptCase(bitgo, 'x-v2-dec-small-costs', 'decrypt with the costs from the envelope', P, e0),
    await v2DecryptCase(bitgo, 'x-v2-dec-wrong-password', 'wrong password', 'Correct horse battery staple', e0),
    await v2DecryptCase(bitgo, 'x-v2-dec-unicode', 'non-ASCII password and adata', 'p\u00e4ss \ud83d\udd11', v2Encrypt[2].expected.envelopeJson),
    await v2DecryptCase(bitgo, 'x-v2-dec-adata-removed', 'adata removed from the envelope', 'pw', flip(v2Encrypt[1].expected.envelopeJson, 'adata', () => undefined)),
    await v2DecryptCase(bitgo, 'x-v2-dec-session', 'session envelope (hkdfSalt): Argon2id, then HKDF-SHA256 with info bitgo-v2-session, then AES-GCM', 'pw', session),
    await v2DecryptCase(bitgo, 'x-v2-dec-session-wrong-password', 'session envelope under a wrong password', 'pw2', session),
    await v2DecryptCase(bitgo, 'x-v2-dec-version-3', 'unknown envelope version 3', P, flip(e0, 'v', () => 3)),
    await v2DecryptCase(bitgo, 'x-v2-dec-iterations-too-large', 'iterations 17 exceed the limit BitGo accepts', P, flip(e0, 't', () => 17)),
    await v2DecryptCase(bitgo, 'x-v2-dec-memory-too-large', 'memory 262145 KiB exceeds the limit BitGo accepts', P, flip(e0, 'm', () => 262145)),
    await v2DecryptCase(bitgo, 'x-v2-dec-parallelism-zero', 'parallelism 0 is refused', P, flip(e0, 'p', () => 0)),
    await v2DecryptCase(bitgo, 'x-v2-dec-ct-shorter-than-tag', 'ciphertext of 8 bytes, shorter than the GCM tag', P, flip(e0, 'ct', () => 'AAAAAAAAAAA=')),
    await v2DecryptCase(bitgo, 'x-v2-dec-missing-iv', 'envelope without iv', P, flip(e0, 'iv', () => undefined)),
  ];
  return { file: FILE, packages: PACKAGES, cases: { v1Encrypt, v1Decrypt, v2Encrypt, v2Decrypt } };
}

async function selfCheck() {
  const project = loadProject(FILE);
  const bitgo = new BitGoAPI({ env: 'test' });
  for (const c of project.cases.v1Encrypt) {
    const i = c.input;
    const mine = v1EncryptCase(c.id, c.about, { password: i.password, plaintext: i.plaintext, salt: Buffer.from(i.saltHex, 'hex'),
      iv: Buffer.from(i.ivHex, 'hex'), adata: i.adata, iter: i.iter, ks: i.ks, ts: i.ts });
    compare(c.id, c.expected, mine.expected);
  }
  for (const c of project.cases.v1Decrypt) {
    const mine = v1DecryptCase(c.id, c.about, c.input.password, c.input.envelopeJson).expected;
    const { bitgoDecryptErrorMessage, ...want } = c.expected;
    compare(c.id, want, mine);
  }
  for (const c of project.cases.v2Encrypt) {
    const i = c.input;
    const mine = await v2EncryptCase(c.id, c.about, { password: i.password, plaintext: i.plaintext, salt: Buffer.from(i.saltHex, 'hex'),
      iv: Buffer.from(i.ivHex, 'hex'), adata: i.adata, m: i.memorySizeKiB, t: i.iterations, p: i.parallelism });
    compare(c.id, c.expected, mine.expected);
  }
  for (const c of project.cases.v2Decrypt) {
    compare(c.id, c.expected, (await v2DecryptCase(bitgo, c.id, c.about, c.input.password, c.input.envelopeJson)).expected);
  }
}

module.exports = { name: 'sjcl', generate, selfCheck };
