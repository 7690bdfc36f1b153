// Minifiers: esbuild for JavaScript and CSS (Trunk's own cannot parse
// wasm-bindgen's glue), minify-html for index.html.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const esbuild = require('esbuild');
const { minify } = require('@minify-html/node');

/** `loader` is 'js' (an ES module), 'script' (a classic script) or 'css'. */
export async function minifyCode(source, loader) {
  const { code } = await esbuild.transform(source, {
    loader: loader === 'css' ? 'css' : 'js',
    format: loader === 'js' ? 'esm' : undefined,
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
  });
  return code;
}

// `type=text` stays: the prerendered fields must match the stylesheet's
// `input[type=text]` as the app's do.
export const minifyHtml = (html) => minify(Buffer.from(html), { keep_input_type_text_attr: true }).toString();
