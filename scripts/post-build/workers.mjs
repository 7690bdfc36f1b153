// The workers' files are named by content hash, like the app's own: with
// Trunk's stable names (finsam-import.js, …) a host's HTTP cache could pair
// a new page with last release's worker, whose messages no longer match.
// The page learns the new names from boot.js (or embed.js, or the single
// file's Blobs), through window.__finsamWorkers.
import { contentHash, fail } from './stage.mjs';
import { verify } from './verify.mjs';

export const WORKERS = ['finsam-export', 'finsam-import'];

/**
 * Renames each worker's loader, glue and wasm. Returns, per worker, its
 * files' new names and its glue and wasm as they are.
 */
export async function hashWorkers(stage) {
  const workers = {};
  for (const w of WORKERS) {
    const names = { loader: `${w}_loader.js`, glue: `${w}.js`, wasm: `${w}_bg.wasm` };
    const glue = await stage.read(names.glue, 'utf8');
    const wasm = await stage.read(names.wasm);
    await verify(w, wasm, glue, { classic: true });
    const hashed = (f) => f.replace(w, `${w}-${contentHash(glue, wasm)}`);
    const loader = (glueFile, wasmFile) => `importScripts("./${glueFile}");wasm_bindgen("./${wasmFile}");`;
    if ((await stage.read(names.loader, 'utf8')).trim() !== loader(names.glue, names.wasm)) fail(`Trunk's ${names.loader} has changed`);
    await stage.write(hashed(names.loader), loader(hashed(names.glue), hashed(names.wasm)));
    await stage.remove(names.loader);
    await stage.rename(names.glue, hashed(names.glue));
    await stage.rename(names.wasm, hashed(names.wasm));
    workers[w] = { loader: hashed(names.loader), glue: hashed(names.glue), wasm: hashed(names.wasm), glueSource: glue, wasmBytes: wasm };
  }
  return workers;
}
