// Embedding on a department website (issue 9): the <txng-verifier> custom element on a hostile host
// page at a /2026/01/ news URL on another origin, and the iframe route with postMessage.
//
// The host page (tests/e2e/host-page/) is served by Playwright routes at http://sokhcn.example; the
// widget by this test's own `txng serve` (dist/ + the demo data) with --cors-origin and
// --frame-ancestors for that origin, as a deployment serving department websites would run it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { copyDist, editConfig, startServe } from './serve-helpers.mjs';
import { repo, DEMO, SHOTS, launch, newPage, verifiedCase, byCode, screenshot } from './helpers.mjs';

const HOST = 'http://sokhcn.example';
const PAGE = `${HOST}/2026/01/tin-tuc-san-pham.html`;
const hostDir = path.join(repo, 'tests/e2e/host-page');
// The fake host page has no address, so Chromium counts it as public and the widget's 127.0.0.1 as
// local: its private/local network access checks would refuse every request. In a deployment both
// are public sites; the checks are switched off here only.
const ARGS = ['--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequestsFromPrivate'];
let server;
let WIDGET;

before(async () => {
  assert.ok(fs.existsSync(path.join(repo, 'dist/assets/txng-verifier.js')), 'dist/ has no assets/txng-verifier.js: run scripts/build-web.sh');
  // The deployment's standalone page lists the parent origins the iframe route may post to.
  const { tmp, web } = copyDist();
  editConfig(web, (cfg) => ({ ...cfg, parent_origins: [HOST] }));
  server = await startServe(web, ['--cors-origin', HOST, '--frame-ancestors', `'self' ${HOST}`], tmp);
  WIDGET = server.base;
});

after(() => server?.stop());

function anchors() {
  const list = JSON.parse(fs.readFileSync(path.join(DEMO, 'anchors.json'), 'utf8'));
  return list.map((a) => `${a.kid}:${a.public_key}`).join(' ');
}

function element(id, mode = 'full') {
  return `<txng-verifier id="${id}" registry="${WIDGET}/registry.jws" anchors="${anchors()}" lang="vi" mode="${mode}"></txng-verifier>`;
}

/** Serves the host page (with the given parts) and parent.js at http://sokhcn.example. */
async function hostRoutes(page, parts) {
  const tpl = fs.readFileSync(path.join(hostDir, '2026/01/tin-tuc-san-pham.html'), 'utf8');
  const body = tpl
    .replaceAll('{{WIDGET}}', WIDGET)
    .replace('{{WIDGETS_MAIN}}', parts.main ?? '')
    .replace('{{WIDGETS_SIDEBAR}}', parts.sidebar ?? '')
    .replace('{{FRAMES}}', parts.frames ?? '')
    .replace('{{SCRIPTS}}', parts.scripts ?? '');
  await page.route(`${HOST}/**`, (route) => {
    const u = new URL(route.request().url());
    if (u.pathname === '/2026/01/tin-tuc-san-pham.html') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    }
    if (u.pathname === '/2026/01/parent.js') {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(path.join(hostDir, '2026/01/parent.js')) });
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
}

const moduleScript = () => `<script type="module" src="${WIDGET}/assets/txng-verifier.js"></script>`;

/** Computed styles of the host page's own elements (what the widget must never change). */
async function hostStyles(page) {
  return page.evaluate(() => {
    const props = ['font-size', 'font-family', 'color', 'background-color', 'text-transform', 'border-top-style',
      'border-top-width', 'padding-top', 'display', 'line-height', 'margin-top', 'box-sizing', 'letter-spacing'];
    const out = {};
    for (const sel of ['html', 'body', '#host-title', '#host-error', '#host-card', '#host-note', '#host-btn', '#host-main', '#host-sidebar']) {
      const cs = getComputedStyle(document.querySelector(sel));
      out[sel] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    }
    return out;
  });
}

/** The state of a widget's verdict inside its shadow root ('' when idle). */
const widgetState = (page, id) => page.evaluate((id) => {
  const r = document.getElementById(id)?.shadowRoot;
  return r?.querySelector('#verdict')?.getAttribute('data-state') ?? (r?.querySelector('.txng') ? '' : null);
}, id);

async function waitWidget(page, id, pred, what, timeout = 20000) {
  const t0 = Date.now();
  let s;
  while (Date.now() - t0 < timeout) {
    s = await widgetState(page, id);
    if (pred(s)) return s;
    await page.waitForTimeout(100);
  }
  throw new Error(`${id}: wanted ${what}, got ${JSON.stringify(s)}; page errors: ${page.errors.join('\n')}`);
}

/** Fraction of pixels differing by more than 40 in some channel (sizes must match). */
function diffFraction(a, b) {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  assert.equal(`${pa.width}x${pa.height}`, `${pb.width}x${pb.height}`, 'embedded and standalone render at the same size');
  let diff = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (Math.abs(pa.data[i] - pb.data[i]) > 40 || Math.abs(pa.data[i + 1] - pb.data[i + 1]) > 40 ||
        Math.abs(pa.data[i + 2] - pb.data[i + 2]) > 40) diff++;
  }
  return diff / (pa.width * pa.height);
}

