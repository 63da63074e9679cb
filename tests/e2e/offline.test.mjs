// Offline and installable (issue 9): the service worker (dist/sw.js) and the web app manifest.
// Own `txng serve` on a copy of dist/, so the update test can publish a "new build".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, newPage, pick, screenshot } from './helpers.mjs';
import { copyDist, editConfig, startServe } from './serve-helpers.mjs';
import { wedgeScan } from './kiosk-helpers.mjs';

const isLink = (c) => /^https?:\/\//.test(c.uri || '');
const at = (base, uri) => { const u = new URL(uri); return base + u.pathname + u.search; };

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 20000 });
}

const verdict = (page) => page.evaluate(() => ({
  state: document.querySelector('#verdict:not(.txng-first #verdict)')?.getAttribute('data-state'),
  code: document.querySelector('#main-reason')?.getAttribute('data-code'),
  net: document.querySelector('#net-status')?.innerText ?? '',
  checks: [...document.querySelectorAll('#checks li[data-code]')].map((li) => li.getAttribute('data-code')),
  timeline: !!document.querySelector('.timeline'),
}));

async function settled(page) {
  await page.waitForFunction(() => {
    const v = document.querySelector('#verdict:not(.txng-first #verdict)');
    return v && v.getAttribute('data-state') !== 'verifying' && !v.hasAttribute('aria-busy');
  }, null, { timeout: 20000 });
  await page.waitForTimeout(300);
  return verdict(page);
}

