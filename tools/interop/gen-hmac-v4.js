'use strict';
// Extra cases for hmac-v4.json: request preimages and headers from calculateV4RequestHeaders, pathWithQuery from
// getPathWithQuery, response checks from verifyV4Response of @bitgo/sdk-hmac, all with the clock frozen.
const v4 = require('@bitgo/sdk-hmac');
const util = v4;
const { loadProject, compare } = require('./lib/common');

const FILE = 'hmac-v4.json';
const PACKAGES = ['@bitgo/sdk-hmac'];
const TOKEN_A = 'v2x852897d85d30da3832bd68be38cb73f8618cdbb73b5c4fb34f6c3154ed4ffa16';
const TOKEN_B = 'v2x6966dd55af10177a3f0c0ee89a61eaf9e74ce509b353428b7b45ea087c06fa18';
const TOKEN_ODD = 'v2x-\u00fcmlauts-\ud83d\udd11-not-hex';

function withClock(ms, fn) {
  const real = Date.now;
  Date.now = () => ms;
  try {
    return fn();
  } finally {
    Date.now = real;
  }
}

function body(spec) {
  if (spec.hex !== undefined) return { kind: 'buffer', text: null, bytesHex: spec.hex };
  return { kind: 'string', text: spec.text, bytesHex: Buffer.from(spec.text, 'utf8').toString('hex') };
}
const raw = (b) => (b.kind === 'string' ? b.text : Buffer.from(b.bytesHex, 'hex'));

function requestCase(id, about, { rawToken, requestMethod, xOriginalMethod = null, requestUrl = null, xOriginalUri = null,
  pathWithQueryGivenDirectly = null, body: b, authRequestId, clockMs }) {
  const method = v4.getMethod(xOriginalMethod === null ? undefined : xOriginalMethod, requestMethod);
  const pathWithQuery = pathWithQueryGivenDirectly !== null ? pathWithQueryGivenDirectly
    : v4.getPathWithQuery(xOriginalUri === null ? undefined : xOriginalUri, requestUrl);
  const h = withClock(clockMs, () => v4.calculateV4RequestHeaders({ method, pathWithQuery, rawBody: raw(b), rawToken, authRequestId }));
  const preimage = v4.calculateV4Preimage({ timestampSec: h.timestampSec, method, pathWithQuery, bodyHashHex: h.bodyHashHex, authRequestId });
  if (v4.calculateV4RequestHmac({ timestampSec: h.timestampSec, method, pathWithQuery, bodyHashHex: h.bodyHashHex, authRequestId, rawToken }) !== h.hmac) {
    throw new Error(`${id}: calculateV4RequestHmac disagrees with calculateV4RequestHeaders`);
  }
  return {
    id, group: 'request', about,
    input: { rawToken, requestMethod, xOriginalMethod, requestUrl, xOriginalUri, pathWithQueryGivenDirectly, body: b, authRequestId, clockMs },
    expected: {
      method: preimage.split('\n')[1], pathWithQuery, timestampSec: h.timestampSec, bodyHashHex: h.bodyHashHex, preimage,
      preimageUtf8Hex: Buffer.from(preimage, 'utf8').toString('hex'), hmac: h.hmac, headersResult: h,
      documentedHeaders: { 'X-Request-Timestamp': String(h.timestampSec), 'X-Signature': h.hmac, 'X-Content-SHA256': h.bodyHashHex,
        'X-Auth-Request-Id': h.authRequestId },
    },
  };
}

function pathCase(id, about, xOriginalUri, requestUrl) {
  return { id, group: 'pathWithQuery', about, input: { xOriginalUri, requestUrl },
    expected: { pathWithQuery: v4.getPathWithQuery(xOriginalUri === null ? undefined : xOriginalUri, requestUrl) } };
}

/** The server signs {@code signed} (defaults: the values the client checks); the client verifies at clockMs. */
function responseCase(group, id, about, { rawToken, method, pathWithQuery, authRequestId, statusCode, body: b, timestampSec, clockMs, signed = {}, hmacHeader }) {
  const s = { rawToken, method, pathWithQuery, authRequestId, statusCode, body: b, timestampSec, ...signed };
  const header = hmacHeader !== undefined ? hmacHeader : util.createHmacWithSha256(s.rawToken, v4.calculateV4ResponsePreimage({
    timestampSec: s.timestampSec, method: s.method, pathWithQuery: s.pathWithQuery, statusCode: s.statusCode,
    bodyHashHex: v4.calculateBodyHash(raw(s.body)), authRequestId: s.authRequestId }));
  const bodyHashHex = v4.calculateBodyHash(raw(b));
  const r = withClock(clockMs, () => v4.verifyV4Response({ hmac: header, timestampSec, method, pathWithQuery, bodyHashHex, authRequestId, statusCode, rawToken }));
  return {
    id, group, about,
    input: { rawToken, method, pathWithQuery, authRequestId, statusCode, body: b, timestampSec, hmacHeader: header, clockMs },
    expected: { bodyHashHex, preimage: r.preimage, expectedHmac: r.expectedHmac, verifyResult: r },
  };
}

