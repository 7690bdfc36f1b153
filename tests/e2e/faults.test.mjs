// Faults of the browser around the page (issue 17), each made to happen
// from the test, each answered in the page in its language with no
// internal text: storage that is full or blocked, a saved state that is
// damaged or newer, and a clipboard that refuses the share link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, live, text, typeKeys } from './helpers.mjs';
import { assertWorded, LANGS } from './faults-words.mjs';

const env = withBrowser();
const KEY = 'finsam-kalkyl/v1';

/**
 * Opens the page in `lang` in a fresh context. `init` runs before the
 * page's own scripts (to break its storage or clipboard); `stored` is put
 * in localStorage first, once, as an earlier visit would have left it.
 */
async function open(lang, { init, stored, permissions = [], hash = '' } = {}) {
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 }, locale: lang === 'en' ? 'en-GB' : 'sv-SE', serviceWorkers: 'block',
  });
  if (permissions.length) await context.grantPermissions(permissions, { origin: env.server.url });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  if (stored) {
    await page.goto(`${env.server.url}manifest.webmanifest`);
    await page.evaluate((s) => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, stored);
  }
  if (init) await context.addInitScript(init);
  await page.goto(`${env.server.url}?lang=${lang}${hash}`);
  await live(page);
  return { context, page, problems };
}

const notice = (page) => text(page.locator('.notice p'));
const total = (page) => text(page.locator('[data-testid=total-funding] .card-value'));
/** What localStorage holds, key by key, read in the page. */
const storage = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
/** Every kind of space as a plain one. */
const fold = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** Lets the autosave's pause (300 ms) pass, with room to spare. */
const pause = (page) => page.waitForTimeout(700);

/** Every setItem fails as a full storage fails; `only` limits it to keys it matches. */
function fullStorage(only) {
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (only && !new RegExp(only).test(key)) return set.call(this, key, value);
    throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
  };
}

