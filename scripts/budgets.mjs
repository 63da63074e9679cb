#!/usr/bin/env node
// Measures txng's web budgets (issue 10) and prints them as markdown tables (figures only, no
// pass/fail):
//
//   1. Files: raw and gzip -9 size of each part of dist (the QR scanner, dist/pkg/scan/*, loaded on
//      demand, listed separately).
//   2. Load -> verdict, measured IN THE PAGE: the widget sets `performance.mark("txng-verdict")` once
//      the first verdict of a run has been painted, and `performance.mark("txng-usable")` once its
//      first screen is in place (src/marks.rs). Their startTime is milliseconds since navigation
//      start, so nothing here polls or adds its own latency. A local verified demo link, fresh
//      browser context and disabled cache each run, two profiles:
//        fast: 4x CPU throttling (CDP Emulation.setCPUThrottlingRate), loopback, median of --runs (10)
//        slow: 4x CPU + 400 kbit/s both ways + 400 ms RTT (CDP Network.emulateNetworkConditions),
//              median of --slow-runs (5)
//      and the floor: the same page without any module, loaded after each fast run (the widget's
//        part is the difference), and a blank page after it (what the browser itself takes for a
//        navigation, a first layout and paint on this machine, with or without our page);
//      and, with --scale DIR, a label of the 10,000-producer sharded registry that
//        `registry_scale --out DIR` wrote (index + the shard with the most keys), 4×, loopback.
//      --observer measures a build without the marks (e.g. an older one, for a before/after): a
//      MutationObserver installed before the page's scripts records when #verdict first reads
//      data-state="verified" (it costs the page a little work per DOM mutation).
//   3. First load on the wire: every request of the verified-link load except the registry, the
//      trace documents and images, split into those started before the verdict mark (the
//      verify-first module: what the shopper waits for, issue 10's goal) and after it (the Yew
//      interface), fetched again from the server as the browser would with
//      `Accept-Encoding: br` and with `gzip` (body bytes as `txng serve` sends them), and what the
//      browser counted (encodedDataLength, headers included); a server started here is first left
//      to finish its startup compression (brotli q11). Also: how many requests went to the
//      registry URL in one load (the preload must not cause a second one).
//
// Exits non-zero only if the build artifacts are missing or the page never reaches a verdict.
//
// Usage: node scripts/budgets.mjs [--no-browser] [--runs N] [--slow-runs N] [--observer]
//        [--scale DIR] [--scale-runs N]
// Env: TXNG_BASE (a running `txng serve`; otherwise one is started from TXNG_BIN or target/*/txng),
//      TXNG_DIST (dist), TXNG_DEMO (demo-data), CHROMIUM (/usr/bin/chromium).
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(repo, process.env.TXNG_DIST || 'dist');
const demo = path.resolve(repo, process.env.TXNG_DEMO || 'demo-data');
const args = process.argv.slice(2);
const num = (flag, dflt) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : dflt);
const runs = num('--runs', 10);
const slowRuns = num('--slow-runs', 5);
const observer = args.includes('--observer');
// --scale DIR (or TXNG_SCALE_DIR): also load the 10,000-producer registry that
// `registry_scale --out DIR` wrote, --scale-runs times (6).
const scaleDir = args.includes('--scale') ? args[args.indexOf('--scale') + 1] : process.env.TXNG_SCALE_DIR || null;
const scaleRuns = num('--scale-runs', 6);
const GOAL_WIRE = 150 * 1000; // issue 10: first load <= 150 KB on the wire
const GOAL_FAST_MS = 400;
const GOAL_SLOW_MS = 3000;

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
const fmt = (n) => n.toLocaleString('en-US');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---- 1. file sizes ---------------------------------------------------------------------------
if (!fs.existsSync(path.join(dist, 'index.html'))) die(`${dist}/index.html missing: run scripts/build-web.sh first`);
const files = walk(dist).filter((f) => /\.(html|js|mjs|wasm|css|svg)$/.test(f));
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

