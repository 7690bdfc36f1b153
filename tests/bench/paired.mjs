// Paired load timings of two builds: cold loads interleaved (A B, then B A,
// so that neither always goes first), a fresh browser context each time.
// For comparing a change against the build before it, where the machine's
// speed swings more between runs than the change moves the figures.
//
// Usage: node tests/bench/paired.mjs <dist A> <dist B> [pairs, default 12] [--slow-network]
// Prints, per build, the medians (first figure in the DOM, first paint,
// whole page in the DOM) and the median of the per-pair differences B − A.
// --slow-network: Lighthouse's slow-4G network (150 ms round trip, 1.6
// Mbit/s down, 750 kbit/s up; the CPU not slowed), where a round trip more
// shows. Files are served gzip-compressed either way.
import { serve, launch } from '../e2e/helpers.mjs';

const args = process.argv.slice(2);
const slow = args.includes('--slow-network');
const [dirA, dirB, pairsArg] = args.filter((a) => a !== '--slow-network');
if (!dirA || !dirB) throw new Error('usage: node tests/bench/paired.mjs <dist A> <dist B> [pairs] [--slow-network]');
const pairs = Number(pairsArg ?? 12);
const FIRST = '[data-testid=total-funding] .card-value';
const LAST = 'section.findings';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6e6 * 0.9) / 8, uploadThroughput: (750e3 * 0.9) / 8,
    });
  }
  await page.addInitScript(([first, last]) => {
    const marks = (window.__marks = {});
    new MutationObserver(() => {
      if (!marks.first && document.querySelector(first)) marks.first = performance.now();
      if (!marks.done && document.querySelector(last)) marks.done = performance.now();
    }).observe(document, { subtree: true, childList: true });
  }, [FIRST, LAST]);
  await page.goto(url);
  await page.waitForFunction(() => window.__marks.done !== undefined && performance.getEntriesByType('paint').length > 0);
  const { first, done } = await page.evaluate(() => window.__marks);
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await context.close();
  return { first, paint, done };
}

const browser = await launch();
const servers = [await serve(dirA, { gzip: true }), await serve(dirB, { gzip: true })];
const runs = [[], []];
for (let i = 0; i < pairs; i++) {
  const order = i % 2 ? [1, 0] : [0, 1];
  for (const which of order) runs[which].push(await load(browser, servers[which].url));
}
await browser.close();
for (const s of servers) await s.close();

const round = (x) => Math.round(x * 10) / 10;
const result = {};
for (const key of ['first', 'paint', 'done']) {
  result[key] = {
    a_median_ms: round(median(runs[0].map((r) => r[key]))),
    b_median_ms: round(median(runs[1].map((r) => r[key]))),
    b_minus_a_median_ms: round(median(runs[0].map((r, i) => runs[1][i][key] - r[key]))),
    b_minus_a_ms: runs[0].map((r, i) => round(runs[1][i][key] - r[key])),
  };
}
console.log(JSON.stringify({ pairs, network: slow ? 'slow 4G' : 'unthrottled', a: dirA, b: dirB, ...result }, null, 2));
