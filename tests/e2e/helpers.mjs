// Shared helpers of the browser end-to-end tests (node:test + playwright-core, Debian's Chromium).
//
// Env: TXNG_BASE   base URL of a running `txng serve` (e.g. http://127.0.0.1:8080), required;
//      TXNG_DEMO   demo data directory written by `txng demo` (default: demo-data);
//      CHROMIUM    browser (default: /usr/bin/chromium);
//      TXNG_SHOTS  screenshot directory (default: artifacts/screenshots).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BASE = (process.env.TXNG_BASE || '').replace(/\/$/, '');
if (!BASE) throw new Error('TXNG_BASE is not set (the URL of a running `txng serve`)');
export const DEMO = path.resolve(repo, process.env.TXNG_DEMO || 'demo-data');
export const SHOTS = path.resolve(repo, process.env.TXNG_SHOTS || 'artifacts/screenshots');
export const GS = '\u001d';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** A fresh context (empty localStorage) and page; page errors are collected for messages.
 *  The service worker is blocked unless `serviceWorkers: 'allow'` (requests a worker answers are not
 *  seen by page.route, which many tests use; tests/e2e/offline.test.mjs tests the worker). */
export async function newPage(browser, { viewport = { width: 390, height: 844 }, ...opts } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', serviceWorkers: 'block', ...opts });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  return { context, page };
}

// ---- demo cases (demo-data/links.json, written by `txng demo`) -----------------------------------

function asList(doc) {
  if (Array.isArray(doc)) return doc;
  for (const k of ['cases', 'links', 'items']) if (Array.isArray(doc?.[k])) return doc[k];
  if (doc && typeof doc === 'object') return Object.entries(doc).map(([name, v]) => (typeof v === 'string' ? { name, uri: v } : { name, ...v }));
  return [];
}

/** Normalised demo cases: { name, uri, state, code, codes[], elementString?, qr? }. */
export function demoCases() {
  const file = path.join(DEMO, 'links.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  return asList(doc).map((c) => {
    const codes = [c.codes, c.expect_codes, c.expected_codes].find(Array.isArray) || [];
    const code = c.code || c.expect_code || c.expected_code || c.main_code || c.main || codes[0] || null;
    const state = c.state || c.expect || c.expected_state || c.expected || null;
    const qr = c.qr || c.qr_png || c.png || null;
    return {
      ...c,
      name: c.id || c.name || c.title || code,
      uri: c.uri || c.url || c.link,
      state,
      code,
      codes: code && !codes.includes(code) ? [code, ...codes] : codes,
      elementString: c.element_string || c.elementString || null,
      qr: qr ? path.resolve(DEMO, qr) : null,
    };
  });
}

/** The first demo case matching `pred`, or throws with the list of what exists. */
export function pick(pred, what) {
  const all = demoCases();
  const c = all.find(pred);
  if (!c) {
    throw new Error(`no demo case for ${what} in ${path.join(DEMO, 'links.json')}; have: ` +
      all.map((x) => `${x.name} (${x.state}/${x.code})`).join(', '));
  }
  return c;
}

const isLink = (c) => /^https?:\/\//.test(c.uri || '');
/** The demo link whose main reason is `code` (links only: element strings cannot be opened). */
export const byCode = (code) => pick((c) => isLink(c) && c.code === code, code);
export const verifiedCase = () => pick((c) => isLink(c) && c.state === 'verified' && c.code === 'signature.valid', 'verified');

/** A demo QR PNG of a verified case. */
export function verifiedQrPng() {
  const c = verifiedCase();
  if (c.qr && fs.existsSync(c.qr)) return c.qr;
  const dir = path.join(DEMO, 'qr');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort() : [];
  const named = files.find((f) => c.name && f.includes(c.name)) || files.find((f) => /verified|ok|valid|hop-le/i.test(f)) || files[0];
  if (!named) throw new Error(`no QR PNG in ${dir}`);
  return path.join(dir, named);
}

/** The path+query of a Digital Link URI, opened on the local server. */
export function localUrl(uri) {
  const u = new URL(uri);
  return BASE + u.pathname + u.search;
}

// ---- GS1 element string from a Digital Link URI (as a 2D scanner in keyboard mode sends it) ----

const PATH_AIS = ['01', '22', '10', '21'];
const FIXED = new Set(['01', '11', '13', '15', '17']);

