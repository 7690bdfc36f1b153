// The first screen before the wasm (issue 16): the build renders the
// default budget's first screen natively (src/bin/finsam-prerender.rs,
// Yew's server-side renderer, feature `prerender`) and puts it in
// index.html's #fk-pre, with first-HASH.js (www/takeover.js, www/first.js
// and www/boot.js) as the page's only script, render-blocking, to choose
// before the first paint between it and a loading message, and to start
// the app. embed.js gets the mounted form of the same screen
// (scripts/post-build/embed.mjs).
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { contentHash, fail, fillTemplate, replaceOnce, sri } from './stage.mjs';
import { minifyCode } from './minify.mjs';

const root = new URL('../../', import.meta.url);

/** Runs the native prerender; returns { page, mounted, first }. */
export function prerender() {
  // The dev profile: a native build of the components takes a minute, not
  // the release profile's LTO for the wasm, and renders in milliseconds.
  const json = execFileSync('cargo', ['run', '--quiet', '--locked', '--offline', '--features', 'prerender', '--bin', 'finsam-prerender'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 << 20,
  });
  const out = JSON.parse(json);
  for (const [name, html] of [['page', out.page], ['mounted', out.mounted]]) {
    // What the app renders: its class on the root, and the figure issue 16 names.
    if (!html.startsWith('<div ') || !/\bclass="fk\b/.test(html.slice(0, 80)) || !html.includes('11\u00a0172\u00a0000')) {
      fail(`the ${name} prerender is not the default's first screen: ${html.slice(0, 120)}`);
    }
  }
  return out;
}

/** The takeover's shared part (www/takeover.js) with the default filled in. */
export const takeoverCore = (first) => fillTemplate('takeover.js', { FIRST: first });

/**
 * Puts the first screen into index.html's #fk-pre and first-HASH.js in
 * its head, after Trunk's preloads and before the first stylesheet:
 * www/takeover.js, www/first.js and `boot` (boot.mjs), so that the page has
 * one script. Returns its name, and the same without `boot` for the single
 * file, which starts the app its own way.
 */
export async function writeFirst(stage, { page, first, boot }) {
  const script = async (...parts) => minifyCode(`(() => {\n${[await takeoverCore(first), await readFile(new URL('www/first.js', root), 'utf8'), ...parts].join('\n')}\n})();\n`, 'script');
  const code = await script(boot);
  const name = `first-${contentHash(code)}.js`;
  await stage.write(name, code);
  await stage.editPage((html) => {
    // Trunk's preloads of the glue and the wasm go first, then the script,
    // before the stylesheets (a script after one would wait for it). A
    // preload the parser reaches only after this script has run came too
    // late: the script's fetch had taken the preload scanner's request,
    // and the parser's own preload then fetched the wasm a second time.
    const preloads = [/<link rel="modulepreload"[^>]*>/, /<link rel="preload"[^>]*>/].map((re) => html.match(re)?.[0] ?? fail(`index.html has no ${re}`));
    for (const tag of preloads) html = replaceOnce(html, tag, '', 'index.html');
    const link = html.match(/<link\b/)?.[0] ?? fail('index.html has no <link>');
    html = html.replace(link, `${preloads.join('\n')}\n<script src="./${name}" integrity="${sri(code)}"></script>\n${link}`);
    return replaceOnce(html, '<div id="fk-pre">', `<div id="fk-pre">${page}`, 'index.html');
  });
  return { name, withoutBoot: await script() };
}
