// Accessibility (WCAG 2.2 AA) of the main states, at phone and kiosk sizes: axe-core (npm, pinned)
// injected into the page, plus what axe cannot judge on its own: the verdict announced by the live
// region, keyboard focus order with a visible focus style, and a name for every input.
//
// The page's CSP forbids inline scripts, so the contexts bypass CSP to let axe be injected.
// Contrast checks axe leaves undecided ("incomplete": background hidden by a pseudo-element, text
// overflowing its box, …) fail too, except glyph-only content (the verdict icon, aria-hidden, white
// on the state's dark colour: ≥ 7:1 by hand), so that no text goes unchecked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  BASE, launch, newPage, byCode, pick, verifiedCase, localUrl, expectVerdict, settle,
} from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = [['phone', { width: 360, height: 740 }], ['kiosk', { width: 1080, height: 1920 }]];
const registryGlob = '**/registry.jws*';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs axe on the whole document; returns the violations (and undecided contrast checks). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE });
  }
  const res = await page.evaluate(async (values) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations', 'incomplete'] });
    const undecided = r.incomplete
      .filter((v) => v.id === 'color-contrast')
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => n.any.some((c) => c.data?.messageKey !== 'nonBmp')) }))
      .filter((v) => v.nodes.length)
      .map((v) => ({ ...v, id: 'color-contrast (undecided)', impact: 'unknown' }));
    return [...r.violations, ...undecided].map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        summary: n.failureSummary || n.any.map((c) => c.message).join('; '),
      })),
    }));
  }, TAGS);
  return res;
}

