// Trunk's staging directory as the other steps see it: files by name, and
// edits that must find what they change exactly once or stop the build.
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export const fail = (message) => { throw new Error(`post-build: ${message}`); };

/** The subresource-integrity digest Trunk writes for a file. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** A content hash for a file name, as Trunk names its own files. */
export const contentHash = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};

/** `text` with `from` replaced by `to`; `from` must occur exactly once. */
export function replaceOnce(text, from, to, where) {
  const hits = text.split(from).length - 1;
  if (hits !== 1) fail(`${JSON.stringify(from.slice(0, 80))} is in ${where} ${hits} times, not once`);
  return text.replace(from, () => to);
}

export async function openStage(dir) {
  if (!dir) fail('runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
  const path = (name) => join(dir, name);
  const files = async () => (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1));
  const stage = {
    dir,
    path,
    files,
    /** The one file whose name matches `re`. */
    async find(re) {
      const hits = (await files()).filter((f) => re.test(f));
      if (hits.length !== 1) fail(`${hits.length} files in ${dir} match ${re}, not one`);
      return hits[0];
    },
    read: (name, encoding) => readFile(path(name), encoding),
    write: (name, data) => writeFile(path(name), data),
    rename: (from, to) => rename(path(from), path(to)),
    remove: (name) => rm(path(name)),
    /** Applies `change` to index.html (a string). */
    async editPage(change) {
      await stage.write('index.html', await change(await stage.read('index.html', 'utf8')));
    },
    /**
     * Writes new contents for a file that index.html names with an
     * integrity digest, and puts the new digest in its place.
     */
    async rewrite(name, data) {
      const before = await stage.read(name);
      await stage.write(name, data);
      await stage.editPage((html) => replaceOnce(html, sri(before), sri(Buffer.from(data)), `index.html (integrity of ${name})`));
    },
  };
  return stage;
}

/**
 * A template from www/ with each quoted '__NAME__' replaced by the JSON of
 * `values.NAME`; each must be there exactly once, and none may be left.
 */
export async function fillTemplate(file, values) {
  let text = await readFile(new URL(`../../www/${file}`, import.meta.url), 'utf8');
  for (const [name, value] of Object.entries(values)) text = replaceOnce(text, `'__${name}__'`, JSON.stringify(value), `www/${file}`);
  const left = text.match(/'__[A-Z]+__'/);
  if (left) fail(`www/${file} still has ${left[0]}`);
  return text;
}
