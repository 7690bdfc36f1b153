// The English page says everything in English: bad input in every kind of
// field, a bad share link and a damaged saved state each get a message
// with no Swedish sentence in it, and no parser's or program's own text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, live, text, typeKeys } from './helpers.mjs';

const env = withBrowser();

/** The budget's own names: data, not sentences, so they may be Swedish. */
const DATA = [
  'Habo kommun', 'Jönköpings kommun', 'Mullsjö kommun', 'Vaggeryds kommun', 'Region Jönköpings län',
  'Staten gm Försäkringskassan', 'Samordningsförbundet Södra Vätterbygden', 'Förbundet',
];
/** Swedish words a sentence would need, and its letters and quotes. */
const SWEDISH = /\b(och|är|inte|kan|kunde|för|med|det|som|till|finns|belopp|fältet|länken|sparade|skadad|saknas)\b|[åäöÅÄÖ«»]/;
const INTERNAL = /\b(Error|invalid|expected|serde|panicked|RuntimeError)\b|missing field|unknown variant|[{}]/;

function assertEnglish(what, message) {
  assert.ok(message.length > 0, `${what}: no message`);
  let sentence = message;
  for (const name of DATA) sentence = sentence.replaceAll(name, 'X');
  assert.doesNotMatch(sentence, SWEDISH, `${what}: ${message}`);
  assert.doesNotMatch(sentence, INTERNAL, `${what}: ${message}`);
}

/** Opens the English page; `saved` is put in localStorage first. */
async function openEnglish(url, saved) {
  const context = await env.browser.newContext({ locale: 'en-GB' });
  if (saved !== undefined) {
    await context.addInitScript((s) => localStorage.setItem('finsam-kalkyl/v1', s), saved);
  }
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await live(page);
  return { context, page, problems };
}

const notice = (page) => text(page.locator('.notice p'));

test('a bad share link and a damaged saved state are explained in English', async () => {
  const base = `${env.server.url}?lang=en`;
  const link = (json) => `${base}#s=${encodeURIComponent(json)}`;
  const cases = [
    ['a link that is not JSON', link('{"v":1,'), undefined, /could not be opened/],
    ['a link of another shape', link('{"v":1,"preset":"sodra-vatterbygden-2024","lang":"sv","scenario":{"mode":"sideways"}}'), undefined, /damaged/],
    ['a link from a newer version', link('{"v":7}'), undefined, /newer version/],
    ['a link to a budget not here', link('{"v":1,"preset":"import-3","lang":"sv","scenario":{}}'), undefined, /import-3/],
    ['a link with a negative utrymme', link('{"v":1,"preset":"sodra-vatterbygden-2024","lang":"sv","scenario":{"state_offer":"-5"}}'), undefined, /negative/],
    ['a cut-off link', `${base}#s=%7B%22v%E0%A4%A`, undefined, /encoded/],
    ['a damaged saved state', base, '{"version":1,"preset":"sodra-vatterbygden-2024","lang":"sv","scenario":{"mode":"sideways"}}', /saved/],
    ['a saved state from a newer version', base, '{"version":4}', /newer version/],
    ['a saved state that is not JSON', base, '{"version":1,', /saved/],
  ];
  for (const [what, url, saved, expected] of cases) {
    const { context, page, problems } = await openEnglish(url, saved);
    const message = await notice(page);
    assert.match(message, expected, `${what}: ${message}`);
    assertEnglish(what, message);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.deepEqual(problems, [], what);
    await context.close();
  }
});

