// Glue for the lazily loaded QR decoder (crates/txng-scan, its own wasm in pkg/scan/).
// This file is bundled by wasm-bindgen as a snippet of the widget; the decoder itself is fetched
// only by loadScanner(), i.e. when the camera or photo view opens (dynamic import is allowed by
// the CSP's script-src 'self'). Frame pixels go from the canvas straight to the decoder here, so
// the widget's Rust side never copies a frame.

let pending = null;

export function loadScanner(base) {
  if (!pending) {
    // Snippet path: pkg/snippets/<crate-hash>/src/scan/loader.js -> pkg/scan/txng_scan.js
    const url = base ? base + 'scan/txng_scan.js' : new URL('../../../../scan/txng_scan.js', import.meta.url).href;
    // A holder, not the Scanner itself: decodeCanvas swaps in a fresh Scanner if one traps.
    pending = import(url)
      .then(async (m) => { await m.default(); return { m, s: new m.Scanner() }; })
      .catch((e) => { pending = null; throw e; });
  }
  return pending;
}

// Reads the w×h canvas and decodes it: a camera crop (fast pass) or a whole photo (full cascade).
// The decoder is built with panic = "abort": a bug in it surfaces as a RuntimeError and leaves that
// Scanner unusable, so the holder gets a new one and the frame counts as "no code" (the camera
// keeps scanning; a photo can be tried again).
export function decodeCanvas(holder, ctx, w, h, full) {
  const d = ctx.getImageData(0, 0, w, h).data;
  try {
    return full ? holder.s.decode_rgba_full(d, w, h) : holder.s.decode_rgba(d, w, h, 0, 0, w, h);
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError) && !String(e).includes('recursive use')) throw e;
    try { holder.s.free(); } catch (_) { /* already unusable */ }
    holder.s = new holder.m.Scanner();
    return undefined;
  }
}

export function torchSupported(track) {
  try {
    const c = typeof track.getCapabilities === 'function' ? track.getCapabilities() : null;
    return !!(c && c.torch);
  } catch (_) {
    return false;
  }
}

export function setTorch(track, on) {
  return track.applyConstraints({ advanced: [{ torch: on }] });
}

// The QR encoder (kiosk links shown as QR codes) is its own small module beside the decoder
// (crates/txng-qr -> pkg/scan/txng_qr.js), loaded on the first kiosk link: "size path" of the code
// with its quiet zone, or undefined.
let qrPending = null;

export async function qrPath(base, text) {
  if (!qrPending) {
    const url = base ? base + 'scan/txng_qr.js' : new URL('../../../../scan/txng_qr.js', import.meta.url).href;
    qrPending = import(url)
      .then(async (m) => { await m.default(); return m; })
      .catch((e) => { qrPending = null; throw e; });
  }
  const m = await qrPending;
  return m.qr_path(text);
}
