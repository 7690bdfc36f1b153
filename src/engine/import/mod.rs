//! Reads a budget table: the CSV files in `presets/`, a file exported from
//! Excel, cells pasted from Excel (tab-separated), or a table as förbund
//! publish it in årsredovisningar and verksamhetsplaner (in tkr or mnkr,
//! costs as negative amounts, equity carried as a balance).
//!
//! Fatal problems (nothing readable) are an [`ImportError`] naming the row
//! and column. Everything else becomes a [`Finding`] on an imported budget,
//! so a person sees the whole picture and never loses a row silently; so is
//! every assumption the importer makes, so that a person can change it.
//!
//! The work is split in three readers: [`header`] (where the header is,
//! its columns, title and unit), [`values`] (a row's amounts) and
//! [`sections`] (what each row is); [`tidy`] then turns costs written as
//! negative amounts and amounts in tkr or mnkr into the model's kronor.

mod choices;
mod error;
mod header;
mod reply;
mod sections;
mod tidy;
pub mod units;
mod values;

pub use choices::{Choices, CostSigns};
pub use error::{ImportError, ImportErrorKind};
pub use header::parse_column_header;
pub use reply::{ImportReply, Worded, WordedFinding};
pub use units::{Unit, UnitRead, UnitSource};

use super::classify;
use super::findings::Finding;
use super::model::{Budget, Row, SCHEMA_VERSION};

/// A budget table is a few kilobytes; anything past this is not one.
pub const MAX_BYTES: usize = 1_000_000;
pub const MAX_ROWS: usize = 2_000;
pub const MAX_COLUMNS: usize = 60;
/// Lines before the header row that may hold a title or a unit.
const MAX_PREAMBLE: usize = 12;

#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Amounts in kronor, whatever unit the table was written in.
    pub budget: Budget,
    /// What the importer noticed: cells that are not amounts, headers it
    /// could not read, rows whose class is a guess, and what it assumed
    /// (the unit, costs written as negative amounts). Analysis adds the rest.
    pub findings: Vec<Finding>,
    /// The unit the table's amounts were written in, and where it says so.
    pub unit: UnitRead,
    /// Whether the table writes costs as negative amounts, and the rows
    /// the importer turned to positive costs: a preview can read them as
    /// written ([`Imported::with_costs_as_written`]).
    pub costs: CostSigns,
}

/// A budget that needs no reading: the canonical JSON, already in kronor.
impl From<Budget> for Imported {
    fn from(budget: Budget) -> Imported {
        Imported {
            budget,
            findings: Vec::new(),
            unit: UnitRead::default(),
            costs: CostSigns::AsWritten,
        }
    }
}

impl Imported {
    /// The same table read as written in `unit` instead: every amount is
    /// scaled exactly (from tkr to kr, divided by 1 000), so a preview can
    /// switch units without importing again. The person has chosen, so the
    /// importer's findings about the unit go.
    pub fn with_unit(mut self, unit: Unit) -> Result<Imported, ImportError> {
        self.budget = units::rescale(&self.budget, self.unit.unit, unit).map_err(|at| ImportError {
            line: self.budget.rows[at.row].line,
            cell: None,
            kind: ImportErrorKind::UnitOutOfRange(unit),
        })?;
        self.findings.retain(|f| !f.code.is_about_the_unit());
        self.unit = UnitRead {
            unit,
            source: Some(UnitSource::Chosen),
        };
        Ok(self)
    }
}

/// The JSON text in a file's bytes, without a BOM, if it is JSON: the
/// canonical model starts with `{`, and a table never does.
pub fn json_text(bytes: &[u8]) -> Option<&[u8]> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    (text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')).then_some(text)
}

