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
];

async function main() {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  const written = new Set();
  for (const g of GENERATORS) {
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
