// Short share links: the link's JSON compressed (`#s=2.` + base64url of raw
// deflate). A pasted budget's link fits in 2 000 characters and opens the
// same scenario in a fresh browser; old links (`#s=` + URI-encoded JSON)
// still open; a damaged or newer link, and an unknown ?preset=, say what
// is wrong; a budget file's link names the file. Served with the strict
// Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { launch, live, root, serve, text, typeKeys } from './helpers.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:";

const env = {};
before(async () => {
  env.server = await serve(join(root, 'dist'), { headers: { 'content-security-policy': POLICY } });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

/** A fresh browser at `url`, with every console error and policy violation kept. */
async function open(url) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`), true);
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url.startsWith('http') ? url : `${env.server.url}${url}`);
  await live(page);
  return { context, page, problems };
}

const total = (page) => text(page.locator('[data-testid=total-funding] .card-value'));
const equity = (page) => text(page.locator('[data-testid=equity-end] .card-value'));
const fold = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function share(page) {
  await page.getByRole('button', { name: 'Dela länk' }).click();
  await page.locator('.link-field input').waitFor();
  return page.locator('.link-field input').inputValue();
}

test('a pasted table\'s link is at most 2 000 characters and opens the same scenario in a fresh browser', async () => {
  const { context, page, problems } = await open('');
  await page.getByRole('button', { name: 'Importera budget' }).click();
  const table = (await readFile(join(root, 'presets', 'hoglandet-2023.csv'), 'utf8')).replaceAll(';', '\t');
  await page.locator('#import-text').fill(table);
  await page.locator('.preview-table').waitFor();
  await page.getByRole('button', { name: 'Använd budgeten' }).click();
  await page.getByRole('button', { name: 'Klar' }).click();
  await typeKeys(page, page.locator('#f-kommun-0'), '+10 000');
  await page.keyboard.press('Tab');
  await page.getByLabel('Ensam', { exact: true }).check();
  const expected = {
    title: await text(page.locator('h2.budget-title')),
    total: await total(page),
    equity: await equity(page),
    aneby: fold(await page.locator('#f-kommun-0').inputValue()),
  };
  assert.match(expected.title, /Höglandets samordningsförbund/);
  const link = await share(page);
  assert.match(link, /#s=2\.[A-Za-z0-9_-]+$/);
  assert.ok(link.length <= 2000, `the link is ${link.length} characters`);
  console.log(`pasted Höglandet table, scenario changed: link ${link.length} characters`);
  await context.close();

  const fresh = await open(link);
  assert.equal(await text(fresh.page.locator('h2.budget-title')), expected.title);
  assert.equal(await total(fresh.page), expected.total);
  assert.equal(await equity(fresh.page), expected.equity);
  assert.equal(fold(await fresh.page.locator('#f-kommun-0').inputValue()), expected.aneby);
  assert.equal(await fresh.page.getByLabel('Ensam', { exact: true }).isChecked(), true);
  assert.equal(await fresh.page.locator('.notice').count(), 0);
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
});

test('the address bar carries the compressed link, and a budget file\'s link names the file', async () => {
  const { context, page, problems } = await open('index.html?budget=embed-example.csv');
  await typeKeys(page, page.locator('#f-kommun-0'), '1 000 000');
  await page.keyboard.press('Tab');
  const changed = await total(page);
  assert.notEqual(changed, '8 000 000 kr');
  await page.waitForFunction(() => location.hash.startsWith('#s=2.'));
  const link = await share(page);
  assert.match(link, /\/index\.html\?budget=embed-example\.csv#s=2\./);
  // The scenario alone: the budget stays in its file (a pasted one's link is ~1 700).
  assert.ok(link.length < 500, `${link.length} characters: ${link}`);
  // The address bar follows a moment after the last change (autosave's pause).
  await page.waitForFunction((hash) => location.hash === hash, new URL(link).hash);
  await context.close();

  const fresh = await open(link);
  assert.match(await text(fresh.page.locator('h2.budget-title')), /Samordningsförbundet Exempeldalen/);
  assert.equal(await total(fresh.page), changed);
  assert.equal(fold(await fresh.page.locator('#f-kommun-0').inputValue()), '1 000 000');
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
});

test('a link in the old format still opens', async () => {
  const json = JSON.stringify({
    v: 1,
    preset: 'hoglandet-2023',
    lang: 'sv',
    scenario: { changes: [{ member: { kommun: 'Aneby Kommun' }, change: { kr: '10000' } }], mode: 'alone' },
  });
  const { context, page, problems } = await open(`#s=${encodeURIComponent(json)}`);
  assert.match(await text(page.locator('h2.budget-title')), /Höglandets samordningsförbund/);
  assert.equal(fold(await page.locator('#f-kommun-0').inputValue()), '129 465');
  assert.equal(await page.locator('.notice').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged or newer link, and an unknown ?preset=, say what is wrong in plain words', async () => {
  const { context, page } = await open('');
  await typeKeys(page, page.locator('#f-kommun-0'), '+10 000');
  await page.keyboard.press('Tab');
  const good = await share(page);
  await context.close();
  for (const [address, said] of [
    [good.slice(0, good.length - 40), /Länken kunde inte öppnas\. Länkens text är inte rätt kodad; den kan ha kortats av på vägen\./],
    ['#s=2.@@@', /Länken kunde inte öppnas\. Länkens text är inte rätt kodad/],
    ['#s=3.eJyrVkrOz0vPLCopVrIqKSpN1VEqzs9JBQA', /Länken kunde inte öppnas\. Det skrevs av en nyare version av kalkylen \(version 3; den här läser version 2\)\. Den förinställda budgeten visas i stället\./],
    ['?preset=nowhere-2030', /Det finns ingen förinställd budget «nowhere-2030»\. Standardbudgeten visas i stället\./],
  ]) {
    const opened = await open(address.startsWith('http') ? address : `index.html${address}`);
    const notice = await text(opened.page.locator('.notice'));
    assert.match(notice, said, address);
    assert.doesNotMatch(notice, /invalid|missing field|expected|serde|\{/i, address);
    assert.equal(await total(opened.page), '11 172 000 kr', address);
    assert.deepEqual(opened.problems, [], address);
    await opened.context.close();
  }
});

test('a crafted link that would inflate past 8 MB is stopped and refused, and the page goes on', async () => {
  // 64 MB of spaces deflate to about 64 kB: whole, it would be read as
  // text (and refused as damaged JSON); stopped at 8 MB it is a link that
  // does not inflate to a link.
  const bomb = `#s=2.${deflateRawSync(Buffer.alloc(64 << 20, 0x20), { level: 9 }).toString('base64url')}`;
  const { context, page, problems } = await open(`index.html${bomb}`);
  assert.match(await text(page.locator('.notice')), /Länken kunde inte öppnas\. Länkens text är inte rätt kodad/);
  assert.equal(await total(page), '11 172 000 kr');
  assert.deepEqual(problems, []);
  await context.close();
});
