'use strict';
// Shared helpers for the extra-vector generators: reading the project's vector files, merging extra cases,
// writing the merged files, and small deterministic helpers.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PROJECT_VECTORS = path.join(ROOT, 'vectors');
const OUT_DIR = path.resolve(process.env.VECTORS_OUT || path.join(__dirname, '..', 'target', 'vectors-extra'));

function loadProject(file) {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_VECTORS, file), 'utf8'));
}

function installedVersion(pkg) {
  const file = path.join(__dirname, '..', 'node_modules', pkg, 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

/**
 * Appends the extra cases to a copy of the project's file, refuses duplicate ids, updates caseCounts and
 * records which packages produced the extra cases, then writes the result to the output directory.
 */
function writeMerged(file, extraByGroup, packages) {
  const doc = loadProject(file);
  for (const [group, extra] of Object.entries(extraByGroup)) {
    if (!doc.cases[group]) {
      throw new Error(`${file}: group ${group} is not in the project copy`);
    }
    const ids = new Set(doc.cases[group].map((c) => c.id));
    for (const c of extra) {
      if (ids.has(c.id)) {
        throw new Error(`${file}: duplicate case id ${c.id}`);
      }
      ids.add(c.id);
      doc.cases[group].push(c);
    }
  }
  for (const group of Object.keys(doc.cases)) {
    doc.caseCounts[group] = doc.cases[group].length;
  }
  const versions = {};
  for (const p of packages) {
    versions[p] = installedVersion(p);
  }
  doc.extraCases = {
    about: 'cases appended to the project copy by tools/interop of bitgo-java, produced by running the packages below',
    packages: versions,
    node: process.version,
    counts: Object.fromEntries(Object.entries(extraByGroup).map(([g, cs]) => [g, cs.length])),
  };
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, file), JSON.stringify(doc, null, 2) + '\n');
  return doc.extraCases.counts;
}

/** Copies the project's file unchanged (for files without extra cases), so the directory is complete. */
function copyUnchanged(file) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.copyFileSync(path.join(PROJECT_VECTORS, file), path.join(OUT_DIR, file));
}

function sha256(data) {
  return crypto.createHash('sha256').update(data).digest();
}

/** Deterministic byte stream: SHA-256 in counter mode over a label. */
function detBytes(label, n) {
  const out = [];
  let total = 0;
  for (let i = 0; total < n; i++) {
    const block = sha256(Buffer.from(`${label}/${i}`, 'utf8'));
    out.push(block);
    total += block.length;
  }
  return Buffer.concat(out).subarray(0, n);
}

// Deep comparison: every field of `want` must equal the generator's; extra generator fields are allowed.
function compare(where, want, got) {
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object') throw new Error(`self-check ${where}: expected an object`);
    for (const k of Object.keys(want)) compare(`${where}.${k}`, want[k], got[k]);
    return;
  }
  if (want !== got) throw new Error(`self-check ${where}: project copy ${JSON.stringify(want)}, generator ${JSON.stringify(got)}`);
}

module.exports = { compare, ROOT, PROJECT_VECTORS, OUT_DIR, loadProject, writeMerged, copyUnchanged, sha256, detBytes, installedVersion };