console.log('### Files in dist\n');
console.log('| Part | Raw (KiB) | gzip -9 (KiB) |');
console.log('|---|---:|---:|');
for (const r of firstRows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gz)} |`);
console.log(`| **All but the scanner** | ${kb(sum(firstRows, 'raw'))} | **${kb(sum(firstRows, 'gz'))}** |`);
for (const r of scanRows) console.log(`| ${r.file} (scanner, loaded on demand) | ${kb(r.raw)} | ${kb(r.gz)} |`);
console.log(`| Scanner module total | ${kb(sum(scanRows, 'raw'))} | ${kb(sum(scanRows, 'gz'))} |`);

if (args.includes('--no-browser')) process.exit(0);

// ---- 2. load -> verdict, in the page ---------------------------------------------------------
const linksFile = path.join(demo, 'links.json');
if (!fs.existsSync(linksFile)) die(`${linksFile} missing: run \`txng demo --out demo-data\` first`);
const doc = JSON.parse(fs.readFileSync(linksFile, 'utf8'));
const list = Array.isArray(doc) ? doc : doc.cases || doc.links || Object.values(doc);
const ok = list.find((c) => (c.state || c.expect || c.expected_state || c.expected) === 'verified') || list[0];
const uri = new URL(ok.uri || ok.url || ok.link);
const registryPath = (() => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const m = html.match(/<script id="txng-config" type="application\/json">(.*?)<\/script>/s);
  try {
    return new URL(JSON.parse(m[1]).registry_url, 'http://x/').pathname;
  } catch {
    return '/registry.jws';
  }
})();

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
  server = spawn(bin, ['serve', '--dir', dist, '--data', demo, '--addr', `127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  // txng serve compresses every file once at startup (brotli q11) in the background; a file asked
  // for before that is compressed on the spot at q5 and kept (~12 % larger for the wasm). Wait for
  // its "Precompressed N files" line (vi: "Đã nén sẵn") so the figures are what it normally sends.
  const precompressed = new Promise((resolve) => {
    let text = '';
    server.stderr.on('data', (c) => {
      text += c;
      if (/Precompressed|Đã nén sẵn/.test(text)) resolve(true);
    });
    server.on('exit', () => resolve(false));
    setTimeout(() => resolve(false), 120000);
  });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(base + '/', { headers: { 'accept-encoding': 'identity' } }).then(() => true, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await precompressed)) console.error('budgets: txng serve did not report its precompression; brotli figures may be q5');
}

// Installed before any of the page's scripts (--observer only).
const OBSERVER = () => {
  const seen = () => {
    if (window.__txngVerdictAt === undefined && document.querySelector('#verdict[data-state="verified"]')) {
      window.__txngVerdictAt = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
};

const SLOW = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

// The floor of the 4× figure on this machine: the same page without any module (index.html's
// head and placeholder, app.css, no preload script, no registry preload, no boot script), with one
// module script that sets the verdict mark after the first paint as the widget does. What the
// verdict time adds to it is the widget's own cost; the rest is the browser's (navigation, style,
// layout, paint under 4× throttling). Served by a small server here, so nothing of the widget runs.
async function floorServer() {
  const page = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
    .replace(/<script id="txng-preload">[\s\S]*?<\/script>/, '')
    .replace(/<link rel="preload"[^>]*data-txng-registry>/, '')
    .replace(/<script type="module" src="\/assets\/boot\.js"><\/script>/, '<script type="module" src="/floor.js"></script>');
  if (!page.includes('/floor.js')) die('index.html has no boot script to replace for the floor page');
  const floorJs = "requestAnimationFrame(() => setTimeout(() => performance.mark('txng-verdict')));\n";
  // The browser's own share: a blank page (one paragraph, no stylesheet) with the same script, at
  // /blank (what navigation, a first layout and paint cost on this machine at 4×, page or not).
  const blank = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><script type="module" src="/floor.js"></script></head><body><p>txng</p></body></html>';
  const srv = http.createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    if (p === '/floor.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(floorJs); return; }
    if (p === '/blank') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(blank); return; }
    if (p.startsWith('/assets/') && !p.includes('..') && fs.existsSync(path.join(dist, p))) {
      const type = p.endsWith('.css') ? 'text/css' : p.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type });
      res.end(fs.readFileSync(path.join(dist, p)));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  const port = await freePort();
  await new Promise((r) => srv.listen(port, '127.0.0.1', r));
  return { srv, base: `http://127.0.0.1:${port}` };
}

// The 10,000-producer sharded registry in the page (issue 10 "Scale"): the files that
// `cargo run -p txng-cli --example registry_scale -- --out DIR` writes (index, shards, anchor, a
// label of a producer in the shard listing the most keys), served with this build's page and
// modules by a small server here, the page's configuration pointing at them
// (`registry_format: "sharded"`). Its registry has no trace templates: the figure is the index,
// the shard and the label, against the demo's small single-file registry (and trace) above.
async function scaleServer(dir) {
  const anchors = JSON.parse(fs.readFileSync(path.join(dir, 'anchors.json'), 'utf8'));
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const m = /(<script id="txng-config" type="application\/json">)([\s\S]*?)(<\/script>)/.exec(html);
  if (!m) die('index.html has no #txng-config to point at the 10,000-producer registry');
  const cfg = { ...JSON.parse(m[2]), registry_url: '/registry-index.jws', registry_format: 'sharded', anchors };
  const page = html
    .replace(m[0], `${m[1]}${JSON.stringify(cfg)}${m[3]}`)
    .replace(/(<link rel="preload" href=")[^"]*(" as="fetch" crossorigin data-txng-registry>)/, '$1/registry-index.jws$2');
  const types = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.jws': 'application/jose' };
  const srv = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const root = p === '/registry-index.jws' || p.startsWith('/shards/') ? dir : dist;
    const file = path.join(root, p);
    if (!p.includes('..') && p !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': types[path.extname(p)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(fs.readFileSync(file));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  const port = await freePort();
  await new Promise((r) => srv.listen(port, '127.0.0.1', r));
  return { srv, base: `http://127.0.0.1:${port}`, label: new URL(fs.readFileSync(path.join(dir, 'label.txt'), 'utf8').trim()) };
}

// `alt`: another page to load instead of the widget's verified demo link ({ base, uri, accept }:
// the states its verdict may show; null for the floor page, which shows none).
async function loadOnce(browser, slow, alt = null) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  if (observer) await page.addInitScript(OBSERVER);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (slow) await cdp.send('Network.emulateNetworkConditions', SLOW);
  const reqs = new Map();
  cdp.on('Network.requestWillBeSent', (e) => reqs.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0, enc: '' }));
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (!r) return;
    r.type = e.type;
    const h = Object.fromEntries(Object.entries(e.response.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
    r.enc = h['content-encoding'] || '';
  });
  cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  const to = alt?.uri ?? uri;
  await page.goto((alt?.base ?? base) + to.pathname + to.search, { waitUntil: 'commit', timeout: 60000 });
  // Polled through CDP's Runtime.evaluate with a one-line expression: Playwright's waitForFunction
  // and locators first inject their own script into the page, whose parsing (about 200 ms of the
  // main thread at 4x, measured in a trace) would land inside the load being measured.
  const evaluate = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => ({})))?.result?.value;
  const poll = async (expression, ms) => {
    for (const end = Date.now() + ms; Date.now() < end;) {
      const v = await evaluate(expression);
      if (v !== undefined && v !== null && v !== false) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  };
  const got = observer
    ? await poll('window.__txngVerdictAt === undefined ? null : { verdict: window.__txngVerdictAt, usable: null }', 60000)
    : await poll("(() => { const at = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null; const v = at('txng-verdict'); return v === null ? null : { verdict: v, usable: at('txng-usable') }; })()", 60000);
  const state = await evaluate("document.querySelector('#verdict')?.getAttribute('data-state') ?? null");
  if (got === null) {
    const marks = await evaluate("performance.getEntriesByType('mark').map((m) => m.name).join(',')");
    die(`no verdict mark within 60 s (verdict state ${state}, marks [${marks}]); a build without src/marks.rs needs --observer`);
  }
  if (alt) {
    if (alt.accept && !alt.accept.includes(state)) die(`${to} shows state ${state}, not ${alt.accept.join(' or ')}`);
    await context.close();
    return { verdict: got.verdict, usable: null, reqs: [] };
  }
  if (state !== 'verified') die(`the verified demo link ${uri} shows state ${state}`);
  await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
  // The interface loads after the verify-first module's verdict (issue 10): its mark, and when
  // each request started relative to the verdict (the page's own resource timings).
  if (!observer) await poll("performance.getEntriesByName('txng-usable', 'mark').length > 0", 60000);
  const timing = await page.evaluate(() => ({
    usable: performance.getEntriesByName('txng-usable', 'mark')[0]?.startTime ?? null,
    res: performance.getEntriesByType('resource').map((r) => [r.name, r.startTime]),
  }));
  await context.close();
  const startedAt = new Map(timing.res);
  const list = [...reqs.values()].map((r) => ({ ...r, before: startedAt.has(r.url) ? startedAt.get(r.url) < got.verdict : true }));
  return { ...got, usable: got.usable ?? timing.usable, reqs: list };
}

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const profiles = [
  { name: 'fast', label: '4× CPU, loopback', n: runs, slow: false, goal: GOAL_FAST_MS },
  { name: 'slow', label: '4× CPU, 400 kbit/s, 400 ms RTT', n: slowRuns, slow: true, goal: GOAL_SLOW_MS },
].filter((p) => p.n > 0);
const results = {};
let sample = null;
// The floor page is loaded after each load of the fast profile (same noise, same browser).
const floor = observer ? null : await floorServer();
const scale = scaleDir && !observer ? await scaleServer(scaleDir) : null;
const scaleResults = [];
const floorRuns = [];
const blankRuns = [];
try {
  for (const p of profiles) {
    results[p.name] = [];
    for (let i = 0; i < p.n; i++) {
      const r = await loadOnce(browser, p.slow);
      results[p.name].push(r);
      if (!p.slow && !sample) sample = r.reqs;
      if (!p.slow && floor) floorRuns.push((await loadOnce(browser, false, { base: floor.base, uri, accept: null })).verdict);
      if (!p.slow && floor) blankRuns.push((await loadOnce(browser, false, { base: floor.base, uri: new URL('http://x/blank'), accept: null })).verdict);
    }
  }
  sample ??= (await loadOnce(browser, false)).reqs;
  if (scale) {
    for (let i = 0; i < scaleRuns; i++) {
      scaleResults.push((await loadOnce(browser, false, { base: scale.base, uri: scale.label, accept: ['verified', 'verified_with_warnings'] })).verdict);
    }
  }
} finally {
  await browser.close();
  floor?.srv.close();
  scale?.srv.close();
}

