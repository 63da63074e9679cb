// Kiosk mode (issue 9): 1080×1920, idle screen → keyboard-wedge scan → result with a countdown →
// back to the idle screen with the language reset; the next scan starts afresh; links become QR
// codes instead of leaving the kiosk. The deployment's config is set as a kiosk with a short
// reset time (the page's #txng-config rewritten on the way, as a deployment would write it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, verifiedCase, byCode, screenshot } from './helpers.mjs';
import { VIEW, openKiosk, wedgeScan } from './kiosk-helpers.mjs';

const state = (page) => page.evaluate(() => document.querySelector('#verdict')?.getAttribute('data-state') ?? null);
const lang = (page) => page.evaluate(() => document.querySelector('.txng')?.getAttribute('lang'));

test('kiosk: idle screen → wedge scan → result with countdown → back to idle in Vietnamese', async () => {
  const browser = await launch();
  try {
    const { context, page } = await openKiosk(browser, { reset_seconds: 6 });
    // The idle screen fills the screen and has nothing that summons a keyboard or leaves.
    const idle = await page.evaluate(() => {
      const box = document.querySelector('#kiosk-idle').getBoundingClientRect();
      const invite = document.querySelector('#kiosk-invite');
      return {
        height: box.height,
        invite: invite.textContent,
        inviteSize: parseFloat(getComputedStyle(invite).fontSize),
        fields: document.querySelectorAll('input, textarea, select, [contenteditable=""], [contenteditable="true"]').length,
        camera: !!document.querySelector('#open-camera'),
        date: document.querySelector('#kiosk-list-date')?.textContent ?? '',
      };
    });
    assert.equal(idle.invite, 'Đưa mã QR trên sản phẩm vào máy quét');
    assert.ok(idle.height >= 0.6 * VIEW.height, `idle screen fills the screen (${idle.height} px of ${VIEW.height})`);
    assert.ok(idle.inviteSize >= 48, `invitation readable at arm's length (${idle.inviteSize} px)`);
    assert.equal(idle.fields, 0, 'no text field, paste box or photo picker');
    assert.equal(idle.camera, false, 'no camera button (the camera is not configured here)');
    await page.waitForFunction(() => document.querySelector('#kiosk-list-date')?.hasAttribute('data-issued-at'), null, { timeout: 10000 });
    assert.match(await page.textContent('#kiosk-list-date'), /cập nhật lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, 'last updated shown');
    await screenshot(page, 'kiosk-idle', { fullPage: false });

    // A visitor switches to English and scans.
    await page.click('.top .btn');
    await page.waitForFunction(() => document.querySelector('.txng')?.getAttribute('lang') === 'en');
    await page.evaluate(() => document.activeElement?.blur());
    await wedgeScan(page, verifiedCase().uri);
    await page.waitForFunction(() => document.querySelector('#verdict')?.getAttribute('data-state') === 'verified', null, { timeout: 20000 });
    assert.equal(await lang(page), 'en', 'the visitor\'s language holds during their result');
    const bar = await page.evaluate(() => {
      const c = document.querySelector('#kiosk-countdown');
      const again = document.querySelector('#scan-again');
      return { secs: Number(c?.dataset.seconds), text: c?.textContent, againTop: again?.getBoundingClientRect().top, againH: again?.getBoundingClientRect().height };
    });
    assert.ok(bar.secs >= 1 && bar.secs <= 6, `countdown visible: ${bar.text}`);
    assert.ok(bar.againTop < 120 && bar.againH >= 64, `"scan another" at the top and large (${bar.againTop}, ${bar.againH})`);
    await screenshot(page, 'kiosk-result', { fullPage: false });
    // No link leaves the kiosk: a tap shows a QR code instead.
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    if (links.length > 0) {
      await page.click('a[href]');
      await page.waitForSelector('#kiosk-link', { timeout: 5000 });
      assert.equal(context.pages().length, 1, 'no new tab');
      assert.ok(page.url().startsWith(BASE), 'no navigation');
      await page.waitForSelector('#kiosk-link svg path', { timeout: 20000 });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'kiosk-link-close', 'the dialog takes the focus');
      await screenshot(page, 'kiosk-link-qr', { fullPage: false });
      await page.click('#kiosk-link-close');
      assert.equal(await page.$('#kiosk-link'), null);
    }

    // Time runs out: back to the idle screen, in Vietnamese, nothing of the visitor left. (Failed
    // once in a loaded fresh-clone run, 2026-11-30, not reproduced: what the page shows is printed.)
    await page.waitForSelector('#kiosk-idle', { timeout: 12000 }).catch(async (e) => {
      const seen = await page.evaluate(() => ({
        countdown: document.querySelector('#kiosk-countdown')?.textContent ?? null,
        state: document.querySelector('#verdict')?.getAttribute('data-state') ?? null,
        dialog: !!document.querySelector('#kiosk-link'),
        idle: !!document.querySelector('#kiosk-idle'),
      }));
      throw new Error(`${e.message}\nthe page: ${JSON.stringify(seen)}`);
    });
    assert.equal(await lang(page), 'vi', 'language reset to Vietnamese');
    assert.equal(await state(page), null, 'no verdict left');
    assert.equal(await page.textContent('#kiosk-invite'), 'Đưa mã QR trên sản phẩm vào máy quét');
    assert.equal(await page.evaluate(() => localStorage.getItem('txng.lang')), null, 'the language is not saved on the kiosk');

    // "Quét mã khác" and the next scan also start afresh.
    await wedgeScan(page, verifiedCase().uri);
    await page.waitForFunction(() => document.querySelector('#verdict')?.getAttribute('data-state') === 'verified', null, { timeout: 20000 });
    await page.click('.top .btn');
    await page.waitForFunction(() => document.querySelector('.txng')?.getAttribute('lang') === 'en');
    await page.evaluate(() => document.activeElement?.blur());
    await wedgeScan(page, byCode('signature.invalid').uri);
    await page.waitForFunction(() => document.querySelector('#verdict')?.getAttribute('data-state') === 'invalid', null, { timeout: 20000 });
    assert.equal(await lang(page), 'vi', 'the next scan is a new visitor');
    await page.click('#scan-again');
    await page.waitForSelector('#kiosk-idle', { timeout: 5000 });
    assert.equal(await state(page), null);
    // Three scans, one performance mark: the browser keeps marks for the page's life, so a mark
    // per scan would grow a kiosk's memory all day (src/marks.rs).
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    assert.deepEqual(marks.sort(), ['txng-usable', 'txng-verdict'], 'the load\'s marks only, not one per scan');
    assert.deepEqual(page.errors, []);
  } finally { await browser.close(); }
});

test('kiosk by ?mode=kiosk: default countdown of 60 s', async () => {
  const browser = await launch();
  try {
    const { page } = await newPage(browser, { viewport: VIEW });
    await page.goto(BASE + '/?mode=kiosk');
    await page.waitForSelector('#kiosk-idle', { timeout: 20000 });
    await wedgeScan(page, verifiedCase().uri);
    await page.waitForSelector('#kiosk-countdown', { timeout: 20000 });
    const secs = Number(await page.getAttribute('#kiosk-countdown', 'data-seconds'));
    assert.ok(secs > 50 && secs <= 60, `starts at 60 s (${secs})`);
  } finally { await browser.close(); }
});
