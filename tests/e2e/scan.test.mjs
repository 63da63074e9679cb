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

// Playwright's keyboard.type sends characters outside the US layout (like GS) as text input
// without a keydown; a scanner in keyboard mode sends key events. So GS goes through CDP as a key
// whose `key` is "\u001d" (Bluetooth scanners in HID-POS mode), or as Ctrl+] (most USB scanners).
async function wedgeScan(page, text, gsAs) {
  const cdp = await page.context().newCDPSession(page);
  for (const [i, part] of text.split(GS).entries()) {
    if (i > 0) {
      if (gsAs === 'ctrl') {
        await page.keyboard.press('Control+BracketRight');
      } else {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: GS, text: GS, unmodifiedText: GS });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: GS });
      }
    }
    await page.keyboard.type(part, { delay: 0 });
  }
  await page.keyboard.press('Enter');
}

for (const gsAs of ['char', 'ctrl']) {
  test(`keyboard-wedge scanner (element string, GS as ${gsAs === 'ctrl' ? 'Ctrl+]' : 'U+001D'}, Enter) gives a verdict`, async () => {
    const browser = await launch();
    try {
      const { page } = await newPage(browser);
      await page.goto(BASE + '/');
      await page.waitForSelector('#open-camera');
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
