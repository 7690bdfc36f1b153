// Paired timings of two builds: cold loads interleaved (A B, then B A,
// so that neither always goes first), a fresh browser context each time.
// For comparing a change against the build before it, where the machine's
// speed swings more between runs than the change moves the figures.
//
// Usage: node tests/bench/paired.mjs <dist A> <dist B> [pairs, default 12] [--slow-network | --slow-4g] [--typing]
// Prints, per build, the medians of each mark of load.mjs (first figure in
// the DOM and on screen, first paint, the app live, interactive, whole page
// in the DOM) and the median of the per-pair differences B − A.
// --slow-network: Lighthouse's slow-4G network (150 ms round trip, 1.6
// Mbit/s down, 750 kbit/s up; the CPU not slowed), where a round trip more
// shows. --slow-4g: the network and the CPU slowed 4×, on a phone's screen.
// --typing: after each load, input → DOM latency over 50 typed amounts
// (browser.mjs's method), its p50 and p95 paired the same way.
// Files are served gzip-compressed either way.
import { serve, launch, live } from '../e2e/helpers.mjs';
import { loadOnce, median, PHONE, DESKTOP } from './load.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [dirA, dirB, pairsArg] = args.filter((a) => !a.startsWith('--'));
if (!dirA || !dirB) throw new Error('usage: node tests/bench/paired.mjs <dist A> <dist B> [pairs] [--slow-network | --slow-4g] [--typing]');
const pairs = Number(pairsArg ?? 12);
const FIRST = '[data-testid=total-funding] .card-value';
const LAST = 'section.findings';

/** One cold load, as the flags say. */
function load(browser, url) {
  if (flags.has('--slow-4g')) return loadOnce(browser, url, { first: FIRST, done: LAST, slow: true, device: PHONE });
  return loadOnce(browser, url, { first: FIRST, done: LAST, slow: flags.has('--slow-network') && 'network' });
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Input → DOM latency (ms) over 50 typed amounts on a live page. */
async function typing(browser, url) {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto(url);
  await live(page);
  await page.evaluate(() => {
    window.__lat = [];
    let t0 = null;
    addEventListener('input', () => { t0 = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      if (t0 !== null) { window.__lat.push(performance.now() - t0); t0 = null; }
    }).observe(document.querySelector('[data-testid=total-funding]'), { subtree: true, childList: true, characterData: true });
  });
  await page.locator('#f-state').fill('20 000 000');
  await page.getByLabel('Ensam', { exact: true }).check();
  await page.evaluate(() => { window.__lat = []; });
  for (let i = 1; i <= 50; i++) {
    await page.locator('#f-kommun-0').fill(String(204600 + i * 1000));
    await page.waitForFunction(([sel, want]) => document.querySelector(sel).textContent.replace(/\D/g, '') === want,
      [FIRST, String(11172000 + 4 * i * 1000)]);
  }
  const samples = await page.evaluate(() => window.__lat);
  await context.close();
  return { typing_p50: quantile(samples, 0.5), typing_p95: quantile(samples, 0.95) };
}

const browser = await launch();
const servers = [await serve(dirA, { gzip: true }), await serve(dirB, { gzip: true })];
const runs = [[], []];
for (let i = 0; i < pairs; i++) {
  const order = i % 2 ? [1, 0] : [0, 1];
  for (const which of order) {
    const run = await load(browser, servers[which].url);
    if (flags.has('--typing')) Object.assign(run, await typing(browser, servers[which].url));
    runs[which].push(run);
  }
}
await browser.close();
for (const s of servers) await s.close();

const round = (x) => Math.round(x * 10) / 10;
const result = {};
for (const key of Object.keys(runs[0][0])) {
  result[key] = {
    a_median: round(median(runs[0].map((r) => r[key]))),
    b_median: round(median(runs[1].map((r) => r[key]))),
    b_minus_a_median: round(median(runs[0].map((r, i) => runs[1][i][key] - r[key]))),
    b_minus_a: runs[0].map((r, i) => round(runs[1][i][key] - r[key])),
  };
}
const network = flags.has('--slow-4g') ? 'slow 4G, CPU 4×' : flags.has('--slow-network') ? 'slow 4G network' : 'unthrottled';
console.log(JSON.stringify({ pairs, network, a: dirA, b: dirB, ...result }, null, 2));
