// Checks a wasm against the glue that loads it, in Node, so that a rename
// or a minifier that got something wrong fails the build, not the page:
// - imports: the glue is run up to the point where it instantiates the
//   wasm, and the import object it built must supply every import with the
//   right kind; then the wasm is instantiated with it for real;
// - exports: every property the glue reads from the wasm's exports
//   (glue.mjs) must be an export of the wasm.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { exportReads } from './glue.mjs';
import { fail } from './stage.mjs';

/** `glue` is an ES module (the app) or a classic script defining `wasm_bindgen` (a worker). */
export async function verify(label, wasmBytes, glue, { classic = false } = {}) {
  const module = new WebAssembly.Module(wasmBytes);
  const imports = await importObject(glue, module, classic);
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    const value = imports[from]?.[name];
    const ok = { function: typeof value === 'function', memory: value instanceof WebAssembly.Memory,
      table: value instanceof WebAssembly.Table, global: value !== undefined }[kind];
    if (!ok) fail(`${label}: the wasm imports ${kind} ${from}.${name}, and the glue does not supply it`);
  }
  new WebAssembly.Instance(module, imports);
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  for (const { name } of exportReads(glue, { classic })) {
    if (!exported.has(name)) fail(`${label}: the glue calls wasm export ${name}, which the wasm does not have`);
  }
}

/** The import object the glue builds, caught where it instantiates the wasm. */
async function importObject(glue, module, classic) {
  const { Instance } = WebAssembly;
  const caught = {};
  WebAssembly.Instance = function (_, imports) { caught.imports = imports; throw caught; };
  const dir = await mkdtemp(join(tmpdir(), 'finsam-verify-'));
  try {
    let initSync;
    if (classic) {
      initSync = new vm.Script(`(function () {\n${glue}\nreturn wasm_bindgen;\n})()`).runInThisContext().initSync;
    } else {
      await writeFile(join(dir, 'glue.mjs'), glue);
      ({ initSync } = await import(pathToFileURL(join(dir, 'glue.mjs')).href));
    }
    initSync({ module });
  } catch (e) {
    if (e !== caught) throw e;
  } finally {
    WebAssembly.Instance = Instance;
    await rm(dir, { recursive: true });
  }
  return caught.imports ?? fail('the glue did not instantiate the wasm');
}
