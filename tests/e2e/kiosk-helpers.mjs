// Helpers of the kiosk tests and of scripts/kiosk-soak.mjs (not a test file itself).
import { BASE, newPage } from './helpers.mjs';

export const VIEW = { width: 1080, height: 1920 };

/** Opens the standalone page as a kiosk with the given `kiosk` config value. */
export async function openKiosk(browser, kiosk, url = BASE + '/') {
  const { context, page } = await newPage(browser, { viewport: VIEW });
  await page.route((u) => u.pathname === '/', async (route) => {
    const r = await route.fetch();
    const body = (await r.text()).replace(
      /(<script id="txng-config" type="application\/json">)(.*?)(<\/script>)/s,
      (_, a, cfg, c) => a + JSON.stringify({ ...JSON.parse(cfg), kiosk }) + c,
    );
    await route.fulfill({ response: r, body });
  });
  await page.goto(url);
  await page.waitForSelector('#kiosk-idle', { timeout: 20000 });
  return { context, page };
}

/** A 2D scanner in keyboard mode: the text as trusted key events 1 ms apart, then Enter. */
export async function wedgeScan(page, text) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  for (const ch of text) {
    events.push({ type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
    events.push({ type: 'keyUp', key: ch });
  }
  events.push({ type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', unmodifiedText: '\r' });
  events.push({ type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
  const t0 = Date.now() / 1000;
  await Promise.all(events.map((e, i) => cdp.send('Input.dispatchKeyEvent', { ...e, timestamp: t0 + i * 0.001 })));
  await cdp.detach();
}

