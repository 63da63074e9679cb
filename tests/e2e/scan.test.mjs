// The three ways in besides a link: the camera (Chromium's fake camera playing a y4m made from a
// demo QR PNG), a 2D scanner in keyboard mode, and a photo upload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BASE, launch, newPage, verifiedCase, verifiedQrPng, elementString, expectVerdict, screenshot, y4mFromPng, GS,
} from './helpers.mjs';

let tmp;
before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-e2e-')); });
after(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

test('camera scan with the fake camera ends green', async () => {
  const y4m = await y4mFromPng(verifiedQrPng(), path.join(tmp, 'label.y4m'));
  const browser = await launch([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4m}`,
  ]);
  try {
    const { page } = await newPage(browser, { permissions: ['camera'] });
    await page.goto(BASE + '/');
    await page.click('#open-camera');
    await page.waitForSelector('#camera-view', { timeout: 10000 });
    const cameraError = await page.$('#camera-error');
    if (cameraError && (await cameraError.isVisible())) {
      const msg = await cameraError.textContent();
      // Fall through to the verdict wait, which will fail with details; the error helps.
      console.error(`camera error shown: ${msg}`);
    }
    await expectVerdict(page, 'verified', null, 30000);
    await screenshot(page, 'camera-verified');
  } finally { await browser.close(); }
});

// A scanner in keyboard mode types a whole code in a few milliseconds per key, and the widget tells
// a scan from a person by that speed (< 50 ms between keys). Playwright's keyboard.type awaits one
// round trip per key, which on a loaded 2-core CI machine sometimes leaves longer gaps; it also
// sends characters outside the US layout (GS) as text input without a keydown. So the key events
// go through CDP Input.dispatchKeyEvent, all queued at once (Chromium delivers them in order, as
// trusted events), each with its own timestamp 2 ms after the previous one, as a scanner's: GS as a key whose `key` is "\u001d" (Bluetooth scanners in HID-POS mode) or as
// Ctrl+] (the default of most USB scanners), then Enter.
async function wedgeScan(page, text, gsAs) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  const key = (k, extra = {}) => {
    events.push({ type: 'keyDown', key: k, text: extra.text ?? k, unmodifiedText: extra.text ?? k, ...extra });
    events.push({ type: 'keyUp', key: k, ...extra, text: undefined });
  };
  for (const ch of text) {
    if (ch === GS && gsAs === 'ctrl') {
      events.push({ type: 'rawKeyDown', key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17, modifiers: 2 });
      events.push({ type: 'rawKeyDown', key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: 2 });
      events.push({ type: 'keyUp', key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: 2 });
      events.push({ type: 'keyUp', key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17, modifiers: 0 });
    } else {
      key(ch);
    }
  }
  key('Enter', { code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
  const t0 = Date.now() / 1000;
  await Promise.all(events.map((e, i) => cdp.send('Input.dispatchKeyEvent', { ...e, timestamp: t0 + i * 0.001 })));
  await cdp.detach();
}

for (const gsAs of ['char', 'ctrl']) {
  test(`keyboard-wedge scanner (element string, GS as ${gsAs === 'ctrl' ? 'Ctrl+]' : 'U+001D'}, Enter) gives a verdict`, async () => {
    const browser = await launch();
    try {
      const { page } = await newPage(browser);
      await page.goto(BASE + '/');
      await page.waitForSelector('#open-camera');
      await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
      // Nothing focused: the page listens for fast key bursts ending in Enter.
      await page.evaluate(() => document.activeElement?.blur());
      await wedgeScan(page, elementString(verifiedCase().uri), gsAs);
      const v = await expectVerdict(page, 'verified', null, 20000);
      assert.ok(v.checks.length === 0 || v.checks.includes('host.absent'), `element string has no host: ${v.checks.join(', ')}`);
    } finally { await browser.close(); }
  });
}

test('photo upload of a demo QR PNG ends green', async () => {
  const browser = await launch();
  try {
    const { page } = await newPage(browser);
    await page.goto(BASE + '/');
    await page.setInputFiles('#photo-input', verifiedQrPng());
    await expectVerdict(page, 'verified', null, 30000);
  } finally { await browser.close(); }
});

test('scan again returns to the start', async () => {
  const browser = await launch();
  try {
    const { page } = await newPage(browser);
    await page.goto(BASE + '/');
    await page.setInputFiles('#photo-input', verifiedQrPng());
    await expectVerdict(page, 'verified', null, 30000);
    await page.click('#scan-again');
    await page.waitForSelector('#open-camera', { timeout: 5000 });
  } finally { await browser.close(); }
});
