// The first screen before the wasm (issue 16), under the strict
// Content-Security-Policy: the default's figures are in the first HTML
// response; the prerender is what the app renders (standalone, ?embed and
// mounted by embed.js); a page that opens on anything else never shows the
// default's figures first; what a person types or clicks before the app is
// ready is taken over by it; and the app works as before after it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, live, root, serve, svNumber, text, typeKeys } from './helpers.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:";
const host = (attrs) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Förbundets webbplats</title><link rel="icon" href="icons/icon-192.png"></head>
<body><h1>Förbundets webbplats</h1>
<div id="finsam-kalkyl"${attrs}></div>
<script type="module" src="embed.js"></script>
</body></html>`;

const env = {};
before(async () => {
  env.server = await serve(join(root, 'dist'), {
    headers: { 'content-security-policy': POLICY },
    pages: { '/host.html': host(''), '/host-hoglandet.html': host(' data-preset="hoglandet-2023" data-lang="en"') },
  });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

const TOTAL = '[data-testid=total-funding] .card-value';
const fold = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
// The parts of the page below the first screen: the app adds them.
const BELOW = 'section.table-section, section.planning, section.scenarios, section.findings';

/**
 * Opens `path` in a fresh context with the app's wasm held back until
 * `release()`: what is on screen until then is the first screen the page
 * arrived with. `saved` goes into localStorage first. Every console error,
 * uncaught error and policy violation is kept in `problems`.
 */
async function openHeld(path, { saved, viewport = { width: 1280, height: 900 }, init } = {}) {
  const context = await env.browser.newContext({ viewport, locale: 'sv-SE' });
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`), true);
  });
  if (saved !== undefined) await context.addInitScript((s) => localStorage.setItem('finsam-kalkyl/v1', s), saved);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${env.server.url}${path}`);
  return { context, page, problems, release };
}

/**
 * The rendered DOM under `selector` as a comparable text: tags, attributes
 * (boolean ones by presence; `value` and `checked` as the control holds
 * them, since the app sets them as properties and the HTML as
 * attributes), and text with
 * adjacent pieces joined. The print-out's date is left out (the build has
 * none), and so are the sections below the first screen.
 */
function shape(page, selector) {
  return page.evaluate(([selector, below]) => {
    const BOOLEAN = new Set(['disabled', 'selected', 'checked', 'readonly', 'open', 'hidden']);
    const out = [];
    const walk = (el, depth) => {
      const attrs = [...el.attributes]
        .filter((a) => a.name !== 'value' && a.name !== 'checked')
        .map((a) => (BOOLEAN.has(a.name) ? a.name : `${a.name}=${a.value}`))
        .sort();
      if ('value' in el && el.tagName !== 'BUTTON' && el.tagName !== 'LI') attrs.push(`.value=${el.value}`);
      if (el.type === 'checkbox' || el.type === 'radio') attrs.push(`.checked=${el.checked}`);
      out.push(`${' '.repeat(depth)}<${el.tagName.toLowerCase()} ${attrs.join(' ')}>`);
      let run = '';
      const flush = () => { if (run) out.push(`${' '.repeat(depth + 1)}"${run}"`); run = ''; };
      for (const node of el.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) run += node.data;
        else if (node.nodeType === Node.ELEMENT_NODE && !node.matches(below)) {
          flush();
          if (node.matches('.print-header > p:first-child')) out.push(`${' '.repeat(depth + 1)}<print date>`);
          else walk(node, depth + 1);
        }
      }
      flush();
    };
    walk(document.querySelector(selector), 0);
    return out.join('\n');
  }, [selector, BELOW]);
}

/** The first line where two shapes differ, with a few lines around it. */
function sameShape(actual, expected, what) {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const i = a.findIndex((line, n) => line !== e[n]);
  assert.fail(`${what}: the prerender differs from the app at line ${i}:\n  prerender: ${JSON.stringify(a.slice(i - 2, i + 3))}\n  app:       ${JSON.stringify(e.slice(i - 2, i + 3))}`);
}

test('the figures are in the first HTML response, and embed.js carries its own first screen', async () => {
  const page = await (await fetch(env.server.url)).text();
  assert.ok(page.includes('11\u00a0172\u00a0000\u00a0kr'), 'the total funding in index.html');
  assert.ok(page.includes('67\u00a0324\u00a0kr'), 'equity at the end of the plan in index.html');
  assert.match(page, /<script integrity=sha384-[^ ]+ src=\.\/first-[0-9a-f]{16}\.js><\/script>/);
  const embed = await (await fetch(`${env.server.url}embed.js`)).text();
  assert.ok(embed.includes('11\u00a0172\u00a0000\u00a0kr'), 'the total funding in embed.js');
});

test('the prerender is what the app renders: the page, ?embed and a host page\'s mount point', async () => {
  for (const [path, scope, name] of [['', 'body > div > .fk', 'the page'], ['?embed', 'body > div > .fk', '?embed'], ['host.html', '#finsam-kalkyl > div > .fk', 'the mount point']]) {
    const { context, page, problems, release } = await openHeld(path);
    await page.locator(`#fk-pre ${TOTAL}`).waitFor();
    assert.equal(await text(page.locator(`#fk-pre ${TOTAL}`)), '11 172 000 kr', `${name}: the figure before the wasm`);
    const prerendered = await shape(page, '#fk-pre > .fk');
    release();
    await live(page);
    sameShape(prerendered, await shape(page, scope), name);
    // The rest of the page comes after the takeover, one section a task.
    await page.locator('section.findings').waitFor({ state: 'attached' });
    assert.equal(await page.locator(BELOW).count(), 4, `${name}: the app adds the rest of the page`);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});

