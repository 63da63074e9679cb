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
    pending = import(url)
      .then(async (m) => { await m.default(); return new m.Scanner(); })
      .catch((e) => { pending = null; throw e; });
  }
  return pending;
}

// Reads the w×h canvas and decodes it: a camera crop (fast pass) or a whole photo (full cascade).
export function decodeCanvas(scanner, ctx, w, h, full) {
  const d = ctx.getImageData(0, 0, w, h).data;
  return full ? scanner.decode_rgba_full(d, w, h) : scanner.decode_rgba(d, w, h, 0, 0, w, h);
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
