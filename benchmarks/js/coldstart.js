'use strict';
// Cold start of BitGoJS: load sdk-api, send one signed request to the local server, verify the response, exit.
// compare-bitgojs.sh times the whole process. Usage: node coldstart.js <server url>
const fs = require('fs');
const path = require('path');
const { BitGoAPI } = require('@bitgo/sdk-api');

const b = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'src', 'main', 'resources', 'bench-inputs.json'), 'utf8'));
const walletId = b.getPath.split('/').pop();
const bitgo = new BitGoAPI({ env: 'custom', customRootURI: process.argv[2], accessToken: b.token });
bitgo.get(bitgo.url(`/tbtc/wallet/${walletId}`, 2)).result()
  .then((w) => process.exit(w.id === walletId ? 0 : 1))
  .catch((e) => { console.error(e.message); process.exit(1); });
