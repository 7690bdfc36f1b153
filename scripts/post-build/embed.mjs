// embed.js: what a förbund's page includes to mount the calculator into an
// element of its own (README). Its name is stable; the names it loads carry
// this build's hashes. Not minified, so a host's developer can read it.
import { fillTemplate } from './stage.mjs';

export async function writeEmbed(stage, { glue, wasm, css, workers }) {
  await stage.write('embed.js', await fillTemplate('embed.js', {
    WORKERS: Object.fromEntries(Object.entries(workers).map(([w, files]) => [w, files.loader])),
    CSS: css,
    GLUE: glue,
    WASM: wasm,
  }));
}
