#!/usr/bin/env node
// Interoperability of txng's JWS documents with `jose` (panva/jose), a standard JOSE library:
//   (a) txng's registry and trace documents (from `txng demo`) verify with jose's compactVerify,
//       restricted to alg `Ed25519` (RFC 9864), and carry the explicit `typ` (FORMAT.md §2.1);
//   (b) a registry and a trace document signed with jose's CompactSign — with alg `Ed25519` and with
//       the deprecated `EdDSA` — and a label signed with node:crypto's Ed25519, verify in
//       `txng verify --json`; the same documents with the other kind's `typ` are refused.
// Usage: node tests/interop/jose.mjs [--txng PATH] [--demo-data DIR]
// Prints one line per case and, last, "N passed, N failed"; exits 1 if any failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compactVerify, CompactSign, importJWK, exportJWK, generateKeyPair, decodeProtectedHeader } from 'jose';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const txng = opt('--txng', process.env.TXNG_BIN || path.join(repo, 'target/debug/txng'));
const demo = opt('--demo-data', process.env.TXNG_DEMO_DATA || path.join(repo, 'demo-data'));

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
const b64u = (buf) => Buffer.from(buf).toString('base64url');
const ed25519Jwk = (x) => importJWK({ kty: 'OKP', crv: 'Ed25519', x }, 'EdDSA');

function loadAnchors(file) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const list = Array.isArray(doc) ? doc : doc.anchors || [];
  return Object.fromEntries(list.map((a) => [a.kid, a.public_key || a.key || a.x]));
}

// ---- (a) txng's documents, verified by jose ------------------------------------------------------
let registry;
await check('jose verifies txng\'s registry JWS (alg Ed25519, typ txng-registry+jws) with the trust anchor', async () => {
  const anchors = loadAnchors(path.join(demo, 'anchors.json'));
  const token = fs.readFileSync(path.join(demo, 'registry.jws'), 'utf8').trim();
  const { kid } = decodeProtectedHeader(token);
  assert(anchors[kid], `no anchor for kid ${kid}`);
  const { payload, protectedHeader } = await compactVerify(token, await ed25519Jwk(anchors[kid]), { algorithms: ['Ed25519'] });
  assert(protectedHeader.typ === 'txng-registry+jws', `typ ${protectedHeader.typ}`);
  registry = JSON.parse(new TextDecoder().decode(payload));
  assert(registry.format === 'txng-registry/1', `format ${registry.format}`);
});

await check('jose verifies txng\'s trace JWS documents (alg Ed25519, typ txng-trace+jws) with the producer keys', async () => {
  const links = JSON.parse(fs.readFileSync(path.join(demo, 'links.json'), 'utf8'));
  const files = [...new Set((links.cases || links).filter((c) => (c.codes || []).includes('trace.valid') && c.trace).map((c) => c.trace))];
  assert(files.length > 0, 'no case with trace.valid in links.json');
  let ok = 0;
  for (const f of files) {
    const token = fs.readFileSync(path.join(demo, f), 'utf8').trim();
    const { kid } = decodeProtectedHeader(token);
    const [pid, n] = kid.split('#');
    const key = registry.producers.find((p) => p.id === pid)?.keys.find((k) => k.number === Number(n));
    assert(key, `${f}: no key for ${kid}`);
    const { payload, protectedHeader } = await compactVerify(token, await ed25519Jwk(key.public_key), { algorithms: ['Ed25519'] });
    assert(protectedHeader.typ === 'txng-trace+jws', `${f}: typ ${protectedHeader.typ}`);
    assert(JSON.parse(new TextDecoder().decode(payload)).format === 'txng-trace/1', `${f}: format`);
    ok++;
  }
  assert(ok > 0, 'no trace document verified');
});

