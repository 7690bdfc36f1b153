// Bring your own budget: paste, preview, correct, confirm; bad input; and
// exports read back by independent readers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withBrowser, artifacts, engine, openApp, text, root, fullPageShot, live } from './helpers.mjs';

const env = withBrowser();

const total = async (page) => text(page.locator('[data-testid=total-funding] .card-value'));
const equity = async (page) => text(page.locator('[data-testid=equity-end] .card-value'));
/** The Höglandet table as Excel puts it on the clipboard: tab-separated. */
const hoglandetTsv = async () => (await readFile(join(root, 'presets', 'hoglandet-2023.csv'), 'utf8')).replaceAll(';', '\t');

async function openImport(page) {
  await page.getByRole('button', { name: 'Importera budget' }).click();
  await page.locator('#import-text').waitFor();
}

async function paste(context, page, content) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), content);
  await page.locator('#import-text').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

test('paste the Höglandet table, check the preview, correct it, confirm', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await openImport(page);
  await paste(context, page, await hoglandetTsv());
  await page.locator('.preview-table').waitFor();
  const classOf = (label) => page.getByLabel(`Tolkas som, rad ${label}`, { exact: true }).evaluate((s) => s.options[s.selectedIndex].text);
  for (const [label, cls] of [
    ['Aneby Kommun', 'kommun'], ['Region Jönköpings län', 'region'], ['Försäkringskassan', 'staten'],
    ['Ränta', 'övrig intäkt'], ['Öres- och kronutjämning', 'övrig intäkt'], ['Summa intäkter', 'summa intäkter'],
    ['SE-Höglandet', 'verksamhet'], ['Administration', 'rubrik'], ['Tjänsteperson', 'administration'],
    ['Utbildning styrelse och beredningsgrupp', 'administration'], ['Summa kostnader', 'summa kostnader'],
    ['Årets resultat', 'årets resultat'], ['Balanserat från föregående år', 'ingående eget kapital'],
  ]) {
    assert.equal(await classOf(label), cls, label);
  }
  const preview = await text(page.locator('.preview'));
  assert.match(preview, /«Summa kostnader» anger 8 363 466 kr men raderna summerar till 8 363 465 kr: 1 kr avrundning i källan/);
  // Nothing is replaced before confirming.
  assert.match(await text(page.locator('h2.budget-title')), /Södra Vätterbygden/);

  // A correction: Inspirationsdag counted as administration instead.
  await page.getByLabel('Tolkas som, rad Inspirationsdag', { exact: true }).selectOption({ label: 'administration' });
  assert.equal(await classOf('Inspirationsdag'), 'administration');
  // A population key for the six kommuner.
  const people = { Aneby: '6 900', Nässjö: '31 800', Sävsjö: '11 600', Eksjö: '17 800', Tranås: '19 200', Vetlanda: '27 900' };
  for (const [k, n] of Object.entries(people)) await page.getByLabel(`Invånare i ${k} Kommun`).fill(n);
  await fullPageShot(page, join(artifacts, 'import-preview.png'));
  await page.getByRole('button', { name: 'Använd budgeten' }).click();

  assert.match(await text(page.locator('h2.budget-title')), /Höglandets samordningsförbund/);
  assert.equal(await equity(page), '1 512 650 kr');
  assert.equal(await total(page), '8 036 000 kr');
  // Selectable later, like a preset.
  await page.getByLabel('Förbund och budget').selectOption('sodra-vatterbygden-2024');
  await page.getByLabel('Förbund och budget').selectOption({ label: 'Höglandets samordningsförbund' });
  assert.equal(await equity(page), '1 512 650 kr');
  const table = await text(page.locator('table.years-table'));
  assert.match(table, /Inspirationsdag/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad input names the row and column, and never loses the open budget', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await openImport(page);
  const error = () => text(page.locator('.import-error'));
  // Tables are read in the import worker, asynchronously: wait for the
  // message to say it (the previous one is still there until then).
  const errorSays = (re) => page.locator('.import-error', { hasText: re }).waitFor().then(error);
  for (const [content, want] of [
    ['', /Tabellen är tom/],
    ['Habo kommun\t100\t200\nRegion\t1\t2', /Rad 1: ingen kolumn har ett år i rubriken/],
    ['F;Budget 2024;Plan 2025\nHabo kommun\t100\t200\n', /Rad 2: raden avgränsas med tabb men rubrikraden med semikolon/],
  ]) {
    if (content === '') {
      await page.locator('#import-text').fill('x');
      await page.locator('#import-text').fill('');
    } else {
      await paste(context, page, content);
    }
    assert.match(await errorSays(want).catch(error), want, JSON.stringify(content));
    assert.equal(await page.getByRole('button', { name: 'Använd budgeten' }).isDisabled(), true);
  }
  // Text in a number cell: read, with the cell named.
  await paste(context, page, 'F\tBudget 2024\tPlan 2025\nHabo kommun\t100\ttvåhundra\nRegion X\t100\t100\nStaten\t200\t200\n');
  assert.match(await text(page.locator('.preview')), /Rad 2, kolumn 3 \(Plan 2025\).*«tvåhundra» är inte ett belopp/);
  // Files: far too big, and not text at all.
  const big = join(artifacts, 'big.csv');
  await writeFile(big, 'x;'.repeat(2_600_000));
  await page.locator('#import-file').setInputFiles(big);
  assert.match(await errorSays(/5\s200 kB/), /Tabellen är 5 200 kB; en budgettabell är sällan över 100 kB och gränsen är 1 000 kB/);
  await page.locator('#import-file').setInputFiles({ name: 'bok.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 binary') });
  assert.match(await errorSays(/Excel-arbetsbok/), /Spara bladet som CSV/);
  await page.locator('#import-file').setInputFiles({ name: 'bild.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  assert.match(await errorSays(/binära data/), /Välj en CSV- eller TSV-fil/);
  await page.getByRole('button', { name: 'Avbryt' }).click();
  assert.match(await text(page.locator('h2.budget-title')), /Södra Vätterbygden/);
  assert.equal(await total(page), '11 172 000 kr');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the workbook lists the importer\'s findings as the page does', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await openImport(page);
  await paste(context, page, 'F\tBudget 2024\tPlan 2025\nHabo kommun\t100\ttvåhundra\nRegion X\t100\t100\nStaten\t200\t200\n');
  await page.locator('.preview-table').waitFor();
  await page.getByRole('button', { name: 'Använd budgeten' }).click();
  await text(page.locator('section.findings'));
  const shown = await page.locator('section.findings li').evaluateAll((items) =>
    items.map((li) => [li.dataset.code, li.querySelector('.msg').textContent]));
  // The importer's word on the cell it could not read, worded in its worker.
  assert.ok(shown.some(([code, msg]) => code === 'bad-cell' && /«tvåhundra» är inte ett belopp/.test(msg)), JSON.stringify(shown));
  const sheet = readWorkbook(await download(page, 'Exportera som Excel-arbetsbok (XLSX)'));
  assert.deepEqual(sheet['Iakttagelser'].slice(1).map((r) => [r[1], r[4]]), shown);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an import worker that cannot load is said, and the next paste tries again', async () => {
  // No service worker: it would serve the loader from its cache, past the route.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  await context.route('**/finsam-import-*_loader.js', (route) => route.fulfill({ status: 404, body: '' }));
  const page = await context.newPage();
  await page.goto(env.server.url);
  await live(page);
  await openImport(page);
  await page.locator('#import-text').fill('F\tBudget 2024\nHabo kommun\t100\n');
  assert.match(await text(page.locator('.import-error')), /importens arbetare kunde inte laddas/);
  await context.unroute('**/finsam-import-*_loader.js');
  await page.locator('#import-text').fill('F\tBudget 2024\nHabo kommun\t100\nRegion\tfem\n');
  assert.match(await text(page.locator('.preview')), /«fem» är inte ett belopp/);
  await context.close();
});

/** Every sheet of a workbook as rows of values, read by openpyxl. */
function readWorkbook(path) {
  return JSON.parse(execFileSync('python3', ['-c', `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = {name: [[c for c in row] for row in wb[name].iter_rows(values_only=True)] for name in wb.sheetnames}
print(json.dumps(out, default=str))
`, path], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(root, 'tools', 'py') } }));
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = join(artifacts, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('XLSX, CSV and JSON exports hold the engine\'s figures to the krona', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  const typeInto = async (sel, v) => { await page.locator(sel).fill(v); await page.keyboard.press('Tab'); };
  await typeInto('#f-state', '6 000 000');
  await page.getByLabel('Ensam', { exact: true }).check();
  await typeInto('#f-kommun-0', '214 600');
  const e = engine(['scenario', 'sodra-vatterbygden-2024', '--member', 'Habo', '--delta', '10000', '--mode', 'alone', '--state-offer', '6000000']);
  const chained = e.scenario.filter((c) => c.chained);

  const sheet = readWorkbook(await download(page, 'Exportera som Excel-arbetsbok (XLSX)'));
  assert.deepEqual(Object.keys(sheet), ['Flerår', 'Iakttagelser']);
  const rows = sheet['Flerår'];
  const header = rows[3];
  const find = (label) => rows.find((r) => r[0] === label);
  chained.forEach((c, n) => {
    assert.equal(header[1 + 3 * n], `${c.label} utgångsläge`);
    const col = 2 + 3 * n; // the scenario figure
    assert.equal(find('Medlemsbidrag totalt')[col], Number(c.members_total), c.label);
    assert.equal(find('Utgående eget kapital')[col], Number(c.closing_equity), c.label);
    assert.equal(find('Habo kommun')[col], Number(c.kommuner['Habo kommun']), c.label);
    assert.equal(find('Utgående eget kapital')[col + 1], Number(e.delta.find((d) => d.label === c.label).closing_equity), c.label);
  });
  assert.ok(sheet['Iakttagelser'].some((r) => r[1] === 'key-deviation'));

  const csvPath = await download(page, 'Exportera som CSV (Excel, semikolon)');
  const csvBytes = await readFile(csvPath);
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  // Read the Swedish way: semicolons, decimal comma.
  const parsed = JSON.parse(execFileSync('python3', ['-c', `
import csv, json, sys
from decimal import Decimal
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';'))
num = lambda s: str(Decimal(s.replace(',', '.'))) if s else None
print(json.dumps({r[0]: [num(x) for x in r[1:]] for r in rows[3:]}))
`, csvPath], { encoding: 'utf8' }));
  chained.forEach((c, n) => {
    assert.equal(parsed['Utgående eget kapital'][3 * n + 1], c.closing_equity, c.label);
    assert.equal(parsed['Medlemsbidrag totalt'][3 * n + 2], e.delta.find((d) => d.label === c.label).members_total);
  });
  assert.equal(parsed['Administrationsandel'][3 * 1], '9.6');

  // JSON: export the model, import it back, same results.
  const jsonPath = await download(page, 'Exportera budgeten som JSON');
  // The browser writes it through JSON.stringify, the CLI through serde_json: the same bytes.
  const cliJson = join(artifacts, 'cli-export.json');
  execFileSync('cargo', ['run', '--quiet', '--', 'export', 'sodra-vatterbygden-2024', '--format', 'json', '-o', cliJson], { cwd: root });
  assert.equal(await readFile(jsonPath, 'utf8'), await readFile(cliJson, 'utf8'));
  const before = { total: await total(page), equity: await equity(page) };
  await openImport(page);
  await page.locator('#import-file').setInputFiles(jsonPath);
  await page.locator('.preview-table').waitFor();
  await page.getByRole('button', { name: 'Använd budgeten' }).click();
  await page.getByLabel('Ensam', { exact: true }).check();
  await typeInto('#f-state', '6 000 000');
  await typeInto('#f-kommun-0', '214 600');
  assert.deepEqual({ total: await total(page), equity: await equity(page) }, before);
  assert.deepEqual(problems, []);
  await context.close();
});