export function elementString(uri) {
  const u = new URL(uri);
  const segs = u.pathname.split('/').filter(Boolean);
  const i = segs.indexOf('01');
  const el = new Map();
  for (let j = i; j + 1 < segs.length; j += 2) el.set(segs[j], decodeURIComponent(segs[j + 1]));
  for (const [k, v] of u.searchParams) if (/^\d+$/.test(k)) el.set(k, v);
  const sig = el.get('8030');
  el.delete('8030');
  const ordered = [
    ...PATH_AIS.filter((a) => el.has(a)).map((a) => [a, el.get(a)]),
    ...[...el.entries()].filter(([a]) => !PATH_AIS.includes(a)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ];
  let s = '';
  let needGs = false;
  for (const [a, v] of ordered) {
    if (needGs) s += GS;
    s += a + v;
    needGs = !FIXED.has(a);
  }
  if (needGs) s += GS;
  return s + '8030' + sig;
}

// ---- waiting for the verdict -------------------------------------------------------------------

// On a label link's page the verify-first module shows the verdict first (inside `.txng-first`),
// and the interface replaces it once its own verdict is final (issue 10). Tests look at the
// interface's: everything else on the page (product card, checks, buttons) comes with it.

export async function verdictOf(page) {
  return page.evaluate(() => {
    const v = document.querySelector('#verdict:not(.txng-first #verdict)');
    const m = document.querySelector('#main-reason');
    return {
      state: v?.getAttribute('data-state') ?? null,
      code: m?.getAttribute('data-code') ?? null,
      text: v?.innerText ?? '',
      reason: m?.innerText ?? '',
      checks: [...document.querySelectorAll('#checks li[data-code]')].map((li) => li.getAttribute('data-code')),
    };
  });
}

/** Waits until #verdict has `state` (and #main-reason has `code`, if given); fails with what it saw. */
export async function expectVerdict(page, state, code = null, timeout = 20000) {
  try {
    await page.waitForFunction(
      ([s, c]) => {
        const v = document.querySelector('#verdict:not(.txng-first #verdict)');
        if (v?.getAttribute('data-state') !== s) return false;
        return c === null || document.querySelector('#main-reason')?.getAttribute('data-code') === c;
      },
      [state, code],
      { timeout, polling: 100 },
    );
  } catch {
    const got = await verdictOf(page).catch(() => ({}));
    throw new Error(`wanted ${state}${code ? ' / ' + code : ''}, got ${got.state} / ${got.code} ` +
      `(checks: ${(got.checks || []).join(', ')}; verdict text: ${JSON.stringify((got.text || '').slice(0, 200))})` +
      (page.errors?.length ? `\npage errors:\n${page.errors.slice(0, 5).join('\n')}` : ''));
  }
  return verdictOf(page);
}

/** Waits for any final state (not `verifying`). */
export async function settle(page, timeout = 20000) {
  await page.waitForFunction(() => {
    const s = document.querySelector('#verdict:not(.txng-first #verdict)')?.getAttribute('data-state');
    return s && s !== 'verifying';
  }, null, { timeout, polling: 100 });
  // The trace document may still be on its way: let in-flight requests finish.
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  return verdictOf(page);
}

/** Saves artifacts/screenshots/NAME.png: the whole page, or only the first screen (`fullPage: false`). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  const file = path.join(SHOTS, `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage });
}

// ---- fake camera: a YUV4MPEG2 file from a PNG -----------------------------------------------

/** Writes a 640x480 4:2:0 y4m (grey chroma) with the PNG's QR code centred, `frames` frames. */
export async function y4mFromPng(pngPath, outPath, { width = 640, height = 480, frames = 10, size = 400 } = {}) {
  const { PNG } = await import('pngjs');
  const png = PNG.sync.read(fs.readFileSync(pngPath));
  const y = Buffer.alloc(width * height, 235); // white paper around the label
  const scale = Math.min(size / png.width, size / png.height);
  const w = Math.round(png.width * scale);
  const h = Math.round(png.height * scale);
  const x0 = Math.floor((width - w) / 2);
  const y0 = Math.floor((height - h) / 2);
  for (let j = 0; j < h; j++) {
    const sy = Math.min(png.height - 1, Math.floor(j / scale));
    for (let i = 0; i < w; i++) {
      const sx = Math.min(png.width - 1, Math.floor(i / scale));
      const k = (sy * png.width + sx) * 4;
      const a = png.data[k + 3] / 255;
      const lum = 0.299 * png.data[k] + 0.587 * png.data[k + 1] + 0.114 * png.data[k + 2];
      const v = lum * a + 255 * (1 - a);
      y[(y0 + j) * width + x0 + i] = Math.round(16 + (v * 219) / 255); // studio range
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  fs.writeFileSync(outPath, Buffer.concat([header, ...Array(frames).fill(frame)]));
  return outPath;
}
