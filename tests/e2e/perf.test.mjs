// Load path of a verified link (issue 10): the registry is preloaded by the page and taken over by
// the widget (ONE request, started before the wasm has arrived), the glue's imports are
// modulepreloaded, and the widget sets the performance marks scripts/budgets.mjs reads.
// Times are printed by scripts/budgets.mjs, never asserted here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, verifiedCase, localUrl, expectVerdict } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('verified link: one registry request, started before the wasm finished loading; marks set', async () => {
  const { context, page } = await newPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const sent = new Map(); // requestId -> { path, at }
    const done = new Map(); // path -> timestamp
    cdp.on('Network.requestWillBeSent', (e) => sent.set(e.requestId, { path: new URL(e.request.url).pathname, at: e.timestamp }));
    cdp.on('Network.loadingFinished', (e) => { const r = sent.get(e.requestId); if (r) done.set(r.path, e.timestamp); });
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'verified', 'signature.valid');
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});

    const reqs = [...sent.values()];
    const registry = reqs.filter((r) => r.path === '/registry.jws');
    assert.equal(registry.length, 1, `registry requests: ${registry.length} (the widget must take the preload over)`);
    assert.ok(done.has('/pkg/txng_web_bg.wasm'), 'the wasm was loaded');
    assert.ok(registry[0].at < done.get('/pkg/txng_web_bg.wasm'),
      'the registry request started before the wasm had finished loading (in parallel, from the preload)');

    const links = await page.$$eval('link[rel=modulepreload]', (ls) => ls.map((l) => new URL(l.href).pathname));
    const modules = [...new Set(reqs.map((r) => r.path).filter((p) => p.startsWith('/pkg/') && p.endsWith('.js') && !p.startsWith('/pkg/scan/')))];
    assert.ok(modules.length >= 2, `glue and its snippets loaded: ${modules}`);
    for (const m of modules) assert.ok(links.includes(m), `${m} is modulepreloaded (have ${links})`);

    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    const at = (n) => marks.find(([name]) => name === n)?.[1];
    assert.ok(at('txng-usable') > 0, `txng-usable mark: ${JSON.stringify(marks)}`);
    assert.ok(at('txng-verdict') >= at('txng-usable'), `txng-verdict mark after txng-usable: ${JSON.stringify(marks)}`);
    assert.deepEqual(page.errors, []);
  } finally { await context.close(); }
});
