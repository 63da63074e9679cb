// Load path of a verified link (issue 10): the verify-first module (pkg/txng_first*, no Yew) and
// the registry are preloaded by the page; the registry is fetched ONCE (the first module takes the
// preload over and hands the bytes to the interface), started before the first module's wasm has
// arrived; the trace document is fetched once too, asked for early by the page's boot script (its
// URL guessed from the registry's template) and taken by the module; the verdict is on screen
// before the interface (pkg/txng_web*) is even requested; the interface then replaces the first
// banner with the same verdict; the performance marks scripts/budgets.mjs reads are set. Times are
// printed by scripts/budgets.mjs, never asserted here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, verifiedCase, localUrl, expectVerdict } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('verified link: verdict from the verify-first module, one registry request, then the interface takes over', async () => {
  const { context, page } = await newPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const sent = new Map(); // requestId -> { path, at }
    const done = new Map(); // path -> timestamp
    // The scripts on the stack that asked for each request (CDP initiator, async parents included).
    const scripts = (st) => (st ? [...st.callFrames.map((f) => f.url), ...scripts(st.parent)] : []);
    cdp.on('Network.requestWillBeSent', (e) => sent.set(e.requestId, {
      path: new URL(e.request.url).pathname, at: e.timestamp, by: scripts(e.initiator?.stack).map((u) => (u ? new URL(u).pathname : '')),
    }));
    cdp.on('Network.loadingFinished', (e) => { const r = sent.get(e.requestId); if (r) done.set(r.path, e.timestamp); });
    // The interface's wasm held back a moment, so the first banner can be looked at before the
    // interface takes over even on a busy machine.
    await page.route('**/pkg/txng_web_bg.wasm', async (r) => { await new Promise((ok) => setTimeout(ok, 800)); await r.continue(); });
    await page.goto(localUrl(verifiedCase().uri), { waitUntil: 'commit' });
    // The first module's banner, as it is when its verdict mark is set.
    await page.waitForFunction(() => performance.getEntriesByName('txng-verdict', 'mark').length > 0, null, { timeout: 20000, polling: 10 });
    const banner = () => page.evaluate(() => {
      const v = document.querySelector('#verdict');
      return {
        first: !!v?.closest('.txng-first'),
        count: document.querySelectorAll('#verdict').length,
        state: v?.getAttribute('data-state'),
        code: v?.querySelector('#main-reason')?.getAttribute('data-code'),
        busy: v?.hasAttribute('aria-busy'),
        headline: v?.querySelector('h2')?.textContent,
        text: [...(v?.querySelectorAll('.verdict__reason, .verdict__explain, .verdict__next') ?? [])].map((p) => p.textContent),
      };
    });
    const first = await banner();
    assert.equal(first.first, true, 'the verify-first module showed the verdict');
    assert.equal(first.count, 1);
    assert.equal(first.state, 'verified');
    assert.equal(first.busy, false, 'a final verdict, never one that could still change');
    await expectVerdict(page, 'verified', 'signature.valid');
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    const ui = await banner();
    assert.equal(ui.first, false, 'the interface took over');
    assert.equal(ui.count, 1, 'one #verdict on the page');
    assert.deepEqual({ ...ui, first: true }, first, 'the interface shows the same banner (one render path)');
    assert.equal(await page.locator('.txng-first, .boot').count(), 0, 'the first banner and the placeholder are gone');

    const reqs = [...sent.values()];
    const registry = reqs.filter((r) => r.path === '/registry.jws');
    assert.equal(registry.length, 1, `registry requests: ${registry.length} (preload taken over, bytes handed to the interface)`);
    const trace = reqs.filter((r) => r.path.startsWith('/trace/'));
    assert.equal(trace.length, 1, `trace requests: ${trace.length} (the page's early one taken by the module, handed to the interface)`);
    assert.ok(trace[0].by.includes('/assets/boot.js'),
      `the trace document was asked for by the page's boot script while the module downloaded (asked by ${trace[0].by})`);
    assert.ok(done.has('/pkg/txng_first_bg.wasm'), 'the verify-first wasm was loaded');
    const uiWasmRequests = reqs.filter((r) => r.path === '/pkg/txng_web_bg.wasm');
    assert.equal(uiWasmRequests.length, 1, 'the interface wasm is asked for once (its preload taken by its glue)');
    const glueImport = reqs.find((r) => r.path.startsWith('/pkg/snippets/'));
    assert.ok(glueImport && uiWasmRequests[0].at < glueImport.at,
      'the interface wasm is asked for with its glue, not after the glue and its import have arrived');
    assert.ok(registry[0].at < done.get('/pkg/txng_first_bg.wasm'),
      'the registry request started before the wasm had finished loading (in parallel, from the preload)');

    // Before the verdict: only the verify-first module's files, all preloaded by the page.
    const timing = await page.evaluate(() => ({
      verdict: performance.getEntriesByName('txng-verdict', 'mark')[0].startTime,
      usable: performance.getEntriesByName('txng-usable', 'mark')[0]?.startTime,
      res: performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname, r.startTime]),
    }));
    const links = await page.$$eval('link[rel=modulepreload], link[rel=preload]', (ls) => ls.map((l) => new URL(l.href).pathname));
    const before = timing.res.filter(([p, t]) => p.startsWith('/pkg/') && t < timing.verdict).map(([p]) => p);
    assert.deepEqual([...new Set(before)].sort(), ['/pkg/txng_first.js', '/pkg/txng_first_bg.wasm'], `before the verdict: ${before}`);
    for (const m of before) assert.ok(links.includes(m), `${m} is preloaded (have ${links})`);
    const uiWasm = timing.res.find(([p]) => p === '/pkg/txng_web_bg.wasm');
    assert.ok(uiWasm && uiWasm[1] >= timing.verdict, `the interface is requested after the verdict (${uiWasm} vs ${timing.verdict})`);
    assert.ok(timing.usable >= timing.verdict, `txng-usable (the interface) after txng-verdict: ${JSON.stringify(timing)}`);
    assert.deepEqual(page.errors, []);
  } finally { await context.close(); }
});

