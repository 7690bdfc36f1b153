// Trunk post-build hook (Trunk.toml). In Trunk's staging directory it:
// 0. gives the wasm's imports short names, in the wasm and in the JS glue
//    (wasm-bindgen names each one like `__wbg_location_7320782274fc691b`,
//    and its ~190 hashes do not compress: 3 kB gzip), then minifies the JS
//    glue and the CSS (and in 2. the service worker) with esbuild (Trunk's
//    own minifier cannot parse wasm-bindgen's glue), and puts the new
//    digests in index.html's integrity attributes;
// 1. writes embed.js, the loader a förbund's page includes to mount the
//    calculator into its own element (names stable, Trunk's are hashed);
// 2. names the workers' files by content hash (Trunk does not) and tells
//    the page those names; stamps the service worker's cache version with
//    this build's hashes;
// 3. writes finsam-kalkyl.html, the single-file build: JS glue, wasm (as
//    base64) and CSS inlined, so it works from file:// with no server; the
//    workers ride along as Blobs.
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const files = await readdir(dir);
const find = (re) => {
  const name = files.find((f) => re.test(f));
  if (!name) throw new Error(`post-build: nothing in ${dir} matches ${re}`);
  return name;
};
const js = find(/^finsam-kalkyl-[0-9a-f]+\.js$/);
const wasm = find(/^finsam-kalkyl-[0-9a-f]+_bg\.wasm$/);
const css = find(/^style-[0-9a-f]+\.css$/);
const icon = find(/^icon-[0-9a-f]+\.svg$/);

// 0. shorter import names, then minify
const { transform } = (await import(new URL('../tools/node_modules/esbuild/lib/main.js', import.meta.url))).default;
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
let index = await readFile(join(dir, 'index.html'), 'utf8');
const replaceIntegrity = (before, after, name) => {
  const old = sri(before);
  if (!index.includes(old)) throw new Error(`post-build: index.html has no integrity ${old} for ${name}`);
  index = index.replaceAll(old, sri(after));
};
// The single file (3.) appends a call to the glue's own init function by
// name, so it keeps the glue unminified (but with the short import names).
const wasmBefore = await readFile(join(dir, wasm));
const glueBefore = await readFile(join(dir, js), 'utf8');
const renamed = shortNames(wasmBefore, glueBefore);
const glue = renamed.glue;
replaceIntegrity(wasmBefore, renamed.wasm, wasm);
await writeFile(join(dir, wasm), renamed.wasm);
const cssBefore = await readFile(join(dir, css), 'utf8');
for (const [name, loader, before, source] of [[js, 'js', glueBefore, glue], [css, 'css', cssBefore, cssBefore]]) {
  const { code } = await transform(source, { loader, format: loader === 'js' ? 'esm' : undefined, minify: true, legalComments: 'none', logLevel: 'error' });
  replaceIntegrity(before, code, name);
  await writeFile(join(dir, name), code);
}
// The wasm's compile starts as soon as the head is parsed, streamed while
// it downloads, instead of when Trunk's module script runs (after the CSS
// and the glue are in): an inline script before the stylesheet fetches and
// compiles it, and the module script hands the compiled module to the glue.
// It replaces the wasm's preload link. If the compile fails (a server that
// does not say application/wasm), the glue loads the file itself as before.
// (Chromium validates the module while it streams; it compiles each
// function with Liftoff the first time it is called, on the main thread.)
// The module script then waits for DOMContentLoaded and one task more (at
// most 100 ms): with the wasm compiled this early the app rendered before
// that event, and Chromium's own work after it (RenderFrameImpl::
// DidDispatchDOMContentLoadedEvent in a trace: 8–40 ms, form scanning and
// forced layouts with the calculator's fields on the page) came between the
// render and the first paint. Resumed inside the event's own dispatch, the
// app still rendered before that work; after a timeout it no longer does
// (interleaved loads, paired: first paint 12–25 ms sooner each time).
const preload = new RegExp(`<link rel="preload" href="\\./${wasm}"[^>]*integrity="([^"]+)"[^>]*>`);
const bootPath = new RegExp(`module_or_path:\\s*(['"])\\./${wasm}\\1`);
const integrity = index.match(preload)?.[1];
if (!integrity || !bootPath.test(index)) throw new Error('post-build: Trunk\'s wasm preload or module script has changed');
index = index
  .replace(preload, '')
  .replace(bootPath, `module_or_path: await (window.__finsamWasm || Promise.reject()).catch(() => './${wasm}')`)
  .replace(/<script type="module"[^>]*>/, (tag) => `<script data-wasm>
    try {
      window.__finsamWasm = WebAssembly.compileStreaming(fetch('./${wasm}', { integrity: '${integrity}' }));
      window.__finsamWasm.catch(() => {}); // handled by the module script
    } catch {}
  </script>${tag}await new Promise((go) => { addEventListener('DOMContentLoaded', () => setTimeout(go), { once: true }); setTimeout(go, 100); });`);
