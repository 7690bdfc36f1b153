// What the fault tests (faults*.test.mjs) look for on the page, in each
// language, and the check that a message is worded for people: in the
// page's language, with no parser's or program's own text in it.
import assert from 'node:assert/strict';

export const LANGS = {
  sv: {
    undo: 'Ångra', share: 'Dela länk', dismiss: 'Stäng', link: 'Länk', import: 'Importera budget',
    csv: 'Exportera som CSV (Excel, semikolon)', xlsx: 'Exportera som Excel-arbetsbok (XLSX)',
    storageOff: /sparar inget just nu/, unread: /Det som sparats i den här webbläsaren kunde inte läsas/,
    damaged: /skadat eller ändrat/, newer: /nyare version/, damaged2: /går inte att läsa/,
    setAside: /lagts undan och skrivs inte över/,
    copyByHand: /Länken kunde inte kopieras.*Kopiera den själv från fältet nedan/, copied: /Länken till scenariot är kopierad/,
    exportStopped: /Filen kunde inte skapas: exporten kunde inte laddas eller svarade inte\. Försök igen/,
    workbook: /Filen kunde inte skapas: arbetsboken gick inte att skriva\. Försök igen/,
    importStopped: /Tabellen kunde inte läsas: importens arbetare kunde inte laddas eller svarade inte\. Försök igen/,
    garbled: /Tabellen kunde inte läsas: importen svarade oväntat\. Försök igen/,
    tooLarge: /Tabellen är 10\s000 kB;.*gränsen är 1\s000 kB/, tooManyRows: /fler än 2\s000 rader/, tooManyColumns: /fler än 60 kolumner/,
    shownFirst: / Visar de första (\d+) av 1 999\.$/, findingsShown: /^Iakttagelser \((\d+)\) Visar de första (\d+) av ([\d ]+)\.$/,
  },
  en: {
    undo: 'Undo', share: 'Share link', dismiss: 'Close', link: 'Link', import: 'Import a budget',
    csv: 'Export as CSV (Excel, semicolon)', xlsx: 'Export as an Excel workbook (XLSX)',
    storageOff: /keeps nothing right now/, unread: /What this browser saved could not be read/,
    damaged: /damaged or has been altered/, newer: /newer version/, damaged2: /content cannot be read/,
    setAside: /set aside and will not be written over/,
    copyByHand: /The link could not be copied.*Copy it yourself from the field below/, copied: /The link to the scenario is copied/,
    exportStopped: /The file could not be made: the export did not load or did not answer\. Try again/,
    workbook: /The file could not be made: the workbook could not be written\. Try again/,
    importStopped: /The table could not be read: the import worker could not be loaded or did not answer\. Try again/,
    garbled: /The table could not be read: the import answered unexpectedly\. Try again/,
    tooLarge: /The table is 10\s000 kB;.*limit is 1\s000 kB/, tooManyRows: /more than 2\s000 rows/, tooManyColumns: /more than 60 columns/,
    shownFirst: / Showing the first (\d+) of 1 999\.$/, findingsShown: /^Findings \((\d+)\) Showing the first (\d+) of ([\d ]+)\.$/,
  },
};

/** Swedish words a sentence would need, and its letters and quotes (as english.test.mjs). */
const SWEDISH = /\b(och|är|inte|kan|kunde|för|med|det|som|till|finns|belopp|fältet|länken|sparade|skadad|saknas)\b|[åäöÅÄÖ«»]/;
/** A parser's, a program's or a browser's own words, and pieces of their text. */
const INTERNAL = /\b(Error|invalid|expected|serde|panicked|RuntimeError|unreachable|DOMException|QuotaExceeded\w*|SecurityError|NotAllowedError|undefined|null|wasm-function)\b|missing field|unknown variant|[{}]|\bat \S+:\d+|0x[0-9a-f]+/i;

/**
 * `message` says what was expected, in `lang`, worded for people: no
 * internal text, and on the English page no Swedish sentence.
 */
export function assertWorded(lang, what, message, expected) {
  assert.ok(message.length > 0, `${what}: no message`);
  assert.match(message, expected, `${what}: ${message}`);
  assert.doesNotMatch(message, INTERNAL, `${what}: ${message}`);
  if (lang === 'en') assert.doesNotMatch(message, SWEDISH, `${what}: ${message}`);
}
