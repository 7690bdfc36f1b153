//! Reads a budget table: the CSV files in `presets/`, a file exported from
//! Excel, or cells pasted from Excel (tab-separated).
//!
//! Fatal problems (nothing readable) are an [`ImportError`] naming the row
//! and column. Everything else becomes a [`Finding`] on an imported budget,
//! so a person sees the whole picture and never loses a row silently.

use super::classify::{self, CostGroup, HeadingKind, Section};
use super::findings::{Code, Detail, Finding, Severity};
use super::model::{Budget, Column, ColumnKind, Row, RowClass, SCHEMA_VERSION};
use super::money::parse_amount;
use super::Lang;

/// A budget table is a few kilobytes; anything past this is not one.
pub const MAX_BYTES: usize = 1_000_000;
pub const MAX_ROWS: usize = 2_000;
pub const MAX_COLUMNS: usize = 60;

#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub budget: Budget,
    /// What the importer noticed: cells that are not amounts, headers it
    /// could not read, rows whose class is a guess. Analysis adds the rest.
    pub findings: Vec<Finding>,
}

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
    Unreadable(String),
    /// A JSON file that is not the budget model.
    Json(super::model::BudgetError),
    /// Already worded, in both languages, with the row and column in it:
    /// an error as the import worker sends it to the page.
    Worded {
        sv: String,
        en: String,
    },
}

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
    fn new(kind: ImportErrorKind) -> ImportError {
        ImportError {
            line: None,
            cell: None,
            kind,
        }
    }

    fn at(line: usize, cell: Option<usize>, kind: ImportErrorKind) -> ImportError {
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
            (Empty, true) => "tabellen är tom. Klistra in en budgettabell från Excel, med rubrikraden överst.".to_string(),
            (Empty, false) => "the table is empty. Paste a budget table from Excel, header row first.".to_string(),
            (TooLarge { bytes }, true) => format!(
                "filen är {} kB; en budgettabell är sällan över 100 kB och gränsen är {} kB. Välj rätt fil, eller spara bara budgetbladet som CSV.",
                bytes / 1000, MAX_BYTES / 1000
            ),
            (TooLarge { bytes }, false) => format!(
                "the file is {} kB; a budget table is rarely over 100 kB and the limit is {} kB. Choose the right file, or save only the budget sheet as CSV.",
                bytes / 1000, MAX_BYTES / 1000
            ),
            (TooManyRows, true) => format!("tabellen har fler än {MAX_ROWS} rader; det är inte en budgettabell."),
            (TooManyRows, false) => format!("the table has more than {MAX_ROWS} rows; that is not a budget table."),
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
            (Json(why), _) => why.message(lang),
            (Worded { sv, .. }, true) => return sv.clone(),
            (Worded { en, .. }, false) => return en.clone(),
            (Unreadable(why), true) => format!("tabellen kan inte läsas: {why}"),
            (Unreadable(why), false) => format!("the table cannot be read: {why}"),
        };
        let (row_w, col_w) = if sv { ("Rad", "kolumn") } else { ("Row", "column") };
        match (self.line, self.cell) {
            (Some(l), Some(c)) => format!("{row_w} {l}, {col_w} {c}: {body}"),
            (Some(l), None) => format!("{row_w} {l}: {body}"),
            _ => super::text::capitalise(&body),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Sv))
    }
}

impl std::error::Error for ImportError {}

/// Reads a file of any kind people have: the canonical JSON model (as the
/// app and the CLI export it), or a table as [`import_bytes`] reads it.
pub fn import_file(bytes: &[u8]) -> Result<Imported, ImportError> {
    let text_start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if text_start.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        if bytes.len() > MAX_BYTES {
            return Err(ImportError::new(ImportErrorKind::TooLarge { bytes: bytes.len() }));
        }
        let text = String::from_utf8_lossy(text_start);
        let budget = Budget::from_json(&text).map_err(|e| ImportError::new(ImportErrorKind::Json(e)))?;
        return Ok(Imported {
            budget,
            findings: Vec::new(),
        });
    }
    import_bytes(bytes)
}

