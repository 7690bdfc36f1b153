// Browser timings, printed as JSON on stdout (scripts/bench.sh writes them
// into BENCHMARKS.md). Not a test: it asserts only that each change really
// reached the page.
//
// Usage: node tests/bench/browser.mjs <dist dir> [<empty-yew dist dir>]
//
// - input → DOM: from the input event (a capture listener that runs before
//   Yew's) to the mutation of the figure it changes (a MutationObserver),
//   as TOOLCHAIN.md says; never "until the next animation frame".
// - load: navigation start to the first figure in the DOM, to the first
//   paint, to interactive, and to the whole page in the DOM, timed inside
//   the page. "Interactive" is Lighthouse's time to interactive: the first
//   paint (the fields and the figures they move), or the end of the last
//   long task (50 ms or more, the Long Tasks API) after it, whichever is
//   later, once a quiet second follows (Lighthouse waits five). Fresh
//   context (cold cache) each time, median of 10.
// - the same page saved as static HTML (no script, same CSS), loaded the
//   same way: the first paint the browser alone needs for it.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch } from '../e2e/helpers.mjs';

const [distDir, emptyDir] = process.argv.slice(2);
// The first figure, and the last part of the page to be rendered.
const FIRST = '[data-testid=total-funding] .card-value';
const LAST = 'section.findings';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (x) => Math.round(x * 1000) / 1000;

/** Installs the timing hooks: t0 on input, t1 on the watched mutation. */
async function installProbe(page, watchSelector) {
  await page.evaluate((sel) => {
    window.__lat = [];
    let t0 = null;
    window.addEventListener('input', () => { t0 = performance.now(); }, { capture: true });
    const target = document.querySelector(sel);
    new MutationObserver(() => {
      if (t0 !== null) { window.__lat.push(performance.now() - t0); t0 = null; }
    }).observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
  }, watchSelector);
}

async function appLatency(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-testid=total-funding]').waitFor();
  // A first visit's service worker installs after the first paint, fetching
  // and storing every file again; let it finish, so that it does not share
  // the CPU with the typing measured (a meeting's laptop has visited before).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.locator('#f-state').fill('20 000 000');
  await page.getByLabel('Ensam', { exact: true }).check();
  await installProbe(page, '[data-testid=total-funding]');
  const habo = page.locator('#f-kommun-0');
  const shows = (total) =>
    page.waitForFunction(
      (want) => document.querySelector('[data-testid=total-funding] .card-value').textContent.replace(/\D/g, '') === want,
      String(total),
    );
  // Each change is waited for before the next, so no two overlap.
  // 100 typed amounts: each one input event, each one a new total.
  for (let i = 1; i <= 100; i++) {
    await habo.fill(String(204600 + i * 1000));
    await shows(11172000 + 4 * i * 1000);
  }
  // 100 slider steps with the arrow keys, 10 000 kr each.
  const slider = page.getByRole('slider', { name: /^Habo kommun/ });
  await slider.focus();
  for (let i = 0; i < 100; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowLeft');
    await shows(11172000 + 4 * (i % 2 ? 100_000 : 90_000));
  }
  const samples = await page.evaluate(() => window.__lat);
  await context.close();
  if (samples.length !== 200) throw new Error(`${samples.length} samples for 200 changes`);
  return { n: samples.length, p50_ms: round(quantile(samples, 0.5)), p95_ms: round(quantile(samples, 0.95)) };
}

async function emptyLatency(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('input').waitFor();
  await installProbe(page, 'output');
  const input = page.locator('input');
  for (let i = 1; i <= 200; i++) await input.fill(String(i));
  const samples = await page.evaluate(() => window.__lat);
  await context.close();
  return { n: samples.length, p50_ms: round(quantile(samples, 0.5)), p95_ms: round(quantile(samples, 0.95)) };
}

/**
 * Load timings from inside the page, so Playwright's round trips do not
 * count: navigation start to the first figure in the DOM, and to the last
 * part of the page (`doneSelector`) being in place. A fresh context each
 * time, so the cache is cold. Median of 10.
 */
