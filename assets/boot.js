// Starts the txng widget on the standalone page (an ES module: the CSP allows scripts from the
// origin and, by its hash, the page's one inline preload script). The wasm is located relative to
// the JS glue, so the widget works under any base path.
//
// Two modules (issue 10): the small verify-first module (pkg/txng_first*, no Yew; index.html
// preloads it) verifies a label link and shows its final verdict; the interface
// (pkg/txng_web*, Yew) loads after that verdict is on screen and takes over with the bytes the
// first one fetched (mountPage(handed)). The Rust side decides what is a label link; the page's
// preload script (index.html, `data-txng-page`) only lets other pages (the start page, a kiosk)
// start with the interface at once. Without that mark (a CSP without the script's hash) the
// verify-first module runs first everywhere and leaves other pages to the interface.
// A failed load (weak signal, old browser) says so and offers to reload the page.

const labelPath = document.documentElement.getAttribute('data-txng-page') !== 'other';

// The page's #txng-config block, read once (null if missing or not JSON: the module reports that).
const pageConfig = (() => {
  try {
    return JSON.parse(document.getElementById('txng-config').textContent);
  } catch (_) {
    return null;
  }
})();

// The verify-first module in three builds (bytes before the verdict; crates/txng-first/Cargo.toml
// says how many each saves): pkg/txng_first* holds Vietnamese texts only and reads a single-file
// registry only, pkg/txng_first_sharded* reads a sharded one too, pkg/txng_first_en* holds both
// languages and reads both formats, for a reader whose language is English. The reader's language
// as the module reads it (src/first.rs): a saved choice ("txng.lang"), else the configuration's
// "lang"; the format is the configuration's "registry_format" (index.html's preload script asks the
// same). Were the page ever to pick a module that lacks the reader's language or the registry's
// format, the module leaves the page to the interface.
function firstModule() {
  let lang = null;
  try {
    lang = localStorage.getItem('txng.lang');
  } catch (_) { /* no storage: the configuration decides */ }
  if (lang !== 'vi' && lang !== 'en') lang = pageConfig?.lang;
  if (lang === 'en') return '../pkg/txng_first_en.js';
  return pageConfig?.registry_format === 'sharded' ? '../pkg/txng_first_sharded.js' : '../pkg/txng_first.js';
}

// On a label link's page, the registry (a sharded registry's index and the label's shard), and the
// label's trace document are asked for now, while the verify-first module downloads, and handed to
// it as `take(url)` (src/net.rs explains): on a slow link their round trips no longer wait for the
// module and the registry check. The shard and trace URLs are guesses from the registry's payload
// (read here, unverified) and the address's GTIN and lot, asked for only on the registry's or the
// page's origin; the module takes a request only for the URL the verified registry gives, and checks
// what it reads as any other answer. A kiosk is left alone (the interface verifies its scans), and
// so is a shard this device keeps (src/pipeline.rs uses it when the index pins its bytes).
// The registry is read here only when its answer says it is small: parsing it is main-thread work
// at page load that the module does again, worth a round trip for a sharded index or a province's
// list (tens of KB) but not for a multi-megabyte single-file list (the module reads up to 4 MiB).
const REGISTRY_PEEK_MAX = 256 * 1024;
function prefetch() {
  const cfg = pageConfig;
  let registry;
  try {
    registry = new URL(cfg.registry_url, location.href).href;
  } catch (_) {
    return undefined; // no configuration, or no registry URL in it
  }
  const kiosk = cfg.kiosk === true || (cfg.kiosk !== null && typeof cfg.kiosk === 'object' && !Array.isArray(cfg.kiosk));
  if (kiosk || location.search.slice(1).split('&').includes('mode=kiosk')) return undefined;
  // Without the preload script's mark (a CSP without its hash) this runs on every page: only a
  // label path's module takes the registry (elsewhere the interface asks for it, once).
  if (!/(?:^|\/)01\/\d{14}(?:\/|$)/.test(location.pathname)) return undefined;
  const sharded = cfg.registry_format === 'sharded';
  const started = new Map();
  const start = (url, init) => {
    const controller = new AbortController();
    const response = fetch(url, { ...init, signal: controller.signal });
    response.catch(() => {}); // a failure is reported by the module that takes it
    started.set(url, [controller, response]);
    return response;
  };
  // Read before its signature is checked: a tampered list must not send the address's GTIN and lot
  // to another site.
  const near = (url) => !!url && [new URL(registry).origin, location.origin].includes(new URL(url).origin);
  const kept = (key) => {
    try {
      return localStorage.getItem(key) !== null;
    } catch (_) {
      return false; // no storage: the module keeps nothing either
    }
  };
  const ready = start(registry, { cache: 'no-cache' })
    .then((r) => {
      const length = Number(r.headers.get('content-length'));
      return r.ok && length > 0 && length <= REGISTRY_PEEK_MAX ? r.clone().text() : '';
    })
    .then((jws) => {
      const shard = sharded ? shardUrl(jws, registry, location.pathname) : null;
      if (shard && near(shard.url) && !kept(`txng.shard:${registry}#${shard.from}`)) start(shard.url, {});
      const trace = traceUrl(jws, registry, location.pathname);
      if (near(trace)) start(trace, {});
    })
    .catch(() => {});
  return (url) => (started.has(url) ? Promise.resolve() : ready).then(() => {
    const entry = started.get(url) || null;
    started.delete(url);
    return entry;
  });
}