/**
 * Watches every frame from the first: whether the default's first screen
 * is shown while the page is still waiting for its app (#fk-pre there),
 * and whether the loading message is.
 */
function watchFrames() {
  window.__frames = [];
  const frame = () => {
    const pre = document.getElementById('fk-pre');
    if (document.body && pre) {
      const fk = pre.querySelector('.fk');
      window.__frames.push({
        prerender: fk?.checkVisibility() ?? false,
        loading: pre.querySelector('.fk-loading')?.checkVisibility() ?? false,
      });
    }
    if (!document.body || pre) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

test('a page that opens on something else never shows the default\'s figures first', async () => {
  // A share link: made by the app itself, as a person would.
  const maker = await openHeld('');
  maker.release();
  await live(maker.page);
  await typeKeys(maker.page, maker.page.locator('#f-state'), '6 000 000');
  await maker.page.keyboard.press('Tab');
  await typeKeys(maker.page, maker.page.locator('#f-kommun-0'), '214 600');
  await maker.page.keyboard.press('Tab');
  await maker.page.getByRole('button', { name: 'Dela länk' }).click();
  const shared = new URL(await maker.page.locator('.link-field input').inputValue());
  const link = shared.hash;
  // The address bar and the saved state are written together, once typing pauses.
  await maker.page.waitForFunction((h) => location.hash === h, link);
  const changed = await maker.page.evaluate(() => localStorage.getItem('finsam-kalkyl/v1'));
  await maker.context.close();

  const cases = [
    ['a share link', `${link}`, undefined, '11 718 040 kr'],
    ['a saved state that differs', '', changed, '11 718 040 kr'],
    ['another preset', '?preset=hoglandet-2023', undefined, null],
    ['English', '?lang=en', undefined, '11 172 000 kr'],
    ['a budget file', '?budget=budget.json', undefined, null],
    ['?embed with another preset', '?embed&preset=hoglandet-2023', undefined, null],
  ];
  for (const [what, path, saved, figure] of cases) {
    const { context, page, problems, release } = await openHeld(path, { saved, init: watchFrames });
    // Frames go by while the wasm is held back.
    await page.waitForFunction(() => window.__frames.length > 5);
    release();
    await live(page);
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(frames.length > 5, `${what}: frames were watched`);
    assert.ok(frames.every((f) => !f.prerender), `${what}: the default's first screen was shown`);
    assert.ok(frames.some((f) => f.loading), `${what}: the loading message was not shown`);
    if (figure) assert.equal(await text(page.locator(TOTAL)), figure, what);
    assert.deepEqual(problems.filter((p) => !/404/.test(p)), [], what);
    await context.close();
  }

  // The default, saved by the app on an earlier visit: the prerender stays.
  const first = await openHeld('');
  first.release();
  await live(first.page);
  await first.page.waitForFunction(() => localStorage.getItem('finsam-kalkyl/v1') !== null);
  const same = await first.page.evaluate(() => localStorage.getItem('finsam-kalkyl/v1'));
  await first.context.close();
  const again = await openHeld('', { saved: same, init: watchFrames });
  await again.page.waitForFunction(() => window.__frames.length > 5);
  again.release();
  await live(again.page);
  const frames = await again.page.evaluate(() => window.__frames);
  assert.ok(frames.some((f) => f.prerender) && frames.every((f) => !f.loading), 'the default saved: its prerender is shown');
  await again.context.close();
});

test('what is typed, picked and clicked before the app is ready is taken over by it', async () => {
  const { context, page, problems, release } = await openHeld('');
  // The state's utrymme, then Habo: typed key by key into the prerender.
  await page.locator('#f-state').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('6 000 000');
  await page.getByLabel('Ensam', { exact: true }).check();
  await page.locator('#f-kommun-0').click();
  await page.keyboard.press('End');
  await page.keyboard.type('0');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('9');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  // Mullsjö one step up with its + button.
  await page.getByRole('button', { name: /^Öka Mullsjö kommun/ }).click();
  await page.locator('#f-kommun-0').focus();
  assert.equal(await page.locator('#fk-pre').count(), 1, 'still the prerender');
  release();
  await live(page);
  assert.equal(fold(await page.locator('#f-kommun-0').inputValue()), '204 6009');
  assert.equal(fold(await page.locator('#f-state').inputValue()), '6 000 000');
  assert.equal(await page.getByLabel('Ensam', { exact: true }).isChecked(), true);
  assert.equal(svNumber(await page.locator('#f-kommun-2').inputValue()), 121200, 'Mullsjö one step of 5 000 up');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart]), ['f-kommun-0', 6]);
  // Typing goes on where it was.
  await page.keyboard.type('1');
  assert.equal(fold(await page.locator('#f-kommun-0').inputValue()), '204 60109');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('214 600');
  await page.keyboard.press('Tab');
  // Alone: Habo's +10 000 is matched by the state's 6 000 000, the rest as typed.
  assert.match(await text(page.locator('[data-testid=leverage]')), /Habo kommun/);
  assert.notEqual(await text(page.locator(TOTAL)), '11 172 000 kr');
  assert.deepEqual(problems, []);
  await context.close();
});

