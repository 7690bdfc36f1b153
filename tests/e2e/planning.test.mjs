// "Vad har vi råd med?": room, goal seeks and the cost editor, against the
// engine's own answers from the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { withBrowser, artifacts, engine, openApp, text, root, axeSource, typeKeys, svNumber } from './helpers.mjs';

const env = withBrowser();

const sv = (s) => Number(s).toLocaleString('sv-SE').replace(/[\s\u00a0\u202f]+/g, ' ').replace('-', '−');
const equity = async (page) => text(page.locator('[data-testid=equity-end] .card-value'));
async function typeInto(page, locator, value) {
  await typeKeys(page, locator, value);
  await page.keyboard.press('Tab');
}

test('figures are read with their sign, so −500 000 is never at least 500 000', () => {
  assert.equal(svNumber('\u2212500\u00a0000\u00a0kr'), -500000);
  assert.equal(svNumber('+40 000 kr'), 40000);
  assert.equal(svNumber('67\u202f324 kr'), 67324);
  assert.equal(svNumber('9,6\u00a0%'), 9.6);
  assert.ok(Number.isNaN(svNumber('inget')));
});

test('room per year and both goal seeks answer as the engine does', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  const room = page.locator('[data-testid=room]');
  const goal = engine(['goal', 'sodra-vatterbygden-2024', '--floor', '0']);
  for (const r of goal.room) {
    assert.match(await text(room), new RegExp(`${r.year} ${sv(r.room)} kr`));
  }
  assert.match(await text(room), /2026 67 324 kr/);

  await typeInto(page, page.locator('#f-state'), '7 000 000');
  await typeInto(page, page.getByLabel('Golv för eget kapital (kr)'), '500 000');
  await page.getByRole('button', { name: 'Vad krävs av alla medlemmar?' }).click();
  const uniform = engine(['goal', 'sodra-vatterbygden-2024', '--floor', '500000', '--state-offer', '7000000']);
  const pct = Number(uniform.uniform_percent).toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).replace('-', '−');
  assert.match(await text(page.locator('[data-testid=uniform-answer]')), new RegExp(`ändras med ${pct.replace('+', '\\+')}\\s%`));
  await page.getByRole('button', { name: 'Använd som scenario' }).first().click();
  const after = svNumber(await equity(page));
  assert.ok(after >= 500_000, `equity ${after}`);

  await page.getByRole('button', { name: 'Återställ' }).click();
  await typeInto(page, page.locator('#f-state'), '7 000 000');
  await typeInto(page, page.getByLabel('Golv för eget kapital (kr)'), '0');
  await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Habo kommun' });
  await typeInto(page, page.getByLabel('Ny insats (kr per år, valfritt)'), '300 000');
  await page.getByRole('button', { name: 'Vad skulle kommunen behöva tillskjuta?' }).click();
  const habo = engine(['goal', 'sodra-vatterbygden-2024', '--floor', '0', '--state-offer', '7000000', '--member', 'Habo',
    '--new-insats', '300000', '--start', '2024', '--end', '2026']);
  assert.match(await text(page.locator('[data-testid=member-answer]')),
    new RegExp(`Habo kommun skulle behöva öka sitt bidrag med ${sv(habo.member.yearly_increase)} kr per år`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the cost editor: lines by kr, % or off, a new insats, utilisation', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  const totalCosts2024 = async () => {
    const row = page.locator('table.years-table tr', { hasText: 'Summa kostnader' });
    return (await text(row.locator('td').nth(1).locator('.value')));
  };
  // The cost lines sit behind a disclosure, opened with the keyboard.
  assert.equal(await page.locator('.cost-table').count(), 0);
  await page.getByText('Ändra kostnadsraderna').focus();
  await page.keyboard.press('Enter');
  await typeInto(page, page.getByLabel('Ändring av Enter'), '+100 000');
  await typeInto(page, page.getByLabel('Ändring av FIA'), '-10 %');
  await page.getByLabel('Stäng av IT-spåret').check();
  assert.match(await text(page.locator('details.cost-lines summary')), /Ändra kostnadsraderna \(3 ändrade\)/);
  // 11 356 500 + 100 000 − 69 800 − 562 500, as the engine test works out.
  assert.equal(await totalCosts2024(), '10 824 200');
  await page.getByLabel('Stäng av IT-spåret').uncheck();
  await typeInto(page, page.getByLabel('Ändring av FIA'), 'tio procent');
  assert.match(await text(page.locator('.cost-table')), /«tio procent» är inte ett belopp/);

  await page.getByRole('button', { name: 'Återställ' }).click();
  await page.getByLabel('Namn', { exact: true }).fill('Ny insats Y');
  await page.getByLabel('Kr per år', { exact: true }).fill('50 000');
  await page.getByLabel('Insatsen från år').selectOption('2025');
  await page.getByRole('button', { name: 'Lägg till insatsen' }).click();
  assert.equal(await equity(page), '−32 676 kr');
  assert.match(await text(page.locator('table.years-table')), /Nya insatser \(scenario\)/);
  assert.match(await text(page.locator('section.findings')), /Eget kapital blir negativt/);
  await page.getByRole('button', { name: 'Ta bort Ny insats Y' }).click();
  assert.equal(await equity(page), '67 324 kr');

  await typeInto(page, page.getByLabel('Nyttjandegrad för insatser (%)'), '90');
  assert.match(await text(page.locator('table.years-table')), /Beviljat till verksamhet 8 766 700 10 266 500 .*Summa verksamhet 8 766 700 9 239 850/);
  await typeInto(page, page.getByLabel('Riktlinje för eget kapital (% av medlemsbidragen)'), '10');
  assert.match(await text(page.locator('section.findings')), /över förbundets riktlinje 10,0 %/);

  await page.addScriptTag({ content: await axeSource() });
  const violations = await page.evaluate(async () => (await axe.run(document)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id));
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});
