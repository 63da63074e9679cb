#!/usr/bin/env node
// Browser benchmark of txng-scan (pkg/scan, built by scripts/build-scan.sh)
// against jsQR in the same headless Chromium page. Prints figures only:
//   * median ms per 640x480 camera frame, ours vs jsQR, and the ratio;
//   * success over the photo corpus (shared/testdata/qr-photos) for both.
// Exits non-zero only if the module fails to load or decodes nothing.
//
// Usage: node scripts/scan-bench/run.mjs
// Env: SCAN_CORPUS (corpus dir), SCAN_BENCH_REPS (decodes per frame, 5),
//      SCAN_BENCH_STRIDE (every Nth corpus photo becomes a frame, 3),
//      CHROMIUM (browser path, /usr/bin/chromium).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const corpus = process.env.SCAN_CORPUS || path.resolve(repo, '../shared/testdata/qr-photos');
const reps = Number(process.env.SCAN_BENCH_REPS || 5);
const stride = Number(process.env.SCAN_BENCH_STRIDE || 3);

// The 11 files whose jsQR-expected text is wrong (Shift_JIS / binary): a
// non-empty decode counts (see the corpus README).
const JSQR_WRONG = new Set(['155', '166', '172', '173', '174', '177', '178', '181', '184', '186', '182'].map((n) => n + '.png'));

function fail(msg) {
  console.error('scan-bench: ' + msg);
  process.exit(1);
}

if (!fs.existsSync(path.join(repo, 'pkg/scan/txng_scan.js'))) fail('pkg/scan missing: run scripts/build-scan.sh first');
if (!fs.existsSync(path.join(corpus, 'expected.json'))) fail(`corpus not found at ${corpus}`);
const expected = JSON.parse(fs.readFileSync(path.join(corpus, 'expected.json'), 'utf8'));
const extra = JSON.parse(fs.readFileSync(path.join(repo, 'crates/txng-scan/tests/extra_expected.json'), 'utf8'));
const files = Object.keys(expected).sort();

const mounts = [
  ['/pkg/scan/', path.join(repo, 'pkg/scan')],
  ['/node_modules/jsqr/', path.join(repo, 'node_modules/jsqr')],
  ['/scripts/scan-bench/', here],
  ['/corpus/', corpus],
];
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.png': 'image/png', '.jpg': 'image/jpeg', '.json': 'application/json' };

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (url === '/favicon.ico') return res.writeHead(204).end();
  const m = url === '/' ? ['/', path.join(here, 'index.html')] : mounts.find(([p]) => url.startsWith(p));
  if (!m) return res.writeHead(404).end();
  const file = url === '/' ? m[1] : path.join(m[1], url.slice(m[0].length));
  if (!file.startsWith(m[1]) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let code = 0;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(base);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
  let load;
  try {
    load = await page.evaluate(() => window.bench.load());
  } catch (e) {
    fail(`module failed to load: ${e.message}\n${errors.join('\n')}`);
  }
  const gz = (await import('node:zlib')).gzipSync(fs.readFileSync(path.join(repo, 'pkg/scan/txng_scan_bg.wasm')), { level: 9 }).length;
  console.log(`module: pkg/scan/txng_scan_bg.wasm gzip ${(gz / 1024).toFixed(1)} KiB, import()+init ${load.loadMs.toFixed(1)} ms`);

  // Corpus success in the browser.
  const rows = await page.evaluate((f) => window.bench.corpus(f), files);
  const judge = (file, got) => {
    if (got == null) return false;
    // Shift_JIS files: the text pinned in extra_expected.json (as tests/photo_corpus.rs does).
    if (JSQR_WRONG.has(file)) return extra[file] != null ? got === extra[file] : got !== '';
    if (expected[file] != null) return got === expected[file];
    return extra[file] != null && extra[file] === got;
  };
  const ok = { ours: 0, jsqr: 0 };
  const exact = { ours: 0, jsqr: 0 };
  const oursMisses = [];
  for (const r of rows) {
    if (judge(r.file, r.ours)) ok.ours++;
    else if (expected[r.file] != null) oursMisses.push(r.file);
    if (judge(r.file, r.jsqr)) ok.jsqr++;
    if (expected[r.file] != null && r.ours === expected[r.file]) exact.ours++;
    if (expected[r.file] != null && r.jsqr === expected[r.file]) exact.jsqr++;
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`corpus (${files.length} photos, own size): ours ${ok.ours} correct, jsQR ${ok.jsqr} correct`);
  console.log(`  (correct = the test's rule: expected text, pinned text for the 10 Shift_JIS files and the jsQR-null files, any text for binary 155.png)`);
  console.log(`  equal to expected.json text (jsQR's own criterion, 182 max; a correct decoder loses the 11 Shift_JIS/binary files): ours ${exact.ours}, jsQR ${exact.jsqr}`);
  console.log(`  median ms/photo: ours ${med(rows.map((r) => r.oursMs)).toFixed(2)}, jsQR ${med(rows.map((r) => r.jsqrMs)).toFixed(2)}`);
  if (oursMisses.length) console.log(`  ours missed (jsQR-expected files): ${oursMisses.join(' ')}`);

  // Camera frames.
  const frameFiles = files.filter((f) => expected[f] != null).filter((_, i) => i % stride === 0);
  const fr = await page.evaluate(([f, r]) => window.bench.frames(f, r), [frameFiles, reps]);
  const line = (name, x) => console.log(`  ${name.padEnd(36)} median ${x.medianMs.toFixed(2)} ms, mean ${x.meanMs.toFixed(2)} ms, decoded ${x.found}/${fr.frames}`);
  console.log(`640x480 frames (${fr.frames} frames x ${reps} decodes):`);
  line('ours decode_rgba (full frame)', fr.ours);
  line('ours decode_rgba (480x480 crop)', fr.oursCrop);
  line('jsQR (default, attemptBoth)', fr.jsqr);
  line('jsQR (dontInvert)', fr.jsqrNoInv);
  console.log(`ratio ours/jsQR (median, full frame): ${(fr.ours.medianMs / fr.jsqr.medianMs).toFixed(3)} vs default jsQR, ${(fr.ours.medianMs / fr.jsqrNoInv.medianMs).toFixed(3)} vs dontInvert (goal <= 0.2)`);
  // Frames where jsQR finds no code (mostly no readable code: the common case
  // while the user aims the camera), to show the cost of a miss.
  const missFiles = files.filter((f) => expected[f] == null);
  const fm = await page.evaluate(([f, r]) => window.bench.frames(f, r), [missFiles, reps]);
  console.log(`640x480 frames of the ${fm.frames} photos jsQR finds nothing in (cost of a miss):`);
  console.log(`  ours median ${fm.ours.medianMs.toFixed(2)} ms (decoded ${fm.ours.found}), jsQR median ${fm.jsqr.medianMs.toFixed(2)} ms (decoded ${fm.jsqr.found}), ratio ${(fm.ours.medianMs / fm.jsqr.medianMs).toFixed(3)}`);
  if (ok.ours === 0 || fr.ours.found === 0) {
    console.error('scan-bench: ours decoded nothing');
    code = 1;
  }
  if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(code);
