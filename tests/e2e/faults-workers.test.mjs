// The page's workers made to fail from the test (issue 17): a worker that
// does not load, dies mid-job, answers garbage, or never answers gets a
// worded message and the next try starts a new worker; and very large
// pastes get a limit message without freezing the tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, live, text } from './helpers.mjs';
import { assertWorded, LANGS } from './faults-words.mjs';

const env = withBrowser();
const EXPORT_LOADER = '**/finsam-export-*_loader.js';
const IMPORT_LOADER = '**/finsam-import-*_loader.js';

/** Workers that misbehave, as the loader file the page starts. */
const WORKERS = {
  // The worker's file is missing (offline before it was cached).
  missing: null,
  // Loads, then throws on the first job: a trap in its wasm.
  dies: "postMessage('ready'); onmessage = () => { throw new Error('RuntimeError: unreachable executed at wasm-function[123]:0x4567'); };",
  // Loads, then answers with something that is no answer.
  garbage: "postMessage('ready'); onmessage = () => postMessage({ message: 'Error: missing field `budget`', stack: 'at main.rs:1' });",
  // Loads, then never answers.
  hangs: "postMessage('ready'); onmessage = () => {};",
};

async function breakWorker(context, loader, kind) {
  await context.route(loader, (route) => (WORKERS[kind] === null
    ? route.fulfill({ status: 404, body: '' })
    : route.fulfill({ status: 200, contentType: 'text/javascript', body: WORKERS[kind] })));
}

/**
 * Opens the page in `lang`, its longest main-thread tasks recorded from the
 * start (PerformanceObserver 'longtask', read with `longest`).
 */
