// What a verdict tells a shopper to do (FORMAT.md §4.2, the core's view model), one rule each:
// expired, recalled, forged, amber without a report block, a Wi-Fi code, a harmless fact; then
// screenshots of every served demo case at 360 px and 1080×1920, in Vietnamese and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, newPage, byCode, pick, demoCases, localUrl, expectVerdict, settle, screenshot,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const isLink = (c) => /^https?:\/\//.test(c.uri || '');
const text = async (page, sel) => ((await page.textContent(sel).catch(() => null)) || '').trim();
const report = (page) => page.getAttribute('#verdict', 'data-report');

test('expired product: its own headline and action, the expiry row marked, no report block', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(localUrl(byCode('product.expired').uri));
    await expectVerdict(page, 'verified_with_warnings', 'product.expired');
    assert.match(await text(page, '#verdict .verdict__title'), /^Sản phẩm đã quá hạn sử dụng \(HSD: \d{2}\/\d{2}\/\d{4}\)$/);
    assert.match(await text(page, '#verdict .verdict__next'), /Không nên mua hoặc dùng/);
    assert.doesNotMatch(await text(page, '#verdict'), /Không cần làm gì/);
    assert.ok(await page.$('#product-card [data-field="expiry"].field--marked'), 'expiry row marked');
    assert.equal(await page.$('#report-fake'), null, 'amber: no reporting');
    assert.equal(await report(page), 'none');
  } finally { await context.close(); }
});

test('recalled lot: headline, product and lot, producer phone, what to do; card shown, no fake report', async () => {
  const c = byCode('lot.recalled');
  const lot = decodeURIComponent(new URL(c.uri).pathname.split('/')[new URL(c.uri).pathname.split('/').indexOf('10') + 1]);
  const { context, page } = await newPage(browser);
  try {
    await page.goto(localUrl(c.uri));
    await expectVerdict(page, 'invalid', 'lot.recalled');
    assert.equal(await text(page, '#verdict .verdict__title'), 'Lô hàng bị thu hồi – đừng sử dụng');
    const reason = await text(page, '#main-reason');
    assert.ok(reason.includes(lot), `lot ${lot} in ${reason}`);
    const name = await text(page, '#product-name');
    assert.ok(name && reason.includes(name), `product name ${name} in ${reason}`);
    const next = await text(page, '#verdict .verdict__next');
    assert.match(next, /nơi bán/);
    assert.match(next, /\d{3,}/, `producer phone in ${next}`);
    assert.doesNotMatch(await text(page, '#verdict'), /Không hợp lệ/);
    assert.ok(await page.isVisible('#product-card'), 'the genuine label is shown');
    assert.equal(await page.$('section#report-fake'), null, 'not a report-a-fake block');
    assert.notEqual(await report(page), 'prominent');
  } finally { await context.close(); }
});

test('forgery: "Đừng mua sản phẩm này", reporting, scan time and serial by the verdict', async () => {
  const c = byCode('signature.invalid');
  const serial = decodeURIComponent(new URL(c.uri).pathname.split('/').at(-1));
  const { context, page } = await newPage(browser);
  try {
    await page.goto(localUrl(c.uri));
    await expectVerdict(page, 'invalid', 'signature.invalid');
    assert.equal(await text(page, '#verdict .verdict__title'), 'Đừng mua sản phẩm này');
    const stamp = await text(page, '#verdict-stamp');
    assert.match(stamp, /Quét lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    assert.ok(stamp.includes(serial), `serial ${serial} in ${stamp}`);
    assert.ok(await page.isVisible('section#report-fake'), 'reporting block');
    assert.equal(await report(page), 'prominent');
    assert.equal(await page.$('#product-card'), null);
    assert.equal(await page.$('#honesty-note'), null, 'no honesty note on red');
  } finally { await context.close(); }
});

test('amber results never show a report block', async () => {
  // Served demo cases (opened on the local server, so host checks do not apply here).
  const ambers = demoCases().filter((x) => isLink(x) && x.qr && x.state === 'verified_with_warnings' && !x.codes.includes('host.unofficial'));
  assert.ok(ambers.length >= 3, `${ambers.length} amber demo cases`);
  for (const c of ambers) {
    const code = c.code;
    const { context, page } = await newPage(browser);
    try {
      await page.goto(localUrl(c.uri));
      await expectVerdict(page, 'verified_with_warnings');
      await settle(page);
      assert.equal(await page.$('#report-fake'), null, `${code}: no reporting`);
      assert.equal(await report(page), 'none', code);
      assert.match(await text(page, '#verdict .verdict__title'), /^(Mã hợp lệ – cần lưu ý|Sản phẩm đã quá hạn)/, code);
    } finally { await context.close(); }
  }
});

test('a Wi-Fi code is "not a signed label of the province", not a fake', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(BASE + '/');
    await page.fill('#input-text', 'WIFI:S:Quan Ca Phe;T:WPA;P:12345678;;');
    await page.click('#input-submit');
    await expectVerdict(page, 'cannot_tell', 'payload.not_gs1');
    assert.equal(await text(page, '#verdict .verdict__title'), 'Không phải tem có chữ ký số của tỉnh');
    assert.equal(await page.$('section#report-fake'), null);
    assert.doesNotMatch(await text(page, '#verdict'), /giả/);
  } finally { await context.close(); }
});

test('a retired key is green with a note; "Quét mã khác" at the top brings the page back to the top', async () => {
  const c = pick((x) => isLink(x) && x.codes.includes('key.retired') && x.state === 'verified', 'key.retired, verified');
  const { context, page } = await newPage(browser);
  try {
    await page.goto(localUrl(c.uri));
    await expectVerdict(page, 'verified', 'signature.valid');
    assert.ok(await page.$('#notes li[data-code="key.retired"]'), 'the note');
    assert.ok(await page.$('#honesty-note'), 'honesty note with green');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.click('#scan-again');
    await page.waitForSelector('#input-text');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
  } finally { await context.close(); }
});

// Every served demo case, phone and kiosk, vi and en: one page per size and language.
for (const [size, viewport] of [['360', { width: 360, height: 740 }], ['1080x1920', { width: 1080, height: 1920 }]]) {
  for (const lang of ['vi', 'en']) {
    test(`screenshots of every demo case at ${size}, ${lang}`, async () => {
      // Every served case that opens the verifier (an ordinary web link of the demo does not).
      const cases = demoCases().filter((c) => isLink(c) && c.qr && new URL(c.uri).pathname.includes('/01/'));
      assert.ok(cases.length > 10, `${cases.length} served cases`);
      const { context, page } = await newPage(browser, { viewport });
      await context.addInitScript((l) => localStorage.setItem('txng.lang', l), lang);
      try {
        for (const c of cases) {
          await page.goto(localUrl(c.uri));
          const v = await settle(page);
          assert.ok(v.state && v.state !== 'verifying', `${c.name}: ${v.state}`);
          await screenshot(page, `cases/${size}-${lang}/${c.name}`, { fullPage: size === '360' });
        }
      } finally { await context.close(); }
    });
  }
}