test('hostile host page: its styles unchanged, two widgets render, no globals, the news URL is not a scan', async () => {
  const browser = await launch(ARGS);
  try {
    // The page's own look without the widget.
    const { page: plain } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await hostRoutes(plain, {});
    await plain.goto(PAGE);
    const before = await hostStyles(plain);
    assert.equal(before['html']['font-size'], '10px', 'the hostile root font size is in force');

    const { page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => { window.__globalsBefore = Object.getOwnPropertyNames(window); });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await hostRoutes(page, { main: element('w-main', 'full'), sidebar: element('w-side', 'compact'), scripts: moduleScript() });
    await page.goto(PAGE);
    await waitWidget(page, 'w-main', (s) => s === '', 'mounted and idle');
    await waitWidget(page, 'w-side', (s) => s === '', 'mounted and idle');
    // The /2026/01/ news URL is not read as a scanned code: both stay idle.
    await page.waitForTimeout(1000);
    assert.equal(await widgetState(page, 'w-main'), '', 'host URL not taken as a scan');
    assert.equal(await widgetState(page, 'w-side'), '', 'host URL not taken as a scan');

    assert.deepEqual(await hostStyles(page), before, 'the host page looks exactly as before the widget');
    const light = await page.evaluate(() => ({
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id).sort(),
      styles: document.querySelectorAll('style, link[rel=stylesheet]').length,
      globals: Object.getOwnPropertyNames(window).filter((k) => k !== '__globalsBefore' && !window.__globalsBefore.includes(k)),
      lang: document.documentElement.lang,
    }));
    assert.deepEqual(light.ids, ['host-btn', 'host-card', 'host-error', 'host-main', 'host-note', 'host-sidebar', 'host-title', 'w-main', 'w-side'],
      'no ids added to the host document');
    assert.equal(light.styles, 1, 'no stylesheet added to the host document');
    assert.deepEqual(light.globals, [], 'no window globals');
    const foreign = requests.filter((u) => !u.startsWith(HOST) && !u.startsWith(WIDGET) && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'no third-party requests');

    // Inside: the widget's own look, not the host's (hostile h1 is red 30px uppercase serif).
    const inside = await page.evaluate(() => {
      const r = document.getElementById('w-main').shadowRoot;
      const cs = (sel) => getComputedStyle(r.querySelector(sel));
      const side = document.getElementById('w-side').shadowRoot;
      return {
        title: { size: cs('.top__title').fontSize, transform: cs('.top__title').textTransform, family: cs('.top__title').fontFamily, color: cs('.top__title').color },
        button: { transform: cs('#open-camera').textTransform, bg: cs('#open-camera').backgroundColor },
        mainPad: cs('.txng').paddingLeft,
        sidePad: getComputedStyle(side.querySelector('.txng')).paddingLeft,
        sideIntro: !!side.querySelector('.intro'),
        sideInput: !!side.querySelector('#input-text'),
      };
    });
    assert.equal(inside.title.size, '22px', 'title at 1.375 × 16 px, not scaled by html{font-size:10px}');
    assert.equal(inside.title.transform, 'none');
    assert.ok(!/Georgia/.test(inside.title.family), inside.title.family);
    assert.notEqual(inside.title.color, 'rgb(255, 0, 0)');
    assert.equal(inside.button.transform, 'none');
    assert.equal(inside.button.bg, 'rgb(23, 71, 166)', 'the widget\'s primary button colour');
    // Container queries: the 760 px column gets the wide padding, the 300 px sidebar the phone one,
    // although the window is 1280 px wide.
    assert.equal(inside.mainPad, '20px');
    assert.equal(inside.sidePad, '12px');
    assert.equal(inside.sideIntro, false, 'compact: only the scan/paste box');
    assert.equal(inside.sideInput, true, 'compact: the paste box is there');
    await screenshot(page, 'embed-hostile-host-idle');

    // Two widgets are independent: a verdict in one leaves the other idle.
    const c = verifiedCase();
    const main = page.locator('#w-main');
    await main.locator('#input-text').fill(c.uri);
    await main.locator('#input-submit').click();
    await waitWidget(page, 'w-main', (s) => s === 'verified', 'verified');
    assert.equal(await widgetState(page, 'w-side'), '', 'the other widget is untouched');
    const bad = byCode('signature.invalid');
    const side = page.locator('#w-side');
    await side.locator('#input-text').fill(bad.uri);
    await side.locator('#input-submit').click();
    await waitWidget(page, 'w-side', (s) => s === 'invalid', 'invalid');
    assert.equal(await widgetState(page, 'w-main'), 'verified');
    assert.deepEqual(await hostStyles(page), before, 'still unchanged with results shown');
    assert.equal(await page.evaluate(() => document.documentElement.lang), light.lang, '<html lang> is the host\'s');
    await screenshot(page, 'embed-hostile-host-results');
    assert.deepEqual(page.errors, [], 'no page errors');
  } finally { await browser.close(); }
});

