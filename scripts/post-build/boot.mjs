// Trunk writes an inline module script into index.html to start the app; a
// strict Content-Security-Policy refuses inline script. It goes, and
// www/boot.js, filled in here, does its work at the end of the head's own
// script (first.mjs): it also starts the wasm's compile, names the workers,
// warms up Intl and registers the service worker.
// (Trunk's script also set window.wasmBindings and sent the event
// TrunkApplicationStarted; nothing here used them.)
import { fail, fillTemplate, replaceOnce, sri } from './stage.mjs';

/** Takes Trunk's module script out of index.html; returns boot.js's source. */
export async function writeBoot(stage, { glue, wasm, workers }) {
  const html = await stage.read('index.html', 'utf8');
  const at = html.indexOf('<script type="module">');
  const trunkScript = html.slice(at, html.indexOf('</script>', at) + '</script>'.length);
  // It must do what boot.js does instead, or Trunk has changed.
  for (const part of ['<script type="module">', `from './${glue}'`, `module_or_path: './${wasm}'`]) {
    if (!trunkScript.includes(part)) fail(`Trunk's module script in index.html has changed: ${JSON.stringify(trunkScript)}`);
  }
  // Trunk's preload of the wasm stays, so its download starts before
  // the head's script runs; its integrity attribute goes (Chromium ignores
  // it for a preload, with a warning), and boot.js's fetch checks the
  // digest instead.
  const preload = html.match(new RegExp(`<link rel="preload" href="\\./${wasm}"[^>]*>`))?.[0] ?? fail('Trunk\'s wasm preload is not in index.html');
  const integrity = preload.match(/ integrity="[^"]+"/)?.[0] ?? fail('Trunk\'s wasm preload has no integrity');
  await stage.editPage((page) => replaceOnce(replaceOnce(page, trunkScript, '', 'index.html'),
    preload, preload.replace(integrity, ''), 'index.html'));
  return fillTemplate('boot.js', {
    WASM: `./${wasm}`,
    INTEGRITY: sri(await stage.read(wasm)),
    GLUE: `./${glue}`,
    WORKERS: Object.fromEntries(Object.entries(workers).map(([w, files]) => [w, `./${files.loader}`])),
  });
}
