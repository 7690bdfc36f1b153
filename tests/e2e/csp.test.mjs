// The calculator under the strictest Content-Security-Policy a wasm app can
// live with, sent as a header with every file, as a förbund's web agency
// would: the page, the ?embed page, and host pages with the mount point
// (embed.js), each used as a person would, with no violation reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { artifacts, launch, live, root, serve, text, typeKeys } from './helpers.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:";
// The least the README says a host needs: no blob: and no data: at all.
const LEAST = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

// A förbund's own page with the mount point and nothing else.
const HOST = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Förbundets webbplats</title><link rel="icon" href="icons/icon-192.png"></head>
<body><h1>Förbundets webbplats</h1>
<div id="finsam-kalkyl" data-preset="hoglandet-2023" data-lang="en"></div>
<script type="module" src="embed.js"></script>
</body></html>`;

const env = {};
before(async () => {
  env.server = await serve(join(root, 'dist'), { headers: { 'content-security-policy': POLICY }, pages: { '/host.html': HOST } });
  env.least = await serve(join(root, 'dist'), { headers: { 'content-security-policy': LEAST }, pages: { '/host.html': HOST } });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
  await env.least?.close();
});

/**
 * Opens `path` in a fresh context. Every `securitypolicyviolation` event
 * (reported in the page before any of its own scripts run), console error
 * and uncaught error is kept in `problems`.
 */
async function open(path, { waitFor = '[data-testid=total-funding]', server = env.server, policy = POLICY } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const response = await page.goto(`${server.url}${path}`);
  assert.equal(response.headers()['content-security-policy'], policy, 'the policy is sent');
  await page.locator(waitFor).first().waitFor({ timeout: 15000 });
  await live(page);
  return { context, page, problems };
}

/** Proof that a violation would be seen: an inline style element is refused and reported. */
async function canary(page, problems) {
  const before = problems.length;
  await page.evaluate(() => { const s = document.createElement('style'); s.textContent = 'p { color: red }'; document.head.append(s); });
  await page.waitForTimeout(100);
  assert.ok(problems.slice(before).some((p) => p.startsWith('CSP violation: style-src')), `the listener saw the refused style: ${problems}`);
  problems.length = before;
}

/**
 * Types `value` into the first kommun's field in `scope` (the page, or a
 * host's mount point), checks that the total moved, and exports a
 * workbook (the English page's button); the workbook's file name.
 */
async function changeAndExport(page, scope, value) {
  const before = await total(scope);
  await typeKeys(page, scope.locator('#f-kommun-0'), value);
  await page.keyboard.press('Tab');
  assert.notEqual(await total(scope), before);
  return downloadWorkbook(page, scope, 'Export as an Excel workbook (XLSX)');
}

/** No problem seen, none caused by the canary either; then the context closes. */
async function finish(page, problems, context) {
  assert.deepEqual(problems, []);
  await canary(page, problems);
  await context.close();
}

async function downloadWorkbook(page, scope, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name }).click()]);
  const path = join(artifacts, `csp-${file.suggestedFilename()}`);
  await file.saveAs(path);
  const bytes = await readFile(path);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'an XLSX (zip) file');
  assert.ok(bytes.length > 2000, `${bytes.length} bytes`);
  return file.suggestedFilename();
}

const total = (scope) => text(scope.locator('[data-testid=total-funding] .card-value'));

test('the page works under the policy: typing, import, export, share link, print, offline worker', async () => {
  const { context, page, problems } = await open('');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  assert.equal(await total(page), '11 172 000 kr');
  await typeKeys(page, page.locator('#f-state'), '6 000 000');
  await page.keyboard.press('Tab');
  await typeKeys(page, page.locator('#f-kommun-0'), '214 600');
  await page.keyboard.press('Tab');
  assert.equal(await total(page), '11 718 040 kr');

  // The import panel, its worker, and a table pasted from Excel.
  await page.getByRole('button', { name: 'Importera budget' }).click();
  const table = (await readFile(join(root, 'presets', 'hoglandet-2023.csv'), 'utf8')).replaceAll(';', '\t');
  await page.evaluate((t) => navigator.clipboard.writeText(t), table);
  await page.locator('#import-text').click();
  await page.keyboard.press('Control+V');
  await page.locator('.preview-table').waitFor();
  assert.match(await text(page.locator('.preview')), /«Summa kostnader» anger 8 363 466 kr/);
  await page.getByRole('button', { name: 'Avbryt' }).click();

  // The XLSX worker, and the download through a Blob URL.
  assert.equal(await downloadWorkbook(page, page, 'Exportera som Excel-arbetsbok (XLSX)'), 'samordningsforbundet-sodra-vatterbygden.xlsx');

  // The share link opens the same scenario in a fresh browser.
  await page.getByRole('button', { name: 'Dela länk' }).click();
  const link = await page.locator('.link-field input').inputValue();
  assert.match(link, /#s=/);
  const shared = await open(link.slice(env.server.url.length));
  assert.equal(await total(shared.page), '11 718 040 kr');
  assert.deepEqual(shared.problems, []);
  await shared.context.close();

  // Printing: the print-out's own header is shown.
  await page.emulateMedia({ media: 'print' });
  assert.match(await text(page.locator('.print-scenario')), /Scenario: Habo kommun \+10 000 kr/);
  await page.emulateMedia({ media: 'screen' });

  // The service worker is registered, and controls the page once reloaded.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await live(page);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);

  await finish(page, problems, context);
});

test('the ?embed page works under the policy', async () => {
  const { context, page, problems } = await open('index.html?embed&preset=hoglandet-2023&lang=en');
  assert.equal(await page.locator('header.top').count(), 0, 'no page chrome in embed mode');
  assert.equal(await changeAndExport(page, page, '100 000'), 'hoglandets-samordningsforbund.xlsx');
  await finish(page, problems, context);
});

test('the embedding example works under the policy: the iframe follows its height, the mount point (embed.js) works', async () => {
  const { context, page, problems } = await open('embed-example.html', { waitFor: '#finsam-kalkyl [data-testid=total-funding]' });
  await page.waitForFunction(() => parseInt(document.getElementById('finsam-kalkyl-frame').style.height, 10) > 1000);
  // Both show the förbund's own file (embed-example.csv, in tkr), read by
  // the import worker under the policy.
  const inner = page.frameLocator('#finsam-kalkyl-frame');
  assert.equal(await total(inner), '8 000 000 kr');
  const mounted = page.locator('#finsam-kalkyl');
  assert.match(await text(mounted.locator('h2.budget-title')), /Samordningsförbundet Exempeldalen/);
  assert.equal(await changeAndExport(page, mounted, '1 000 000'), 'samordningsforbundet-exempeldalen.xlsx');
  await finish(page, problems, context);
});

test('the page and the mount point need no more than script-src \'self\' \'wasm-unsafe-eval\' beside default-src \'self\'', async () => {
  const least = { server: env.least, policy: LEAST };
  const { context, page, problems } = await open('', least);
  await typeKeys(page, page.locator('#f-state'), '6 000 000');
  await page.keyboard.press('Tab');
  await typeKeys(page, page.locator('#f-kommun-0'), '214 600');
  await page.keyboard.press('Tab');
  assert.equal(await total(page), '11 718 040 kr');
  await page.getByRole('button', { name: 'Importera budget' }).click();
  await page.locator('#import-text').fill('Förbundet\tBudget 2024\nHabo kommun\t10 000\nRegion\tfem\n');
  assert.match(await text(page.locator('.preview')), /Rad 3, kolumn 2 \(Budget 2024\) «Region»: «fem» är inte ett belopp/);
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await downloadWorkbook(page, page, 'Exportera som Excel-arbetsbok (XLSX)');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await finish(page, problems, context);

  const host = await open('host.html', { ...least, waitFor: '#finsam-kalkyl [data-testid=total-funding]' });
  await downloadWorkbook(host.page, host.page.locator('#finsam-kalkyl'), 'Export as an Excel workbook (XLSX)');
  assert.deepEqual(host.problems, []);
  await host.context.close();
});
