#!/usr/bin/env node
// Shortens the names wasm-bindgen gives the calls between a module and its JS glue, in both
// (issue 10: bytes before the verdict). wasm-bindgen names every import after the Rust function
// and a hash (`__wbg_instanceof_Response_5b0b4f7f1daeae51`) and some exports after a mangled
// closure path (~330 characters each); the glue spells each name once more. None of them is seen
// outside the pair: the glue builds the import object and calls the exports. Measured 2026-11-30,
// brotli: the verify-first module's glue 3,617 -> 2,547 bytes and its wasm ~1.2 KB smaller.
//
// Renamed: every import of the glue's own module (`./NAME_bg.js`; a snippet's imports keep their
// JS names) and every export whose name starts with `__` or `wasm_bindgen_` (wasm-bindgen's
// internals). The module's public functions (`verifyPage`, `mountPage`, …) and `memory` keep their
// names: the glue exports JS functions of the same names, so a textual rename would change them.
// The glue is rewritten where it names them as properties (see below); the build fails if an
// import is not found there exactly once.
//
// Usage: node scripts/lib/short-names.mjs OUT_DIR NAME   (OUT_DIR/NAME_bg.wasm, OUT_DIR/NAME.js)
import fs from 'node:fs';
import path from 'node:path';

const [dir, name] = process.argv.slice(2);
if (!dir || !name) {
  console.error('usage: short-names.mjs OUT_DIR NAME');
  process.exit(2);
}
const wasmPath = path.join(dir, `${name}_bg.wasm`);
const jsPath = path.join(dir, `${name}.js`);
const ownModule = `./${name}_bg.js`;
const die = (msg) => {
  console.error(`short-names: ${name}: ${msg}`);
  process.exit(1);
};

const wasm = fs.readFileSync(wasmPath);
if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) die('not a wasm module (version 1)');

// -- LEB128 and names --
function readU32(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = buf[at.i++];
    value += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return value;
    shift += 7;
  }
}
function u32(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
function readName(buf, at) {
  const len = readU32(buf, at);
  const s = buf.subarray(at.i, at.i + len).toString('utf8');
  at.i += len;
  return s;
}
const nameBytes = (s) => Buffer.concat([u32(Buffer.byteLength(s)), Buffer.from(s, 'utf8')]);

// Short names in order: a, b, …, Z, aa, ab, … (none is a JavaScript reserved word: `do`, `if` and
// `in` are skipped, though property names may be reserved words), none equal to a kept name.
const kept = new Set();
let counter = 0;
const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function nextName() {
  for (;;) {
    let n = counter++;
    let s = '';
    do {
      s = alphabet[n % alphabet.length] + s;
      n = Math.floor(n / alphabet.length) - 1;
    } while (n >= 0);
    if (!['do', 'if', 'in'].includes(s) && !kept.has(s)) return s;
  }
}

// -- The sections: imports (2) and exports (7) rewritten, the rest copied --
const sections = [];
for (const at = { i: 8 }; at.i < wasm.length;) {
  const id = wasm[at.i++];
  const len = readU32(wasm, at);
  sections.push({ id, body: wasm.subarray(at.i, at.i + len) });
  at.i += len;
}
const exportSection = sections.find((s) => s.id === 7);
const importSection = sections.find((s) => s.id === 2);
const internal = (n) => n.startsWith('__') || n.startsWith('wasm_bindgen_');

// A section that is a vector of entries, each read by `entry(body, at)`, which returns the bytes
// to write for it.
function rewriteVector(body, what, entry) {
  const at = { i: 0 };
  const count = readU32(body, at);
  const parts = [u32(count)];
  for (let k = 0; k < count; k++) parts.push(...entry(body, at));
  if (at.i !== body.length) die(`${what} section not read to its end`);
  return Buffer.concat(parts);
}
// An export: its name, then its kind and index (returns the start of the kind).
function readExport(body, at) {
  const name = readName(body, at);
  const descStart = at.i;
  at.i += 1;
  readU32(body, at);
  return { name, desc: body.subarray(descStart, at.i) };
}
// An import's description after its names: kind, then what that kind holds.
function skipImportDesc(body, at) {
  const kind = body[at.i++];
  const limits = () => {
    const flags = readU32(body, at);
    readU32(body, at);
    if (flags & 1) readU32(body, at);
  };
  if (kind === 0) readU32(body, at); // function: type index
  else if (kind === 1) { at.i++; limits(); } // table: reftype, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) at.i += 2; // global: valtype, mutability
  else if (kind === 4) { at.i++; readU32(body, at); } // tag
  else die(`unknown import kind ${kind}`);
}

// The names that stay: a short name must not be one of them.
if (exportSection) {
  rewriteVector(exportSection.body, 'export', (body, at) => {
    const { name } = readExport(body, at);
    if (!internal(name)) kept.add(name);
    return [];
  });
}

const renames = new Map(); // old -> new
const renameKinds = new Map(); // old -> 'import' | 'export'
const rename = (old, kind) => {
  if (renames.has(old)) die(`${old} is both an import and an export`);
  renames.set(old, nextName());
  renameKinds.set(old, kind);
  return renames.get(old);
};

const rewriteImports = (section) => rewriteVector(section, 'import', (body, at) => {
  const module = readName(body, at);
  const field = readName(body, at);
  const descStart = at.i;
  skipImportDesc(body, at);
  const newField = module === ownModule ? rename(field, 'import') : field;
  return [nameBytes(module), nameBytes(newField), body.subarray(descStart, at.i)];
});
const rewriteExports = (section) => rewriteVector(section, 'export', (body, at) => {
  const { name, desc } = readExport(body, at);
  return [nameBytes(internal(name) ? rename(name, 'export') : name), desc];
});

if (importSection) importSection.body = rewriteImports(importSection.body);
if (exportSection) exportSection.body = rewriteExports(exportSection.body);
const out = [wasm.subarray(0, 8)];
for (const s of sections) out.push(Buffer.from([s.id]), u32(s.body.length), s.body);

// -- The glue: only where a name is a property --
// wasm-bindgen's glue names an import as a key of the import object (`NAME: function(…)`) and an
// export as a member of the instance's exports (`wasm.NAME`); a top-level JS function that may
// share an export's name keeps it (esbuild renames it). Each import must be found as a key once.
// (A glue and module that still disagreed would fail to instantiate: every e2e test loads them.)
const found = new Map();
let js = fs.readFileSync(jsPath, 'utf8');
js = js.replace(/(\.)([A-Za-z_$][\w$]*)|(^[ \t]*|[{,][ \t]*)([A-Za-z_$][\w$]*)([ \t]*:[ \t]*function\b)/gm,
  (all, dot, member, lead, key, colon) => {
    const old = member ?? key;
    const n = renames.get(old);
    if (n === undefined) return all;
    const kind = member ? 'member' : 'key';
    found.set(old, [...(found.get(old) || []), kind]);
    return member ? `.${n}` : `${lead}${n}${colon}`;
  });
// An export the glue never calls (`__abort_handler`, …) is renamed too: nothing names it.
for (const [old, kind] of renameKinds) {
  const got = found.get(old) || [];
  const ok = kind === 'import' ? got.length === 1 && got[0] === 'key' : got.every((k) => k === 'member');
  if (!ok) die(`the glue names the ${kind} ${old} ${got.length ? `as ${got.join(', ')}` : 'nowhere'}`);
}

fs.writeFileSync(wasmPath, Buffer.concat(out));
fs.writeFileSync(jsPath, js);
console.log(`short-names: ${name}: ${renames.size} names shortened`);