test('after the takeover the app works as before, in Swedish and in English', async () => {
  const { context, page, problems, release } = await openHeld('');
  release();
  await live(page);
  await typeKeys(page, page.locator('#f-state'), '6 000 000');
  await page.keyboard.press('Tab');
  await typeKeys(page, page.locator('#f-kommun-0'), '214 600');
  await page.keyboard.press('Tab');
  assert.equal(await text(page.locator(TOTAL)), '11 718 040 kr');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await text(page.locator('[data-testid=total-funding]')), /^Total funding 2024 11 718 040 kr/);
  assert.match(await text(page.locator('section.findings')), /\S/);
  assert.deepEqual(problems, []);
  await context.close();

  // English from the address: the loading message, then the English app.
  const en = await openHeld('?lang=en');
  en.release();
  await live(en.page);
  assert.match(await text(en.page.locator('[data-testid=total-funding]')), /^Total funding 2024 11 172 000 kr/);
  assert.deepEqual(en.problems, []);
  await en.context.close();
});

test('a host page asking for another budget gets no prerender, and its own app', async () => {
  const { context, page, problems, release } = await openHeld('host-hoglandet.html');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#finsam-kalkyl .fk').count(), 0, 'nothing in the mount point before the app');
  release();
  await live(page);
  assert.match(await text(page.locator('#finsam-kalkyl h2.budget-title')), /Höglandet/);
  assert.deepEqual(problems, []);
  await context.close();
});