// The built page links only the first screen's rules (dist/assets/first.css, written by
// scripts/lib/first-css.py from app.css); assets/boot.js adds app.css before the interface mounts.
// Every computed style of the placeholder's header and the first banner must be the same with the
// first stylesheet alone as with app.css too: a rule the banner needs that the split left out
// would show here (on a phone and on a kiosk-wide screen).
for (const viewport of [{ width: 390, height: 844 }, { width: 1080, height: 1920 }]) {
  test(`the first screen's stylesheet styles the header and the banner as app.css does (${viewport.width} px)`, async () => {
    const { context, page } = await newPage(browser, { viewport });
    try {
      const heldCss = [];
      const heldUi = [];
      const hold = (list) => (r) => new Promise((ok) => list.push(ok)).then(() => r.continue());
      await page.route('**/assets/app.css', hold(heldCss));
      await page.route('**/pkg/txng_web_bg.wasm', hold(heldUi));
      await page.goto(localUrl(verifiedCase().uri), { waitUntil: 'commit' });
      await page.waitForFunction(() => performance.getEntriesByName('txng-verdict', 'mark').length > 0, null, { timeout: 20000, polling: 20 });
      const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => new URL(s.href).pathname));
      assert.deepEqual(sheets, ['/assets/first.css'], 'the page shows its first screen with the first stylesheet only');
      const styles = () => page.evaluate(() => [...document.querySelectorAll('#txng, #txng *')].map((el) => {
        const cs = getComputedStyle(el);
        const all = {};
        for (let i = 0; i < cs.length; i++) all[cs[i]] = cs.getPropertyValue(cs[i]);
        return { el: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`, all };
      }));
      const firstOnly = await styles();
      assert.ok(firstOnly.some((e) => e.el.includes('verdict__title')), 'the banner is on the page');
      // Then app.css, the interface still held back: the same elements, restyled by both sheets.
      for (let i = 0; i < 100 && heldCss.length === 0; i++) await new Promise((ok) => setTimeout(ok, 50));
      assert.equal(heldCss.length, 1, 'assets/boot.js asked for app.css after the verdict');
      heldCss.splice(0).forEach((go) => go());
      await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.endsWith('/assets/app.css')), null, { timeout: 10000 });
      const both = await styles();
      assert.equal(both.length, firstOnly.length, 'the same elements (the interface has not mounted)');
      const differ = [];
      firstOnly.forEach((e, i) => {
        assert.equal(both[i].el, e.el);
        for (const [k, v] of Object.entries(e.all)) if (both[i].all[k] !== v) differ.push(`${e.el} ${k}: ${v} -> ${both[i].all[k]}`);
      });
      assert.deepEqual(differ, [], 'computed styles that app.css changes');
      // The interface then mounts as usual.
      for (let i = 0; i < 100 && heldUi.length === 0; i++) await new Promise((ok) => setTimeout(ok, 50));
      heldUi.splice(0).forEach((go) => go());
      await expectVerdict(page, 'verified', 'signature.valid');
      assert.deepEqual(page.errors, []);
    } finally { await context.close(); }
  });
}

test('start page (no label link): the interface loads at once, without the verify-first module', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(localUrl('http://start.invalid/'));
    await page.waitForSelector('#input-text', { timeout: 20000 });
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.js')));
    assert.ok(scripts.includes('/pkg/txng_web.js'), `${scripts}`);
    assert.equal(await page.locator('.txng-first').count(), 0);
    // The page's preload script chose the interface: preloaded, and the verify-first module not
    // fetched at all (allowed by its hash in txng serve's CSP: no violation in page.errors).
    const links = await page.$$eval('link[rel=modulepreload], link[rel=preload]', (ls) => ls.map((l) => new URL(l.href).pathname));
    assert.ok(links.includes('/pkg/txng_web_bg.wasm') && links.includes('/pkg/txng_web.js'), `${links}`);
    const all = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
    assert.ok(!all.some((p) => p.startsWith('/pkg/txng_first')), `${all}`);
    assert.equal(await page.getAttribute('html', 'data-txng-page'), 'other');
    assert.deepEqual(page.errors, []);
  } finally { await context.close(); }
});

test('the interface fails to load: the verify-first verdict stays, with a way to reload', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.route('**/pkg/txng_web_bg.wasm', (r) => r.abort());
    await page.goto(localUrl(verifiedCase().uri));
    await page.waitForSelector('#boot-reload', { timeout: 20000 });
    assert.equal(await page.getAttribute('.txng-first #verdict', 'data-state'), 'verified');
    assert.equal(await page.locator('#verdict').count(), 1);
    assert.match(await page.textContent('.boot__msg.error'), /Không tải được trang kiểm tra/);
    assert.ok(await page.isVisible('#boot-reload'));
  } finally { await context.close(); }
});

test('a reader who chose English: the verify-first banner and header are in English, and stay so', async () => {
  const { context, page } = await newPage(browser);
  try {
    await context.addInitScript(() => localStorage.setItem('txng.lang', 'en'));
    // The interface held back a moment, so the first banner can be looked at.
    await page.route('**/pkg/txng_web_bg.wasm', async (r) => { await new Promise((ok) => setTimeout(ok, 1500)); await r.continue(); });
    await page.goto(localUrl(verifiedCase().uri), { waitUntil: 'commit' });
    await page.waitForSelector('.txng-first #verdict', { timeout: 20000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('.txng-first #verdict h2'), /Verified/);
    assert.match(await page.textContent('.boot .top__title'), /Check a product's origin/);
    assert.equal(await page.getAttribute('.txng-first', 'role'), 'status', 'announced as it shows');
    await expectVerdict(page, 'verified', 'signature.valid');
    assert.match(await page.textContent('#verdict h2'), /Verified/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // The verify-first module with English texts, preloaded; the Vietnamese-only one not fetched.
    const all = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
    const first = [...new Set(all.filter((p) => p.startsWith('/pkg/txng_first')))].sort();
    assert.deepEqual(first, ['/pkg/txng_first_en.js', '/pkg/txng_first_en_bg.wasm'], `${all}`);
    const links = await page.$$eval('link[rel=modulepreload], link[rel=preload]', (ls) => ls.map((l) => new URL(l.href).pathname));
    for (const m of first) assert.ok(links.includes(m), `${m} is preloaded (have ${links})`);
    assert.deepEqual(page.errors, []);
  } finally { await context.close(); }
});

// Loads the verified link with the page's choice of verify-first glue `asked` answered by the glue
// of `given` (which loads its own wasm), as if the page had picked the wrong module; returns the
// wasm files asked for and whether a verify-first banner ever showed.
async function loadWithWrongModule(context, page, asked, given) {
  await page.route(`**/pkg/${asked}.js`, async (route) => {
    await route.fulfill({ response: await route.fetch({ url: route.request().url().replace(`${asked}.js`, `${given}.js`) }) });
  });
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('.txng-first')) window.__txngFirstShown = true;
    }).observe(document, { subtree: true, childList: true });
  });
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(localUrl(verifiedCase().uri));
  await expectVerdict(page, 'verified', 'signature.valid');
  return { wasm, firstShown: await page.evaluate(() => window.__txngFirstShown ?? false) };
}

test('the Vietnamese-only verify-first module given an English reader leaves the verdict to the interface', async () => {
  const { context, page } = await newPage(browser);
  try {
    await context.addInitScript(() => localStorage.setItem('txng.lang', 'en'));
    // The page asks for the English build and gets the Vietnamese-only one (its banner would be in
    // Vietnamese).
    const { wasm, firstShown } = await loadWithWrongModule(context, page, 'txng_first_en', 'txng_first');
    assert.ok(wasm.includes('/pkg/txng_first_bg.wasm'), `the Vietnamese-only module ran: ${wasm}`);
    assert.equal(firstShown, false, 'no verify-first banner was shown');
    assert.match(await page.textContent('#verdict h2'), /Verified/, 'the verdict in the reader\'s language, from the interface');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  } finally { await context.close(); }
});

test('a tampered registry cannot send the early trace request to another site', async () => {
  const { context, page } = await newPage(browser);
  try {
    // The registry as served, its first trace template pointed at another origin, over https (which
    // the page's CSP allows): the signature no longer verifies, but the page reads the template
    // before any check.
    await page.route('**/registry.jws', async (route) => {
      const jws = (await (await route.fetch()).text()).trim();
      const [h, p, s] = jws.split('.');
      const doc = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
      doc.trace_url_templates = ['https://127.0.0.2:9/trace/{gtin}/{lot}.jws', ...doc.trace_url_templates];
      await route.fulfill({ status: 200, contentType: 'application/jose', body: `${h}.${Buffer.from(JSON.stringify(doc)).toString('base64url')}.${s}` });
    });
    const asked = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(localUrl(verifiedCase().uri));
    await page.waitForSelector('#verdict:not(.txng-first #verdict)', { timeout: 20000 });
    assert.notEqual(await page.getAttribute('#verdict', 'data-state'), 'verified');
    const elsewhere = asked.filter((u) => new URL(u).host === '127.0.0.2:9');
    assert.deepEqual(elsewhere, [], 'nothing asked of the tampered template\'s site');
  } finally { await context.close(); }
});

// The same page configured for the demo's sharded registry (FORMAT.md §2.7).
const servedSharded = (page) => page.route((u) => u.pathname.startsWith('/01/'), async (route) => {
  const r = await route.fetch();
  const html = (await r.text())
    .replace('"registry_url":"/registry.jws"', '"registry_url":"/registry-index.jws","registry_format":"sharded"')
    .replace('href="/registry.jws"', 'href="/registry-index.jws"');
  assert.match(html, /registry-index\.jws","registry_format":"sharded"/);
  await route.fulfill({ response: r, body: html });
});

test('sharded registry: the index, the label\'s shard and its trace document each asked for once, the shard and trace early by the page', async () => {
  const { context, page } = await newPage(browser);
  try {
    await servedSharded(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = (st) => (st ? [...st.callFrames.map((f) => f.url), ...scripts(st.parent)] : []);
    const sent = [];
    cdp.on('Network.requestWillBeSent', (e) => sent.push({
      path: new URL(e.request.url).pathname, by: scripts(e.initiator?.stack).map((u) => (u ? new URL(u).pathname : '')),
    }));
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'verified', 'signature.valid');
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    const asked = (p) => sent.filter((r) => p(r.path));
    assert.equal(asked((p) => p === '/registry.jws').length, 0, 'the single-file registry is not used');
    assert.equal(asked((p) => p === '/registry-index.jws').length, 1, 'one index request');
    const shard = asked((p) => p.startsWith('/shards/'));
    assert.equal(shard.length, 1, `shard requests: ${shard.map((r) => r.path)}`);
    assert.ok(shard[0].by.includes('/assets/boot.js'), `the shard was asked for early by the page (by ${shard[0].by})`);
    const trace = asked((p) => p.startsWith('/trace/'));
    assert.equal(trace.length, 1);
    assert.ok(trace[0].by.includes('/assets/boot.js'), `the trace document was asked for early by the page (by ${trace[0].by})`);
    // The verify-first module that reads a sharded registry, preloaded; the single-file one not.
    const first = [...new Set(asked((p) => p.startsWith('/pkg/txng_first')).map((r) => r.path))].sort();
    assert.deepEqual(first, ['/pkg/txng_first_sharded.js', '/pkg/txng_first_sharded_bg.wasm']);
    const links = await page.$$eval('link[rel=modulepreload], link[rel=preload]', (ls) => ls.map((l) => new URL(l.href).pathname));
    for (const m of first) assert.ok(links.includes(m), `${m} is preloaded (have ${links})`);
    assert.deepEqual(page.errors, []);
  } finally { await context.close(); }
});

test('sharded registry: the verdict from the verify-first module, which the interface then replaces', async () => {
  const { context, page } = await newPage(browser);
  try {
    await servedSharded(page);
    // The interface held back a moment, so the first banner can be looked at.
    await page.route('**/pkg/txng_web_bg.wasm', async (r) => { await new Promise((ok) => setTimeout(ok, 1500)); await r.continue(); });
    await page.goto(localUrl(verifiedCase().uri), { waitUntil: 'commit' });
    await page.waitForSelector('.txng-first #verdict', { timeout: 20000 });
    assert.equal(await page.getAttribute('.txng-first #verdict', 'data-state'), 'verified');
    await expectVerdict(page, 'verified', 'signature.valid');
    assert.equal(await page.locator('.txng-first').count(), 0, 'the interface took over');
  } finally { await context.close(); }
});

test('the single-file registry\'s verify-first module given a sharded page leaves the verdict to the interface', async () => {
  const { context, page } = await newPage(browser);
  try {
    await servedSharded(page);
    // The page asks for the sharded build and gets the single-file one.
    const { wasm, firstShown } = await loadWithWrongModule(context, page, 'txng_first_sharded', 'txng_first');
    assert.ok(wasm.includes('/pkg/txng_first_bg.wasm'), `the single-file module ran: ${wasm}`);
    assert.equal(firstShown, false, 'no verify-first banner was shown');
  } finally { await context.close(); }
});

test('a page without the preload script (a CSP without its hash): one registry request for a link pasted on the start page and for a label link', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.route((u) => !u.pathname.startsWith('/assets/') && !u.pathname.startsWith('/pkg/') && !u.pathname.endsWith('.jws'), async (route) => {
      const r = await route.fetch();
      if (!(r.headers()['content-type'] || '').startsWith('text/html')) return route.fulfill({ response: r });
      const html = (await r.text()).replace(/<script id="txng-preload">[\s\S]*?<\/script>/, '');
      assert.ok(!html.includes('txng-preload'));
      await route.fulfill({ response: r, body: html });
    });
    const registry = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/registry.jws') registry.push(r.url()); });
    await page.goto(localUrl('http://start.invalid/'));
    await page.waitForSelector('#input-text', { timeout: 20000 });
    assert.equal(await page.getAttribute('html', 'data-txng-page'), null, 'no mark without the script');
    // A link pasted on the start page: its verification takes the page's registry preload.
    await page.fill('#input-text', verifiedCase().uri);
    await page.click('#input-submit');
    await expectVerdict(page, 'verified', 'signature.valid');
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    assert.equal(registry.length, 1, `start page, then a pasted link: ${registry.length} registry requests`);
    registry.length = 0;
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'verified', 'signature.valid');
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    assert.equal(registry.length, 1, `label link: ${registry.length} registry requests`);
  } finally { await context.close(); }
});

// V8's explicit compile hint (scripts/build-web.sh): the scripts that run on the way to the verdict
// start with it (it works only on a file's first line; esbuild drops it if it runs after), and the
// interface's glue, much of which a label page never calls, does not.
test('compile hint on the first line of boot.js and the verify-first glue, not the interface glue', async () => {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  for (const path of ['/assets/boot.js', '/pkg/txng_first.js', '/pkg/txng_first_sharded.js', '/pkg/txng_first_en.js']) {
    const text = await (await fetch(localUrl(`http://x.invalid${path}`))).text();
    assert.ok(text.startsWith(HINT), `${path} starts with the compile hint (${JSON.stringify(text.slice(0, 40))})`);
    assert.ok(text.length > HINT.length + 1000, `${path} is the script itself`);
  }
  const ui = await (await fetch(localUrl('http://x.invalid/pkg/txng_web.js'))).text();
  assert.ok(!ui.includes('allFunctionsCalledOnLoad') && ui.length > 1000, 'the interface glue has no compile hint');
});
