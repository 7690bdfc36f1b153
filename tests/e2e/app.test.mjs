// The calculator in Debian's Chromium, used as a person would: click,
// type, switch, reset, and the same with the keyboard only. Figures are
// checked against the native engine (the CLI) for the same scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withBrowser, artifacts, engine, openApp, text, axeSource, typeKeys, fullPageShot } from './helpers.mjs';

const env = withBrowser();

/** The engine's answer for a scenario on the default preset. */
const scenario = (args) => engine(['scenario', 'sodra-vatterbygden-2024', ...args]);

/** "11 212 000" style, as Intl writes it, for comparing with the page. */
const sv = (s) => Number(s).toLocaleString('sv-SE').replace(/[\s\u00a0\u202f]+/g, ' ').replace('-', '−');
const signed = (s) => (Number(s) > 0 ? '+' : '') + sv(s);

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const value = async (locator) => fold(await locator.inputValue());

const habo = (page) => page.getByRole('textbox', { name: /^Habo kommun/ });
const stateOffer = (page) => page.getByRole('textbox', { name: /^Statens utrymme/ });

const typeInto = typeKeys;

async function headline(page) {
  return {
    total: await text(page.locator('[data-testid=total-funding]')),
    equity: await text(page.locator('[data-testid=equity-end]')),
  };
}