test('embedded renders like the standalone page (screenshot diff)', async () => {
  const browser = await launch(ARGS);
  try {
    const width = 760;
    const { page: alone } = await newPage(browser, { viewport: { width, height: 1400 } });
    await alone.goto(WIDGET + '/');
    await alone.waitForSelector('.txng #open-camera');
    await alone.evaluate(() => document.fonts.ready);
    const a = await alone.locator('.txng').screenshot();

    const { page } = await newPage(browser, { viewport: { width: 1280, height: 1400 } });
    await hostRoutes(page, { main: element('w-main', 'full'), scripts: moduleScript() });
    await page.goto(PAGE);
    await waitWidget(page, 'w-main', (s) => s === '', 'mounted');
    await page.locator('#w-main #open-camera').waitFor();
    await page.evaluate(() => document.fonts.ready);
    const b = await page.locator('#w-main').locator('.txng').screenshot();
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(path.join(SHOTS, 'embed-standalone-760.png'), a);
    fs.writeFileSync(path.join(SHOTS, 'embed-embedded-760.png'), b);
    const f = diffFraction(a, b);
    console.log(`embedded vs standalone at ${width} px: ${(f * 100).toFixed(3)} % of pixels differ`);
    assert.ok(f < 0.01, `embedded differs from standalone in ${(f * 100).toFixed(2)} % of pixels (tolerance 1 %)`);
  } finally { await browser.close(); }
});

test('iframe route: verdict and height posted to the configured parent only', async () => {
  const browser = await launch(ARGS);
  try {
    const { page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const frames =
      `<iframe class="txng-frame" id="f-ok" title="Kiểm tra nguồn gốc" src="${WIDGET}/?parent=${encodeURIComponent(HOST)}" style="width:100%;height:200px;border:0"></iframe>` +
      `<iframe class="txng-frame" id="f-other" title="Kiểm tra nguồn gốc" src="${WIDGET}/?parent=${encodeURIComponent('https://evil.example')}" style="width:100%;height:200px;border:0"></iframe>`;
    await hostRoutes(page, { frames, scripts: `<script src="/2026/01/parent.js" data-widget="${WIDGET}"></script>` });
    await page.goto(PAGE);
    const frame = page.frameLocator('#f-ok');
    await frame.locator('#input-text').waitFor({ timeout: 20000 });
    const c = verifiedCase();
    await frame.locator('#input-text').fill(c.uri);
    await frame.locator('#input-submit').click();
    const other = page.frameLocator('#f-other');
    await other.locator('#input-text').fill(c.uri);
    await other.locator('#input-submit').click();
    await page.waitForFunction(() => window.txngMessages.some((m) => m.type === 'verdict' && m.state !== 'verifying'), null, { timeout: 20000 });
    // The other frame verifies as well (it only posts nothing); if it does not, say what it shows
    // (a fresh-clone run once timed out here, not reproduced since).
    await other.locator('#verdict[data-state="verified"]').waitFor({ timeout: 30000 }).catch(async (e) => {
      const shows = await other.locator('body').evaluate(() => ({
        state: document.querySelector('#verdict')?.getAttribute('data-state') ?? null,
        busy: document.querySelector('#verdict')?.hasAttribute('aria-busy') ?? null,
        input: document.querySelector('#input-text')?.value ?? null,
        text: document.querySelector('main')?.innerText.slice(0, 400) ?? null,
      })).catch((why) => `unreadable: ${why}`);
      throw new Error(`the frame with an unlisted parent shows ${JSON.stringify(shows)}: ${e.message}`);
    });
    await page.waitForTimeout(500);
    const msgs = await page.evaluate(() => window.txngMessages);
    const verdict = msgs.filter((m) => m.type === 'verdict').at(-1);
    assert.equal(verdict.frame, 'f-ok');
    assert.equal(verdict.state, 'verified');
    assert.equal(verdict.code, 'signature.valid');
    assert.match(verdict.gtin, /^\d{14}$/);
    assert.ok(verdict.lot, 'lot in the message');
    assert.deepEqual(msgs.filter((m) => m.frame !== 'f-ok'), [], 'a parent not in parent_origins gets nothing');
    // Auto-height: the frame is as tall as its content (no inner scrollbar).
    const h = await page.evaluate(() => {
      const f = document.getElementById('f-ok');
      const inner = f.contentDocument; // cross-origin: null
      return { frame: f.getBoundingClientRect().height, inner: inner === null ? 'cross-origin' : 'same' };
    });
    const heights = msgs.filter((m) => m.type === 'height').map((m) => m.height);
    assert.ok(heights.length >= 2, `height posted on load and on change: ${heights}`);
    assert.equal(h.frame, Math.min(Math.max(heights.at(-1), 200), 20000));
    assert.ok(heights.at(-1) > 900, `the result page is tall (${heights.at(-1)} px)`);
    const scroll = await page.frames().find((f) => f.url().includes('parent=http%3A%2F%2Fsokhcn'))?.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    assert.ok(scroll <= 1, `no scrollbar inside the frame (${scroll} px hidden)`);
    await screenshot(page, 'embed-iframe');
    assert.deepEqual(page.errors.filter((e) => !/parent_origins/.test(e)), []);
  } finally { await browser.close(); }
});
