// Starts the calculator in index.html (and its ?embed page) from a file of
// its own, not inline script, so that the page runs under a strict
// Content-Security-Policy (README). The build (scripts/post-build/boot.mjs)
// fills in the quoted placeholders below and names the file by content
// hash.
const WASM = '__WASM__';
const INTEGRITY = '__INTEGRITY__';
const GLUE = '__GLUE__';
// Where the app finds its workers (src/ui/browser.rs, new_worker).
window.__finsamWorkers = '__WORKERS__';

// The wasm's compile starts as soon as this async script runs, streamed
// while it downloads (index.html preloads it), not after the stylesheet
// and the glue are in; the glue is handed the compiled module. If the
// compile fails (a server that does not say application/wasm), the glue
// loads the file itself.
let compiled;
try {
  compiled = WebAssembly.compileStreaming(fetch(WASM, { integrity: INTEGRITY }));
  compiled.catch(() => {}); // handled below
} catch {}

// The browser's first Intl formatter loads its locale data. Done while the
// wasm compiles, in a task after the compile has started, it no longer
// delays the first figures.
setTimeout(() => {
  new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(0);
  new Date().toLocaleDateString('sv-SE', { year: 'numeric', month: 'long', day: 'numeric' });
});

// The app renders after DOMContentLoaded and one task more (or after 100 ms
// at most): Chromium's own work after that event (form scanning, forced
// layouts) then comes before the render, not between it and the first paint.
await new Promise((go) => {
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', () => setTimeout(go), { once: true });
  else setTimeout(go);
  setTimeout(go, 100);
});
const { default: init } = await import(GLUE);
await init({ module_or_path: await (compiled || Promise.reject()).catch(() => WASM) });

// Offline after one visit, when served over http(s); never from file://.
// Registered once the calculator has been painted and the page is idle:
// the worker's install fetches every file again, and registered earlier it
// competed with the first render on a first visit.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  requestAnimationFrame(() => setTimeout(() =>
    (window.requestIdleCallback || setTimeout)(() => navigator.serviceWorker.register('./sw.js').catch(() => {}))));
}