test('bad input in every kind of field is explained in English', async () => {
  const { context, page, problems } = await openEnglish(`${env.server.url}?lang=en`);
  const messages = [];
  const expect = async (what, locator, expected) => {
    const message = await text(locator);
    if (expected) assert.match(message, expected, `${what}: ${message}`);
    assertEnglish(what, message);
    messages.push(what);
  };
  const field = async (what, input, typed, error, expected) => {
    await typeKeys(page, input, typed);
    await expect(what, error, expected);
  };

  // Contributions and the state's utrymme.
  await field('a contribution that is no amount', page.locator('#f-kommun-0'), 'ten thousand', page.locator('#f-kommun-0-err'), /is not an amount/);
  await field('a negative contribution', page.locator('#f-kommun-0'), '-5 000', page.locator('#f-kommun-0-err'), /cannot be negative/);
  await field('a negative state offer', page.locator('#f-state'), '-1', page.locator('#f-state-err'), /cannot be negative/);
  await field('an absurd state offer', page.locator('#f-state'), '9 999 999 999 999', page.locator('#f-state-err'), /absurdly large/);
  await typeKeys(page, page.locator('#f-state'), '5 586 000');
  // Percent fields.
  await field('a step-up in words', page.locator('#f-stepup'), 'ten', page.locator('#f-stepup-err'));
  await field('a step-up out of range', page.locator('#f-stepup'), '500', page.locator('#f-stepup-err'), /step-up/);
  await page.locator('#f-stepup').fill('');
  await field('utilisation out of range', page.locator('#f-util'), '300', page.locator('#f-util-err'), /Utilisation/);
  await field('cost indexation out of range', page.locator('#f-index'), '-90', page.locator('#f-index-err'), /indexation/);
  await field('interest out of range', page.locator('#f-interest'), '99', page.locator('#f-interest-err'), /Interest/);
  await field('a negative guideline', page.locator('#f-guideline'), '-5', page.locator('#f-guideline-err'), /guideline/);
  // A cost line, behind its disclosure.
  await page.getByText('Change the cost lines').click();
  await field('a cost line in words', page.locator('#cost-0'), 'ten percent', page.locator('.cost-table .error'), /is not an amount/);
  await field('a cost line out of range', page.locator('#cost-0'), '-200 %', page.locator('.cost-table .error'), /cost change/);
  // A new insats: its sum, then years that cannot be.
  await page.locator('#ins-amount').fill('lots');
  await page.getByRole('button', { name: 'Add the insats' }).click();
  await expect('a new insats in words', page.locator('#ins-err'), /is not an amount/);
  await page.locator('#ins-amount').fill('10 000');
  await page.locator('#ins-start').selectOption('2026');
  await page.locator('#ins-end').selectOption('2023');
  await page.getByRole('button', { name: 'Add the insats' }).click();
  await expect('a new insats ending before it starts', page.locator('.notice p'), /end year/);
  // The floor and the goal seek.
  await field('a floor in words', page.locator('#f-floor'), 'zero', page.locator('#f-floor-help ~ .error'), /is not an amount/);
  await typeKeys(page, page.locator('#f-floor'), '0');
  await typeKeys(page, page.locator('#goal-insats'), 'much');
  await page.getByRole('button', { name: 'What would the municipality have to add?' }).click();
  await expect('a goal seek insats in words', page.locator('#goal-insats ~ .error'), /is not an amount/);

  // An imported table: a bad paste, a bad JSON file, then populations.
  await page.getByRole('button', { name: 'Import a budget' }).click();
  const paste = page.locator('#import-text');
  await paste.fill('just a few words, nothing like a budget');
  await expect('a pasted text that is no table', page.locator('.import-error'), /year/);
  await paste.fill('{"schema_version": 1, "title": ');
  await expect('a pasted JSON that is not JSON', page.locator('.import-error'), /not valid JSON/);
  await paste.fill('{"schema_version": 3}');
  await expect('a JSON budget from another version', page.locator('.import-error'), /Schema version 3/);
  await paste.fill('Förbundet;Budget 2024;Plan 2025\nHabo kommun;10 000;10 000\nRegion Test;10 000;10 000\n'
    + 'Staten;20 000;20 000\nKostnader\nInsatser;40 000;40 000\n');
  await page.locator('#key-0').waitFor();
  await field('a negative population', page.locator('#key-0'), '-5', page.locator('.preview > .error'), /population cannot be negative/);
  await field('a population in words', page.locator('#key-0'), 'many', page.locator('.preview > .error'), /is not an amount/);

  assert.equal(messages.length, 21);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the key-bound headline names what each party adds, in English', async () => {
  const { context, page, problems } = await openEnglish(`${env.server.url}?lang=en`);
  await typeKeys(page, page.locator('#f-state'), '6 000 000');
  await typeKeys(page, page.locator('#f-kommun-0'), '+10 000');
  const lever = await text(page.locator('[data-testid=leverage]'));
  assert.equal(lever, 'Habo kommun +10 000 kr. By the key, the other municipalities add 126 510 kr, the region 136 510 kr '
    + 'and the state 273 020 kr: 546 040 kr more for the association in all.');
  assertEnglish('the headline', lever);
  assert.deepEqual(problems, []);
  await context.close();
});
