// Offline, embedding, sharing, saving and printing, in Debian's Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withBrowser, artifacts, live, openApp, text, root, typeKeys } from './helpers.mjs';

const env = withBrowser();

const fold = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const total = async (page) => text(page.locator('[data-testid=total-funding] .card-value'));
const equity = async (page) => text(page.locator('[data-testid=equity-end] .card-value'));

async function typeInto(page, selector, value) {
  await typeKeys(page, page.locator(selector), value);
  await page.keyboard.press('Tab');
}

/** The import worker loads without a network too: a pasted table is read. */
async function importsOffline(page) {
  await page.getByRole('button', { name: 'Importera budget' }).click();
  await page.locator('#import-text').fill('Förbundet\tBudget 2024\nHabo kommun\t10 000\nRegion\tfem\n');
  assert.match(await text(page.locator('.preview')), /Rad 3, kolumn 2 \(Budget 2024\) «Region»: «fem» är inte ett belopp/);
}

/** A scenario with something in every part: utrymme, mode, member, year, step-up. */
async function makeScenario(page) {
  await typeInto(page, '#f-state', '6 500 000');
  await page.getByLabel('Ensam', { exact: true }).check();
  await typeInto(page, '#f-kommun-0', '+10 000');
  await typeInto(page, '#f-kommun-2', '126 200');
  await page.getByLabel('Från år', { exact: true }).selectOption('2025');
  await typeInto(page, '#f-stepup', '2');
}

test('the single file works from file:// with no server and no network', async () => {
  const url = pathToFileURL(join(root, 'dist', 'finsam-kalkyl.html')).href;
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.setOffline(true);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) problems.push(`request: ${r.url()}`); });
  await page.goto(url);
  assert.equal(await total(page), '11 172 000 kr');
  await typeInto(page, '#f-state', '6 000 000');
  await typeInto(page, '#f-kommun-0', '214 600');
  assert.equal(await total(page), '11 718 040 kr');
  // From file:// no service worker is registered, and none controls the page.
  assert.deepEqual(await page.evaluate(() => [location.protocol, navigator.serviceWorker?.controller ?? null]), ['file:', null]);
  await importsOffline(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after one visit the served app reloads and works with the network off', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null || true);
  await context.setOffline(true);
  await page.reload();
  await live(page);
  assert.equal(await total(page), '11 172 000 kr');
  await typeInto(page, '#f-kommun-0', '+10 000');
  assert.match(await text(page.locator('[data-testid=leverage]')), /Statens utrymme är fullt utnyttjat/);
  await page.locator('table.years-table').waitFor();
  await importsOffline(page);
  await context.setOffline(false);
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});

test('the embed example resizes its iframe and mounts the app in a div', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${env.server.url}embed-example.html`);
  const frame = page.locator('#finsam-kalkyl-frame');
  await page.waitForFunction(() => parseInt(document.getElementById('finsam-kalkyl-frame').style.height, 10) > 1000);
  const inner = page.frameLocator('#finsam-kalkyl-frame');
  assert.equal(await inner.locator('header.top').count(), 0, 'no page chrome in embed mode');
  // The förbund's own file (embed-example.csv, in tkr): 8 000 tkr in 2025.
  assert.equal(await text(inner.locator('[data-testid=total-funding] .card-value')), '8 000 000 kr');
  const before = parseInt(await frame.evaluate((f) => f.style.height), 10);
  // Höglandet has six kommuner to the example's three: taller.
  await inner.getByLabel('Förbund och budget').selectOption('hoglandet-2023');
  await page.waitForFunction((h) => parseInt(document.getElementById('finsam-kalkyl-frame').style.height, 10) > h, before);
  // The mounted one: the same file, in English, inside the host page itself.
  const mounted = page.locator('#finsam-kalkyl');
  assert.match(await text(mounted.locator('h2.budget-title')), /Samordningsförbundet Exempeldalen/);
  assert.match(await text(mounted.locator('[data-testid=total-funding]')), /Total funding 2025/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv', 'the host page keeps its language');
  assert.equal(new URL(page.url()).hash, '', 'the host page keeps its address');
  // Its workers are found through embed.js: the workbook comes.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    mounted.getByRole('button', { name: 'Export as an Excel workbook (XLSX)' }).click(),
  ]);
  assert.match(file.suggestedFilename(), /^samordningsforbundet-exempeldalen\.xlsx$/);
  // In a 760 px column of a wide page it lays out by its own width, as on a
  // tablet: the results under the contributions, not squeezed beside them.
  await page.addStyleTag({ content: '#finsam-kalkyl { width: 760px; }' });
  const controls = await mounted.locator('.controls').boundingBox();
  const results = await mounted.locator('.results').boundingBox();
  assert.ok(results.y >= controls.y + controls.height, `results at ${results.y}, contributions end at ${controls.y + controls.height}`);
  assert.ok(results.width > 700, `results ${results.width} px wide`);
  await page.screenshot({ path: join(artifacts, 'embed-example.png'), fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a share link round-trips a non-trivial scenario, and a bad one falls back', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await makeScenario(page);
  const expected = { total: await total(page), equity: await equity(page), habo: fold(await page.locator('#f-kommun-0').inputValue()) };
  await page.getByRole('button', { name: 'Dela länk' }).click();
  assert.match(await text(page.locator('.notice')), /Länken till scenariot är kopierad/);
  const link = await page.locator('.link-field input').inputValue();
  assert.match(link, /#s=/);
  await context.close();

  // A fresh browser, nothing saved: the link alone restores it.
  const fresh = await openApp(env.browser, link);
  assert.equal(await total(fresh.page), expected.total);
  assert.equal(await equity(fresh.page), expected.equity);
  assert.equal(fold(await fresh.page.locator('#f-kommun-0').inputValue()), expected.habo);
  assert.equal(await fresh.page.getByLabel('Ensam', { exact: true }).isChecked(), true);
  assert.equal(await fresh.page.getByLabel('Från år', { exact: true }).inputValue(), '2025');
  assert.equal(fold(await fresh.page.locator('#f-stepup').inputValue()), '2');
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();

  for (const bad of ['#s=%7Bgarbage', '#s=%E0%A4%A', `#s=${encodeURIComponent('{"v":1,"preset":"sodra-vatterbygden-2024","lang":"sv","scenario":{"changes":[{"member":{"kommun":"Ydre kommun"},"change":{"kr":"1"}}]}}')}`]) {
    const tampered = await openApp(env.browser, `${env.server.url}${bad}`);
    assert.match(await text(tampered.page.locator('.notice')), /Länken kunde inte öppnas/, bad);
    assert.equal(await total(tampered.page), '11 172 000 kr');
    assert.deepEqual(tampered.problems, []);
    await tampered.context.close();
  }
});

