//! Why a table cannot be imported at all, with its row and column, in
//! Swedish and English.

use super::units::Unit;
#[cfg(any(not(target_arch = "wasm32"), feature = "workers"))]
use super::{MAX_BYTES, MAX_COLUMNS, MAX_ROWS};
use crate::engine::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line of the table, when the problem has one.
    pub line: Option<usize>,
    /// 1-based column of the table, when the problem has one.
    pub cell: Option<usize>,
    pub kind: ImportErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportErrorKind {
    Empty,
    TooLarge {
        bytes: usize,
    },
    TooManyRows,
    TooManyColumns,
    Spreadsheet,
    OldExcel,
    Pdf,
    Binary,
    NoYearHeader,
    NoRows,
    MixedSeparators {
        header: char,
        row: char,
    },
    /// The CSV reader stopped. Its own message is not for people.
    Unreadable,
    /// Re-read in this unit, an amount would leave the engine's range.
    UnitOutOfRange(Unit),
    /// A JSON file that is not the budget model.
    Json(crate::engine::model::BudgetError),
    /// Already worded, in both languages, with the row and column in it:
    /// an error as the import worker sends it to the page.
    Worded {
        sv: String,
        en: String,
    },
}

#[cfg(any(not(target_arch = "wasm32"), feature = "workers"))]
fn sep_name(c: char, lang: Lang) -> &'static str {
    match (c, lang) {
        ('\t', Lang::Sv) => "tabb",
        ('\t', Lang::En) => "tab",
        (';', Lang::Sv) => "semikolon",
        (';', Lang::En) => "semicolon",
        (_, Lang::Sv) => "komma",
        (_, Lang::En) => "comma",
    }
}

impl ImportError {
    pub(super) fn new(kind: ImportErrorKind) -> ImportError {
        ImportError {
            line: None,
            cell: None,
            kind,
        }
    }

