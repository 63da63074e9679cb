// <txng-verifier>: the txng widget as a custom element, for department websites (README
// "Embedding"). One module script defines the element and nothing else (no window globals, no
// global CSS, no global ids); each element renders inside its own shadow root, so the host page's
// styles and the widget's never meet.
//
//   <script type="module" src="https://HOST/assets/txng-verifier.js"></script>
//   <txng-verifier registry="https://HOST/registry.jws" anchors="kid:base64url-key …"
//                  lang="vi" mode="full|compact" registry-format="single|sharded"></txng-verifier>
//
// The stylesheet is fetched once, its rem lengths rewritten to calc(N * var(--txng-rem)) (the host
// page's root font size must not scale the widget; --txng-rem defaults to 16px on :host), and
// shared by every element as a constructed stylesheet. Each verdict is announced as a bubbling,
// composed `txng-verdict` event with detail {state, code, gtin, lot}.
import init, { mountElement } from '../pkg/txng_web.js';

const here = import.meta.url;
let ready = null; // the wasm module and the stylesheet, loaded once for the page
let sheet = null;

/** rem → calc(N * var(--txng-rem)); exported for the tests. */
export function scopeCss(css) {
  return css.replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `calc(${n} * var(--txng-rem))`);
}

function load() {
  if (!ready) {
    const css = fetch(new URL('app.css', here), { credentials: 'omit' })
      .then((r) => {
        if (!r.ok) throw new Error(`app.css: HTTP ${r.status}`);
        return r.text();
      })
      .then((text) => {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(scopeCss(text));
      });
    ready = Promise.all([init(), css]).catch((e) => {
      ready = null; // a later element may try again
      throw e;
    });
  }
  return ready;
}

function message(text, error) {
  const p = document.createElement('p');
  p.setAttribute('role', error ? 'alert' : 'status');
  p.textContent = text;
  return p;
}

class TxngVerifier extends HTMLElement {
  static get observedAttributes() { return ['registry', 'anchors', 'lang', 'mode', 'registry-format']; }

  constructor() {
    super();
    this._shadow = this.attachShadow({ mode: 'open' });
    this._app = null;
    this._turn = 0;
  }

  connectedCallback() { this._mount(); }

  disconnectedCallback() { this._unmount(); }

  attributeChangedCallback() {
    if (this._app) {
      this._unmount();
      this._mount();
    }
  }

  _unmount() {
    this._turn += 1;
    if (this._app) {
      this._app.unmount();
      this._app.free();
      this._app = null;
    }
  }

  async _mount() {
    const turn = ++this._turn;
    this._shadow.replaceChildren(message('Đang tải trình kiểm tra…', false));
    try {
      await load();
    } catch (e) {
      if (turn === this._turn) {
        this._shadow.replaceChildren(message('Không tải được trình kiểm tra. Hãy tải lại trang. (Could not load the verifier: reload the page.)', true));
      }
      console.error(e);
      return;
    }
    if (turn !== this._turn || !this.isConnected) return;
    this._shadow.adoptedStyleSheets = [sheet];
    const box = document.createElement('div');
    box.className = 'txng-root txng-embed';
    this._shadow.replaceChildren(box);
    const a = (n) => this.getAttribute(n) || '';
    this._app = mountElement(box, a('registry'), a('anchors'), a('lang'), a('mode'), a('registry-format'), '');
  }
}

if (!customElements.get('txng-verifier')) customElements.define('txng-verifier', TxngVerifier);
