// Reads wasm-bindgen's glue as JavaScript, not as text: where it reads the
// wasm's exports, whatever a minifier named the variable that holds them.
import { createRequire } from 'node:module';
import { fail } from './stage.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const acorn = require('acorn');
const eslintScope = require('eslint-scope');

/**
 * Every `exports.name` read of the variable the glue assigns the instance's
 * exports to (`wasm = instance.exports`), as { name, start, end } of the
 * property name in `source`. `classic` for a worker's glue (a script).
 */
export function exportReads(source, { classic = false } = {}) {
  const sourceType = classic ? 'script' : 'module';
  const ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType, ranges: true });
  const parents = new Map();
  (function link(node) {
    for (const child of Object.values(node).flat()) {
      if (child && typeof child.type === 'string') { parents.set(child, node); link(child); }
    }
  })(ast);
  const scopes = eslintScope.analyze(ast, { ecmaVersion: 2022, sourceType });
  const isExports = (e) => e?.type === 'MemberExpression' && !e.computed && e.property.name === 'exports';
  const holders = scopes.scopes.flatMap((s) => s.variables).filter((v) => v.references.some((r) => isExports(r.writeExpr)));
  if (holders.length !== 1) fail(`${holders.length} variables in the glue hold the wasm's exports, not one`);
  const reads = [];
  for (const { identifier } of holders[0].references) {
    const parent = parents.get(identifier);
    if (parent?.type !== 'MemberExpression' || parent.object !== identifier) continue;
    if (parent.computed) fail('the glue reads a wasm export by a computed name, which cannot be checked');
    reads.push({ name: parent.property.name, start: parent.property.start, end: parent.property.end });
  }
  if (reads.length === 0) fail('the glue reads no wasm export; has its form changed?');
  return reads;
}