async function loadTimes(browser, url, firstSelector, doneSelector) {
  const first = [];
  const done = [];
  const paint = [];
  const interactive = [];
  const longestAfterPaint = [];
  for (let i = 0; i < 10; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.addInitScript(([a, b]) => {
      const marks = (window.__marks = { long: [] });
      const check = () => {
        if (!marks.first && document.querySelector(a)) marks.first = performance.now();
        if (!marks.done && document.querySelector(b)) marks.done = performance.now();
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) marks.long.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    }, [firstSelector, doneSelector]);
    await page.goto(url);
    await page.locator(doneSelector).first().waitFor({ state: 'attached' });
    // Let the task that rendered it finish, then read the marks.
    await page.waitForFunction(() => window.__marks.done !== undefined);
    // First paint: the figures and controls on screen, not only in the DOM.
    await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0);
    // A quiet second: no long task has ended in it, and the page is whole.
    await page.waitForFunction(() => {
      const m = window.__marks;
      const lastLong = Math.max(0, ...m.long.map(([start, d]) => start + d));
      return performance.now() > Math.max(m.done, lastLong) + 1000;
    }, null, { polling: 100, timeout: 20000 });
    const marks = await page.evaluate(() => window.__marks);
    const fcp = await page.evaluate(() => performance.getEntriesByType('paint').at(-1).startTime);
    // Long tasks still running at the first paint or started after it.
    const after = marks.long.filter(([start, d]) => start + d > fcp);
    first.push(marks.first);
    done.push(marks.done);
    paint.push(fcp);
    interactive.push(Math.max(fcp, ...after.map(([start, d]) => start + d)));
    longestAfterPaint.push(Math.max(0, ...after.map(([, d]) => d)));
    await context.close();
  }
  const summary = (xs) => ({ median_ms: round(quantile(xs, 0.5)), min_ms: round(Math.min(...xs)), max_ms: round(Math.max(...xs)) });
  return {
    first_figure: summary(first),
    fully_rendered: summary(done),
    first_paint: summary(paint),
    interactive: summary(interactive),
    longest_task_after_paint: summary(longestAfterPaint),
  };
}

/**
 * The browser's own share of the load: the page as the app renders it,
 * saved as static HTML (no script, same CSS) and loaded the same way. Its
 * first paint is the floor for this page on this machine, whatever the app
 * does before it.
 */
async function staticCopy(browser, url, distDir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(LAST).waitFor({ state: 'attached' });
  const html = (await page.content())
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(modulepreload|manifest)"[^>]*>/g, '');
  await context.close();
  const dir = await mkdtemp(join(tmpdir(), 'finsam-static-'));
  await cp(distDir, dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html);
  const server = await serve(dir);
  const load = await loadTimes(browser, server.url, FIRST, LAST);
  await server.close();
  await rm(dir, { recursive: true });
  return load.first_paint;
}

async function wasmEngine(browser, url) {
  // The engine's own timing hook is compiled into the page only in the
  // bench build: ?bench runs it and writes the result into the DOM.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}?bench`);
  const text = await page.locator('#bench-result').innerText({ timeout: 60000 }).catch(() => null);
  await context.close();
  return text ? JSON.parse(text) : null;
}

const browser = await launch();
const app = await serve(distDir);
const result = {
  chromium: browser.version(),
  latency: await appLatency(browser, app.url),
  load: await loadTimes(browser, app.url, FIRST, LAST),
  wasm_engine: await wasmEngine(browser, app.url),
  static_first_paint: await staticCopy(browser, app.url, distDir),
};
await app.close();
if (emptyDir) {
  const empty = await serve(emptyDir);
  result.empty_yew = {
    latency: await emptyLatency(browser, empty.url),
    load: await loadTimes(browser, empty.url, 'input', 'output'),
  };
  await empty.close();
  result.latency_ratio_p95 = round(result.latency.p95_ms / Math.max(result.empty_yew.latency.p95_ms, 0.001));
}
await browser.close();
console.log(JSON.stringify(result, null, 2));