async function open(lang) {
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 }, locale: lang === 'en' ? 'en-GB' : 'sv-SE', serviceWorkers: 'block',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await context.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.server.url}?lang=${lang}`);
  await live(page);
  return { context, page, problems };
}

/** The longest main-thread task since the last call, in ms (0 if none over 50 ms). */
const longest = (page) => page.evaluate(() => Math.round(Math.max(0, ...window.__longtasks.splice(0))));

const notice = (page) => text(page.locator('.notice p'));
const importError = (page) => text(page.locator('.import-error'));

async function downloadWorkbook(page, lang) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }),
    page.getByRole('button', { name: LANGS[lang].xlsx }).click(),
  ]);
  return file.suggestedFilename();
}

async function openImport(page, lang) {
  await page.getByRole('button', { name: LANGS[lang].import }).click();
  await page.locator('#import-text').waitFor();
}

/** Pastes `content` into the import field as a person does: Ctrl+V. */
async function paste(page, content) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), content);
  await page.locator('#import-text').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

const TABLE = 'F\tBudget 2024\nHabo kommun\t100\nRegion\tfem\n';

for (const lang of ['sv', 'en']) {
  const L = LANGS[lang];

  test(`${lang}: an export worker that is missing, dies or answers garbage is said, and the next try starts a new one`, async () => {
    for (const [kind, expected] of [['missing', L.exportStopped], ['dies', L.exportStopped], ['garbage', L.workbook]]) {
      const { context, page, problems } = await open(lang);
      await breakWorker(context, EXPORT_LOADER, kind);
      await page.getByRole('button', { name: L.xlsx }).click();
      assertWorded(lang, `export worker ${kind}`, await notice(page), expected);
      const button = page.getByRole('button', { name: L.xlsx });
      assert.equal(await button.getAttribute('aria-busy'), null, `${kind}: the button is free again`);
      await context.unroute(EXPORT_LOADER);
      assert.match(await downloadWorkbook(page, lang), /\.xlsx$/, `${kind}: the next try works`);
      assert.deepEqual(problems, [], kind);
      await context.close();
    }
  });

  test(`${lang}: an export worker that never answers is given up on after 30 s, and the button is free again`, async () => {
    const { context, page, problems } = await open(lang);
    await breakWorker(context, EXPORT_LOADER, 'hangs');
    await page.clock.install();
    const button = page.getByRole('button', { name: L.xlsx });
    await button.click();
    await page.waitForTimeout(1000);
    assert.equal(await button.getAttribute('aria-busy'), 'true');
    assert.match(await button.innerText(), /Excel …/);
    assert.equal(await page.locator('.notice').count(), 0, 'not before its time');
    await page.clock.fastForward(31_000);
    assertWorded(lang, 'export worker hangs', await notice(page), L.exportStopped);
    assert.equal(await button.getAttribute('aria-busy'), null);
    assert.equal(await button.innerText(), 'Excel');
    await context.unroute(EXPORT_LOADER);
    assert.match(await downloadWorkbook(page, lang), /\.xlsx$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${lang}: an import worker that dies, answers garbage or never answers is said, and the next paste starts a new one`, async () => {
    for (const [kind, expected] of [['dies', L.importStopped], ['garbage', L.garbled], ['hangs', L.importStopped]]) {
      const { context, page, problems } = await open(lang);
      await breakWorker(context, IMPORT_LOADER, kind);
      if (kind === 'hangs') await page.clock.install();
      await openImport(page, lang);
      await paste(page, TABLE);
      if (kind === 'hangs') {
        await page.locator('.reading').waitFor();
        await page.clock.fastForward(31_000);
      }
      assertWorded(lang, `import worker ${kind}`, await importError(page), expected);
      await context.unroute(IMPORT_LOADER);
      await paste(page, TABLE.replace('100', '200'));
      assert.match(await text(page.locator('.preview')), lang === 'sv' ? /«fem» är inte ett belopp/ : /“fem” is not an amount/, kind);
      assert.deepEqual(problems, [], kind);
      await context.close();
    }
  });

  // What froze the tab was structural: Chromium laid a 10 MB paste out in
  // the field (18 s), and the preview built every row of a 2 000-row table
  // (1-2 s). The test checks that neither happens, and reports the longest
  // main-thread task; its bound only catches a return of those freezes, as
  // this machine's load can stretch any task (BENCHMARKS.md has the figures).
  const FROZEN_MS = 5000;

  test(`${lang}: very large pastes name the limit, stay out of the field, and the preview shows a part`, async (t) => {
    const { context, page, problems } = await open(lang);
    await openImport(page, lang);
    // Let the import worker load first, as it does while a person copies.
    await page.waitForTimeout(1000);
    const line = 'Habo kommun\t100\t200\n';
    const cases = [
      ['a 10 MB paste', 'F\tBudget 2024\tPlan 2025\n' + line.repeat(Math.ceil(10_000_000 / line.length)), L.tooLarge],
      ['5 000 rows', 'F\tBudget 2024\n' + Array.from({ length: 5000 }, (_, i) => `Rad ${i}\t${i}\n`).join(''), L.tooManyRows],
      ['200 columns', `F\t${Array.from({ length: 200 }, (_, i) => `Budget ${1900 + i}`).join('\t')}\nHabo kommun\t${'1\t'.repeat(199)}1\n`, L.tooManyColumns],
    ];
    for (const [what, content, expected] of cases) {
      await page.evaluate((t) => navigator.clipboard.writeText(t), content);
      await page.locator('#import-text').fill('');
      await longest(page);
      await page.locator('#import-text').click();
      await page.keyboard.press('Control+V');
      // The answer to the field's clearing comes first; wait for this one.
      await page.locator('.import-error', { hasText: expected }).waitFor();
      assertWorded(lang, what, await importError(page), expected);
      const ms = await longest(page);
      t.diagnostic(`${lang}, ${what}: longest main-thread task ${ms} ms`);
      assert.ok(ms < FROZEN_MS, `${what}: the page was held for ${ms} ms`);
      // Over the limit, the paste never entered the field; under it, it did.
      const held = (await page.locator('#import-text').inputValue()).length;
      assert.equal(held, content.length > 1_000_000 ? 0 : content.length, what);
    }

    // Under the limits but far past any budget: the preview shows the first
    // rows and says how many there are.
    const rows = ['F\tBudget 2024\tPlan 2025', 'Habo kommun\t100\t100', 'Region Jönköpings län\t100\t100', 'Försäkringskassan\t200\t200'];
    // The header and 1 999 rows: the importer's limit is 2 000 lines.
    for (let i = rows.length; i < 2000; i++) rows.push(`Sak ${i}\t1\t1`);
    await page.evaluate((t) => navigator.clipboard.writeText(t), rows.join('\n'));
    await page.locator('#import-text').fill('');
    await longest(page);
    await page.locator('#import-text').click();
    await page.keyboard.press('Control+V');
    await page.locator('.preview-table').waitFor();
    const shown = await page.locator('.preview-table tbody tr').count();
    const said = await text(page.locator('#preview-caption'));
    assert.match(said, L.shownFirst);
    assert.equal(Number(said.match(L.shownFirst)[1]), shown);
    // The findings too: the heading counts them all, the list shows as many.
    const heading = await text(page.locator('.preview h3').last());
    const [, count, first, of] = heading.match(L.findingsShown) ?? assert.fail(heading);
    assert.equal(Number(of.replaceAll(' ', '')), Number(count));
    assert.equal(Number(first), shown);
    assert.equal(await page.locator('.preview .findings-list > li').count(), shown);
    assert.ok(shown >= 100 && shown < 1999, `${shown} rows shown`);
    await page.waitForTimeout(500);
    const ms = await longest(page);
    t.diagnostic(`${lang}, a 1 999-row table: longest main-thread task ${ms} ms`);
    assert.ok(ms < FROZEN_MS, `the preview held the page for ${ms} ms`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