console.log(`\n### Load → verdict, measured in the page (${observer ? 'MutationObserver on #verdict' : 'performance marks of the widget'})\n`);
console.log(`Load average of this machine after the runs: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min, ${os.cpus().length} cores): shared machines make the 4× figures vary.\n`);
console.log('| Profile | Runs | Load → verdict, median (min–max) | Goal | Interface in place (txng-usable), median |');
console.log('|---|---:|---:|---:|---:|');
for (const p of profiles) {
  const v = results[p.name].map((r) => r.verdict);
  const u = results[p.name].map((r) => r.usable).filter((x) => x !== null);
  const range = `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}`;
  console.log(`| ${p.label} | ${p.n} | **${median(v).toFixed(0)} ms** (${range}) | ≤ ${fmt(p.goal)} ms | ${u.length ? `${median(u).toFixed(0)} ms` : '—'} |`);
}
if (floorRuns.length) {
  const range = `${Math.min(...floorRuns).toFixed(0)}–${Math.max(...floorRuns).toFixed(0)}`;
  console.log(`| Floor: the same page without any module (html, css, placeholder; marks after its first paint), 4× CPU, loopback, each run right after one above | ${floorRuns.length} | ${median(floorRuns).toFixed(0)} ms (${range}) | — | — |`);
  const blankRange = `${Math.min(...blankRuns).toFixed(0)}–${Math.max(...blankRuns).toFixed(0)}`;
  console.log(`| … and a blank page (one paragraph, no stylesheet, the same script): the browser's own share on this machine | ${blankRuns.length} | ${median(blankRuns).toFixed(0)} ms (${blankRange}) | — | — |`);
  const added = median(results.fast.map((r) => r.verdict)) - median(floorRuns);
  console.log(`\nThe widget's own part of the 4× figure (verdict median − floor median): ${added.toFixed(0)} ms.`);
}
if (scaleResults.length) {
  const about = JSON.parse(fs.readFileSync(path.join(scaleDir, 'about.json'), 'utf8'));
  const range = `${Math.min(...scaleResults).toFixed(0)}–${Math.max(...scaleResults).toFixed(0)}`;
  console.log(`\n10,000-producer sharded registry in the page (\`registry_scale --out\`; the label's shard lists ${about.producers} producers and ${about.keys} keys; index ${fmt(about.index_bytes)} + shard ${fmt(about.shard_bytes)} bytes raw; no trace stage), 4× CPU, loopback, median of ${scaleResults.length}: **${median(scaleResults).toFixed(0)} ms** (${range}); the demo link above: ${median(results.fast.map((r) => r.verdict)).toFixed(0)} ms.`);
}