async function axe(page) {
  await page.addScriptTag({ content: await axeSource() });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('opens on Södra Vätterbygden 2024 with the baseline figures', async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
  assert.match(await text(page.locator('h2.budget-title')), /Södra Vätterbygden/);
  const h = await headline(page);
  assert.match(h.total, /Total finansiering 2024 11 172 000 kr 0 kr/);
  assert.match(h.equity, /\(2026\) 67 324 kr 0 kr/);
  assert.equal(await value(habo(page)), '204 600');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(artifacts, 'baseline-1280x720.png') });
  // Each chart's figures as a table, built when its disclosure opens (keyboard).
  const equityFigures = page.locator('.chart').first();
  assert.equal(await equityFigures.locator('table').count(), 0);
  await equityFigures.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.match(await text(equityFigures.locator('table')), /2025 599 324 kr 599 324 kr 2026 67 324 kr 67 324 kr/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Habo +10 000: unmatched by default, matched once the state offers more', async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);

  // Default: key-bound, region follows, utrymme = the table's 5 586 000.
  await typeInto(page, habo(page), '+10 000');
  await page.locator('[data-testid=leverage]').waitFor();
  let e = scenario(['--member', 'Habo', '--delta', '10000']);
  let h = await headline(page);
  const b24 = e.delta.find((c) => c.label === 'Budget 2024');
  assert.equal(b24.members_total, '0');
  assert.match(h.total, /11 172 000 kr 0 kr/);
  assert.match(await text(page.locator('[data-testid=leverage]')), /Statens utrymme är fullt utnyttjat — höjningen från Habo kommun kan inte matchas/);
  assert.match(await text(page.locator('[data-testid=leverage]')), new RegExp(esc(`Staten skulle behöva erbjuda ${sv(e.unmatched[0].state_needed)} kr`)));
  // The page points to the utrymme figure.
  await page.getByRole('button', { name: 'Ändra statens utrymme' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-state');

  // The state offers 6 000 000: the key-bound raise is matched in full.
  await typeInto(page, stateOffer(page), '6 000 000');
  await page.keyboard.press('Tab');
  e = scenario(['--member', 'Habo', '--delta', '10000', '--state-offer', '6000000']);
  h = await headline(page);
  const last = e.scenario.at(-1);
  assert.match(h.total, new RegExp(esc(`11 718 040 kr ${signed(e.delta.find((c) => c.label === 'Budget 2024').members_total)} kr`)));
  assert.match(h.equity, new RegExp(esc(`${sv(last.closing_equity)} kr`)));
  // Key-bound: Habo's own 10 000 kr, and what the key asks of the others,
  // each named with its figure (never "each krona from Habo brings 54,60").
  assert.equal(await text(page.locator('[data-testid=leverage]')),
    'Habo kommun +10 000 kr. Enligt nyckeln ökar de övriga kommunerna med 126 510 kr, regionen med 136 510 kr '
    + 'och staten med 273 020 kr: totalt 546 040 kr mer till förbundet.');
  assert.equal(sv(e.asks.find((a) => a.role === 'region').offer_delta), '136 510');
  assert.match(await text(page.locator('[data-testid=asks]')), /Region Jönköpings län \+136 510 kr/);

  // Alone: only Habo moves, +40 000 a year, 187 324 at the end of 2026.
  await page.getByLabel('Ensam', { exact: true }).check();
  e = scenario(['--member', 'Habo', '--delta', '10000', '--state-offer', '6000000', '--mode', 'alone']);
  h = await headline(page);
  assert.equal(e.scenario.at(-1).closing_equity, '187324');
  assert.match(h.total, /11 212 000 kr \+40 000 kr/);
  assert.match(h.equity, /187 324 kr \+120 000 kr/);
  assert.match(await text(page.locator('[data-testid=leverage]')), /Varje krona från Habo kommun ger 4 kr till förbundet/);
  assert.equal(await value(habo(page)), '214 600');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, 'habo-alone-1280x720.png') });
  await page.locator('#f-state').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, 'habo-alone-scrolled-1280x720.png') });
  // The 2026 column of the table agrees with the engine.
  const table = await text(page.locator('table.years-table'));
  assert.match(table, /Utgående eget kapital .*187 324 \+120 000/);
  assert.deepEqual(await axe(page), []);

  // English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await text(page.locator('[data-testid=total-funding]')), /Total funding 2024 11 212 000 kr \+40 000 kr/);
  assert.match(await text(page.locator('[data-testid=leverage]')), /Every krona from Habo kommun brings 4 kr/);

  // Reset.
  await page.getByRole('button', { name: 'Reset' }).click();
  h = await headline(page);
  assert.match(h.total, /11 172 000 kr 0 kr/);
  assert.match(h.equity, /67 324 kr 0 kr/);
  assert.equal(await value(page.getByRole('textbox', { name: /^State allocation/ })), '5 586 000');
  assert.equal(await page.getByLabel('Key-bound').isChecked(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad input gets a message in place and the last valid scenario stays', async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  await typeInto(page, stateOffer(page), '6 000 000');
  await typeInto(page, habo(page), '214 600');
  const before = await headline(page);
  assert.match(before.total, /\+546 040 kr/);
  for (const [typed, message] of [
    ['abc', /«abc» är inte ett belopp/],
    ['', /fältet är tomt/],
    ['-5 000', /ett bidrag kan inte vara negativt/],
    ['99 999 999 999 999', /orimligt stort/],
  ]) {
    // Pasted, as a whole: typed digit by digit, a long number passes
    // through valid amounts on the way, and each one counts.
    await habo(page).fill(typed);
    const error = page.locator('#f-kommun-0-err');
    assert.match(await text(error), message, typed);
    assert.equal(await habo(page).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await headline(page), before, `figures kept after ${typed}`);
  }
  await typeInto(page, page.getByRole('textbox', { name: /uppräkning/ }), 'tio');
  assert.match(await text(page.locator('#f-stepup-err')), /«tio» är inte ett belopp/);
  await typeInto(page, habo(page), '204 600');
  assert.equal(await page.locator('#f-kommun-0-err').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the same controls with the keyboard only', async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  const focusOn = async (predicate, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return;
    }
    throw new Error(`never reached: ${predicate}`);
  };
  // The skip link comes first and jumps to the calculator.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Hoppa till kalkylen');

  // The state's utrymme: type it.
  await focusOn(() => document.activeElement.id === 'f-state');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('6 000 000');
  // Back up to Habo's + button and press it with Enter, then Space.
  await page.locator('#f-kommun-0').focus();
  await page.keyboard.press('Tab');
  assert.match(fold(await page.evaluate(() => document.activeElement.getAttribute('aria-label'))), /Öka Habo kommun med 10 000 kr/);
  await page.keyboard.press('Enter');
  assert.equal(await value(habo(page)), '214 600');
  await page.keyboard.press('Space');
  assert.equal(await value(habo(page)), '224 600');
  // The slider: one step down with the arrow key.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'range');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await value(habo(page)), '214 600');
  assert.match((await headline(page)).total, /\+546 040 kr/);
  // The mode: radio buttons move with the arrow keys.
  await focusOn(() => document.activeElement.id === 'mode-key');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'mode-alone');
  assert.match((await headline(page)).total, /11 212 000 kr \+40 000 kr/);
  // Region follows: Space toggles it; the raise is then unmatched.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-follows');
  await page.keyboard.press('Space');
  assert.match((await headline(page)).total, /11 172 000 kr 0 kr/);
  assert.match(await text(page.locator('[data-testid=leverage]')), /Regionen följer inte med/);
  // Every control shows where the focus is.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  // Reset from the keyboard.
  await page.locator('button', { hasText: 'Återställ' }).focus();
  await page.keyboard.press('Enter');
  assert.match((await headline(page)).total, /11 172 000 kr 0 kr/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('another preset, the wider table and a phone-sized screen', async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport: { width: 390, height: 844 } });
  await fullPageShot(page, join(artifacts, 'baseline-390.png'));
  await page.getByLabel('Förbund och budget').selectOption('hoglandet-2023');
  assert.match(await text(page.locator('h2.budget-title')), /Höglandets samordningsförbund/);
  assert.match(await text(page.locator('[data-testid=equity-end]')), /\(2023\) 1 512 650 kr/);
  await page.getByLabel('Visa alla kolumner').check();
  const table = await text(page.locator('table.years-table'));
  assert.match(table, /Delårsutfall/);
  assert.match(table, /kedjas inte/);
  const findings = await text(page.locator('section.findings'));
  assert.match(findings, /8 363 466 kr men raderna summerar till 8 363 465 kr/);
  // Nothing wider than the screen but the table, which scrolls in its own box.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a 1024 px projector the figures fit their cards and the sliders are wide', async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport: { width: 1024, height: 768 } });
  const cards = await page.locator('.card').evaluateAll((all) => all.map((card) => {
    const value = card.querySelector('.card-value');
    const inner = card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).borderRightWidth) - parseFloat(getComputedStyle(card).paddingRight);
    return { text: value.textContent, right: value.getBoundingClientRect().left + value.scrollWidth, inner };
  }));
  assert.equal(cards.length, 2);
  for (const c of cards) assert.ok(c.right <= c.inner + 0.5, `${c.text} ends at ${c.right}, its card at ${c.inner}`);
  const widths = await page.getByRole('slider').evaluateAll((all) => all.map((s) => s.getBoundingClientRect().width));
  assert.ok(widths.length >= 6 && widths.every((w) => w >= 250), `slider widths ${widths}`);
  await page.screenshot({ path: join(artifacts, 'baseline-1024.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
