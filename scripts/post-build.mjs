// Trunk post-build hook (Trunk.toml). In Trunk's staging directory it:
// 0. minifies the JS glue and the CSS (and in 2. the service worker) with esbuild (Trunk's own minifier
//    cannot parse wasm-bindgen's glue) and puts the new digests in
//    index.html's integrity attributes: 2.6 kB gzip less to load;
// 1. writes embed.js, the loader a förbund's page includes to mount the
//    calculator into its own element (names stable, Trunk's are hashed);
// 2. stamps the service worker's cache version with this build's hashes;
// 3. writes finsam-kalkyl.html, the single-file build: JS glue, wasm (as
//    base64) and CSS inlined, so it works from file:// with no server; the
//    workers ride along as Blobs.
import { readdir, readFile, writeFile } from 'node:fs/promises';
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

// 0. minify
const { transform } = (await import(new URL('../tools/node_modules/esbuild/lib/main.js', import.meta.url))).default;
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
let index = await readFile(join(dir, 'index.html'), 'utf8');
// The single file (3.) appends a call to the glue's own init function by
// name, so it keeps the glue as wasm-bindgen wrote it.
const glue = await readFile(join(dir, js), 'utf8');
for (const [name, loader] of [[js, 'js'], [css, 'css']]) {
  const before = await readFile(join(dir, name), 'utf8');
  const { code } = await transform(before, { loader, format: loader === 'js' ? 'esm' : undefined, minify: true, legalComments: 'none', logLevel: 'error' });
  const old = sri(before);
  if (!index.includes(old)) throw new Error(`post-build: index.html has no integrity ${old} for ${name}`);
  index = index.replaceAll(old, sri(code));
  await writeFile(join(dir, name), code);
}
await writeFile(join(dir, 'index.html'), index);

// 1. embed.js
await writeFile(join(dir, 'embed.js'), `// Mounts Finsam-kalkyl into <div id="finsam-kalkyl" data-preset="…" data-lang="sv|en">.
// Generated at build time; the names below carry the build's content hashes.
const base = new URL('.', import.meta.url);
window.__finsamBase = base.href;
const style = document.createElement('link');
style.rel = 'stylesheet';
style.href = new URL('${css}', base).href;
document.head.append(style);
const { default: init } = await import(new URL('${js}', base).href);
await init({ module_or_path: new URL('${wasm}', base) });
`);

// 2. service worker: this build's version, and the workers' files (not
//    named in index.html) to keep for offline use.
const workers = ['finsam-export', 'finsam-import'];
const workerFiles = workers.flatMap((w) => [`${w}_loader.js`, `${w}.js`, `${w}_bg.wasm`]);
for (const f of workerFiles) if (!files.includes(f)) throw new Error(`post-build: ${f} is missing`);
const workerBytes = Object.fromEntries(await Promise.all(workerFiles.map(async (f) => [f, await readFile(join(dir, f))])));
const hash = createHash('sha256').update(js + wasm + css);
for (const w of workers) hash.update(workerBytes[`${w}_bg.wasm`]);
const version = hash.digest('hex').slice(0, 12);
const sw = await readFile(join(dir, 'sw.js'), 'utf8');
if (!sw.includes('__BUILD__') || !sw.includes('const EXTRA = [];')) throw new Error('post-build: sw.js placeholders are missing');
const stamped = sw
  .replace('__BUILD__', version)
  .replace('const EXTRA = [];', `const EXTRA = ${JSON.stringify(workerFiles.map((f) => `./${f}`))};`);
await writeFile(join(dir, 'sw.js'), (await transform(stamped, { minify: true, logLevel: 'error' })).code);

// 3. single file
let html = await readFile(join(dir, 'index.html'), 'utf8');
const bytes = await readFile(join(dir, wasm));
const styles = await readFile(join(dir, css), 'utf8');
const iconSvg = await readFile(join(dir, icon));
if (/<\/script/i.test(glue)) throw new Error('post-build: the JS glue contains </script>; it cannot be inlined');
const drop = (re) => {
  const before = html;
  html = html.replace(re, '');
  if (html === before) throw new Error(`post-build: expected to find ${re} in index.html`);
};
drop(/<link rel="modulepreload"[^>]*>/);
drop(/<link rel="preload"[^>]*>/);
drop(/<link rel="manifest"[^>]*>/);
drop(/<link rel="apple-touch-icon"[^>]*>/);
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