test('manifest: Vietnamese name, icons, linked from the page', async () => {
  const { tmp, web } = copyDist();
  const server = await startServe(web, [], tmp);
  try {
    const html = await (await fetch(server.base + '/')).text();
    assert.match(html, /<link rel="manifest" href="\/assets\/manifest\.webmanifest">/);
    const m = await (await fetch(server.base + '/assets/manifest.webmanifest')).json();
    assert.equal(m.lang, 'vi');
    assert.match(m.name, /Kiểm tra nguồn gốc/);
    assert.equal(m.start_url, '/');
    for (const icon of m.icons) {
      const r = await fetch(server.base + icon.src);
      assert.equal(r.status, 200, icon.src);
    }
    assert.ok(m.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
  } finally { await server.stop(); }
});

test('offline after one online visit: signature verdict from the saved list, a timeline never fetched needs the network', async () => {
  const { tmp, web } = copyDist();
  const server = await startServe(web, [], tmp);
  const browser = await launch();
  try {
    const { context, page } = await newPage(browser, { serviceWorkers: 'allow' });
    const seen = pick((c) => isLink(c) && c.id === '001-ca-phe-hop-le', 'a verified coffee label');
    const unseen = pick((c) => isLink(c) && c.state === 'verified' && new URL(c.uri).pathname.split('/')[2] !== new URL(seen.uri).pathname.split('/')[2], 'a verified label of another product');
    await page.goto(server.base + '/');
    await controlled(page);
    await page.goto(at(server.base, seen.uri));
    const online = await settled(page);
    assert.equal(online.state, 'verified');
    assert.ok(online.timeline, 'the timeline was shown online');

    await context.setOffline(true);
    await page.goto(at(server.base, seen.uri));
    const off = await settled(page);
    assert.equal(off.state, 'verified', `offline, the same label: ${JSON.stringify(off)}`);
    assert.ok(off.checks.includes('registry.cached'), `the verdict says the saved list was used: ${JSON.stringify(off)}`);
    assert.match(off.net, /\d{2}\/\d{2}\/\d{4}/, `the saved list's date is shown: ${off.net}`);
    assert.ok(off.timeline, 'the timeline viewed before is there offline');
    assert.match(off.net, /nhật ký sản xuất đã lưu trên máy/, `the timeline is labelled as the device's copy: ${off.net}`);
    await screenshot(page, 'offline-seen');

    await page.goto(at(server.base, unseen.uri));
    const never = await settled(page);
    assert.notEqual(never.state, 'invalid', 'never a false failure offline');
    assert.equal(never.code, 'trace.unavailable', `a timeline never fetched: ${JSON.stringify(never)}`);
    assert.ok(never.checks.includes('signature.valid'), 'the signature is still checked offline');
    await screenshot(page, 'offline-unseen');
    assert.deepEqual(page.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e)), []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('offline, a reader who chose English: the interface verifies (the English verify-first module is not precached)', async () => {
  const { tmp, web } = copyDist();
  const sw = fs.readFileSync(path.join(web, 'sw.js'), 'utf8');
  assert.match(sw, /\/pkg\/txng_first_bg\.wasm/, 'the Vietnamese-only verify-first module is precached');
  assert.doesNotMatch(sw, /txng_first_en/, 'the English one is not');
  assert.doesNotMatch(sw, /txng_first_sharded/, 'nor the one for a sharded registry (the demo\'s is a single file)');
  const server = await startServe(web, [], tmp);
  const browser = await launch();
  try {
    const { context, page } = await newPage(browser, { serviceWorkers: 'allow' });
    const seen = pick((c) => isLink(c) && c.id === '001-ca-phe-hop-le', 'a verified coffee label');
    await page.goto(server.base + '/');
    await controlled(page);
    await page.goto(at(server.base, seen.uri));
    assert.equal((await settled(page)).state, 'verified');
    await page.evaluate(() => localStorage.setItem('txng.lang', 'en'));
    await context.setOffline(true);
    await page.goto(at(server.base, seen.uri));
    const off = await settled(page);
    assert.equal(off.state, 'verified', `offline, in English: ${JSON.stringify(off)}`);
    assert.ok(off.checks.includes('registry.cached'), `the saved list was used: ${JSON.stringify(off)}`);
    assert.match(await page.textContent('#verdict h2'), /Verified/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a new build replaces the old one cleanly (versioned cache, no mixed files)', async () => {
  const { tmp, web } = copyDist();
  let server = await startServe(web, []);
  const browser = await launch();
  try {
    const { context, page } = await newPage(browser, { serviceWorkers: 'allow' });
    await page.goto(server.base + '/');
    await controlled(page);
    const v1 = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('txng-shell-')));
    assert.equal(v1.length, 1, `one shell cache: ${v1}`);

    // "Deploy" a new build: a changed stylesheet and the worker stamped with a new version.
    const css = path.join(web, 'assets/app.css');
    fs.appendFileSync(css, '\n/* build 2 */\n');
    const sw = path.join(web, 'sw.js');
    const src = fs.readFileSync(sw, 'utf8');
    const m = /const VERSION = "([0-9a-f]+)";/.exec(src);
    assert.ok(m, 'dist/sw.js is stamped with a version');
    fs.writeFileSync(sw, src.replace(m[0], `const VERSION = "${m[1]}b2";`));
    // txng serve compresses files once at start: the new build is served by a restarted server.
    const port = server.port;
    await server.stop();
    server = await startServe(web, [], null, port);

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // The new worker installs its whole set, activates and deletes the old cache.
    let keys = [];
    for (let i = 0; i < 100; i++) {
      keys = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('txng-shell-')));
      if (keys.length === 1 && keys[0].endsWith('b2')) break;
      await page.waitForTimeout(200);
    }
    assert.deepEqual(keys, [`txng-shell-${m[1]}b2`], 'only the new build\'s cache is left');
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#open-camera', { timeout: 20000 });
    const got = await page.evaluate(async () => ({
      css: (await (await fetch('/assets/app.css')).text()).includes('/* build 2 */'),
      keys: await caches.keys(),
      worker: navigator.serviceWorker.controller?.scriptURL,
    }));
    assert.ok(got.css, `offline, the page runs on the new build's files: ${JSON.stringify(got)}`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('kiosk offline bundle: the products on display are preloaded, then verified with their timeline offline', async () => {
  const { tmp, web } = copyDist();
  // Two products on display; a third label is not in the bundle.
  const shown = pick((c) => isLink(c) && c.id === '001-ca-phe-hop-le', 'a verified coffee label');
  const other = pick((c) => isLink(c) && c.state === 'verified' && new URL(c.uri).pathname.split('/')[2] !== new URL(shown.uri).pathname.split('/')[2], 'a verified label of another product');
  const third = pick((c) => isLink(c) && c.state === 'verified' && ![shown, other].some((x) => new URL(x.uri).pathname.split('/')[2] === new URL(c.uri).pathname.split('/')[2]), 'a verified label of a third product');
  editConfig(web, (cfg) => ({ ...cfg, kiosk: { reset_seconds: 60, preload: [shown.uri, other.uri] } }));
  const server = await startServe(web, [], tmp);
  const browser = await launch();
  try {
    const { context, page } = await newPage(browser, { serviceWorkers: 'allow', viewport: { width: 1080, height: 1920 } });
    await page.goto(server.base + '/');
    await controlled(page);
    // With the worker in control, the kiosk's start (a reload, as a kiosk restarts each morning)
    // verifies the bundle and keeps both timelines.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#kiosk-bundle')?.getAttribute('data-ready') === '2', null, { timeout: 30000 });
    assert.match(await page.textContent('#kiosk-bundle'), /2\/2/, 'the idle screen says both products are ready offline');
    await screenshot(page, 'kiosk-bundle-ready', { fullPage: false });

    await context.setOffline(true);
    await wedgeScan(page, other.uri);
    const off = await settled(page);
    assert.equal(off.state, 'verified', `offline, a product of the bundle: ${JSON.stringify(off)}`);
    assert.ok(off.timeline, 'its timeline, never opened on this kiosk, is there offline');
    assert.match(off.net, /nhật ký sản xuất đã lưu trên máy/, `labelled as the device's copy: ${off.net}`);

    await wedgeScan(page, third.uri);
    const never = await settled(page);
    assert.notEqual(never.state, 'invalid', 'never a false failure offline');
    assert.equal(never.code, 'trace.unavailable', `a product outside the bundle needs the network for its timeline: ${JSON.stringify(never)}`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
