// Mounts Finsam-kalkyl into <div id="finsam-kalkyl" data-preset="…" data-lang="sv|en">.
// Generated at build time; the names below carry the build's content hashes.
const base = new URL('.', import.meta.url);
const at = (file) => new URL(file, base).href;
const workers = '__WORKERS__';
window.__finsamWorkers = Object.fromEntries(Object.entries(workers).map(([name, file]) => [name, at(file)]));
const style = document.createElement('link');
style.rel = 'stylesheet';
style.href = at('__CSS__');
document.head.append(style);
const { default: init } = await import(at('__GLUE__'));
await init({ module_or_path: new URL('__WASM__', base) });
