// One cold load, timed from inside the page (so Playwright's round trips do
// not count), for browser.mjs and paired.mjs. Not a test.
//
// - first figure: when `first` is in the DOM (a MutationObserver), and the
//   first animation frame in which it is visible (what a person sees);
// - first paint: first-contentful-paint from the Performance API;
// - live: when the app has taken over the first screen the page arrived
//   with (www/takeover.js's finsamTakeover, wrapped), or, for a page without
//   it, when `first` is in the DOM;
// - interactive: Lighthouse's time to interactive, read from the page: the
//   later of the first paint, the app being live, and the end of the last
//   long task (50 ms or more, the Long Tasks API) still running at the
//   first paint or started after it, once a quiet second follows
//   (Lighthouse waits five);
// - layout shift: the sum of layout-shift entries without recent input,
//   and, since a swapped-in tree is new to the browser and never counted as
//   shifted, how far the first screen's parts moved at the takeover (px).

/** Lighthouse's mobile "slow 4G" and its CPU slowdown. */
export const SLOW_4G = { latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750, cpu: 4 };
/** Lighthouse's mobile screen (Moto G Power). */
export const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 720 } };

// The first screen's parts whose place is compared at the takeover.
const PARTS = ['[data-testid=total-funding] .card-value', '[data-testid=equity-end] .card-value', '#f-kommun-0', '#f-state', '.charts svg', '#controls-title', 'h2.budget-title'];

/** Runs in the page before its own scripts. */
function probe([first, done, parts]) {
  const marks = (window.__marks = { long: [], shift: 0, moved: 0 });
  const check = () => {
    if (!marks.first && document.querySelector(first)) marks.first = performance.now();
    if (!marks.done && document.querySelector(done)) marks.done = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) marks.shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = () => {
    if (document.querySelector(first)?.checkVisibility()) marks.seen = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  let take;
  const place = (el) => {
    const r = el?.getBoundingClientRect();
    return r && r.width > 0 ? [r.x, r.y] : null;
  };
  const wrapped = (root) => {
    const before = parts.map((s) => place(document.querySelector(`#fk-pre ${s}`)));
    take(root);
    const after = parts.map((s) => place(root.querySelector(s)));
    for (const [i, b] of before.entries()) {
      if (b && after[i]) marks.moved = Math.max(marks.moved, Math.abs(b[0] - after[i][0]), Math.abs(b[1] - after[i][1]));
    }
    marks.live = performance.now();
  };
  Object.defineProperty(window, 'finsamTakeover', { configurable: true, get: () => take && wrapped, set: (f) => { take = f; } });
}

/**
 * Loads `url` once in a fresh context (cold cache); `slow` applies
 * SLOW_4G, its network and its CPU slowdown, or with `slow: 'network'` the
 * network alone. Returns the marks in ms from navigation start.
 */
export async function loadOnce(browser, url, { first, done, slow = false, device = DESKTOP }) {
  // Unthrottled, the service worker registers as on a first visit, as
  // this table was always measured; throttled, as Lighthouse, it is blocked.
  const context = await browser.newContext({ ...device, serviceWorkers: slow ? 'block' : 'allow' });
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: SLOW_4G.latency, downloadThroughput: SLOW_4G.downloadThroughput, uploadThroughput: SLOW_4G.uploadThroughput,
    });
    if (slow !== 'network') await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpu });
  }
  await page.addInitScript(probe, [first, done, PARTS]);
  await page.goto(url, { timeout: 60000 });
  await page.waitForFunction(() => window.__marks.done !== undefined && window.__marks.seen !== undefined
    && performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60000 });
  // A quiet second: no long task has ended in it, the page is whole and live.
  await page.waitForFunction(() => {
    const m = window.__marks;
    const lastLong = Math.max(0, ...m.long.map(([start, d]) => start + d));
    return performance.now() > Math.max(m.done, m.live ?? 0, lastLong) + 1000;
  }, null, { polling: 100, timeout: 60000 });
  const marks = await page.evaluate(() => window.__marks);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await context.close();
  const live = marks.live ?? marks.first;
  const after = marks.long.filter(([start, d]) => start + d > fcp);
  return {
    first: marks.first,
    seen: marks.seen,
    paint: fcp,
    live,
    done: marks.done,
    interactive: Math.max(fcp, live, ...after.map(([start, d]) => start + d)),
    longest: Math.max(0, ...after.map(([, d]) => d)),
    shift: marks.shift,
    moved: marks.moved,
  };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
export const round = (x) => Math.round(x * 1000) / 1000;
export const median = (xs) => quantile(xs, 0.5);

/** Median, min and max of each mark over several loads. */
export function summarise(loads) {
  const out = {};
  for (const key of Object.keys(loads[0])) {
    const xs = loads.map((l) => l[key]);
    out[key] = { median_ms: round(median(xs)), min_ms: round(Math.min(...xs)), max_ms: round(Math.max(...xs)) };
  }
  return out;
}