// The workers' files keep Trunk's stable names (finsam-import.js, …), so a
// host's HTTP cache could pair a new page with last release's worker, whose
// messages no longer match. Named by content hash like the app's own files,
// they cannot; the page finds them through window.__finsamWorkers, set here
// in index.html and below in embed.js (the single file sets it to Blobs).
const workers = ['finsam-export', 'finsam-import'];
const workerBytes = {};
const workerFiles = {};
for (const w of workers) {
  const [glueName, wasmName, loaderName] = [`${w}.js`, `${w}_bg.wasm`, `${w}_loader.js`];
  for (const f of [glueName, wasmName, loaderName]) if (!files.includes(f)) throw new Error(`post-build: ${f} is missing`);
  workerBytes[glueName] = await readFile(join(dir, glueName));
  workerBytes[wasmName] = await readFile(join(dir, wasmName));
  const hash = createHash('sha256').update(workerBytes[glueName]).update(workerBytes[wasmName]).digest('hex').slice(0, 16);
  const hashed = (f) => f.replace(w, `${w}-${hash}`);
  const loader = (glueFile, wasmFile) => `importScripts("./${glueFile}");wasm_bindgen("./${wasmFile}");`;
  if ((await readFile(join(dir, loaderName), 'utf8')).trim() !== loader(glueName, wasmName)) throw new Error(`post-build: Trunk's ${loaderName} has changed`);
  await writeFile(join(dir, hashed(loaderName)), loader(hashed(glueName), hashed(wasmName)));
  await rm(join(dir, loaderName));
  await rename(join(dir, glueName), join(dir, hashed(glueName)));
  await rename(join(dir, wasmName), join(dir, hashed(wasmName)));
  workerFiles[w] = [hashed(loaderName), hashed(glueName), hashed(wasmName)];
}
const workerLoaders = (url) => `{${workers.map((w) => `${JSON.stringify(w)}: ${url(workerFiles[w][0])}`).join(', ')}}`;
index = index.replace('</head>', () => `<script data-workers>window.__finsamWorkers = ${workerLoaders((f) => JSON.stringify(`./${f}`))};</script></head>`);
// index.html itself: no comments or indentation, inline scripts and styles
// minified (the source keeps its comments for the people who read it).
const inline = [];
index.replace(/<(script|style)([^>]*)>([\s\S]*?)<\/\1>/g, (whole, tag, attrs, body) => { inline.push({ whole, tag, attrs, body }); });
for (const { whole, tag, attrs, body } of inline) {
  if (!body.trim()) continue;
  const format = / type="module"/.test(attrs) ? 'esm' : undefined;
  const { code } = await transform(body, { loader: tag === 'style' ? 'css' : 'js', format, minify: true, logLevel: 'error' });
  index = index.replace(whole, () => `<${tag}${attrs}>${code.trim()}</${tag}>`);
}
index = index.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s+</g, '><');
await writeFile(join(dir, 'index.html'), index);

