// Shared by the browser tests: a static server for dist/ on 127.0.0.1 and
// Debian's Chromium driven by playwright-core, as a person would use it.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { before, after } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'tools', 'package.json'));
export const { chromium } = require('playwright-core');
export const axeSource = () => readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` on 127.0.0.1 at a free port. Returns { url, close, requests }.
 * `headers` are sent with every response (a host's Content-Security-Policy,
 * say); `pages` maps a path such as `/host.html` to HTML served beside
 * `dir`'s files, for a host page that is not part of the build; `routes`
 * maps a path to a handler `(req, res)` of its own (a budget file that is
 * slow, large or missing). `gzip` compresses what the browser accepts so,
 * as a real server would (for timings over a slow network).
 */
export async function serve(dir = join(root, 'dist'), { headers = {}, pages = {}, routes = {}, gzip = false } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (Object.hasOwn(routes, path)) {
      routes[path](req, res);
      return;
    }
    if (Object.hasOwn(pages, path)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' }).end(pages[path]);
      return;
    }
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.setHeader('cache-control', 'no-cache');
      res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(body, { level: 9 }));
      } else {
        res.writeHead(200).end(body);
      }
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  // Closed with any response a route still holds open.
  const close = () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); });
  return { url: `http://127.0.0.1:${port}/`, requests, close };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Opens the app in a fresh context and records console errors and any
 * request that leaves the page's origin.
 */
export async function openApp(browser, url, { viewport = { width: 1280, height: 720 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'sv-SE' });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`foreign request: ${u}`);
  });
  await page.goto(url);
  await live(page);
  return { context, page, problems };
}

/**
 * Waits until the app has taken over from the first screen the page
 * arrived with (the build's prerender, or the loading message: #fk-pre):
 * before that, typing goes into the prerender and the figures stay.
 */
export async function live(page, timeout = 30000) {
  await page.waitForFunction(() => !document.getElementById('fk-pre') && document.querySelector('[data-testid=total-funding]'), null, { timeout });
}

/**
 * A full-page screenshot for people to look at. The sections below the
 * first screen are painted only when scrolled near (`content-visibility:
 * auto`), and a full-page capture does not scroll, so it would show them
 * blank: they are drawn for the capture as they are when scrolled to.
 */
export async function fullPageShot(page, path) {
  const style = await page.addStyleTag({ content: '.fk * { content-visibility: visible !important; }' });
  await page.screenshot({ path, fullPage: true });
  await style.evaluate((el) => el.remove());
}

/**
 * Text as a person reads it, with every kind of space folded to a plain
 * space. Scrolled to first, as a person would: the sections below the first
 * screen are not laid out until then (`content-visibility: auto`), and
 * `innerText` is empty for text that is not laid out.
 */
export async function text(locator) {
  await locator.scrollIntoViewIfNeeded();
  // The browser marks it near the screen during a frame and lays it out in
  // a later one: wait until what is inside it is no longer skipped (or 2 s,
  // for an element hidden for other reasons).
  await locator.evaluate((el) => new Promise((done) => {
    const inside = el.firstElementChild ?? el;
    const until = performance.now() + 2000;
    const check = () => (inside.checkVisibility({ contentVisibilityAuto: true }) || performance.now() > until
      ? done() : requestAnimationFrame(check));
    check();
  }));
  return (await locator.innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/**
 * Types into a field key by key, as a person does, after selecting what is
 * there, and waits until the field holds all of it: a busy page handles the
 * keys in its own time, and reading the figures before the last key is
 * handled sees a half-typed amount (a CI run once read the page at "21" of
 * "214 600"). A field that does not hold the typed text within 5 s fails
 * the test, saying what it holds.
 */
export async function typeKeys(page, locator, value) {
  await locator.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  const fold = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const want = fold(value);
  let held = '';
  for (let waited = 0; waited < 5000; waited += 20) {
    held = fold(await locator.inputValue());
    if (held === want) {
      // And let the page finish what the keystrokes started (a frame and a
      // task) before anything is read: CI runs on a loaded machine read a
      // headline that still showed the first keystrokes' figures.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
      return;
    }
    await page.waitForTimeout(20);
  }
  throw new Error(`the field holds "${held}", not the typed "${want}"`);
}

/**
 * A figure as the page writes it ("−32 676 kr", "+40 000", "9,6 %") as a
 * number, sign and all: U+2212 or "-" is minus, any kind of space groups
 * digits, the comma is the decimal mark. NaN for text that is no figure,
 * so a test never compares a figure it did not read.
 */
export function svNumber(text) {
  const plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|%)$/, '').replace('\u2212', '-').replace(',', '.');
  return /^[+-]?\d+(\.\d+)?$/.test(plain) ? Number(plain) : NaN;
}

/** Where tests keep screenshots, PDFs and downloads (gitignored). */
export const artifacts = join(root, 'tests', 'artifacts');

/**
 * One static server and one browser for a test file, started before its
 * tests and closed after them. Read `env.server` and `env.browser` inside
 * the tests.
 */
export function withBrowser() {
  const env = {};
  before(async () => {
    await mkdir(artifacts, { recursive: true });
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The native engine's answer (the CLI with --json), to compare with the page. */
export function engine(args) {
  return JSON.parse(execFileSync('cargo', ['run', '--quiet', '--', ...args, '--json'], { cwd: root, encoding: 'utf8' }));
}
