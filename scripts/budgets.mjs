#!/usr/bin/env node
// Measures txng's web budgets and prints them as a markdown table (figures only, no pass/fail):
//
//   1. First-load transfer: gzip -9 of dist's html + js + wasm + css (each file and the total; the
//      budget is 250 KiB = 256,000 bytes, as scripts/build-web.sh checks). The lazily loaded QR
//      scanner (dist/pkg/scan/*) is listed separately.
//   2. Page load -> verdict: a local verified demo link opened in headless Chromium with 4x CPU
//      throttling (CDP Emulation.setCPUThrottlingRate), fresh cache each time, median of 10 runs,
//      timed from navigation start to #verdict[data-state=verified].
//
// Exits non-zero only if the build artifacts are missing or the page never reaches a verdict.
//
// Usage: node scripts/budgets.mjs [--no-browser] [--runs N]
// Env: TXNG_BASE (a running `txng serve`; otherwise one is started from TXNG_BIN or target/*/txng),
//      TXNG_DIST (dist), TXNG_DEMO (demo-data), CHROMIUM (/usr/bin/chromium).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(repo, process.env.TXNG_DIST || 'dist');
const demo = path.resolve(repo, process.env.TXNG_DEMO || 'demo-data');
const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 10);
const BUDGET_KB = 250;

function die(msg) {
  console.error(`budgets: ERROR: ${msg}`);
  process.exit(1);
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const kb = (n) => (n / 1024).toFixed(1); // KiB

// ---- 1. transfer sizes -----------------------------------------------------------------------
if (!fs.existsSync(path.join(dist, 'index.html'))) die(`${dist}/index.html missing: run scripts/build-web.sh first`);
const files = walk(dist).filter((f) => /\.(html|js|mjs|wasm|css)$/.test(f));
const scanDir = path.join(dist, 'pkg', 'scan') + path.sep;
const first = files.filter((f) => !f.startsWith(scanDir));
const scan = files.filter((f) => f.startsWith(scanDir));
if (!first.some((f) => f.endsWith('.wasm'))) die(`no widget .wasm under ${dist}`);
if (!scan.some((f) => f.endsWith('.wasm'))) die(`no scanner module under ${scanDir}`);

const measure = (f) => {
  const raw = fs.readFileSync(f);
  return { file: path.relative(dist, f), raw: raw.length, gz: zlib.gzipSync(raw, { level: 9 }).length };
};
const firstRows = first.map(measure).sort((a, b) => b.gz - a.gz);
const scanRows = scan.map(measure).sort((a, b) => b.gz - a.gz);
const sum = (rows, k) => rows.reduce((s, r) => s + r[k], 0);

console.log('### Budgets\n');
console.log('| Part | Raw (KiB) | gzip -9 (KiB) |');
console.log('|---|---:|---:|');
for (const r of firstRows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gz)} |`);
const firstGz = sum(firstRows, 'gz');
console.log(`| **First load total** (budget ≤ ${BUDGET_KB} KiB) | ${kb(sum(firstRows, 'raw'))} | **${kb(firstGz)}** |`);
for (const r of scanRows) console.log(`| ${r.file} (scanner, loaded on demand) | ${kb(r.raw)} | ${kb(r.gz)} |`);
console.log(`| Scanner module total | ${kb(sum(scanRows, 'raw'))} | ${kb(sum(scanRows, 'gz'))} |`);
console.log(`\nFirst-load transfer: ${firstGz} bytes = ${kb(firstGz)} KiB gzip of the ${BUDGET_KB} KiB budget (${firstGz <= BUDGET_KB * 1024 ? 'within' : 'OVER'}).`);

if (args.includes('--no-browser')) process.exit(0);

// ---- 2. load -> verdict under 4x CPU throttling ----------------------------------------------
const linksFile = path.join(demo, 'links.json');
if (!fs.existsSync(linksFile)) die(`${linksFile} missing: run \`txng demo --out demo-data\` first`);
const doc = JSON.parse(fs.readFileSync(linksFile, 'utf8'));
const list = Array.isArray(doc) ? doc : doc.cases || doc.links || Object.values(doc);
const ok = list.find((c) => (c.state || c.expect || c.expected_state || c.expected) === 'verified') || list[0];
const uri = new URL(ok.uri || ok.url || ok.link);

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

let server = null;
let base = (process.env.TXNG_BASE || '').replace(/\/$/, '');
if (!base) {
  const bin = [process.env.TXNG_BIN, path.join(repo, 'target/release/txng'), path.join(repo, 'target/debug/txng')]
    .find((b) => b && fs.existsSync(b));
  if (!bin) die('no TXNG_BASE and no txng binary to serve with (cargo build -p txng-cli)');
  const port = await freePort();
  server = spawn(bin, ['serve', '--dir', dist, '--data', demo, '--addr', `127.0.0.1:${port}`], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(base + '/').then(() => true, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const times = [];
const transfers = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    await page.goto(base + uri.pathname + uri.search);
    const ms = await page.waitForFunction(() => {
      const s = document.querySelector('#verdict')?.getAttribute('data-state');
      return s === 'verified' ? performance.now() : false;
    }, null, { timeout: 60000, polling: 10 }).then((h) => h.jsonValue()).catch(() => null);
    if (ms === null) {
      const s = await page.getAttribute('#verdict', 'data-state').catch(() => null);
      die(`run ${i + 1}: no verified verdict within 60 s (state ${s})`);
    }
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    times.push(ms);
    transfers.push(bytes);
    await context.close();
  }
} finally {
  await browser.close();
  server?.kill();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log('\n| Measure | Value |');
console.log('|---|---:|');
console.log(`| Load → verdict, verified link, 4× CPU throttle, median of ${runs} | ${median.toFixed(0)} ms |`);
console.log(`| … min / max | ${sorted[0].toFixed(0)} / ${sorted[sorted.length - 1].toFixed(0)} ms |`);
console.log(`| Bytes over the wire per load (all requests incl. registry + trace, as txng serve sends them) | ${kb(transfers[0])} KiB |`);