// 1. embed.js
await writeFile(join(dir, 'embed.js'), `// Mounts Finsam-kalkyl into <div id="finsam-kalkyl" data-preset="…" data-lang="sv|en">.
// Generated at build time; the names below carry the build's content hashes.
const base = new URL('.', import.meta.url);
window.__finsamWorkers = ${workerLoaders((f) => `new URL('${f}', base).href`)};
const style = document.createElement('link');
style.rel = 'stylesheet';
style.href = new URL('${css}', base).href;
document.head.append(style);
const { default: init } = await import(new URL('${js}', base).href);
await init({ module_or_path: new URL('${wasm}', base) });
`);

// 2. service worker: this build's version, and the files index.html does
//    not name in an href or src (the app's wasm, the workers' files) to keep
//    for offline use.
const hash = createHash('sha256').update(js + wasm + css);
for (const w of workers) hash.update(workerBytes[`${w}_bg.wasm`]);
const version = hash.digest('hex').slice(0, 12);
const sw = await readFile(join(dir, 'sw.js'), 'utf8');
if (!sw.includes('__BUILD__') || !sw.includes('const EXTRA = [];')) throw new Error('post-build: sw.js placeholders are missing');
const stamped = sw
  .replace('__BUILD__', version)
  .replace('const EXTRA = [];', `const EXTRA = ${JSON.stringify([wasm, ...workers.flatMap((w) => workerFiles[w])].map((f) => `./${f}`))};`);
await writeFile(join(dir, 'sw.js'), (await transform(stamped, { minify: true, logLevel: 'error' })).code);

// 3. single file
let html = await readFile(join(dir, 'index.html'), 'utf8');
const bytes = await readFile(join(dir, wasm));
const iconSvg = await readFile(join(dir, icon));
if (/<\/script/i.test(glue)) throw new Error('post-build: the JS glue contains </script>; it cannot be inlined');
const drop = (re) => {
  const before = html;
  html = html.replace(re, '');
  if (html === before) throw new Error(`post-build: expected to find ${re} in index.html`);
};
drop(/<link rel="modulepreload"[^>]*>/);
drop(/<script data-wasm>[\s\S]*?<\/script>/);
drop(/<script data-workers>[\s\S]*?<\/script>/);
drop(/<link rel="manifest"[^>]*>/);
drop(/<link rel="apple-touch-icon"[^>]*>/);
const styles = await readFile(join(dir, css), 'utf8');
html = html.replace(/<link rel="stylesheet"[^>]*>/, () => `<style>\n${styles}\n</style>`);
html = html.replace(/<link rel="icon"[^>]*>/, () => `<link rel="icon" href="data:image/svg+xml;base64,${iconSvg.toString('base64')}">`);
const boot = /<script type="module"[^>]*>[\s\S]*?<\/script>/;
if (!boot.test(html)) throw new Error('post-build: Trunk\'s module script is not in index.html');
const workerUrls = workers.map((w) => {
  const workerGlue = workerBytes[`${w}.js`].toString();
  if (/<\/script/i.test(workerGlue)) throw new Error(`post-build: the ${w} glue contains </script>`);
  const source = `${workerGlue}\nwasm_bindgen(Uint8Array.from(atob("${workerBytes[`${w}_bg.wasm`].toString('base64')}"), (c) => c.charCodeAt(0)));`;
  return `${JSON.stringify(w)}: URL.createObjectURL(new Blob([${JSON.stringify(source)}], { type: 'text/javascript' }))`;
});
html = html.replace(boot, () => `<script>
window.__finsamWorkers = { ${workerUrls.join(',\n')} };
</script>
<script type="module">
${glue}
const wasmBytes = Uint8Array.from(atob("${bytes.toString('base64')}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: wasmBytes });
</script>`);
await writeFile(join(dir, 'finsam-kalkyl.html'), html);