function generate() {
  const C = 1761200000000;
  const ID = (n) => `0b1c2d3e-4f50-4a6b-8c7d-${String(n).padStart(12, '0')}`;
  const req = (id, about, o) => requestCase(id, about, { rawToken: TOKEN_A, authRequestId: ID(id.length), clockMs: C, body: body({ text: '' }), ...o });
  const request = [
    req('x-req-put-json', 'PUT with a JSON body', { requestMethod: 'PUT', requestUrl: '/api/v2/tbtc/wallet/5f1', body: body({ text: '{"label":"cold"}' }) }),
    req('x-req-patch-lower', 'lower-case method patch is upper-cased', { requestMethod: 'patch', requestUrl: '/api/v2/enterprise/e1', body: body({ text: '{"name":"x"}' }) }),
    req('x-req-del', 'legacy SDK method name del becomes DELETE', { requestMethod: 'del', requestUrl: '/api/v2/webhooks/w1' }),
    req('x-req-del-upper', 'DEL in any case becomes DELETE', { requestMethod: 'DeL', requestUrl: '/api/v2/webhooks/w2' }),
    req('x-req-x-original-method', 'x-original-method wins over the request method', { requestMethod: 'POST', xOriginalMethod: 'put', requestUrl: '/api/v2/x' }),
    req('x-req-x-original-uri', 'x-original-uri wins over the request URL', { requestMethod: 'GET', requestUrl: '/internal/route', xOriginalUri: '/api/v2/wallets?limit=3' }),
    req('x-req-binary-body', 'binary body (not UTF-8) hashed as bytes', { requestMethod: 'POST', requestUrl: '/api/v2/upload', body: body({ hex: '00ff80c0fe0a0d' }) }),
    req('x-req-body-newlines', 'body with CR LF and pipes', { requestMethod: 'POST', requestUrl: '/api/v2/x', body: body({ text: '{"a":"1|2"}\r\n' }) }),
    req('x-req-token-b', 'other token, query with encoded characters', { rawToken: TOKEN_B, requestMethod: 'GET', requestUrl: '/api/v2/wallets?labelContains=my%20wallet&coin=tbtc' }),
    req('x-req-odd-token', 'a v2x token that is not hex and has non-ASCII characters: the HMAC key is its UTF-8 bytes', { rawToken: TOKEN_ODD, requestMethod: 'GET', requestUrl: '/api/v2/user/me' }),
    req('x-req-clock-ms-floor', 'clock 999 ms past the second: timestamp floored', { requestMethod: 'GET', requestUrl: '/api/v2/user/me', clockMs: C + 999 }),
    req('x-req-clock-early', 'a clock in 2001 (10-digit seconds still)', { requestMethod: 'GET', requestUrl: '/api/v2/user/me', clockMs: 1000000000123 }),
    req('x-req-absolute-url', 'absolute URL with user info and port', { requestMethod: 'GET', requestUrl: 'https://user:pw@app.bitgo.com:8443/api/v2/wallets?x=1' }),
    req('x-req-dot-segments', 'dot segments in the URL are resolved', { requestMethod: 'GET', requestUrl: '/api/v2/../v2/./wallets' }),
    req('x-req-unicode-url', 'non-ASCII and a space in the URL are percent-encoded by URL parsing', { requestMethod: 'GET', requestUrl: '/api/v2/wallet/caf\u00e9 x?q=\u00fcber y' }),
    req('x-req-long-body', '10000-byte body', { requestMethod: 'POST', requestUrl: '/api/v2/x', body: body({ text: 'x'.repeat(10000) }) }),
  ];
  const pathWithQuery = [
    pathCase('x-path-query-only-question', 'an empty query "?" is dropped (search is empty)', null, '/api/v2/wallets?'),
    pathCase('x-path-fragment-only', 'fragment after the path is dropped', null, '/api/v2/wallets#x'),
    pathCase('x-path-dot-segments', 'dot segments are resolved', null, '/api/v2/a/../b/./c'),
    pathCase('x-path-space-unicode', 'space and non-ASCII in path and query are percent-encoded', null, '/api/v2/caf\u00e9 x?q=\u00fcber y'),
    pathCase('x-path-backslash', 'backslashes become slashes (special scheme)', null, '/api\\v2\\wallets'),
    pathCase('x-path-protocol-relative', 'a protocol-relative URL names a host: only its path is kept', null, '//evil.example/api/v2/x?y=1'),
    pathCase('x-path-no-leading-slash', 'a relative path without leading slash is resolved against /', null, 'api/v2/wallets'),
    pathCase('x-path-x-original-uri-full-url', 'x-original-uri as a full URL', 'https://app.bitgo.com/api/v2/x?a=b', '/internal'),
    pathCase('x-path-uppercase-escapes', 'existing escapes keep their case', null, '/api/v2/%7e%7E?x=%c3%bc'),
    pathCase('x-path-pipe-brackets', 'characters | [ ] { } in the path and query', null, '/api/v2/a|b[c]{d}?e=|[]{}'),
    pathCase('x-path-quote-lt', 'quote, < and > are percent-encoded; apostrophe in the query too', null, "/api/\"<x>'?q=\"<y>'"),
    pathCase('x-path-http-host-port', 'http URL with default port', null, 'http://localhost:80/a?b'),
    pathCase('x-path-root', 'the root path', null, '/'),
    pathCase('x-path-empty-request-url', 'empty request URL resolves to /', null, ''),
  ];
  const N = 1761200100000;
  const base = { rawToken: TOKEN_A, method: 'GET', pathWithQuery: '/api/v2/wallets?limit=2', authRequestId: ID(7), statusCode: 200,
    body: body({ text: '{"wallets":[]}' }), timestampSec: N / 1000 - 2, clockMs: N };
  const response = [
    responseCase('response', 'x-resp-post-201', '201 response to POST', { ...base, method: 'POST', statusCode: 201, body: body({ text: '{"id":"w"}' }) }),
    responseCase('response', 'x-resp-del', 'response to del is verified as DELETE', { ...base, method: 'del', statusCode: 200 }),
    responseCase('response', 'x-resp-status-tampered', 'signed as 200, received as 201', { ...base, statusCode: 201, signed: { statusCode: 200 } }),
    responseCase('response', 'x-resp-oldest-edge', 'timestamp exactly 300 s old: inside', { ...base, timestampSec: N / 1000 - 300 }),
    responseCase('response', 'x-resp-too-old', 'timestamp 301 s old: outside', { ...base, timestampSec: N / 1000 - 301 }),
    responseCase('response', 'x-resp-newest-edge', 'timestamp exactly 60 s ahead: inside', { ...base, timestampSec: N / 1000 + 60 }),
    responseCase('response', 'x-resp-clock-fraction', 'the clock 999 ms into a second: the window uses whole seconds', { ...base, timestampSec: N / 1000 - 300, clockMs: N + 999 }),
    responseCase('response', 'x-resp-binary-body', 'binary response body', { ...base, body: body({ hex: 'ff00fe01' }) }),
    responseCase('response', 'x-resp-unicode-body', 'non-ASCII response body', { ...base, rawToken: TOKEN_B, body: body({ text: '{"label":"W\u00fc \u6771\u4eac \ud83d\udcb8"}' }) }),
    responseCase('response', 'x-resp-path-tampered', 'signed for another path', { ...base, signed: { pathWithQuery: '/api/v2/wallets?limit=3' } }),
    responseCase('response', 'x-resp-empty-body-204', '204 with an empty body', { ...base, method: 'DELETE', statusCode: 204, body: body({ text: '' }) }),
    responseCase('response', 'x-resp-error-status-signed', 'a signed 400 response verifies like any other', { ...base, statusCode: 400, body: body({ text: '{"error":"bad"}' }) }),
  ];
  const good = responseCase('responseHmacHeader', 'tmp', '', base).input.hmacHeader;
  const responseHmacHeader = [
    responseCase('responseHmacHeader', 'x-hdr-uppercase', 'the correct HMAC in upper-case hex: hex decoding ignores case, accepted', { ...base, hmacHeader: good.toUpperCase() }),
    responseCase('responseHmacHeader', 'x-hdr-truncated', 'the first 62 hex digits only: shorter, rejected', { ...base, hmacHeader: good.slice(0, 62) }),
    responseCase('responseHmacHeader', 'x-hdr-0x-prefix', '0x-prefixed: decodes to zero bytes, rejected', { ...base, hmacHeader: '0x' + good }),
    responseCase('responseHmacHeader', 'x-hdr-not-hex', 'non-hex characters: rejected', { ...base, hmacHeader: 'z'.repeat(64) }),
    responseCase('responseHmacHeader', 'x-hdr-one-bit', 'last digit changed: rejected', { ...base, hmacHeader: good.slice(0, 63) + (good[63] === '0' ? '1' : '0') }),
    responseCase('responseHmacHeader', 'x-hdr-extra-byte', 'the correct HMAC followed by one more byte: longer, rejected', { ...base, hmacHeader: good + '00' }),
  ];
  return { file: FILE, packages: PACKAGES, cases: { request, pathWithQuery, response, responseHmacHeader } };
}

function selfCheck() {
  const project = loadProject(FILE);
  for (const c of project.cases.request) {
    const i = c.input;
    compare(c.id, c.expected, requestCase(c.id, c.about, { ...i, body: i.body }).expected);
  }
  for (const c of project.cases.pathWithQuery) {
    compare(c.id, c.expected, pathCase(c.id, c.about, c.input.xOriginalUri, c.input.requestUrl).expected);
  }
  for (const g of ['response', 'responseHmacHeader']) {
    for (const c of project.cases[g]) {
      const i = c.input;
      compare(c.id, c.expected, responseCase(g, c.id, c.about, { ...i }).expected);
    }
  }
}

module.exports = { name: 'hmac-v4', generate, selfCheck };
