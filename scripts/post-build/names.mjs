// Short names for the wasm's imports and exports, in the wasm and in its
// glue. wasm-bindgen names each import like `__wbg_location_7320782274fc691b`,
// and those hashes do not compress. binaryen's own pass renames them in the
// wasm and prints the map; the glue gets the same names here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportReads } from './glue.mjs';
import { fail, replaceOnce } from './stage.mjs';

const wasmOpt = fileURLToPath(new URL('../../tools/node_modules/.bin/wasm-opt', import.meta.url));
// The pass merges every import module into one of this name.
const MODULE = 'a';

/** The wasm file at `wasmPath` and its `glue`, both with the short names. */
export function shortNames(wasmPath, glue) {
  const dir = mkdtempSync(join(tmpdir(), 'finsam-names-'));
  const out = join(dir, 'short.wasm');
  // Read back without the stack IR passes, the wasm would lose -Oz's stack
  // IR optimisation (done in Trunk's wasm-opt run), and its code would grow.
  // This is the last run of wasm-opt on the app: the sections naming the
  // compiler and the features it used are for tools, not browsers.
  const map = JSON.parse(execFileSync(wasmOpt, [
    wasmPath, '-o', out, '-ol', '2', '-s', '2',
    '--minify-imports-and-exports-and-modules', '--generate-stack-ir', '--optimize-stack-ir',
    '--strip-producers', '--strip-target-features',
  ], { encoding: 'utf8' }));
  const wasm = readFileSync(out);
  rmSync(dir, { recursive: true });
  const modules = new Set(map.imports.map(([module]) => module));
  if (modules.size !== 1) fail(`the wasm imports from ${modules.size} modules; the glue supplies one object per module, and binaryen merges them into one`);
  const [module] = modules;
  glue = replaceOnce(glue, `${JSON.stringify(module)}:`, `${JSON.stringify(MODULE)}:`, 'the glue');
  // Each import is a key of the glue's import object: found exactly once.
  for (const [, from, to] of map.imports) glue = renameOnce(glue, from, to);
  // Exports where the glue reads them (a JS function of the same name, say,
  // keeps its name); one the glue never reads is simply not there.
  const exports = new Map(map.exports);
  for (const { name, start, end } of exportReads(glue).sort((a, b) => b.start - a.start)) {
    if (!exports.has(name)) fail(`the glue reads wasm export ${name}, which binaryen did not rename`);
    glue = glue.slice(0, start) + exports.get(name) + glue.slice(end);
  }
  return { wasm, glue };
}

/** Renames the identifier `from`, which must be in the glue exactly once. */
function renameOnce(glue, from, to) {
  // wasm-bindgen's names are plain ASCII identifiers.
  const token = new RegExp(`(?<![\\w$])${from.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  const hits = glue.match(token)?.length ?? 0;
  if (hits !== 1) fail(`${from} is in the glue ${hits} times, not once`);
  return glue.replace(token, () => to);
}
