// Trunk's post-build hook (Trunk.toml): finishes the build in Trunk's
// staging directory, one step per module. The order matters:
// 1. short import and export names in the app's wasm and its glue, then
//    the glue and the CSS minified (each change puts the file's new
//    integrity digest in index.html); the wasm is checked against its glue
//    after each rewrite (verify.mjs);
// 2. the workers' files named by content hash (each checked too), because
//    boot.js and embed.js carry those names;
// 3. the first screen, rendered natively, and the head's script that
//    chooses what the first paint shows and starts the app (first.mjs, with
//    boot.js in place of Trunk's inline module script, so that index.html
//    has no inline script: a strict Content-Security-Policy allows none);
// 4. embed.js and the service worker, from the final file names;
// 5. the single file, from index.html as Trunk writes its tags;
// 6. index.html minified, last.
import { openStage } from './stage.mjs';
import { verify } from './verify.mjs';
import { shortNames } from './names.mjs';
import { minifyCode, minifyHtml } from './minify.mjs';
import { hashWorkers } from './workers.mjs';
import { writeBoot } from './boot.mjs';
import { prerender, writeFirst } from './first.mjs';
import { writeEmbed } from './embed.mjs';
import { writeServiceWorker } from './service-worker.mjs';
import { writeSingleFile } from './single-file.mjs';

const stage = await openStage(process.env.TRUNK_STAGING_DIR);
const glue = await stage.find(/^finsam-kalkyl-[0-9a-f]+\.js$/);
const wasm = await stage.find(/^finsam-kalkyl-[0-9a-f]+_bg\.wasm$/);
const css = await stage.find(/^style-[0-9a-f]+\.css$/);
const icon = await stage.find(/^icon-[0-9a-f]+\.svg$/);

// 1.
await verify('app, as Trunk built it', await stage.read(wasm), await stage.read(glue, 'utf8'));
const short = shortNames(stage.path(wasm), await stage.read(glue, 'utf8'));
await verify('app, with short names', short.wasm, short.glue);
const minified = await minifyCode(short.glue, 'js');
await verify('app, minified', short.wasm, minified);
await stage.rewrite(wasm, short.wasm);
await stage.rewrite(glue, minified);
for (const sheet of (await stage.files()).filter((f) => /^[a-z]+-[0-9a-f]+\.css$/.test(f))) {
  await stage.rewrite(sheet, await minifyCode(await stage.read(sheet, 'utf8'), 'css'));
}
// 2.–4.
const workers = await hashWorkers(stage);
const boot = await writeBoot(stage, { glue, wasm, workers });
const screens = prerender();
const first = await writeFirst(stage, { ...screens, boot });
await writeEmbed(stage, { glue, wasm, css, workers, ...screens });
await writeServiceWorker(stage);
// 5.–6.
await writeSingleFile(stage, { glue: short.glue, wasm, icon, first, workers });
await stage.editPage(minifyHtml);
