// Kiosk soak (issue 9): N keyboard-wedge scans (default 1,000; TXNG_SOAK_SCANS) in headless
// Chromium on the kiosk page (the first one as trusted key events through CDP, as the e2e tests do;
// the rest as key events dispatched in the page, 1 ms apart: the same listener and code path at a
// fraction of the CDP round trips), alternating a verified and an invalid demo label, each waited for
// to its verdict, and a reset every 10th scan. Prints the JS heap (after a forced GC) and the
// wasm linear memory at the start and the end, and the time per scan. Figures, not pass/fail;
// fails only if a scan gives no verdict or the page throws.
//
// Env: TXNG_BASE (running `txng serve`), TXNG_DEMO, CHROMIUM, TXNG_SOAK_SCANS.
import { launch, verifiedCase, byCode } from '../tests/e2e/helpers.mjs';
import { openKiosk, wedgeScan } from '../tests/e2e/kiosk-helpers.mjs';

const N = Number(process.env.TXNG_SOAK_SCANS || 1000);
const browser = await launch(['--js-flags=--expose-gc']);
try {
  const { page } = await openKiosk(browser, { reset_seconds: 3600 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const measure = async () => {
    await page.evaluate(() => window.gc && window.gc());
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    const wasm = await page.evaluate(async () => (await import('/pkg/txng_web.js')).wasmMemoryBytes());
    const live = await page.evaluate(() => document.createTreeWalker(document, NodeFilter.SHOW_ALL).nextNode() && (() => {
      let n = 0; const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); while (w.nextNode()) n++; return n;
    })());
    const entries = await page.evaluate(() => performance.getEntries().length);
    return { heap: m.JSHeapUsedSize, nodes: m.Nodes, live, listeners: m.JSEventListeners, wasm, entries };
  };
  const codes = [verifiedCase().uri, byCode('signature.invalid').uri];
  const want = ['verified', 'invalid'];
  // One scan first, so the start figures include the loaded registry and code paths.
  const fastWedge = (text) => page.evaluate((text) => {
    const t0 = performance.now();
    let i = 0;
    for (const key of [...text, 'Enter']) {
      // timeStamp follows the event's creation: keep the keys well within the wedge's 50 ms gap.
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      i += 1;
    }
    return performance.now() - t0;
  }, text);
  const scan = async (i) => {
    if (i === 0) await wedgeScan(page, codes[0]);
    else await fastWedge(codes[i % 2]);
    await page.waitForFunction((s) => document.querySelector('#verdict')?.getAttribute('data-state') === s && !document.querySelector('#verdict[aria-busy]'),
      want[i % 2], { timeout: 20000, polling: 20 });
    if (i % 10 === 9) {
      await page.click('#scan-again');
      await page.waitForSelector('#kiosk-idle');
    }
  };
  await scan(0);
  const start = await measure();
  const t0 = Date.now();
  for (let i = 1; i <= N; i++) await scan(i);
  const ms = Date.now() - t0;
  const end = await measure();
  const kb = (b) => `${(b / 1024).toFixed(0)} KiB`;
  console.log(`kiosk soak: ${N} wedge scans in ${(ms / 1000).toFixed(1)} s (${(ms / N).toFixed(1)} ms per scan, verdict included)`);
  console.log(`  JS heap used   start ${kb(start.heap)}  end ${kb(end.heap)}  (${end.heap >= start.heap ? '+' : ''}${kb(end.heap - start.heap)})`);
  console.log(`  wasm memory    start ${kb(start.wasm)}  end ${kb(end.wasm)}`);
  console.log(`  DOM nodes      in the page start ${start.live}  end ${end.live}; Chromium's count (incl. detached, not yet collected) start ${start.nodes}  end ${end.nodes}`);
  console.log(`  JS event listeners start ${start.listeners}  end ${end.listeners}`);
  console.log(`  performance entries kept (marks, resource and paint timings) start ${start.entries}  end ${end.entries}`);
  if (page.errors.length) throw new Error(`page errors: ${page.errors.slice(0, 5).join('\n')}`);
} finally {
  await browser.close();
}
