// embed.js: what a förbund's page includes to mount the calculator into an
// element of its own (README). Its name is stable; the names it loads carry
// this build's hashes. It starts with the takeover's shared part
// (www/takeover.js) and carries the mounted first screen. Not minified, so
// a host's developer can read it.
import { fillTemplate } from './stage.mjs';
import { takeoverCore } from './first.mjs';

export async function writeEmbed(stage, { glue, wasm, css, workers, mounted, first }) {
  const own = await fillTemplate('embed.js', {
    WORKERS: Object.fromEntries(Object.entries(workers).map(([w, files]) => [w, files.loader])),
    CSS: css,
    GLUE: glue,
    WASM: wasm,
    MOUNTED: mounted,
  });
  await stage.write('embed.js', `${await takeoverCore(first)}\n${own}`);
}
