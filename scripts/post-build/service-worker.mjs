// sw.js (www/sw.js filled in): this build's version, and the files to keep
// for offline use: every file of the build except the page itself (kept as
// './'), the service worker, and what the page never loads.
import { contentHash, fillTemplate } from './stage.mjs';
import { minifyCode } from './minify.mjs';

// (The large icons are fetched by the browser when the app is installed.)
const NOT_LOADED = /^(index\.html|sw\.js|finsam-kalkyl\.html|embed\.js|embed-example\.\w+|_headers|icons\/icon(-maskable)?-512\.png)$/;

export async function writeServiceWorker(stage) {
  const files = (await stage.files()).filter((f) => !NOT_LOADED.test(f)).sort();
  const version = contentHash(...files, ...(await Promise.all(files.map((f) => stage.read(f))))).slice(0, 12);
  const source = await fillTemplate('sw.js', { VERSION: version, FILES: files.map((f) => `./${f}`) });
  await stage.write('sw.js', await minifyCode(source, 'script'));
  return files;
}