/// Reads a file's bytes: refuses binaries with a useful message, strips a
/// BOM, and reads Windows-1252 when the text is not UTF-8 (what Swedish
/// Excel writes for "CSV (semikolonavgränsad)").
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::new(ImportErrorKind::TooLarge { bytes: bytes.len() }));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ImportError::new(ImportErrorKind::Spreadsheet));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::new(ImportErrorKind::OldExcel));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::new(ImportErrorKind::Pdf));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => decode_windows_1252(bytes),
    };
    import_table(&text)
}

/// Windows-1252 to UTF-8. Hand-written because it is 32 table entries,
/// where `encoding_rs` would add every encoding in the world to the wasm.
fn decode_windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

fn looks_binary(text: &str) -> bool {
    let mut control = 0usize;
    let mut total = 0usize;
    for c in text.chars().take(4096) {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            control += 1;
        }
    }
    total > 0 && control * 20 > total
}

/// Counts a separator outside quotes.
fn count_outside_quotes(line: &str, sep: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            n += 1;
        }
    }
    n
}

/// The separator of the header line: tab, then semicolon, then comma.
/// Commas come last because Swedish amounts use a decimal comma.
fn detect_separator(first_line: &str) -> Option<char> {
    ['\t', ';', ',']
        .into_iter()
        .find(|&c| count_outside_quotes(first_line, c) > 0)
}

/// Reads a column header: `Budget 2024`, `Prognos 2023`, `Utfall 2022`,
/// `Plan 2025`, a bare `2024` (a budget), or `Utfall 2023-06-30` (period
/// to date). Words such as "prel" or "(kr)" are allowed beside them.
pub fn parse_column_header(text: &str) -> Option<(ColumnKind, i32, Option<String>)> {
    let lower = super::text::fold_case(text.trim());
    let mut kind = None;
    let mut year = None;
    let mut date = None;
    for token in lower
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ':')
        .filter(|t| !t.is_empty())
    {
        let token = token.trim_end_matches(['.', ',']);
        match token {
            "utfall" | "bokslut" | "delårsbokslut" | "delår" | "delårsutfall" => {
                kind = kind.or(Some(ColumnKind::Utfall))
            }
            "prognos" => kind = Some(ColumnKind::Prognos),
            "budget" => kind = Some(ColumnKind::Budget),
            "plan" => kind = Some(ColumnKind::Plan),
            "prel" | "preliminär" | "preliminärt" | "reviderad" | "rev" | "kr" | "sek" | "år" | "t.o.m"
            | "tom" | "per" | "helår" => {}
            t if is_date(t) => {
                year = t[..4].parse().ok();
                date = Some(t.to_string());
            }
            t if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) => {
                let y: i32 = t.parse().ok()?;
                if !(1990..=2100).contains(&y) || year.is_some() {
                    return None;
                }
                year = Some(y);
            }
            _ => return None,
        }
    }
    let year = year?;
    let kind = kind.unwrap_or(ColumnKind::Budget);
    match (kind, date) {
        (ColumnKind::Utfall, Some(d)) if !d.ends_with("-12-31") => {
            Some((ColumnKind::PeriodUtfall, year, Some(d)))
        }
        (kind, _) => Some((kind, year, None)),
    }
}

fn is_date(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&t[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&t[8..10].parse::<u8>().unwrap_or(0))
        && (1990..=2100).contains(&t[..4].parse::<i32>().unwrap_or(0))
}

