// Mounts Finsam-kalkyl into <div id="finsam-kalkyl" data-preset="…" data-lang="sv|en">.
// Generated at build time: www/takeover.js comes before this, and the
// names below carry the build's content hashes.
const base = new URL('.', import.meta.url);
const at = (file) => new URL(file, base).href;
const workers = '__WORKERS__';
window.__finsamWorkers = Object.fromEntries(Object.entries(workers).map(([name, file]) => [name, at(file)]));
const mount = document.getElementById('finsam-kalkyl');
let live = false;
const takeOver = keep(() => mount);
window.finsamTakeover = (root) => {
  live = true;
  takeOver(root);
};
const style = document.createElement('link');
style.rel = 'stylesheet';
style.href = at('__CSS__');
// The first screen, rendered by the build, while the app loads: only when
// the mount point asks for what it shows, and once the stylesheet is in,
// so that it is never seen unstyled.
const data = mount?.dataset ?? {};
if (mount && opensOnDefault({ preset: data.preset ?? null, lang: data.lang ?? null, budget: data.budget ?? null })) {
  style.addEventListener('load', () => {
    if (!live) mount.insertAdjacentHTML('beforeend', `<div id="fk-pre">${'__MOUNTED__'}</div>`);
  });
}
document.head.append(style);
const { default: init } = await import(at('__GLUE__'));
await init({ module_or_path: new URL('__WASM__', base) });
