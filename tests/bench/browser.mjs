// Browser timings, printed as JSON on stdout (scripts/bench.sh writes them
// into BENCHMARKS.md). Not a test: it asserts only that each change really
// reached the page.
//
// Usage: node tests/bench/browser.mjs <dist dir> [<empty-yew dist dir>]
//
// - input → DOM: from the input event (a capture listener that runs before
//   Yew's) to the mutation of the figure it changes (a MutationObserver),
//   as TOOLCHAIN.md says; never "until the next animation frame".
// - load (load.mjs): navigation start to the first figure in the DOM and
//   on screen, to the first paint, to the app being live (it has taken over
//   the prerendered first screen), to interactive, and to the whole page in
//   the DOM, timed inside the page. "Interactive" is Lighthouse's time to
//   interactive: the later of the first paint, the app being live, and the
//   end of the last long task (50 ms or more, the Long Tasks API) after the
//   first paint, once a quiet second follows (Lighthouse waits five).
//   Fresh context (cold cache) each time, median of 10.
// - the same page saved as static HTML (no script, same CSS), loaded the
//   same way: the first paint the browser alone needs for it.
// - slow 4G: Lighthouse's mobile profile (150 ms round trip, 200 000 B/s
//   down, 93 750 B/s up, CPU slowed 4×, a phone's screen, service workers
//   blocked, gzip served) for the page, its static copy and the empty Yew
//   app side by side, with the layout shift at the takeover. Median of 5.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, live } from '../e2e/helpers.mjs';
import { loadOnce, PHONE, round, summarise } from './load.mjs';

const [distDir, emptyDir] = process.argv.slice(2);
// The first figure, and the last part of the page to be rendered.
const FIRST = '[data-testid=total-funding] .card-value';
const LAST = 'section.findings';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

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
  await live(page);
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

/** Unthrottled cold loads (load.mjs), median of 10. */
async function loadTimes(browser, url, first, done) {
  const loads = [];
  for (let i = 0; i < 10; i++) loads.push(await loadOnce(browser, url, { first, done }));
  const s = summarise(loads);
  return {
    first_figure: s.first,
    fully_rendered: s.done,
    first_paint: s.paint,
    live: s.live,
    interactive: s.interactive,
    longest_task_after_paint: s.longest,
  };
}

/**
 * Lighthouse's slow 4G with the CPU slowed 4× (load.mjs), on a phone's
 * screen, gzip served: this page, its static copy and the empty Yew app,
 * their loads interleaved so that the machine's swings touch all three
 * alike. Median of 5.
 */
async function slowLoads(browser, targets) {
  const loads = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let i = 0; i < 5; i++) {
    for (const t of targets) loads[t.name].push(await loadOnce(browser, t.url, { first: t.first, done: t.done, slow: true, device: PHONE }));
  }
  return Object.fromEntries(Object.entries(loads).map(([name, l]) => [name, summarise(l)]));
}

/**
 * The browser's own share of the load: the page as the app renders it,
 * saved as static HTML (no script, same CSS), in a folder of its own
 * beside the build's files. Its first paint is the floor for this page on
 * this machine, whatever the app does before it.
 */
async function staticCopy(browser, url, distDir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(LAST).waitFor({ state: 'attached' });
  const html = (await page.content())
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(modulepreload|manifest|preload)"[^>]*>/g, '');
  await context.close();
  const dir = await mkdtemp(join(tmpdir(), 'finsam-static-'));
  await cp(distDir, dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html);
  return dir;
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
const copy = await staticCopy(browser, app.url, distDir);
const still = await serve(copy);
const result = {
  chromium: browser.version(),
  latency: await appLatency(browser, app.url),
  load: await loadTimes(browser, app.url, FIRST, LAST),
  wasm_engine: await wasmEngine(browser, app.url),
  static_first_paint: (await loadTimes(browser, still.url, FIRST, LAST)).first_paint,
};
await app.close();
await still.close();
if (emptyDir) {
  const empty = await serve(emptyDir);
  result.empty_yew = {
    latency: await emptyLatency(browser, empty.url),
    load: await loadTimes(browser, empty.url, 'input', 'output'),
  };
  await empty.close();
  result.latency_ratio_p95 = round(result.latency.p95_ms / Math.max(result.empty_yew.latency.p95_ms, 0.001));
  // Slow 4G, gzip served, the three side by side.
  const servers = [await serve(distDir, { gzip: true }), await serve(copy, { gzip: true }), await serve(emptyDir, { gzip: true })];
  result.slow_4g = await slowLoads(browser, [
    { name: 'page', url: servers[0].url, first: FIRST, done: LAST },
    { name: 'static', url: servers[1].url, first: FIRST, done: LAST },
    { name: 'empty_yew', url: servers[2].url, first: 'input', done: 'output' },
  ]);
  for (const s of servers) await s.close();
}
await rm(copy, { recursive: true });
await browser.close();
console.log(JSON.stringify(result, null, 2));