// -- The guesses (tests/web.rs compares them with txng_core over generated inputs) --
// Each must give the very string txng_core and src/net.rs `resolve` give, or null; they throw on
// what they cannot read.
function payloadOf(jws) {
  const payload = jws.trim().split('.')[1];
  if (!payload) return null;
  // A loop, not Uint8Array.from(text, mapFn) (a call per byte): at 4x, once per page load, on the
  // demo registry's 4 KB, median of 20: 6.9 -> 3.5 ms.
  const text = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return JSON.parse(new TextDecoder().decode(bytes));
}

// The label path's GTIN and lot (`…/01/{gtin}/10/{lot}…`), the lot decoded, or null.
function labelOf(pathname) {
  const m = /(?:^|\/)01\/(\d{14})\/10\/([^/]+)/.exec(pathname);
  return m ? { gtin: m[1], lot: decodeURIComponent(m[2]) } : null;
}

// The trace URL of FORMAT.md §3.1 with the registry's first template (txng_core `trace_urls`).
function traceUrl(jws, base, pathname) {
  const label = labelOf(pathname);
  const doc = label && payloadOf(jws);
  const template = doc && Array.isArray(doc.trace_url_templates) ? doc.trace_url_templates[0] : null;
  if (typeof template !== 'string') return null;
  // Everything but RFC 3986's unreserved characters, as txng_core::link::percent_encode.
  const lot = encodeURIComponent(label.lot)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const url = new URL(template.replaceAll('{gtin}', label.gtin).replaceAll('{lot}', lot), base);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}

// A sharded registry's shard for the label's GTIN (FORMAT.md §2.7.1: the greatest `from` not after
// the digits after the indicator digit, in string order) and its URL (txng_core `shard_for_gtin`,
// `shard_url`), as { from, url }, or null.
function shardUrl(jws, base, pathname) {
  const label = labelOf(pathname);
  const doc = label && payloadOf(jws);
  if (!doc || !Array.isArray(doc.shards) || typeof doc.shard_url_template !== 'string') return null;
  const digits = label.gtin.slice(1);
  let best = null;
  for (const s of doc.shards) {
    if (typeof s?.from !== 'string' || !Number.isSafeInteger(s.version)) return null;
    if (s.from <= digits && (best === null || s.from > best.from)) best = s;
  }
  if (!best) return null;
  const rel = doc.shard_url_template.replaceAll('{from}', best.from).replaceAll('{version}', String(best.version));
  const url = new URL(rel, base);
  return url.protocol === 'https:' || url.protocol === 'http:' ? { from: best.from, url: url.href } : null;
}
// -- End of the guesses --

// The interface's stylesheet. The built page links only the rules of its first screen (the
// placeholder and the verify-first banner: dist/assets/first.css, scripts/lib/first-css.py, ~2.3 KB
// brotli less before the verdict); app.css, which holds them too, is added here and the interface
// mounts once it has loaded (or failed to: the interface then shows with the first screen's rules).
// A page that links app.css itself (the source index.html) is left as it is.
function interfaceCss() {
  const href = new URL('app.css', import.meta.url).href;
  let link = [...document.querySelectorAll('link[rel="stylesheet"]')].find((l) => l.href === href);
  if (link?.sheet) return Promise.resolve();
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
  }
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  if (!link.isConnected) document.head.append(link);
  return loaded;
}

