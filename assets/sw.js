// txng service worker: the widget works offline after one online visit, and installs as an app.
//
// - App shell: the files of THIS build (index.html, assets/, pkg/; the decoder pkg/scan/ once used), precached at
//   install into a cache named by the build's version. scripts/build-web.sh writes dist/sw.js from
//   this file with VERSION (a hash of the files) and SHELL (their list) filled in, so a new build
//   is a new worker: it installs its own complete set, and on activation every older cache is
//   deleted. A page is only ever served from one version's cache (no mixed files).
// - Navigations (any path: a label link /01/… opens the page) get the cached index.html when the
//   network fails.
// - Trace documents (*.jws the page fetches, any origin): network first, the last good copy when
//   offline. The widget verifies every copy itself (signatures, lot, dates): a cached file is never
//   trusted because it is cached. A trace never fetched is not in the cache: offline the widget
//   says the network is needed for it. The registry (fetched with cache: 'no-cache') is left to the
//   widget, which keeps the last list it verified and labels its use offline with the list's date.
const VERSION = '__TXNG_VERSION__';
// The configured registry URL (relative to the deployment): never answered from here, whatever
// the request's cache mode (the page's `<link rel=preload>` of it has the default mode). Answering
// it from a cache would make an offline device report a saved list as "the latest list".
const REGISTRY = '__TXNG_REGISTRY__';
const REGISTRY_URL = REGISTRY ? new URL(REGISTRY, self.location.href).href : '';
const SHELL = ['__TXNG_SHELL__'];
const SHELL_CACHE = `txng-shell-${VERSION}`;
const DATA_CACHE = 'txng-data-v1';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    // `cache: 'reload'`: the files of this build, not an HTTP-cached older copy.
    await cache.addAll(SHELL.map((u) => new Request(u, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('txng-shell-') && key !== SHELL_CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (REGISTRY_URL && url.href === REGISTRY_URL) return;
  if (req.mode === 'navigate' && url.origin === self.location.origin) {
    event.respondWith((async () => {
      try {
        return await fetch(req);
      } catch (e) {
        const cached = await caches.match('/index.html', { cacheName: SHELL_CACHE }) || await caches.match('/', { cacheName: SHELL_CACHE });
        if (cached) return cached;
        throw e;
      }
    })());
    return;
  }
  // The registry is fetched with `cache: 'no-cache'` and kept by the widget itself (verified, with
  // its date shown when used offline): not answered from here.
  if (url.pathname.endsWith('.jws') && req.cache !== 'no-cache') {
    event.respondWith((async () => {
      const cache = await caches.open(DATA_CACHE);
      try {
        const res = await fetch(req);
        if (res.ok) await cache.put(req.url, res.clone());
        return res;
      } catch (e) {
        const cached = await cache.match(req.url);
        if (!cached) throw e;
        // Marked as the device's copy: the page says so instead of "loaded" (it verifies it anyway).
        const headers = new Headers(cached.headers);
        headers.set('x-txng-saved', '1');
        return new Response(await cached.arrayBuffer(), { status: cached.status, statusText: cached.statusText, headers });
      }
    })());
    return;
  }
  if (url.origin === self.location.origin) {
    event.respondWith((async () => {
      const cache = await caches.open(SHELL_CACHE);
      const cached = await cache.match(req, { ignoreSearch: true });
      if (cached) return cached;
      const res = await fetch(req);
      // The decoder (pkg/scan/) is not precached (most visitors open a link and never need it):
      // kept once used, in this version's cache.
      if (res.ok && url.pathname.includes('/pkg/scan/')) await cache.put(req, res.clone());
      return res;
    })());
  }
});