function describe(violations) {
  return violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n` +
    v.nodes.map((n) => `    at ${n.target}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`).join('\n')).join('\n');
}

/** The states, each a function that brings a fresh page into it. */
const STATES = [
  ['start screen', async (page) => {
    await page.goto(BASE + '/');
    await page.waitForSelector('#input-text');
  }],
  ['verified', async (page) => {
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'verified', 'signature.valid');
    await page.waitForSelector('#timeline li.event[data-step]', { state: 'attached' });
    await page.waitForSelector('#product-card');
  }],
  ['retired key (green with a note)', async (page) => {
    await page.goto(localUrl(pick((c) => /^https?:/.test(c.uri || '') && c.codes.includes('key.retired') && c.state === 'verified', 'key.retired').uri));
    await expectVerdict(page, 'verified', 'signature.valid');
  }],
  ['trace unavailable (amber)', async (page) => {
    await page.goto(localUrl(byCode('trace.unavailable').uri));
    await expectVerdict(page, 'verified_with_warnings', 'trace.unavailable');
  }],
  ['tampered (red)', async (page) => {
    await page.goto(localUrl(byCode('signature.invalid').uri));
    await expectVerdict(page, 'invalid', 'signature.invalid');
  }],
  ['recalled (red)', async (page) => {
    await page.goto(localUrl(byCode('lot.recalled').uri));
    await expectVerdict(page, 'invalid', 'lot.recalled');
  }],
  ['cannot tell (grey)', async (page) => {
    await page.route(registryGlob, (r) => r.abort());
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'cannot_tell', 'registry.unavailable');
  }],
  ['English, verified', async (page) => {
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'verified');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
    await page.waitForSelector('#timeline li.event[data-step]', { state: 'attached' });
  }],
  ['checks panel open', async (page) => {
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'verified');
    await page.click('#checks summary');
    await page.waitForFunction(() => document.querySelector('#checks')?.open === true, null, { timeout: 5000 });
  }],
];

for (const [label, viewport] of VIEWPORTS) {
  test(`axe (WCAG 2.2 A/AA) finds no violations at ${label} size`, async () => {
    const failures = [];
    for (const [name, enter] of STATES) {
      const { context, page } = await newPage(browser, { viewport, bypassCSP: true });
      try {
        await enter(page);
        await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
        const v = await axeViolations(page);
        if (v.length) failures.push(`${name} (${label}):\n${describe(v)}`);
      } finally { await context.close(); }
    }
    assert.equal(failures.length, 0, `axe violations:\n${failures.join('\n')}`);
  });
}

test('live region announces the verdict title (Vietnamese and English)', async () => {
  const cases = [
    [verifiedCase(), 'verified', /Đã xác thực/],
    [byCode('signature.invalid'), 'invalid', null],
    [byCode('trace.unavailable'), 'verified_with_warnings', null],
  ];
  for (const [c, state, want] of cases) {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(localUrl(c.uri));
      await expectVerdict(page, state);
      await settle(page);
      const live = await page.$eval('#verdict-live', (el) => ({
        text: el.textContent.trim(),
        ariaLive: el.getAttribute('aria-live'),
        role: el.getAttribute('role'),
      }));
      const title = (await page.textContent('#verdict .verdict__title')).trim();
      assert.ok(live.ariaLive === 'polite' || live.ariaLive === 'assertive', `aria-live: ${live.ariaLive}`);
      assert.ok(title.length > 0, 'verdict title shown');
      assert.ok(live.text.includes(title), `live region ${JSON.stringify(live.text)} has the title ${JSON.stringify(title)}`);
      const reason = (await page.textContent('#main-reason')).trim();
      assert.ok(live.text.includes(reason), `live region ${JSON.stringify(live.text)} has the reason ${JSON.stringify(reason)}`);
      if (want) assert.match(live.text, want);
      if (state === 'verified') {
        await page.click('#lang-toggle');
        await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
        await page.waitForFunction(() => /Verified/.test(document.querySelector('#verdict-live')?.textContent || ''),
          null, { timeout: 5000 });
      }
    } finally { await context.close(); }
  }
});

/** What has focus: its id, whether it is visible, and whether a focus indicator is drawn. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    // A visually hidden file input shows its focus on its label (":focus-within" on the wrapper).
    const shown = el.type === 'file' ? el.closest('.photo-input')?.querySelector('label') : el;
    const ls = getComputedStyle(shown);
    const outline = ls.outlineStyle !== 'none' && parseFloat(ls.outlineWidth) > 0;
    const shadow = ls.boxShadow && ls.boxShadow !== 'none';
    const sr = shown.getBoundingClientRect();
    return {
      id: el.id || el.tagName.toLowerCase(),
      tag: el.tagName.toLowerCase(),
      visible: sr.width > 0 && sr.height > 0 && getComputedStyle(shown).visibility !== 'hidden',
      focusable: el.tabIndex >= 0,
      indicator: outline || shadow,
      style: `outline ${ls.outlineStyle} ${ls.outlineWidth}; box-shadow ${ls.boxShadow}`,
      hidden: cs.display === 'none' || r.width === 0,
    };
  });
}

for (const [label, viewport] of VIEWPORTS) {
  test(`keyboard: Tab order reaches the language switch, inputs and buttons with a visible focus (${label})`, async () => {
    const { context, page } = await newPage(browser, { viewport });
    try {
      await page.goto(BASE + '/');
      await page.waitForSelector('#input-text');
      const seen = [];
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        assert.ok(f, `Tab ${i + 1}: nothing focused`);
        assert.ok(f.visible, `Tab ${i + 1}: focused ${f.id} is not visible`);
        assert.ok(f.focusable, `Tab ${i + 1}: focused ${f.id} is not in the tab order`);
        assert.ok(f.indicator, `Tab ${i + 1}: focused ${f.id} has no visible focus style (${f.style})`);
        seen.push(f.id);
        if (f.id === 'input-submit') break;
      }
      const order = ['lang-toggle', 'open-camera', 'photo-input', 'input-text', 'input-submit'];
      const idx = order.map((id) => seen.indexOf(id));
      assert.ok(idx.every((i) => i >= 0), `Tab reaches ${order.join(', ')}; got ${seen.join(', ')}`);
      assert.deepEqual([...idx].sort((a, b) => a - b), idx, `in reading order: ${seen.join(', ')}`);

      // After a verdict: the heading takes focus; Tab moves on to the controls after it.
      await page.fill('#input-text', verifiedCase().uri);
      await page.press('#input-text', 'Enter');
      await expectVerdict(page, 'verified');
      await settle(page);
      await page.waitForFunction(() => document.activeElement?.matches('#verdict h2'), null, { timeout: 5000 });
      const after = [];
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        assert.ok(f && f.visible && f.indicator, `Tab ${i + 1} after the verdict (${after.join(', ')}): ${JSON.stringify(f)}`);
        after.push(f.id);
        if (f.id === 'input-submit') break;
      }
      // "Quét mã khác" near the top, the folded timeline and checks (summaries), then the bottom.
      const want = ['scan-again-top', 'summary', 'scan-again', 'open-camera', 'photo-input', 'input-text', 'input-submit'];
      const at = want.map((id) => after.indexOf(id));
      assert.ok(at.every((i) => i >= 0), `Tab after the verdict reaches ${want.join(', ')}; got ${after.join(', ')}`);
      assert.deepEqual([...at].sort((a, b) => a - b), at, `in reading order: ${after.join(', ')}`);
    } finally { await context.close(); }
  });
}

/** Chromium's own accessibility tree (CDP): role and computed name of every exposed node. */
async function axNodes(context, page) {
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: (n.name?.value || '').trim() }));
}

const CONTROL_ROLES = new Set(['button', 'link', 'textbox', 'searchbox', 'combobox', 'checkbox', 'radio', 'DisclosureTriangle', 'switch']);

test('every control has an accessible name, in words (Vietnamese and English)', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'verified');
    await settle(page);
    for (const lang of ['vi', 'en']) {
      if (lang === 'en') {
        await page.click('#lang-toggle');
        await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
      }
      const controls = (await axNodes(context, page)).filter((n) => CONTROL_ROLES.has(n.role));
      assert.ok(controls.length >= 8, `controls found: ${JSON.stringify(controls)}`);
      for (const c of controls) {
        assert.ok(/\p{L}|\p{N}/u.test(c.name), `${lang}: a ${c.role} has no name: ${JSON.stringify(c.name)}`);
        // Decorative glyphs (CSS triangles, stars, icons) stay out of names.
        assert.doesNotMatch(c.name, /^[▸▾★✓✕]/u, `${lang}: ${c.role} ${JSON.stringify(c.name)} starts with a glyph`);
      }
      for (const id of ['input-text', 'photo-input']) {
        const name = await page.$eval(`#${id}`, (e) => [...(e.labels || [])].map((l) => l.textContent.trim()).join(' '));
        assert.ok(name.length > 0, `${lang}: #${id} has a <label>`);
      }
      const textbox = controls.find((c) => c.role === 'textbox');
      assert.ok(textbox && textbox.name === (await page.textContent('label[for="input-text"]')).trim(),
        `${lang}: #input-text is named by its label: ${JSON.stringify(textbox)}`);
    }
    // An empty submit is an error the field is described by.
    await page.click('#input-submit');
    await page.waitForSelector('#input-error');
    const desc = await page.getAttribute('#input-text', 'aria-describedby');
    assert.ok(desc.split(/\s+/).includes('input-error'), `aria-describedby=${desc}`);
    assert.equal(await page.getAttribute('#input-text', 'aria-invalid'), 'true');
  } finally { await context.close(); }
});