    pub(super) fn at(line: usize, cell: Option<usize>, kind: ImportErrorKind) -> ImportError {
        ImportError {
            line: Some(line),
            cell,
            kind,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use ImportErrorKind::*;
        let sv = lang == Lang::Sv;
        let body = match (&self.kind, sv) {
            (UnitOutOfRange(unit), true) => format!(
                "i {} blir ett belopp orimligt stort (över 1 000 miljarder kr). Välj en annan enhet.",
                unit.abbreviation()
            ),
            (UnitOutOfRange(unit), false) => format!(
                "in {} an amount becomes absurdly large (over 1 000 billion kr). Choose another unit.",
                unit.abbreviation()
            ),
            (Json(why), _) => why.message(lang),
            (Worded { sv, .. }, true) => return sv.clone(),
            (Worded { en, .. }, false) => return en.clone(),
            (kind, _) => reading_words(kind, lang),
        };
        let (row_w, col_w) = if sv { ("Rad", "kolumn") } else { ("Row", "column") };
        match (self.line, self.cell) {
            (Some(l), Some(c)) => format!("{row_w} {l}, {col_w} {c}: {body}"),
            (Some(l), None) => format!("{row_w} {l}: {body}"),
            _ => crate::engine::text::capitalise(&body),
        }
    }
}

/// The words for what only reading a table finds. They exist only where
/// the importer runs; the page gets these errors already worded (`Worded`).
#[cfg(any(not(target_arch = "wasm32"), feature = "workers"))]
fn reading_words(kind: &ImportErrorKind, lang: Lang) -> String {
    use ImportErrorKind::*;
    let sv = lang == Lang::Sv;
    match (kind, sv) {
        (Empty, true) => "tabellen är tom. Klistra in en budgettabell från Excel, med rubrikraden överst.".to_string(),
        (Empty, false) => "the table is empty. Paste a budget table from Excel, header row first.".to_string(),
        (TooLarge { bytes }, true) => format!(
            "tabellen är {} kB; en budgettabell är sällan över 100 kB och gränsen är {} kB. Kopiera bara budgetbladet, eller välj rätt fil.",
            kb(*bytes), kb(MAX_BYTES)
        ),
        (TooLarge { bytes }, false) => format!(
            "the table is {} kB; a budget table is rarely over 100 kB and the limit is {} kB. Copy only the budget sheet, or choose the right file.",
            kb(*bytes), kb(MAX_BYTES)
        ),
        (TooManyRows, true) => format!("tabellen har fler än {} rader; det är inte en budgettabell.", count(MAX_ROWS)),
        (TooManyRows, false) => format!("the table has more than {} rows; that is not a budget table.", count(MAX_ROWS)),
        (TooManyColumns, true) => format!("tabellen har fler än {MAX_COLUMNS} kolumner; det är inte en budgettabell."),
        (TooManyColumns, false) => format!("the table has more than {MAX_COLUMNS} columns; that is not a budget table."),
        (Spreadsheet, true) => "det här är en Excel-arbetsbok (.xlsx) eller annan komprimerad fil, inte text. Spara bladet som CSV (semikolonavgränsad) eller kopiera tabellen och klistra in den.".to_string(),
        (Spreadsheet, false) => "this is an Excel workbook (.xlsx) or another compressed file, not text. Save the sheet as CSV or copy the table and paste it.".to_string(),
        (OldExcel, true) => "det här är en äldre Excel-fil (.xls), inte text. Spara bladet som CSV (semikolonavgränsad) eller kopiera tabellen och klistra in den.".to_string(),
        (OldExcel, false) => "this is an old Excel file (.xls), not text. Save the sheet as CSV or copy the table and paste it.".to_string(),
        (Pdf, true) => "det här är en PDF, inte en tabell. Kopiera budgettabellen från Excel i stället.".to_string(),
        (Pdf, false) => "this is a PDF, not a table. Copy the budget table from Excel instead.".to_string(),
        (Binary, true) => "filen innehåller binära data, inte text. Välj en CSV- eller TSV-fil.".to_string(),
        (Binary, false) => "the file holds binary data, not text. Choose a CSV or TSV file.".to_string(),
        (NoYearHeader, true) => "ingen kolumn har ett år i rubriken. Första raden ska vara t.ex. «Förbundets namn; Budget 2024; Plan 2025».".to_string(),
        (NoYearHeader, false) => "no column has a year in its header. The first row should be e.g. “Association name; Budget 2024; Plan 2025”.".to_string(),
        (NoRows, true) => "tabellen har en rubrikrad men inga rader med belopp.".to_string(),
        (NoRows, false) => "the table has a header row but no rows with figures.".to_string(),
        (MixedSeparators { header, row }, true) => format!(
            "raden avgränsas med {} men rubrikraden med {}. Använd samma avgränsare i hela tabellen.",
            sep_name(*row, lang), sep_name(*header, lang)
        ),
        (MixedSeparators { header, row }, false) => format!(
            "the row is separated by {} but the header row by {}. Use one separator throughout.",
            sep_name(*row, lang), sep_name(*header, lang)
        ),
        (Unreadable, true) => "tabellen kan inte läsas som text med avgränsare. Kopiera den på nytt från Excel, eller spara den som CSV.".to_string(),
        (Unreadable, false) => "the table cannot be read as delimited text. Copy it again from Excel, or save it as CSV.".to_string(),
        _ => String::new(),
    }
}

/// A count as Swedes write it: "2 000".
#[cfg(any(not(target_arch = "wasm32"), feature = "workers"))]
fn count(n: usize) -> String {
    crate::engine::money::format_amount(n.into())
}

/// Bytes in whole kilobytes, as Swedes write them: "10 000".
#[cfg(any(not(target_arch = "wasm32"), feature = "workers"))]
fn kb(bytes: usize) -> String {
    count(bytes / 1000)
}

/// In the page, every reading error arrives worded (`Worded`).
#[cfg(all(target_arch = "wasm32", not(feature = "workers")))]
fn reading_words(_: &ImportErrorKind, lang: Lang) -> String {
    match lang {
        Lang::Sv => "tabellen kan inte läsas".into(),
        Lang::En => "the table cannot be read".into(),
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Sv))
    }
}

impl std::error::Error for ImportError {}