/**
 * Renames every import of the wasm module (and its module name) to a short
 * one, and the same names in the glue that supplies them; likewise the
 * exports the glue calls. Each old import name must appear exactly once in
 * the glue, as the key that defines it, or the build stops: a name missed
 * would fail only when the page loads.
 */
function shortNames(bytes, glue) {
  const leb = (at) => {
    let value = 0, shift = 0, b;
    do { b = bytes[at++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return [value, at];
  };
  const encode = (n) => {
    const out = [];
    do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
    return Buffer.from(out);
  };
  const str = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encode(b.length), b]); };
  const section = (id, entries) => { const body = Buffer.concat(entries); return Buffer.concat([Buffer.from([id]), encode(body.length), body]); };
  const short = (i) => {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let name = '';
    do { name += letters[i % 52]; i = Math.floor(i / 52) - 1; } while (i >= 0);
    return name;
  };
  let at = 8;
  const parts = [bytes.subarray(0, 8)];
  const modules = new Map();
  const names = new Map();
  let exported = 0;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(at + 1);
    const end = body + size;
    if (id === 7) { parts.push(renameExports(body, end)); at = end; continue; }
    if (id !== 2) { parts.push(bytes.subarray(at, end)); at = end; continue; }
    let [count, p] = leb(body);
    const entries = [encode(count)];
    while (count--) {
      let len;
      [len, p] = leb(p); const module = bytes.toString('utf8', p, p + len); p += len;
      [len, p] = leb(p); const field = bytes.toString('utf8', p, p + len); p += len;
      const descStart = p;
      const kind = bytes[p++];
      if (kind === 0) [, p] = leb(p);
      else if (kind === 1) { p++; const flags = bytes[p++]; [, p] = leb(p); if (flags & 1) [, p] = leb(p); }
      else if (kind === 2) { const flags = bytes[p++]; [, p] = leb(p); if (flags & 1) [, p] = leb(p); }
      else if (kind === 3) p += 2;
      else throw new Error(`post-build: import kind ${kind} of ${field} is not known`);
      if (!modules.has(module)) modules.set(module, short(modules.size));
      const key = `${module}\0${field}`;
      if (!names.has(key)) names.set(key, short(names.size));
      entries.push(str(modules.get(module)), str(names.get(key)), bytes.subarray(descStart, p));
    }
    if (p !== end) throw new Error('post-build: the import section did not parse to its end');
    parts.push(section(2, entries));
    at = end;
  }
  // Exports the glue calls (`wasm.__wbindgen_malloc(…)`) get short names
  // too; those it never names keep theirs.
  function renameExports(body, end) {
    let [count, p] = leb(body);
    const entries = [encode(count)];
    while (count--) {
      let len;
      [len, p] = leb(p); const name = bytes.toString('utf8', p, p + len); p += len;
      const descStart = p;
      p++; [, p] = leb(p);
      const used = new RegExp(`\\bwasm\\.${name}\\b`, 'g');
      let next = name;
      if (used.test(glue)) {
        next = `${short(exported++)}_`;
        glue = glue.replace(used, () => `wasm.${next}`);
      }
      entries.push(str(next), bytes.subarray(descStart, p));
    }
    if (p !== end) throw new Error('post-build: the export section did not parse to its end');
    return section(7, entries);
  }
  const once = (from, to) => {
    const hits = glue.split(from).length - 1;
    if (hits !== 1) throw new Error(`post-build: ${JSON.stringify(from)} is in the glue ${hits} times, not once`);
    glue = glue.replace(from, () => to);
  };
  for (const [module, name] of modules) once(`${JSON.stringify(module)}: `, `${JSON.stringify(name)}: `);
  for (const [key, name] of names) once(`        ${key.split('\0')[1]}: function`, `        ${name}: function`);
  return { wasm: Buffer.concat(parts), glue };
}
