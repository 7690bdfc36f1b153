// The first screen before the wasm, shared by the page's head script
// (www/first.js) and embed.js; the build puts this file at the start of
// each and fills in FIRST (scripts/post-build/first.mjs).
//
// The build renders the default budget's first screen natively and puts it
// in the page (#fk-pre). Two things here keep that honest:
// - opensOnDefault() says, before anything is painted, whether the app
//   will open on that same default; if not (a share link, a saved state
//   that differs, another budget or language, a budget file), the page
//   shows a loading message instead, never another budget's figures;
// - keep() holds on to what a person types, picks or clicks in the
//   prerendered screen, and hands it to the app when it takes over: the
//   app's first render replaces #fk-pre in one step and is sent the same
//   events in the same order, so nothing typed is lost, and the focus and
//   the caret stay where they were.

// What the app opens with on a first visit: its saved form's key, version,
// budget, language and scenario (as JSON text, src/ui/prerender.rs).
const FIRST = '__FIRST__';

/**
 * Whether the app will open on the prerendered default. `ask` is what the
 * page asks for: the address's (or the mount point's) preset, lang and
 * budget, each null when not given. The same order as
 * src/state/persist/start.rs: a link, then a preset asked for, then what
 * this browser saved; anything not understood here is "no".
 */
function opensOnDefault(ask) {
  if (ask.budget != null || (location.hash.length > 1 && location.hash !== '#kalkyl')) return false;
  if (ask.lang != null && ask.lang !== FIRST.lang) return false;
  try {
    // Storage that cannot be written makes the app say so above the figures.
    localStorage.setItem('finsam-kalkyl/probe', '1');
    localStorage.removeItem('finsam-kalkyl/probe');
    if (ask.preset != null) return ask.preset === FIRST.preset;
    const text = localStorage.getItem(FIRST.key);
    if (text === null) return true;
    const saved = JSON.parse(text);
    return saved.version === FIRST.version && saved.preset === FIRST.preset
      && (saved.lang === FIRST.lang || ask.lang === FIRST.lang)
      && !saved.imports?.length && saved.guideline == null
      && JSON.stringify(saved.scenario) === FIRST.scenario;
  } catch {
    return false;
  }
}

/**
 * Records what is done in the prerendered screen (`#fk-pre`, found when
 * the events come) and returns the takeover: `root`, the app's rendered
 * root, goes in place of #fk-pre (or at the end of `parent()` when there
 * is none), and is handed what was recorded.
 */
function keep(parent) {
  const log = [];
  // An element's place under the prerendered .fk, the same in the app's.
  const place = (el) => {
    const path = [];
    for (; !el.matches('#fk-pre > .fk'); el = el.parentElement) path.unshift([...el.parentElement.children].indexOf(el));
    return path;
  };
  for (const type of ['input', 'change', 'click']) {
    document.addEventListener(type, (e) => {
      const el = type === 'click' ? e.target.closest?.('button, summary') : e.target;
      if (el?.closest('#fk-pre > .fk')) log.push([type, place(el), el.value, el.checked]);
    }, true);
  }
  const take = (root) => {
    const pre = document.getElementById('fk-pre');
    const at = (path) => path.reduce((el, i) => el?.children[i], root.firstElementChild);
    const focused = pre?.contains(document.activeElement) && document.activeElement;
    const focus = focused && place(focused);
    const caret = focused && [focused.selectionStart, focused.selectionEnd, focused.selectionDirection];
    if (pre) pre.replaceWith(root);
    else parent().append(root);
    for (const [type, path, value, checked] of log) {
      const el = at(path);
      if (!el) continue;
      if (type === 'click') el.click();
      else {
        if (el.type === 'checkbox' || el.type === 'radio') el.checked = checked;
        else el.value = value;
        el.dispatchEvent(new Event(type, { bubbles: true }));
      }
    }
    const el = focus && at(focus);
    if (el) {
      el.focus({ preventScroll: true });
      // Again once the app has redrawn what the events changed.
      const select = () => caret[0] != null && el.setSelectionRange?.(...caret);
      select();
      queueMicrotask(select);
    }
  };
  // An app ready before the page is parsed (its files cached) waits for
  // #fk-pre to be there.
  return (root) => (document.readyState === 'loading' ? addEventListener('DOMContentLoaded', () => take(root), { once: true }) : take(root));
}

/**
 * A share link's raw deflate, inflated to text for the app (src/ui/load.rs),
 * or null: not deflate, not UTF-8, or more than `max` bytes. Fed to the
 * stream 4 KB at a time and read as it comes, so that a crafted link (deflate
 * inflates up to a thousandfold) neither holds the page for seconds nor
 * fills its memory: it is stopped at `max`.
 */
window.finsamInflate = async (bytes, max) => {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  (async () => {
    for (let i = 0; i < bytes.length; i += 4096) await writer.write(bytes.subarray(i, i + 4096));
    await writer.close();
  })().catch(() => {});
  const parts = [];
  for (let n = 0; ;) {
    const { done, value } = await reader.read();
    if (done) break;
    if ((n += value.length) > max) {
      reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(parts).arrayBuffer());
};
