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
const loadUi = () => import('../pkg/txng_web.js').then(async (ui) => {
  await ui.default();
  return ui;
});
const first = labelPath
  ? import('../pkg/txng_first.js').then(async (m) => {
    await m.default();
    return m.verifyPage();
  }).catch((e) => {
    console.warn('txng: verify-first module failed; the interface verifies', e);
    return null;
  })
  : Promise.resolve(null);

// The interface is asked for once the first module's verdict has been painted (its scripts would
// otherwise be compiled before that paint on a slow phone).
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

first
  .then(async (handed) => {
    if (handed) await painted();
    const ui = await loadUi();
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
  let allowed = [];
  try {
    allowed = JSON.parse(document.getElementById('txng-config').textContent).parent_origins;
  } catch (_) {
    return;
  }
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