test('English UI: producer-written Vietnamese is marked lang="vi"', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'verified');
    await page.waitForSelector('#timeline li.event[data-step]', { state: 'attached' });
    const marked = () => page.evaluate(() => ({
      name: document.querySelector('#product-name')?.getAttribute('lang') ?? null,
      card: [...document.querySelectorAll('#product-card [lang="vi"]')].map((e) => e.textContent.trim()),
      timeline: [...document.querySelectorAll('#timeline [lang="vi"]')].map((e) => e.textContent.trim()),
      ui: [...document.querySelectorAll('#product-card dt[lang], #timeline dt[lang], #timeline h3[lang]')].length,
    }));
    const vi = await marked();
    assert.equal(vi.name, null, 'no lang marks under the Vietnamese UI');
    assert.equal(vi.card.length + vi.timeline.length, 0, `no lang marks under the Vietnamese UI: ${JSON.stringify(vi)}`);
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
    const en = await marked();
    assert.equal(en.name, 'vi', 'product name is lang="vi"');
    const diacritics = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
    assert.ok(en.card.length >= 2 && en.card.some((t) => diacritics.test(t)), `product card values marked: ${JSON.stringify(en.card)}`);
    assert.ok(en.timeline.length >= 3 && en.timeline.some((t) => diacritics.test(t)), `timeline values marked: ${JSON.stringify(en.timeline.slice(0, 5))}`);
    assert.equal(en.ui, 0, 'UI labels (English) are not marked Vietnamese');
  } finally { await context.close(); }
});

test('reflow: no horizontal scrolling at 320 px (start screen, verified with timeline, checks open)', async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 320, height: 640 } });
  try {
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto(BASE + '/');
    await page.waitForSelector('#input-text');
    assert.ok(await wide() <= 320, `start screen is ${await wide()} px wide`);
    await page.goto(localUrl(verifiedCase().uri));
    await expectVerdict(page, 'verified');
    await settle(page);
    await page.click('#checks summary');
    assert.ok(await wide() <= 320, `verified page is ${await wide()} px wide`);
    const overflow = await page.evaluate(() => {
      const t = document.querySelector('#lang-toggle');
      const r = document.createRange();
      r.selectNodeContents(t);
      const a = r.getBoundingClientRect();
      const b = t.getBoundingClientRect();
      return a.left < b.left || a.right > b.right ? [a.left, a.right, b.left, b.right] : null;
    });
    assert.equal(overflow, null, `the language switch's word stays inside it: ${overflow}`);
  } finally { await context.close(); }
});