/// Reads a file of any kind people have: the canonical JSON model (as the
/// app and the CLI export it), or a table as [`import_bytes`] reads it.
pub fn import_file(bytes: &[u8]) -> Result<Imported, ImportError> {
    if let Some(text_start) = json_text(bytes) {
        if bytes.len() > MAX_BYTES {
            return Err(ImportError::new(ImportErrorKind::TooLarge { bytes: bytes.len() }));
        }
        let text = String::from_utf8_lossy(text_start);
        let budget = Budget::from_json(&text).map_err(|e| ImportError::new(ImportErrorKind::Json(e)))?;
        return Ok(Imported::from(budget));
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

/// A row of the table as the CSV reader gives it: its line and its
/// cells, trimmed.
struct Record {
    line: usize,
    cells: Vec<String>,
}

/// The table's non-blank rows. An empty first column in every row (a
/// table that starts in column B) is dropped, and counted in `offset`.
fn records(text: &str, sep: char) -> Result<(Vec<Record>, usize), ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError {
            line: e.position().map(|p| p.line() as usize),
            cell: None,
            kind: ImportErrorKind::Unreadable,
        })?;
        let line = record.position().map_or(index + 1, |p| p.line() as usize);
        if index >= MAX_ROWS {
            return Err(ImportError::new(ImportErrorKind::TooManyRows));
        }
        if record.len() > MAX_COLUMNS + 1 {
            return Err(ImportError::at(line, None, ImportErrorKind::TooManyColumns));
        }
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            records.push(Record { line, cells });
        }
    }
    let mut offset = 0;
    while records.iter().all(|r| r.cells.len() > 1 && r.cells[0].is_empty()) && offset < MAX_COLUMNS {
        records.iter_mut().for_each(|r| drop(r.cells.remove(0)));
        offset += 1;
    }
    Ok((records, offset))
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
    if text.trim().is_empty() {
        return Err(ImportError::new(ImportErrorKind::Empty));
    }
    let (sep, header_line) = header::locate(text)?;
    let (records, offset) = records(text, sep)?;
    let at_header = records
        .iter()
        .position(|r| r.line >= header_line)
        .unwrap_or(records.len());
    let (preamble, rest) = records.split_at(at_header);
    let Some((header_record, rows_below)) = rest.split_first() else {
        return Err(ImportError::at(header_line, None, ImportErrorKind::NoYearHeader));
    };
    let mut findings = Vec::new();
    let mut units = header::Units::default();
    let header = header::read(preamble, header_record, offset, &mut units, &mut findings)?;

    let (rows, sections) = read_rows(rows_below, &header, sep, &mut units, &mut findings)?;
    if !rows.iter().any(|r| r.values.iter().any(Option::is_some)) {
        return Err(ImportError::at(header.line, None, ImportErrorKind::NoRows));
    }
    let mut budget = Budget {
        schema_version: SCHEMA_VERSION,
        title: header.title.clone(),
        columns: header.columns.iter().map(|(_, c)| c.clone()).collect(),
        rows,
        key: None,
    };
    let turned = tidy::costs_as_positive(&mut budget, &sections, &mut findings);
    let unit = tidy::to_kronor(&mut budget, &header, units, &mut findings);
    Ok(Imported {
        budget,
        findings,
        unit,
        costs: if turned.is_empty() {
            CostSigns::AsWritten
        } else {
            CostSigns::Turned(turned)
        },
    })
}

/// The rows below the header, each with the section it stands in. A line
/// that names the unit and nothing else is a unit, not a row.
fn read_rows(
    records: &[Record],
    header: &header::Header,
    sep: char,
    units: &mut header::Units,
    findings: &mut Vec<Finding>,
) -> Result<(Vec<Row>, Vec<classify::Section>), ImportError> {
    let mut tracker = sections::Tracker::default();
    let (mut rows, mut sections) = (Vec::new(), Vec::new());
    let mut warned_extra_cells = false;
    for record in records {
        let (line, cells) = (record.line, &record.cells);
        check_shape(cells, header, (line, sep), &mut warned_extra_cells, findings)?;
        let label = crate::engine::text::strip_note_marks(&cells[0]);
        let values = values::read(cells, header, line, &label, findings);
        let names_a_unit =
            || units::find_unit(&label).is_some_and(|(_, r)| units::without_unit(&label, r).is_empty());
        if !values.any_figure && (label.is_empty() || names_a_unit()) {
            units.note(&label, UnitSource::Title, (line, header.cell_no(0)), findings);
            continue;
        }
        let read = tracker.read(&cells[0], values.any_figure, (line, header.cell_no(0)), findings);
        sections.push(tracker.section);
        rows.push(Row {
            label: read.label,
            class: read.class,
            values: values.values,
            line: Some(line),
        });
    }
    Ok((rows, sections))
}

/// A row's shape against the header's: a row that the header's separator
/// did not split but another would is an error; cells beyond the header's
/// columns are reported once.
fn check_shape(
    cells: &[String],
    header: &header::Header,
    (line, sep): (usize, char),
    warned: &mut bool,
    findings: &mut Vec<Finding>,
) -> Result<(), ImportError> {
    if cells.len() == 1 && header.width > 1 {
        for other in ['\t', ';', ','] {
            if other != sep
                && cells[0]
                    .split(other)
                    .skip(1)
                    .any(|c| super::money::parse_amount(c).is_ok())
            {
                let kind = ImportErrorKind::MixedSeparators {
                    header: sep,
                    row: other,
                };
                return Err(ImportError::at(line, None, kind));
            }
        }
    }
    let extra = cells.iter().skip(header.width).position(|c| !c.is_empty());
    if let Some(at) = extra.filter(|_| !*warned) {
        *warned = true;
        let detail = super::findings::Detail::ColumnIgnored {
            header: String::new(),
        };
        findings.push(
            Finding::new(super::Severity::Warning, super::Code::ColumnIgnored, detail)
                .at(Some(line), Some(header.cell_no(header.width + at))),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests;