test('autosave restores the scenario; corrupt or blocked storage is said and survived', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await makeScenario(page);
  const expected = await total(page);
  await page.goto(env.server.url); // the same browser, the bare address
  await live(page);
  assert.equal(await total(page), expected);
  assert.deepEqual(problems, []);
  await context.close();

  const corrupt = await env.browser.newContext();
  await corrupt.addInitScript(() => localStorage.setItem('finsam-kalkyl/v1', '{"version":1,"preset":'));
  const p1 = await corrupt.newPage();
  await p1.goto(env.server.url);
  assert.match(await text(p1.locator('.notice')), /kunde inte läsas/);
  assert.equal(await total(p1), '11 172 000 kr');
  await corrupt.close();

  const blocked = await env.browser.newContext();
  await blocked.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const p2 = await blocked.newPage();
  const errors = [];
  p2.on('pageerror', (e) => errors.push(e.message));
  await p2.goto(env.server.url);
  // Said on opening, before anything is typed, so nothing moves under the pointer later.
  await live(p2);
  assert.equal(await p2.locator('.notice').count(), 1);
  assert.match(await text(p2.locator('.notice')), /sparar inget just nu/);
  await typeInto(p2, '#f-state', '6 000 000');
  await typeInto(p2, '#f-kommun-0', '+10 000');
  assert.match(await text(p2.locator('.notice')), /sparar inget just nu/);
  assert.equal(await total(p2), '11 718 040 kr');
  assert.deepEqual(errors, []);
  await blocked.close();
});

test('undo and redo, with the keyboard and the buttons', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await typeInto(page, '#f-state', '6 000 000');
  await typeInto(page, '#f-kommun-0', '+10 000');
  assert.equal(await total(page), '11 718 040 kr');
  await page.keyboard.press('Control+Z');
  assert.equal(await total(page), '11 172 000 kr');
  assert.equal(fold(await page.locator('#f-state').inputValue()), '6 000 000');
  await page.keyboard.press('Control+Z');
  assert.equal(fold(await page.locator('#f-state').inputValue()), '5 586 000');
  await page.keyboard.press('Control+Y');
  await page.keyboard.press('Control+Y');
  assert.equal(await total(page), '11 718 040 kr');
  await page.getByRole('button', { name: 'Ångra' }).click();
  assert.equal(await total(page), '11 172 000 kr');
  await page.getByRole('button', { name: 'Gör om' }).click();
  assert.equal(await total(page), '11 718 040 kr');
  assert.deepEqual(problems, []);
  await context.close();
});

test('two saved scenarios compared against the baseline', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await typeInto(page, '#f-state', '6 000 000');
  await typeInto(page, '#f-kommun-0', '214 600');
  await page.getByLabel('Namn på scenariot').fill('Förslag A');
  await page.getByRole('button', { name: 'Spara scenariot' }).click();
  await page.getByLabel('Ensam', { exact: true }).check();
  await page.getByLabel('Namn på scenariot').fill('Förslag B');
  await page.getByRole('button', { name: 'Spara scenariot' }).click();
  await page.getByRole('button', { name: 'Byt namn Förslag B' }).click();
  await page.getByLabel('Nytt namn för Förslag B').fill('Förslag B, ensam');
  await page.getByRole('button', { name: 'Spara namnet' }).click();
  await page.getByLabel('Jämför').selectOption({ label: 'Förslag A' });
  await page.getByLabel('med', { exact: true }).selectOption({ label: 'Förslag B, ensam' });
  const table = await text(page.locator('table.compare-table'));
  assert.match(table, /Förslag A Förslag B, ensam/);
  assert.match(table, /Total finansiering 2024 11 172 000 kr 11 718 040 kr \+546 040 kr 11 212 000 kr \+40 000 kr/);
  await page.getByRole('button', { name: 'Ta bort Förslag A' }).click();
  assert.equal(await page.locator('.saved-list li').count(), 1);
  await page.getByRole('button', { name: 'Öppna Förslag B, ensam' }).click();
  assert.equal(await total(page), '11 212 000 kr');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the print-out is one A4 page', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await typeInto(page, '#f-state', '6 000 000');
  await page.getByLabel('Ensam', { exact: true }).check();
  await typeInto(page, '#f-kommun-0', '+10 000');
  await page.locator('table.years-table').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.match(await text(page.locator('.print-scenario')), /Scenario: Habo kommun \+10 000 kr från 2024, ensam/);
  const pdf = join(artifacts, 'print.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /Pages:\s+1\n/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, join(artifacts, 'print')]);
  const png = await readFile(join(artifacts, 'print.png'));
  assert.ok(png.length > 10_000);
  await writeFile(join(artifacts, 'print-checked.txt'), info);
  assert.deepEqual(problems, []);
  await context.close();
});