/** localStorage itself throws, as in a frame whose site blocks storage. */
function blockedStorage() {
  Object.defineProperty(window, 'localStorage', {
    get() { throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError'); },
  });
}

/**
 * The page still does its work: typing moves the figures, undo takes it
 * back, the share link is made, and a CSV file is saved.
 */
async function stillWorks(page, lang) {
  const before = await total(page);
  // Fields no test typed in before: each field's keystrokes are one undo
  // step. The utrymme first, or the state matches nothing more.
  await typeKeys(page, page.locator('#f-state'), '6 000 000');
  await typeKeys(page, page.locator('#f-kommun-1'), '+10 000');
  assert.notEqual(await total(page), before, `${lang}: typing`);
  await page.getByRole('button', { name: LANGS[lang].undo, exact: true }).click();
  await page.getByRole('button', { name: LANGS[lang].undo, exact: true }).click();
  assert.equal(await total(page), before, `${lang}: undo`);
  await page.getByRole('button', { name: LANGS[lang].share }).click();
  assert.match(await page.locator('#share-link').inputValue(), /^http:.*\?lang=\w\w#s=/);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: LANGS[lang].csv }).click()]);
  assert.match(file.suggestedFilename(), /\.csv$/);
}

for (const lang of ['sv', 'en']) {
  const L = LANGS[lang];

  test(`${lang}: a full storage is said once, and the page goes on without saving`, async () => {
    // Full at once (the probe at start fails too): said as the page opens.
    let { context, page, problems } = await open(lang, { init: fullStorage });
    assertWorded(lang, 'full storage', await notice(page), L.storageOff);
    await page.getByRole('button', { name: L.dismiss }).click();
    await typeKeys(page, page.locator('#f-kommun-0'), '+10 000');
    await pause(page);
    await typeKeys(page, page.locator('#f-kommun-0'), '+20 000');
    await pause(page);
    assert.equal(await page.locator('.notice').count(), 0, 'said once, not at every pause');
    await stillWorks(page, lang);
    assert.deepEqual(problems, []);
    await context.close();

    // Room for the probe but not for the state: said at the first save
    // that fails, then never again.
    ({ context, page, problems } = await open(lang, { init: `(${fullStorage})(${JSON.stringify('^finsam-kalkyl/v1$')})` }));
    await typeKeys(page, page.locator('#f-kommun-0'), '+10 000');
    assertWorded(lang, 'storage full at the first save', await notice(page), L.storageOff);
    await page.getByRole('button', { name: L.dismiss }).click();
    for (const amount of ['+20 000', '+30 000', '+40 000']) {
      await typeKeys(page, page.locator('#f-kommun-0'), amount);
      await pause(page);
    }
    assert.equal(await page.locator('.notice').count(), 0, 'said once');
    await stillWorks(page, lang);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${lang}: a blocked storage is said, and the page works`, async () => {
    const { context, page, problems } = await open(lang, { init: blockedStorage });
    assertWorded(lang, 'blocked storage', await notice(page), L.storageOff);
    await page.getByRole('button', { name: L.dismiss }).click();
    await stillWorks(page, lang);
    await pause(page);
    assert.equal(await page.locator('.notice p').filter({ hasText: L.storageOff }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${lang}: a damaged or newer saved state is said, set aside, never saved over, and the default opens`, async () => {
    const cases = [
      ['damaged', '{"version":1,"preset":"hoglandet-2023","lang":"sv","scenario":{"mode":"sideways"}}', L.damaged],
      ['newer', '{"version":2,"preset":"hoglandet-2023","lang":"sv","scenario":{},"budgets":[{"new":"format"}]}', L.newer],
      ['not JSON', '{"version":1,"preset":', L.damaged2],
    ];
    for (const [what, bad, why] of cases) {
      const { context, page, problems } = await open(lang, { stored: { [KEY]: bad } });
      const message = await notice(page);
      assertWorded(lang, `a ${what} saved state`, message, L.unread);
      assert.match(message, why, `${what}: ${message}`);
      assert.match(message, L.setAside, `${what}: ${message}`);
      assert.match(await text(page.locator('h2.budget-title')), /Södra Vätterbygden/, 'the default opens');
      // Kept aside at once, and still there, unchanged, after the page saves.
      assert.equal((await storage(page))['finsam-kalkyl/unread-1'], bad);
      await typeKeys(page, page.locator('#f-state'), '6 000 000');
      await pause(page);
      const after = await storage(page);
      assert.equal(after['finsam-kalkyl/unread-1'], bad, 'not written over');
      assert.match(after[KEY], /"state_offer":"6000000"/, 'the new state is saved');
      // The next visit opens what was saved, says nothing, and keeps the copy.
      await page.reload();
      await live(page);
      assert.equal(fold(await page.locator('#f-state').inputValue()), '6 000 000');
      assert.equal(await page.locator('.notice').count(), 0);
      assert.equal((await storage(page))['finsam-kalkyl/unread-1'], bad);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test(`${lang}: a saved state that cannot be set aside is not saved over either`, async () => {
    const bad = '{"version":3}';
    // A second bad copy goes to the next key; with no room to keep a copy
    // (storage full for it), the page saves nothing at all.
    let { context, page } = await open(lang, { stored: { [KEY]: bad, 'finsam-kalkyl/unread-1': '{"version":2}' } });
    assert.match(await notice(page), L.newer);
    assert.equal((await storage(page))['finsam-kalkyl/unread-2'], bad);
    await context.close();

    ({ context, page } = await open(lang, { stored: { [KEY]: bad }, init: `(${fullStorage})(${JSON.stringify('unread')})` }));
    assert.match(await notice(page), L.newer);
    await page.getByRole('button', { name: L.dismiss }).click();
    await typeKeys(page, page.locator('#f-state'), '6 000 000');
    await pause(page);
    assert.equal((await storage(page))[KEY], bad, 'left as it was');
    assertWorded(lang, 'saving off', await notice(page), L.storageOff);
    await context.close();
  });

  test(`${lang}: a good link opens over a damaged saved state, which is set aside`, async () => {
    const bad = '{"version":1,"preset":"hoglandet-2023","lang":"sv","scenario":{"mode":"sideways"}}';
    const hash = '#s=' + encodeURIComponent('{"v":1,"preset":"hoglandet-2023","lang":"sv","scenario":{"state_offer":"9000000"}}');
    const { context, page, problems } = await open(lang, { stored: { [KEY]: bad }, hash });
    assert.match(await text(page.locator('h2.budget-title')), /Höglandets/);
    assert.equal((await storage(page))['finsam-kalkyl/unread-1'], bad);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${lang}: a clipboard that refuses the link shows it in a field, focused and selected`, async () => {
    const refusals = {
      'writeText rejects': () => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      },
      'no clipboard (plain http)': () => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      },
    };
    for (const [what, init] of Object.entries(refusals)) {
      const { context, page, problems } = await open(lang, { init });
      await typeKeys(page, page.locator('#f-state'), '6 000 000');
      await page.getByRole('button', { name: L.share }).click();
      assertWorded(lang, what, await notice(page), L.copyByHand);
      const field = page.getByLabel(L.link, { exact: true });
      const link = await field.inputValue();
      // The link is compressed; it must be the one the page carries.
      assert.match(link, /#s=2\.[\w-]+$/, what);
      await page.waitForFunction((hash) => location.hash === hash, new URL(link).hash);
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        return { id: el.id, start: el.selectionStart, end: el.selectionEnd, length: el.value?.length };
      });
      assert.deepEqual(focus, { id: 'share-link', start: 0, end: link.length, length: link.length }, what);
      // The message is in a live region, and the field is read only.
      assert.equal(await page.locator('.notice').getAttribute('role'), 'status');
      assert.equal(await field.isEditable(), false);
      assert.deepEqual(problems, []);
      await context.close();
    }
    // Allowed, the link is on the clipboard and the page says so.
    const { context, page } = await open(lang, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByRole('button', { name: L.share }).click();
    assertWorded(lang, 'copied', await notice(page), L.copied);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('#share-link').inputValue());
    await context.close();
  });
}
