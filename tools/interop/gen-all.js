'use strict';
// Writes target/vectors-extra/: every vector file of the project's copy, with the extra cases of each generator
// appended. Deterministic: the same packages give the same files.
const fs = require('fs');
const path = require('path');
const { PROJECT_VECTORS, OUT_DIR, writeMerged, copyUnchanged } = require('./lib/common');

const GENERATORS = [
  require('./gen-utxo-psbt'),
  require('./gen-utxo-addresses'),
  require('./gen-hmac'),
  require('./gen-sjcl'),
  require('./gen-hmac-v4'),
  require('./gen-eth'),
  require('./gen-bip32'),
  require('./gen-multiuser'),
  require('./gen-ed25519'),
];

async function main() {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  const written = new Set();
  // ONLY=sjcl,eth runs just those generators (the other files are then copied unchanged)
  const only = process.env.ONLY ? process.env.ONLY.split(',') : null;
  for (const g of GENERATORS) {
    if (only && !only.includes(g.name)) continue;
    if (g.selfCheck) {
      await g.selfCheck();
    }
    const r = await g.generate();
    const counts = writeMerged(r.file, r.cases, r.packages);
    written.add(r.file);
    console.log(`${r.file}: extra cases ${JSON.stringify(counts)}`);
  }
  for (const f of fs.readdirSync(PROJECT_VECTORS)) {
    if (f.endsWith('.json') && !written.has(f)) {
      copyUnchanged(f);
    }
  }
  console.log(`written to ${OUT_DIR}`);
}

main().then(() => process.exit(0)).catch((e) => {
  console.error(e);
  process.exit(1);
});