// ---- (b) documents signed with jose, verified by txng ---------------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-jose-'));
try {
  const authority = await generateKeyPair('Ed25519', { extractable: true });
  const producer = crypto.generateKeyPairSync('ed25519');
  const producerJwk = producer.publicKey.export({ format: 'jwk' });
  const prefix = '893777002';
  const body = '0' + prefix + '456';
  const sum = [...body].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  const gtin = body + ((10 - (sum % 10)) % 10);
  const host = 'truyxuat.jose.example.vn';
  const reg = {
    format: 'txng-registry/1',
    authority: { name: 'Cơ quan thử nghiệm (jose)', hotline: '0000' },
    issued_at: '2026-01-01T00:00:00Z',
    next_update: '2027-01-01T00:00:00Z',
    resolvers: [host],
    trace_url_templates: [`https://${host}/t/{gtin}/{lot}.jws`],
    producers: [{
      id: 'cty-jose',
      name: 'Công ty Thử nghiệm Jose',
      tax_code: '3200000001',
      address: { commune: 'Phường Đông Hà', province: 'Quảng Trị' },
      gs1_company_prefixes: [prefix],
      keys: [{ number: 1, public_key: producerJwk.x, valid_from: '2025-06-01T00:00:00Z' }],
    }],
  };
  const enc = (o) => new TextEncoder().encode(JSON.stringify(o));
  const ax = (await exportJWK(authority.publicKey)).x;
  fs.writeFileSync(path.join(work, 'anchors.json'), JSON.stringify([{ kid: 'jose-authority', public_key: ax }]));

  // The label: FORMAT.md §1.4 signing input, signed with node:crypto.
  const el = [['01', gtin], ['10', 'L-0526'], ['21', '42'], ['17', '270630']];
  const header = Buffer.from([0x01, 0x00, 0x01]);
  const input = Buffer.concat([Buffer.from('TXNG-GS1-8030-ED25519-V1'), Buffer.from([0]), header,
    ...el.map(([ai, v]) => Buffer.from(`${ai}${v}\u001d`))]);
  const sig = crypto.sign(null, input, producer.privateKey);
  const v8030 = b64u(Buffer.concat([header, sig]));
  const uri = `https://${host}/01/${gtin}/10/L-0526/21/42?17=270630&8030=${v8030}`;

  const trace = {
    format: 'txng-trace/1',
    gtin,
    lot: 'L-0526',
    product: {
      name: 'Hạt tiêu đen (jose)',
      image_url: 'https://example.vn/tieu.jpg',
      standards: [{ kind: 'tcvn', number: 'TCVN 7036:2008' }],
    },
    epcis: {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-05-02T09:00:00+07:00',
      // The event names the lot (txng's EPCIS profile, FORMAT.md §3.6) by its GS1 Digital Link class.
      epcisBody: { eventList: [{ type: 'ObjectEvent', eventTime: '2026-05-02T08:00:00+07:00', eventTimeZoneOffset: '+07:00',
        bizStep: 'https://truyxuat.quangtri.gov.vn/ns/txng#BizStep-harvesting', action: 'OBSERVE',
        quantityList: [{ epcClass: `https://id.gs1.org/01/${gtin}/10/L-0526` }] }] },
    },
  };

  // Signs the registry and the trace with jose (given alg and typ values), runs txng verify.
  async function verifyIssued(alg, regTyp, traceTyp) {
    const regHeader = { alg, kid: 'jose-authority', ...(regTyp ? { typ: regTyp } : {}) };
    const regJws = await new CompactSign(enc(reg)).setProtectedHeader(regHeader).sign(authority.privateKey);
    fs.writeFileSync(path.join(work, 'registry.jws'), regJws);
    const traceHeader = { alg, kid: 'cty-jose#1', ...(traceTyp ? { typ: traceTyp } : {}) };
    const traceJws = await new CompactSign(enc(trace)).setProtectedHeader(traceHeader).sign(producer.privateKey);
    fs.writeFileSync(path.join(work, 'trace.jws'), traceJws);
    let out;
    try {
      out = execFileSync(txng, ['verify', uri, '--registry', path.join(work, 'registry.jws'), '--anchors', path.join(work, 'anchors.json'),
        '--trace', path.join(work, 'trace.jws'), '--now', '2026-06-01T00:00:00Z', '--json'], { encoding: 'utf8' });
    } catch (e) {
      out = e.stdout || '';
      if (!out) throw new Error(`txng verify failed: ${e.stderr || e.message}`);
    }
    const v = JSON.parse(out);
    return { state: v.state, codes: (v.checks || []).map((c) => c.code || c) };
  }

  for (const alg of ['Ed25519', 'EdDSA']) {
    await check(`txng verifies a registry and trace signed with jose (alg ${alg}) and a node:crypto label`, async () => {
      const { state, codes } = await verifyIssued(alg, 'txng-registry+jws', 'txng-trace+jws');
      for (const c of ['registry.valid', 'signature.valid', 'host.official', 'trace.valid']) assert(codes.includes(c), `${c} missing: ${codes.join(', ')}`);
      assert(state === 'verified', `state ${state} (${codes.join(', ')})`);
    });
  }
  await check('txng refuses a jose-signed registry whose typ is txng-trace+jws (registry.wrong_type)', async () => {
    const { state, codes } = await verifyIssued('Ed25519', 'txng-trace+jws', 'txng-trace+jws');
    assert(state === 'cannot_tell' && codes.includes('registry.wrong_type'), `${state}: ${codes.join(', ')}`);
  });
  await check('txng refuses a jose-signed trace document whose typ is txng-registry+jws (trace.wrong_type)', async () => {
    const { state, codes } = await verifyIssued('Ed25519', 'txng-registry+jws', 'txng-registry+jws');
    assert(state === 'verified_with_warnings' && codes.includes('trace.wrong_type') && !codes.includes('trace.valid'), `${state}: ${codes.join(', ')}`);
  });
  await check('txng refuses jose-signed documents without typ (explicit typing is required)', async () => {
    const { state, codes } = await verifyIssued('Ed25519', null, null);
    assert(state === 'cannot_tell' && codes.includes('registry.wrong_type'), `${state}: ${codes.join(', ')}`);
  });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
