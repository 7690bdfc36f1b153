// finsam-kalkyl.html, the single-file build: index.html with the glue, the
// wasm (base64), the CSS and the icon inlined, and the workers as Blobs, so
// that it works from file:// with no server. Its inline scripts need a
// policy that allows them; it is exempt from the strict one (README).
import { fail, replaceOnce } from './stage.mjs';

/** `glue` is the app's glue with short names, not minified: the script below calls its init function by name. */
export async function writeSingleFile(stage, { glue, wasm, icon, first, workers }) {
  for (const [name, source] of [['app', glue], ...Object.entries(workers).map(([w, { glueSource }]) => [w, glueSource])]) {
    if (/<\/script/i.test(source)) fail(`the ${name} glue contains </script>; it cannot be inlined`);
  }
  if (!/export \{[^}]*\b__wbg_init as default\b/.test(glue)) fail('the glue no longer exports __wbg_init as default');
  let html = await stage.read('index.html', 'utf8');
  const tag = (re) => {
    const hits = html.match(new RegExp(re.source, 'g')) ?? [];
    if (hits.length !== 1) fail(`index.html has ${hits.length} tags like ${re}, not one`);
    return hits[0];
  };
  for (const re of [/<link rel="modulepreload"[^>]*>/, /<link rel="preload"[^>]*>/, /<link rel="manifest"[^>]*>/, /<link rel="apple-touch-icon"[^>]*>/]) {
    html = html.replace(tag(re), '');
  }
  for (const link of html.match(/<link rel="stylesheet"[^>]*>/g) ?? []) {
    const css = await stage.read(link.match(/href="\.\/([^"]+)"/)[1], 'utf8');
    html = replaceOnce(html, link, `<style>\n${css}\n</style>`, 'index.html');
  }
  const svg = await stage.read(icon);
  html = html.replace(tag(/<link rel="icon"[^>]*>/), `<link rel="icon" href="data:image/svg+xml;base64,${svg.toString('base64')}">`);
  const base64 = (bytes) => `Uint8Array.from(atob("${bytes.toString('base64')}"), (c) => c.charCodeAt(0))`;
  const blobs = Object.entries(workers).map(([w, { glueSource, wasmBytes }]) => {
    const source = `${glueSource}\nwasm_bindgen(${base64(wasmBytes)});`;
    return `${JSON.stringify(w)}: URL.createObjectURL(new Blob([${JSON.stringify(source)}], { type: 'text/javascript' }))`;
  });
  const scripts = `<script>
window.__finsamWorkers = { ${blobs.join(',\n')} };
// As boot.js does: the first Intl formatters' locale data, loaded while the wasm compiles.
setTimeout(() => {
  new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(0);
  new Date().toLocaleDateString('sv-SE', { year: 'numeric', month: 'long', day: 'numeric' });
});
</script>
<script type="module">
${glue}
await __wbg_init({ module_or_path: ${base64(await stage.read(wasm))} });
</script>`;
  // The head's script without its start (boot.js), then the app started
  // from the inlined glue and wasm.
  html = replaceOnce(html, tag(new RegExp(`<script src="\\./${first.name}"[^>]*></script>`)), `<script>${first.withoutBoot}</script>\n${scripts}`, 'index.html');
  await stage.write('finsam-kalkyl.html', html);
}
