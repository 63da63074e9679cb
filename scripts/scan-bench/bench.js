// In-page side of the scan benchmark: decodes the same frames and photos with
// txng-scan (pkg/scan, loaded by dynamic import() as the widget does) and with
// jsQR, and returns raw figures to run.mjs. Exposes window.bench.
const FRAME_W = 640;
const FRAME_H = 480;

async function loadImage(url) {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

function imageData(img, w, h, fit) {
  const c = new OffscreenCanvas(w, h);
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (fit) {
    // Camera-like 640x480 frame: the photo scaled to fit, centred on grey.
    ctx.fillStyle = '#808080';
    ctx.fillRect(0, 0, w, h);
    const s = Math.min(w / img.naturalWidth, h / img.naturalHeight);
    const dw = img.naturalWidth * s;
    const dh = img.naturalHeight * s;
    ctx.drawImage(img, (w - dw) / 2, (h - dh) / 2, dw, dh);
  } else {
    ctx.drawImage(img, 0, 0);
  }
  return ctx.getImageData(0, 0, w, h);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

window.bench = {
  async load() {
    const t0 = performance.now();
    const mod = await import('/pkg/scan/txng_scan.js');
    await mod.default();
    this.scanner = new mod.Scanner();
    this.loadMs = performance.now() - t0;
    if (typeof window.jsQR !== 'function') throw new Error('jsQR did not load');
    return { loadMs: this.loadMs };
  },

  // Decodes every corpus photo at its own size: ours = decode_rgba_full
  // (photo path), jsQR = default options. Returns per-file texts and times.
  async corpus(files) {
    const out = [];
    for (const f of files) {
      const img = await loadImage('/corpus/' + f);
      const d = imageData(img, img.naturalWidth, img.naturalHeight, false);
      let t = performance.now();
      const ours = this.scanner.decode_rgba_full(d.data, d.width, d.height) ?? null;
      const oursMs = performance.now() - t;
      t = performance.now();
      const j = window.jsQR(d.data, d.width, d.height);
      const jsqrMs = performance.now() - t;
      out.push({ file: f, ours, jsqr: j ? j.data : null, oursMs, jsqrMs });
    }
    return out;
  },

  // Camera-frame benchmark: the photos fitted onto 640x480 frames; each
  // decoder decodes each frame `reps` times; median ms per decode call.
  async frames(files, reps) {
    const frames = [];
    for (const f of files) {
      const img = await loadImage('/corpus/' + f);
      frames.push(imageData(img, FRAME_W, FRAME_H, true));
    }
    const run = (fn) => {
      const times = [];
      let found = 0;
      for (const d of frames) {
        let ok = false;
        for (let r = 0; r < reps; r++) {
          const t = performance.now();
          const res = fn(d);
          times.push(performance.now() - t);
          ok = ok || res != null;
        }
        if (ok) found++;
      }
      return { medianMs: median(times), meanMs: times.reduce((a, b) => a + b, 0) / times.length, found };
    };
    const s = this.scanner;
    // Warm up both (JIT, wasm tier-up).
    for (let i = 0; i < 3; i++) {
      s.decode_rgba(frames[0].data, FRAME_W, FRAME_H, 0, 0, FRAME_W, FRAME_H);
      window.jsQR(frames[0].data, FRAME_W, FRAME_H);
    }
    const ours = run((d) => s.decode_rgba(d.data, FRAME_W, FRAME_H, 0, 0, FRAME_W, FRAME_H));
    const oursCrop = run((d) => s.decode_rgba(d.data, FRAME_W, FRAME_H, 80, 0, 480, 480));
    const jsqr = run((d) => window.jsQR(d.data, FRAME_W, FRAME_H));
    const jsqrNoInv = run((d) =>
      window.jsQR(d.data, FRAME_W, FRAME_H, { inversionAttempts: 'dontInvert' }),
    );
    return { frames: frames.length, ours, oursCrop, jsqr, jsqrNoInv };
  },
};
window.benchReady = true;