// ---- 3. first load on the wire ---------------------------------------------------------------
const isRegistry = (u) => u.pathname === registryPath;
const isTrace = (u) => u.pathname.startsWith('/trace/') || u.pathname.endsWith('.jws') || u.pathname.endsWith('.json');
const sampled = sample.filter((r) => r.url.startsWith(base)).map((r) => ({ ...r, u: new URL(r.url) }));
const registryRequests = sampled.filter((r) => isRegistry(r.u)).length;
const firstLoad = sampled.filter((r) => !isRegistry(r.u) && !isTrace(r.u) && r.type !== 'Image' && !r.u.pathname.startsWith('/demo-img/'));

function bodyBytes(pathAndQuery, encoding) {
  return new Promise((resolve, reject) => {
    const req = http.get(base + pathAndQuery, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      let n = 0;
      res.on('data', (c) => { n += c.length; });
      res.on('end', () => resolve({ n, enc: res.headers['content-encoding'] || 'identity' }));
    });
    req.on('error', reject);
  });
}

console.log('\n### First load on the wire (verified link; without registry, trace and images)\n');
console.log('The verify-first module shows the verdict; the interface is asked for after it (issue 10).');
console.log('"Before the verdict" is what a shopper waits for (the goal); the whole page adds the interface.\n');
console.log('| Request | When | Browser got (bytes, headers incl.) | brotli body | gzip body |');
console.log('|---|---|---:|---:|---:|');
const tot = { before: { browser: 0, br: 0, gz: 0 }, all: { browser: 0, br: 0, gz: 0 } };
for (const r of firstLoad) {
  const p = r.u.pathname + r.u.search;
  const br = await bodyBytes(p, 'br');
  const gz = await bodyBytes(p, 'gzip');
  for (const k of r.before ? ['before', 'all'] : ['all']) {
    tot[k].browser += r.bytes;
    tot[k].br += br.n;
    tot[k].gz += gz.n;
  }
  console.log(`| ${p} | ${r.before ? 'before the verdict' : 'after'} | ${fmt(r.bytes)} (${r.enc || 'identity'}) | ${fmt(br.n)} (${br.enc}) | ${fmt(gz.n)} (${gz.enc}) |`);
}
console.log(`| **Before the verdict** (goal ≤ ${fmt(GOAL_WIRE)} bytes) | | **${fmt(tot.before.browser)}** | **${fmt(tot.before.br)}** | **${fmt(tot.before.gz)}** |`);
console.log(`| Whole page, with the interface | | ${fmt(tot.all.browser)} | ${fmt(tot.all.br)} | ${fmt(tot.all.gz)} |`);
const rest = sampled.filter((r) => !firstLoad.includes(r));
console.log(`\nAlso loaded: ${rest.map((r) => `${r.u.pathname} ${fmt(r.bytes)}`).join(', ') || 'nothing'}.`);
console.log(`Requests to the registry (${registryPath}) in one load: ${registryRequests}.`);
server?.kill();
