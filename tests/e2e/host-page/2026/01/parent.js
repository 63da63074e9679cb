// The parent side of the iframe route (README "Embedding"), as a department website would copy it:
// accept messages only from the widget's origin and from the frame itself, then size the frame and
// keep the verdicts. WIDGET_ORIGIN is the only line to edit. (The e2e test reads window.txngMessages.)
const WIDGET_ORIGIN = document.currentScript?.dataset.widget || new URL(document.querySelector('iframe.txng-frame').src).origin;
window.txngMessages = [];
window.addEventListener('message', (e) => {
  if (e.origin !== WIDGET_ORIGIN) return;
  const frame = [...document.querySelectorAll('iframe.txng-frame')].find((f) => f.contentWindow === e.source);
  if (!frame || !e.data || e.data.source !== 'txng' || e.data.version !== 1) return;
  if (e.data.type === 'height' && Number.isFinite(e.data.height)) {
    frame.style.height = `${Math.min(Math.max(e.data.height, 200), 20000)}px`;
  }
  window.txngMessages.push({ frame: frame.id, ...e.data });
});