/// Reads a table from text. See the module comment for what is accepted.
pub fn import_table(text: &str) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_BYTES {
        return Err(ImportError::new(ImportErrorKind::TooLarge { bytes: text.len() }));
    }
    if looks_binary(text) {
        return Err(ImportError::new(ImportErrorKind::Binary));
    }
    let Some(first_line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Err(ImportError::new(ImportErrorKind::Empty));
    };
    let header_line_no = text.lines().position(|l| !l.trim().is_empty()).unwrap_or(0) + 1;
    let Some(sep) = detect_separator(first_line) else {
        return Err(ImportError::at(
            header_line_no,
            None,
            ImportErrorKind::NoYearHeader,
        ));
    };

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut findings = Vec::new();
    let mut header: Option<(usize, Vec<(usize, Column)>)> = None;
    let mut rows: Vec<Row> = Vec::new();
    let mut title = String::new();
    let mut section = Section::None;
    let mut group = CostGroup::None;
    let mut seen_kommuner: Vec<String> = Vec::new();
    let mut warned_extra_cells = false;

    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            ImportError {
                line,
                cell: None,
                kind: ImportErrorKind::Unreadable(e.to_string()),
            }
        })?;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(index + 1);
        if index >= MAX_ROWS {
            return Err(ImportError::new(ImportErrorKind::TooManyRows));
        }
        if record.len() > MAX_COLUMNS + 1 {
            return Err(ImportError::at(line, None, ImportErrorKind::TooManyColumns));
        }
        let cells: Vec<&str> = record.iter().map(str::trim).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }

        let Some((header_width, columns)) = &header else {
            // The header row.
            title = cells[0].to_string();
            let mut columns = Vec::new();
            for (i, cell) in cells.iter().enumerate().skip(1) {
                if cell.is_empty() {
                    continue;
                }
                match parse_column_header(cell) {
                    Some((kind, year, period_end)) => columns.push((
                        i,
                        Column {
                            label: cell.to_string(),
                            kind,
                            year,
                            period_end,
                        },
                    )),
                    None => findings.push(
                        Finding::new(
                            Severity::Warning,
                            Code::ColumnIgnored,
                            Detail::ColumnIgnored {
                                header: cell.to_string(),
                            },
                        )
                        .at(Some(line), Some(i + 1)),
                    ),
                }
            }
            if columns.is_empty() {
                return Err(ImportError::at(line, None, ImportErrorKind::NoYearHeader));
            }
            if title.is_empty() {
                title = "Importerad budget".to_string();
            }
            header = Some((cells.len(), columns));
            continue;
        };

        // A row that the header's separator did not split, but another would.
        if cells.len() == 1 && *header_width > 1 {
            for other in ['\t', ';', ','] {
                if other != sep && cells[0].split(other).skip(1).any(|c| parse_amount(c).is_ok()) {
                    return Err(ImportError::at(
                        line,
                        None,
                        ImportErrorKind::MixedSeparators {
                            header: sep,
                            row: other,
                        },
                    ));
                }
            }
        }
        if !warned_extra_cells
            && cells.len() > *header_width
            && cells[*header_width..].iter().any(|c| !c.is_empty())
        {
            warned_extra_cells = true;
            let cell = header_width
                + 1
                + cells[*header_width..]
                    .iter()
                    .position(|c| !c.is_empty())
                    .unwrap_or(0);
            findings.push(
                Finding::new(
                    Severity::Warning,
                    Code::ColumnIgnored,
                    Detail::ColumnIgnored {
                        header: String::new(),
                    },
                )
                .at(Some(line), Some(cell)),
            );
        }

        let raw_label = cells[0];
        let label = if raw_label.is_empty() {
            format!("(rad {line} utan namn)")
        } else {
            raw_label.to_string()
        };
        let mut values = Vec::with_capacity(columns.len());
        let mut any_cell = false;
        for (i, column) in columns {
            let cell = cells.get(*i).copied().unwrap_or("");
            if cell.is_empty() {
                values.push(None);
                continue;
            }
            any_cell = true;
            match parse_amount(cell) {
                Ok(v) => values.push(Some(v)),
                Err(error) => {
                    findings.push(
                        Finding::new(
                            Severity::Error,
                            Code::BadCell,
                            Detail::BadCell {
                                label: label.clone(),
                                error,
                            },
                        )
                        .in_column(&column.label)
                        .at(Some(line), Some(i + 1)),
                    );
                    values.push(None);
                }
            }
        }
        // Cells beyond the header's columns count as figures for deciding
        // whether this is a heading, but are otherwise ignored.
        let any_cell = any_cell
            || cells
                .iter()
                .skip(1)
                .any(|c| !c.is_empty() && parse_amount(c).is_ok());

        let norm = classify::normalise(raw_label);
        let class = if raw_label.is_empty() {
            RowClass::Unknown
        } else if !any_cell {
            match classify::heading_kind(&norm) {
                Some(HeadingKind::Income) => {
                    section = Section::Income;
                    group = CostGroup::None;
                    RowClass::Heading
                }
                Some(HeadingKind::Costs) => {
                    section = Section::Costs;
                    group = CostGroup::None;
                    RowClass::Heading
                }
                Some(HeadingKind::Verksamhet) => {
                    section = Section::Costs;
                    group = CostGroup::Verksamhet;
                    RowClass::Heading
                }
                Some(HeadingKind::Administration) => {
                    section = Section::Costs;
                    group = CostGroup::Administration;
                    RowClass::Heading
                }
                None => match classify::class_by_name(&norm) {
                    Some(class) => class,
                    None => {
                        findings.push(
                            Finding::new(
                                Severity::Info,
                                Code::HeadingAssumed,
                                Detail::HeadingAssumed { label: label.clone() },
                            )
                            .at(Some(line), Some(1)),
                        );
                        RowClass::Heading
                    }
                },
            }
        } else {
            let c = classify::classify(&norm, section, group);
            if let Some(other) = c.ambiguous_with {
                findings.push(
                    Finding::new(
                        Severity::Warning,
                        Code::AmbiguousRow,
                        Detail::AmbiguousRow {
                            label: label.clone(),
                            chosen: c.class,
                            other,
                        },
                    )
                    .at(Some(line), Some(1)),
                );
            }
            c.class
        };

        match class {
            RowClass::State | RowClass::Region | RowClass::Kommun | RowClass::OtherIncome
                if section == Section::None =>
            {
                section = Section::Income
            }
            RowClass::TotalIncome => {
                section = Section::Costs;
                group = CostGroup::None;
            }
            RowClass::TotalCosts | RowClass::Result => section = Section::After,
            _ => {}
        }
        if class == RowClass::Kommun {
            if seen_kommuner.contains(&norm) {
                findings.push(
                    Finding::new(
                        Severity::Warning,
                        Code::DuplicateRow,
                        Detail::DuplicateRow { label: label.clone() },
                    )
                    .at(Some(line), Some(1)),
                );
            }
            seen_kommuner.push(norm);
        }
        rows.push(Row {
            label,
            class,
            values,
            line: Some(line),
        });
    }

    let Some((_, columns)) = header else {
        return Err(ImportError::new(ImportErrorKind::Empty));
    };
    if !rows.iter().any(|r| r.values.iter().any(Option::is_some)) {
        return Err(ImportError::new(ImportErrorKind::NoRows));
    }
    let budget = Budget {
        schema_version: SCHEMA_VERSION,
        title,
        columns: columns.into_iter().map(|(_, c)| c).collect(),
        rows,
        key: None,
    };
    Ok(Imported { budget, findings })
}