const loadUi = () => import('../pkg/txng_web.js').then(async (ui) => {
  await ui.default();
  return ui;
});
const take = labelPath ? prefetch() : undefined;
// Other pages mount the interface at once: its stylesheet is asked for now.
const css = labelPath ? null : interfaceCss();
const first = labelPath
  ? import(firstModule()).then(async (m) => {
    await m.default();
    return m.verifyPage(take);
  }).catch((e) => {
    console.warn('txng: verify-first module failed; the interface verifies', e);
    return null;
  })
  : Promise.resolve(null);

// The interface is asked for once the first module's verdict has been painted (its scripts would
// otherwise be compiled before that paint on a slow phone). Its wasm is asked for at the same time
// as its glue, not after the glue and the glue's own import have arrived: at 400 kbit/s and 400 ms
// RTT the interface is in place ~0.76 s sooner (A/B 2026-11-30, median of 4: 10,360 -> 9,602 ms).
// Not before the verdict: started with the verify-first module it made the verdict ~50-100 ms
// later at 4x on loopback (A/B, median of 20). On other pages index.html preloads it already.
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
function preloadUiWasm() {
  const l = document.createElement('link');
  l.rel = 'preload';
  l.as = 'fetch';
  l.type = 'application/wasm';
  l.crossOrigin = 'anonymous';
  l.href = new URL('../pkg/txng_web_bg.wasm', import.meta.url).href;
  document.head.append(l);
}

first
  .then(async (handed) => {
    if (handed) await painted();
    if (labelPath) preloadUiWasm();
    const sheet = css ?? interfaceCss();
    const ui = await loadUi();
    await sheet;
    ui.mountPage(handed);
    frameBridge();
    offline();
  })
  .catch((e) => {
    console.error(e);
    bootFailed();
  });

// The interface did not load: say so where the "loading" line was (or under a verdict the
// verify-first module already shows) and offer to reload.
function bootFailed() {
  const root = document.getElementById('txng');
  if (!root || document.getElementById('boot-reload')) return;
  let msg = root.querySelector('.boot__msg');
  if (!msg) {
    msg = document.createElement('p');
    (root.querySelector('.boot') || root).append(msg);
  }
  msg.textContent = 'Không tải được trang kiểm tra (mạng yếu hoặc trình duyệt quá cũ). Hãy tải lại trang. (Could not load the verifier: reload the page.)';
  msg.className = 'boot__msg error';
  const again = document.createElement('button');
  again.type = 'button';
  again.id = 'boot-reload';
  again.className = 'btn btn--primary';
  again.textContent = 'Tải lại trang (Reload)';
  again.addEventListener('click', () => window.location.reload());
  msg.after(again);
}

// The iframe route (README "Embedding"): framed as /?parent=ORIGIN by a site the deployment lists in
// "parent_origins" of #txng-config, the page posts to that origin only (never '*'):
//   {source: 'txng', version: 1, type: 'verdict', state, code, gtin, lot}  at each verdict;
//   {source: 'txng', version: 1, type: 'height', height}                   when its height changes.
// An origin not in the list gets nothing. The parent checks event.origin against the widget's.
function frameBridge() {
  if (window.parent === window) return;
  const allowed = pageConfig?.parent_origins;
  const target = new URLSearchParams(window.location.search).get('parent');
  if (!target || target === '*' || !Array.isArray(allowed) || !allowed.includes(target)) {
    if (target) console.warn(`txng: parent ${target} is not in parent_origins; nothing is posted`);
    return;
  }
  const post = (msg) => window.parent.postMessage({ source: 'txng', version: 1, ...msg }, target);
  document.addEventListener('txng-verdict', (e) => {
    const d = e.detail || {};
    post({ type: 'verdict', state: d.state, code: d.code, gtin: d.gtin ?? null, lot: d.lot ?? null });
  });
  let last = -1;
  const measure = () => {
    const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      post({ type: 'height', height: h });
    }
  };
  new ResizeObserver(measure).observe(document.documentElement);
  measure();
}

// Offline and installable (assets/sw.js, written to dist/sw.js by build-web.sh with this build's
// version): registered by the standalone page only, at the deployment's root, not inside a frame.
function offline() {
  if (!('serviceWorker' in navigator) || window.parent !== window) return;
  navigator.serviceWorker.register(new URL('../sw.js', import.meta.url)).catch((e) => {
    console.warn('txng: no service worker (offline use unavailable):', e);
  });
}
