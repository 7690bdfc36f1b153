// Starts the calculator in index.html (and its ?embed page): the end of the
// head's script (scripts/post-build/first.mjs puts www/takeover.js and
// www/first.js before it), not inline script, so that the page runs under a
// strict Content-Security-Policy (README). The build
// (scripts/post-build/boot.mjs) fills in the quoted placeholders below.
const WASM = '__WASM__';
const INTEGRITY = '__INTEGRITY__';
const GLUE = '__GLUE__';
// Where the app finds its workers (src/ui/browser.rs, new_worker).
window.__finsamWorkers = '__WORKERS__';

// The wasm's compile starts as soon as the head's script runs, streamed
// while it downloads (index.html preloads it), not after the stylesheet
// and the glue are in; the glue is handed the compiled module. If the
// compile fails (a server that does not say application/wasm), the glue
// loads the file itself.
let compiled;
try {
  compiled = WebAssembly.compileStreaming(fetch(WASM, { integrity: INTEGRITY }));
  compiled.catch(() => {}); // handled below
} catch {}

// The browser's first Intl formatters (the app's figures, the print-out's
// date) load their locale data while the wasm downloads and compiles,
// after the first paint (before it, they held up the prerender's), not in
// the app's first render.
requestAnimationFrame(() => setTimeout(() => {
  new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(0);
  new Date().toLocaleDateString('sv-SE', { year: 'numeric', month: 'long', day: 'numeric' });
}));

import(GLUE)
  .then(async ({ default: init }) => init({ module_or_path: await (compiled || Promise.reject()).catch(() => WASM) }))
  .then(() => {
    // Offline after one visit, when served over http(s); never from
    // file://. Registered once the calculator has been painted and the
    // page is idle: the worker's install fetches every file again, and
    // registered earlier it competed with the first render on a first
    // visit.
    if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
      requestAnimationFrame(() => setTimeout(() =>
        (window.requestIdleCallback || setTimeout)(() => navigator.serviceWorker.register('./sw.js').catch(() => {}))));
    }
  });