/// An import as the browser's import worker sends it to the page: the
/// budget, and what the importer said, already worded in both languages.
/// The page reads this instead of the typed findings and errors, whose
/// deserializer alone would add 7.6 kB gzip to every visit; the worker
/// holds the importer, so the page does not carry it either.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportReply {
    pub budget: Option<Budget>,
    pub findings: Vec<WordedFinding>,
    pub error: Option<Worded>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WordedFinding {
    pub severity: Severity,
    pub code: Code,
    pub column: Option<String>,
    pub line: Option<usize>,
    pub cell: Option<usize>,
    pub text: Worded,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Worded {
    pub sv: String,
    pub en: String,
}

impl WordedFinding {
    /// A finding as it reads in each language, numbers formatted by `f`.
    pub fn new(finding: &Finding, f: &dyn super::NumberFormat) -> WordedFinding {
        WordedFinding {
            severity: finding.severity,
            code: finding.code,
            column: finding.column.clone(),
            line: finding.line,
            cell: finding.cell,
            text: Worded {
                sv: finding.body(Lang::Sv, f),
                en: finding.body(Lang::En, f),
            },
        }
    }
}

/// Back to a finding, with the words in place of the figures: it reads
/// exactly as it did where it was worded.
impl From<WordedFinding> for Finding {
    fn from(w: WordedFinding) -> Finding {
        Finding {
            severity: w.severity,
            code: w.code,
            column: w.column,
            line: w.line,
            cell: w.cell,
            detail: Detail::Worded {
                sv: w.text.sv,
                en: w.text.en,
            },
        }
    }
}

impl ImportReply {
    pub fn new(result: Result<Imported, ImportError>, f: &dyn super::NumberFormat) -> ImportReply {
        match result {
            Ok(imported) => ImportReply {
                findings: imported
                    .findings
                    .iter()
                    .map(|finding| WordedFinding::new(finding, f))
                    .collect(),
                budget: Some(imported.budget),
                error: None,
            },
            Err(error) => ImportReply {
                budget: None,
                findings: Vec::new(),
                error: Some(Worded {
                    sv: error.message(Lang::Sv),
                    en: error.message(Lang::En),
                }),
            },
        }
    }

    /// Back to what the importer returned, with the words in place of the
    /// figures: each finding and error reads exactly as it did there.
    pub fn into_result(self) -> Result<Imported, ImportError> {
        match (self.budget, self.error) {
            (Some(budget), None) => Ok(Imported {
                budget,
                findings: self.findings.into_iter().map(Finding::from).collect(),
            }),
            (_, error) => {
                let Worded { sv, en } = error.unwrap_or_else(|| Worded {
                    sv: "importen gav inget svar".into(),
                    en: "the import gave no answer".into(),
                });
                Err(ImportError::new(ImportErrorKind::Worded { sv, en }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        use ColumnKind::*;
        assert_eq!(parse_column_header("Budget 2024"), Some((Budget, 2024, None)));
        assert_eq!(parse_column_header("Prognos 2023"), Some((Prognos, 2023, None)));
        assert_eq!(parse_column_header("Plan 2026"), Some((Plan, 2026, None)));
        assert_eq!(parse_column_header("Utfall 2022"), Some((Utfall, 2022, None)));
        assert_eq!(parse_column_header("2024"), Some((Budget, 2024, None)));
        assert_eq!(
            parse_column_header("Utfall 2023-06-30"),
            Some((PeriodUtfall, 2023, Some("2023-06-30".into())))
        );
        assert_eq!(
            parse_column_header("Utfall 2023-12-31"),
            Some((Utfall, 2023, None))
        );
        assert_eq!(
            parse_column_header("Budget 2024 (kr)"),
            Some((Budget, 2024, None))
        );
        assert_eq!(parse_column_header("Kommentar"), None);
        assert_eq!(parse_column_header("Budget"), None);
        assert_eq!(parse_column_header("Budget 2024 tkr"), None);
        assert_eq!(parse_column_header("2024 2025"), None);
    }

    #[test]
    fn windows_1252_is_read() {
        let bytes = b"S\xf6dra;Budget 2024\nHabo kommun;100\n";
        let imported = import_bytes(bytes).unwrap();
        assert_eq!(imported.budget.title, "Södra");
    }

    #[test]
    fn fatal_errors_name_the_problem() {
        let err = import_table("").unwrap_err();
        assert_eq!(err.kind, ImportErrorKind::Empty);
        let err = import_table("Förbund;Kommentar\nHabo kommun;1\n").unwrap_err();
        assert_eq!(err.kind, ImportErrorKind::NoYearHeader);
        assert_eq!(err.line, Some(1));
        assert!(err
            .message(Lang::Sv)
            .starts_with("Rad 1: ingen kolumn har ett år"));
        let err = import_table("F;Budget 2024;Plan 2025\nHabo kommun\t100\t200\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(matches!(
            err.kind,
            ImportErrorKind::MixedSeparators {
                header: ';',
                row: '\t'
            }
        ));
        assert_eq!(
            import_bytes(b"PK\x03\x04rest").unwrap_err().kind,
            ImportErrorKind::Spreadsheet
        );
        assert_eq!(import_bytes(b"ab\0cd").unwrap_err().kind, ImportErrorKind::Binary);
        let big = vec![b'1'; MAX_BYTES + 1];
        assert!(matches!(
            import_bytes(&big).unwrap_err().kind,
            ImportErrorKind::TooLarge { .. }
        ));
    }

    #[test]
    fn text_in_a_number_cell_names_row_and_column() {
        let imported = import_table("F;Budget 2024;Plan 2025\nHabo kommun;100;abc\n").unwrap();
        let f = &imported.findings[0];
        assert_eq!(f.code, Code::BadCell);
        assert_eq!((f.line, f.cell), (Some(2), Some(3)));
        assert_eq!(f.column.as_deref(), Some("Plan 2025"));
        assert_eq!(imported.budget.rows[0].values, vec![Some(100.into()), None]);
    }

    #[test]
    fn quoted_cells_and_tabs() {
        let text = "\"Förbund, test\"\t\"Budget 2024\"\n\"Habo kommun\"\t\"1 234,50\"\n";
        let imported = import_table(text).unwrap();
        assert_eq!(imported.budget.title, "Förbund, test");
        assert_eq!(imported.budget.rows[0].value(0), Some("1234.5".parse().unwrap()));
    }
}
