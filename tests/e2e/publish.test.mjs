// A förbund's own budget on its own site: `?budget=` (also with ?embed) and
// the mount point's `data-budget` load a file through the importer; a file
// that cannot be used is named with its reason and the default shown; the
// file works offline after one visit; the preview's unit and sign choices;
// the "Publicera på er webbplats" step. Everything is served with the
// strict Content-Security-Policy (as tests/e2e/csp.test.mjs), and no
// violation may be reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { axeSource, launch, live, root, serve, text } from './helpers.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:";
const EXAMPLE = join(root, 'www', 'embed-example.csv');

const held = [];
const files = {};
const csv = (res, body, headers = {}) => res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-cache', ...headers }).end(body);
const routes = {
  '/filer/budget-2025.csv': async (req, res) => csv(res, await readFile(EXAMPLE)),
  '/filer/hoglandet.json': async (req, res) => csv(res, await readFile(join(root, 'presets', 'hoglandet-2023.json'))),
  // A file that is there the first time only: offline, its copy is used.
  '/filer/once.csv': async (req, res) => {
    if (files.onceServed) { res.writeHead(503).end(); return; }
    files.onceServed = true;
    csv(res, await readFile(EXAMPLE));
  },
  '/filer/publicerad.json': (req, res) => csv(res, files.published ?? '', { 'content-type': 'application/json' }),
  // Over the 1 MB limit, sent without a length, so only reading finds it.
  '/filer/stor.csv': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.write('Förbundet;Budget 2025\n');
    const row = `${'Habo kommun;1 000\n'.repeat(1000)}`;
    for (let i = 0; i < 70; i++) res.write(row);
    res.end();
  },
  // Headers at once, then nothing: the calculator gives up after 15 s.
  '/filer/seg.csv': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.write('Förbundet;Budget 2025\n');
    held.push(res);
  },
  '/filer/inte-en-tabell.csv': (req, res) => csv(res, 'Hej!\nDet här är ett brev, inte en budget.\n'),
};
const HOST = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Förbundets webbplats</title><link rel="icon" href="icons/icon-192.png"></head>
<body><h1>Förbundets webbplats</h1>
<div id="finsam-kalkyl" data-budget="filer/budget-2025.csv"></div>
<script type="module" src="embed.js"></script>
</body></html>`;

const env = {};
before(async () => {
  env.server = await serve(join(root, 'dist'), { headers: { 'content-security-policy': POLICY }, pages: { '/host.html': HOST }, routes });
  env.browser = await launch();
});
after(async () => {
  for (const res of held) res.destroy();
  await env.browser?.close();
  await env.server?.close();
});

/**
 * Opens `path` in a fresh context (or `context`), and waits for the
 * calculator's figures. Console errors, uncaught errors and policy
 * violations are kept in `problems`; a failed load of a file the test
 * means to fail is no problem.
 */
async function open(path, { context, waitFor = '[data-testid=total-funding]', lang = 'sv-SE' } = {}) {
  context ??= await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang });
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`), true);
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${env.server.url}${path}`);
  // The app, not the first screen the page arrived with (#fk-pre).
  await page.waitForFunction(() => !document.getElementById('fk-pre'), null, { timeout: 30000 });
  await page.locator(waitFor).first().waitFor({ timeout: 30000 });
  return { context, page, problems };
}

const total = (scope) => text(scope.locator('[data-testid=total-funding] .card-value'));

/** Serious and critical WCAG 2.1 AA findings of axe-core in the page (evaluated over the protocol, which the policy does not govern). */
async function axe(page) {
  await page.evaluate(await axeSource());
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
const notice = (scope) => text(scope.locator('.notice'));

test('?budget= shows the förbund\'s own table, in kronor, with what the importer read', async () => {
  const { context, page, problems } = await open('index.html?budget=filer/budget-2025.csv');
  assert.match(await text(page.locator('h2.budget-title')), /Samordningsförbundet Exempeldalen/);
  // Budget 2025: 8 000 tkr.
  assert.equal(await total(page), '8 000 000 kr');
  assert.equal(await page.locator('.notice').count(), 0);
  // Offered first in the budget picker; the findings say the unit was read.
  assert.equal(await page.getByLabel('Förbund och budget').inputValue(), 'filer/budget-2025.csv');
  assert.match(await text(page.locator('.findings')), /Beloppen står i tkr/);
  await context.close();

  // The canonical JSON, and the ?embed page.
  const json = await open('index.html?embed&budget=filer/hoglandet.json&lang=en');
  const preset = await open('index.html?embed&preset=hoglandet-2023&lang=en');
  assert.equal(await json.page.locator('header.top').count(), 0);
  assert.match(await text(json.page.locator('h2.budget-title')), /Höglandets samordningsförbund/);
  assert.equal(await total(json.page), await total(preset.page));
  assert.deepEqual([...problems, ...json.problems, ...preset.problems], []);
  await json.context.close();
  await preset.context.close();
});

test('the mount point\'s data-budget shows the table\'s figures in the host page', async () => {
  const { context, page, problems } = await open('host.html', { waitFor: '#finsam-kalkyl [data-testid=total-funding]' });
  const mounted = page.locator('#finsam-kalkyl');
  assert.match(await text(mounted.locator('h2.budget-title')), /Samordningsförbundet Exempeldalen/);
  assert.equal(await total(mounted), '8 000 000 kr');
  assert.equal(new URL(page.url()).hash, '', 'the host page keeps its address');
  assert.deepEqual(problems, []);
  await context.close();
});

test('while the file loads, a neutral line is shown, never the default\'s figures', async () => {
  const context = await env.browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  await page.goto(`${env.server.url}index.html?budget=filer/seg.csv`);
  // The page's own loading line (www/first.js), the prerendered default hidden.
  const loading = page.locator('#fk-pre .fk-loading');
  await loading.waitFor();
  assert.match(await text(loading), /^Laddar kalkylen …/);
  assert.equal(await page.locator('#fk-pre > .fk').isVisible(), false);
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('[data-testid=total-funding]:visible').count(), 0);
  await context.close();
});

test('a file that cannot be used is named with its reason, and the default is shown', async () => {
  for (const [budget, reason] of [
    ['filer/saknas.csv', /Budgetfilen «filer\/saknas\.csv» kunde inte läsas\. Servern svarade 404: filen finns inte där\. Den förinställda budgeten visas i stället\./],
    ['filer/stor.csv', /Budgetfilen «filer\/stor\.csv» kunde inte läsas\. Filen är större än 1 MB/],
    ['filer/inte-en-tabell.csv', /Budgetfilen «filer\/inte-en-tabell\.csv» kunde inte läsas\. Den går inte att läsa som en budget\. Rad 1: ingen kolumn har ett år i rubriken/],
  ]) {
    const { context, page, problems } = await open(`index.html?budget=${budget}`);
    assert.match(await notice(page), reason, budget);
    assert.equal(await total(page), '11 172 000 kr', budget);
    assert.deepEqual(problems, [], budget);
    await context.close();
  }
  // In English on an English page.
  const en = await open('index.html?budget=filer/saknas.csv&lang=en');
  assert.match(await notice(en.page), /The budget file “filer\/saknas\.csv” could not be read\. The server answered 404: the file is not there\. The preset budget is shown instead\./);
  await en.context.close();
});

test('nothing but http and https is fetched: data:, blob:, file: and javascript: are refused', async () => {
  for (const [address, scheme] of [
    ['data:text/csv,F%C3%B6rbundet%3BBudget%202025%0AStaten%3B1', 'data'],
    ['blob:http://127.0.0.1/00000000-0000-0000-0000-000000000000', 'blob'],
    ['file:///etc/passwd', 'file'],
    ['javascript:alert(1)', 'javascript'],
  ]) {
    const context = await env.browser.newContext({ locale: 'sv-SE' });
    const fetched = [];
    context.on('request', (r) => { if (!r.url().startsWith(env.server.url)) fetched.push(r.url()); });
    const { page, problems } = await open(`index.html?budget=${encodeURIComponent(address)}`, { context });
    assert.match(await notice(page), new RegExp(`Bara filer på webben \\(http eller https\\) läses, inte adresser som börjar med «${scheme}:»`), address);
    assert.equal(await total(page), '11 172 000 kr');
    assert.deepEqual(fetched, [], address);
    assert.deepEqual(problems, [], address);
    await context.close();
  }
});

test('a file that does not come within 15 seconds is given up, with a message', async () => {
  const started = Date.now();
  const { context, page, problems } = await open('index.html?budget=filer/seg.csv');
  assert.match(await notice(page), /Budgetfilen «filer\/seg\.csv» kunde inte läsas\. Filen kom inte fram inom 15 sekunder\./);
  assert.ok(Date.now() - started >= 14_000, `gave up after ${Date.now() - started} ms`);
  assert.equal(await total(page), '11 172 000 kr');
  assert.deepEqual(problems, []);
  await context.close();
});

test('after one visit the file opens offline, from the copy the calculator kept', async () => {
  const { context, page, problems } = await open('index.html?budget=filer/once.csv');
  assert.equal(await total(page), '8 000 000 kr');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await live(page);
  assert.equal(await total(page), '8 000 000 kr');
  assert.equal(await page.locator('.notice').count(), 0);
  // A file never loaded here: offline is the reason given.
  await page.goto(`${env.server.url}index.html?budget=filer/aldrig.csv`);
  await live(page);
  assert.match(await notice(page), /Budgetfilen «filer\/aldrig\.csv» kunde inte läsas\. Webbläsaren är inte ansluten till nätet/);
  await context.setOffline(false);
  // And the server no longer has it: its answer (503) is said, not the copy.
  await page.goto(`${env.server.url}index.html?budget=filer/once.csv`);
  await live(page);
  assert.match(await notice(page), /Servern svarade med felkod 503/);
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});

test('the preview says which unit it read and where, and another unit or the costs as written read the table again', async () => {
  const { context, page, problems } = await open('');
  await page.getByRole('button', { name: 'Importera budget' }).click();
  // In tkr, with costs as a resultaträkning writes them.
  const table = [
    'Samordningsförbundet Värmland (tkr);Utfall 2023;Budget 2024',
    'Försäkringskassan;9 000;9 200',
    'Region Värmland;4 500;4 600',
    'Karlstads kommun;2 500;2 560',
    'Kristinehamns kommun;2 000;2 040',
    'Finansierade insatser;-14 800;-15 500',
    'Kansli;-2 300;-2 400',
    'Årets resultat;900;500',
  ].join('\n');
  await page.locator('#import-text').fill(table);
  const assumed = page.locator('fieldset.assumed');
  await assumed.waitFor();
  assert.match(await text(assumed), /Beloppen är i tkr \(enligt rubriken\) och räknas om till kronor\./);
  const cell = (label, column) => text(page.locator('.preview-table tr', { hasText: label }).locator('td.num').nth(column));
  assert.equal(await cell('Karlstads kommun', 0), '2 500 000');
  assert.equal(await cell('Kansli', 0), '2 300 000');
  assert.equal(await page.getByLabel('tkr', { exact: true }).isChecked(), true);
  assert.deepEqual(await axe(page), []);

  await page.getByLabel('kr', { exact: true }).click();
  await page.waitForFunction(() => document.querySelector('fieldset.assumed p')?.textContent.includes('som du valt'));
  assert.equal(await cell('Karlstads kommun', 0), '2 500');
  assert.match(await text(assumed), /Beloppen är i kr \(som du valt\)/);

  const costs = page.getByLabel(/Kostnaderna står som negativa tal/);
  assert.equal(await costs.isChecked(), true);
  assert.match(await text(page.locator('.preview')), /Kostnaderna står som negativa belopp, som i en resultaträkning/);
  await costs.click();
  await page.waitForFunction(() => /−2\s300/.test(document.querySelector('.preview-table')?.innerText ?? ''));
  assert.doesNotMatch(await text(page.locator('.preview')), /Kostnaderna står som negativa belopp/);
  assert.equal(await cell('Kansli', 0), '−2 300');
  assert.equal(await cell('Karlstads kommun', 0), '2 500', 'the unit chosen stays');
  assert.equal(await page.getByLabel('kr', { exact: true }).isChecked(), true);
  await costs.click();
  await page.waitForFunction(() => !/−2\s300/.test(document.querySelector('.preview-table')?.innerText ?? ''));
  assert.equal(await cell('Kansli', 0), '2 300');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Publicera på er webbplats": the budget as JSON, and the code for both ways with its name, which then work', async () => {
  const { context, page, problems } = await open('');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await page.getByRole('button', { name: 'Importera budget' }).click();
  await page.locator('#import-text').fill((await readFile(EXAMPLE, 'utf8')).replaceAll(';', '\t'));
  await page.locator('.preview-table').waitFor();
  await page.getByRole('button', { name: 'Använd budgeten' }).click();
  await page.getByRole('heading', { name: 'Publicera på er webbplats' }).waitFor();
  assert.equal(await total(page), '8 000 000 kr');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner budgeten (JSON)' }).click()]);
  assert.equal(download.suggestedFilename(), 'samordningsforbundet-exempeldalen.json');
  files.published = await readFile(await download.path(), 'utf8');
  assert.equal(JSON.parse(files.published).schema_version, 1);

  const iframe = await page.getByRole('textbox', { name: 'Som iframe' }).inputValue();
  const mount = await page.getByRole('textbox', { name: 'Direkt i sidan (div-element)' }).inputValue();
  assert.match(iframe, new RegExp(`src="${env.server.url.replace(/[.]/g, '\\.')}index\\.html\\?embed&budget=samordningsforbundet-exempeldalen\\.json&lang=sv"`));
  assert.match(iframe, /finsam-kalkyl:height/);
  assert.equal(mount, `<div id="finsam-kalkyl" data-budget="samordningsforbundet-exempeldalen.json" data-lang="sv"></div>\n<script type="module" src="${env.server.url}embed.js"></script>`);
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'Kopiera: Direkt i sidan (div-element)' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), mount);
  assert.equal(await text(page.getByRole('status').filter({ hasText: 'kopierad' })), 'Koden är kopierad.');
  await page.getByRole('button', { name: 'Klar' }).click();
  assert.equal(await page.locator('.publish').count(), 0);

  // The file, put on the site, opens as it was.
  const published = await open('index.html?budget=filer/publicerad.json');
  assert.match(await text(published.page.locator('h2.budget-title')), /Samordningsförbundet Exempeldalen/);
  assert.equal(await total(published.page), '8 000 000 kr');
  assert.deepEqual([...problems, ...published.problems], []);
  await published.context.close();
  await context.close();
});

test('another site\'s file opens when its server allows it (CORS), and says so when it does not', async () => {
  // Another origin (another port), without the policy, which would
  // otherwise forbid any other origin before CORS is asked.
  const budget = await readFile(EXAMPLE);
  const other = await serve(join(root, 'dist'), {
    routes: {
      '/open.csv': (req, res) => csv(res, budget, { 'access-control-allow-origin': '*' }),
      '/closed.csv': (req, res) => csv(res, budget),
    },
  });
  const page = await serve(join(root, 'dist'));
  try {
    const context = await env.browser.newContext({ locale: 'sv-SE' });
    const tab = await context.newPage();
    await tab.goto(`${page.url}index.html?budget=${encodeURIComponent(`${other.url}open.csv`)}`);
    await live(tab);
    assert.equal(await total(tab), '8 000 000 kr');
    await tab.goto(`${page.url}index.html?budget=${encodeURIComponent(`${other.url}closed.csv`)}`);
    await live(tab);
    assert.match(await notice(tab), /Servern gick inte att nå, eller så tillåter den inte att sidan läser filen \(CORS\)\./);
    await context.close();
  } finally {
    await other.close();
    await page.close();
  }
});
