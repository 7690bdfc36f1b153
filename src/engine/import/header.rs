//! The header reader: where the header row is, its separator, the title,
//! each column's year and kind, and the unit wherever it is written.

use super::units::{find_unit, without_unit, Unit, UnitSource};
use super::{ImportError, ImportErrorKind, Record};
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::model::{Column, ColumnKind};
use crate::engine::money::parse_amount;

/// The header row, read.
pub(super) struct Header {
    pub line: usize,
    /// Cells in the header row.
    pub width: usize,
    /// Empty columns dropped before the labels (a table that starts in
    /// column B): added back when naming a cell.
    pub offset: usize,
    pub title: String,
    /// Each year column: its cell's index in a row, and the column.
    pub columns: Vec<(usize, Column)>,
    /// Cells that hold note references, not figures.
    pub notes: Vec<usize>,
}

impl Header {
    /// The 1-based column of a row's cell, as the person's table numbers it.
    pub fn cell_no(&self, i: usize) -> usize {
        i + 1 + self.offset
    }
}

/// The unit found so far, and where; later, different ones are reported.
#[derive(Default)]
pub(super) struct Units {
    pub found: Option<(Unit, UnitSource, String, usize, usize)>,
}

impl Units {
    /// Notes the unit a cell names, if any, and gives the cell's text
    /// without it.
    pub fn note(
        &mut self,
        text: &str,
        source: UnitSource,
        at: (usize, usize),
        findings: &mut Vec<Finding>,
    ) -> String {
        let Some((unit, range)) = find_unit(text) else {
            return text.to_string();
        };
        let written = text[range.clone()].trim().to_string();
        let rest = without_unit(text, range);
        let source = match source {
            UnitSource::Title if rest.is_empty() => UnitSource::FirstCell,
            s => s,
        };
        match &self.found {
            None => self.found = Some((unit, source, written, at.0, at.1)),
            Some((used, ..)) if *used != unit => findings.push(
                Finding::new(
                    Severity::Warning,
                    Code::UnitConflict,
                    Detail::UnitConflict {
                        used: *used,
                        other: unit,
                        written,
                    },
                )
                .at(Some(at.0), Some(at.1)),
            ),
            Some(_) => {}
        }
        rest
    }
}

/// The separator and the line of the header row: the first line that,
/// split by tab, semicolon or comma (in that order, since Swedish amounts
/// use a decimal comma), has a year header.
pub(super) fn locate(text: &str) -> Result<(char, usize), ImportError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .peekable();
    let first = lines.peek().map_or(1, |(n, _)| n + 1);
    for (n, line) in lines.take(super::MAX_PREAMBLE + 1) {
        for sep in ['\t', ';', ','] {
            let header = line
                .split(sep)
                .skip(1)
                .any(|c| parse_column_header(c.trim().trim_matches('"')).is_some());
            if header {
                return Ok((sep, n + 1));
            }
        }
    }
    Err(ImportError::at(first, None, ImportErrorKind::NoYearHeader))
}

/// Reads the header row, with the lines above it (a title, a unit, or the
/// kinds of a header written on two rows: `Utfall;Budget` over `2023;2024`).
pub(super) fn read(
    preamble: &[Record],
    record: &Record,
    offset: usize,
    units: &mut Units,
    findings: &mut Vec<Finding>,
) -> Result<Header, ImportError> {
    let mut header = Header {
        line: record.line,
        width: record.cells.len(),
        offset,
        title: String::new(),
        columns: Vec::new(),
        notes: Vec::new(),
    };
    let mut titles = captions(preamble, &header, units, findings)?;
    let at = (record.line, header.cell_no(0));
    titles.push(units.note(&record.cells[0], UnitSource::Title, at, findings));
    let above = preamble.last().map(|r| r.cells.as_slice());
    for (i, cell) in record
        .cells
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, c)| !c.is_empty())
    {
        read_column(i, cell, above, &mut header, units, findings);
    }
    if header.columns.is_empty() {
        return Err(ImportError::at(record.line, None, ImportErrorKind::NoYearHeader));
    }
    // Under a caption such as "Resultaträkning", a bare year is an outcome,
    // as in an årsredovisning; elsewhere it is a budget.
    if titles.iter().any(|t| speaks_of_outcomes(t)) {
        for (_, column) in &mut header.columns {
            let bare = !column
                .label
                .chars()
                .any(|c| c.is_ascii_alphabetic() || !c.is_ascii());
            if column.kind == ColumnKind::Budget && bare {
                column.kind = ColumnKind::Utfall;
            }
        }
    }
    titles.retain(|t| !t.is_empty());
    titles.dedup();
    titles.truncate(2);
    header.title = match titles.is_empty() {
        true => "Importerad budget".to_string(),
        false => titles.join(" – "),
    };
    Ok(header)
}

/// The lines above the header: each first cell is a title, and any cell
/// may name the unit. A figure there means the header has no year.
fn captions(
    preamble: &[Record],
    header: &Header,
    units: &mut Units,
    findings: &mut Vec<Finding>,
) -> Result<Vec<String>, ImportError> {
    let mut titles = Vec::new();
    for row in preamble {
        if row.cells.iter().skip(1).any(|c| parse_amount(c).is_ok()) {
            let first = preamble.first().map_or(row.line, |r| r.line);
            return Err(ImportError::at(first, None, ImportErrorKind::NoYearHeader));
        }
        for (i, text) in row.cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            let rest = units.note(text, UnitSource::Title, (row.line, header.cell_no(i)), findings);
            if i == 0 {
                titles.push(rest);
            }
        }
    }
    Ok(titles)
}

/// One header cell: a year column, a notes column, a unit, or a column
/// that is not read (said as a finding).
fn read_column(
    i: usize,
    cell: &str,
    above: Option<&[String]>,
    header: &mut Header,
    units: &mut Units,
    findings: &mut Vec<Finding>,
) {
    let two_rows = above
        .and_then(|a| a.get(i))
        .filter(|a| !a.is_empty())
        .map(|a| format!("{a} {cell}"))
        .filter(|t| parse_column_header(t).is_some());
    let at = (header.line, header.cell_no(i));
    let text = two_rows.unwrap_or_else(|| cell.to_string());
    let label = units.note(&text, UnitSource::Header, at, findings);
    let ignored =
        |detail, severity| Finding::new(severity, Code::ColumnIgnored, detail).at(Some(at.0), Some(at.1));
    match parse_column_header(&label) {
        Some((kind, year, period_end)) => header.columns.push((
            i,
            Column {
                label,
                kind,
                year,
                period_end,
            },
        )),
        None if label.is_empty() => {}
        None if is_notes(&label) => {
            header.notes.push(i);
            findings.push(ignored(Detail::NotesColumn { header: label }, Severity::Info));
        }
        None => findings.push(ignored(
            Detail::ColumnIgnored { header: label },
            Severity::Warning,
        )),
    }
}

fn speaks_of_outcomes(caption: &str) -> bool {
    let caption = crate::engine::text::fold_case(caption);
    ["resultaträkning", "årsredovisning", "bokslut", "utfall"]
        .iter()
        .any(|w| caption.contains(w))
}

fn is_notes(header: &str) -> bool {
    matches!(
        crate::engine::text::fold_case(header.trim().trim_end_matches('.')).as_str(),
        "not" | "noter" | "not nr" | "notnr" | "note" | "notes"
    )
}

/// Reads a column header: `Budget 2024`, `Prognos 2023`, `Utfall 2022`,
/// `Plan 2025`, a bare `2024` (a budget), `Utfall 2023-06-30` or
/// `Delår jan–aug 2023` (period to date). Words such as "prel" or a unit
/// ("tkr") are allowed beside them.
pub fn parse_column_header(text: &str) -> Option<(ColumnKind, i32, Option<String>)> {
    let text = match find_unit(text) {
        Some((_, range)) => without_unit(text, range),
        None => text.to_string(),
    };
    let lower = crate::engine::text::fold_case(text.trim());
    let mut kind = None;
    let mut year = None;
    let mut date = None;
    let mut part_year = false;
    for token in lower
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ':')
        .filter(|t| !t.is_empty())
    {
        let token = token.trim_end_matches(['.', ',']);
        match token {
            "utfall" | "bokslut" => kind = kind.or(Some(ColumnKind::Utfall)),
            "delårsbokslut" | "delår" | "delårsutfall" | "delårsrapport" => {
                kind = kind.or(Some(ColumnKind::Utfall));
                part_year = true;
            }
            "prognos" => kind = Some(ColumnKind::Prognos),
            "budget" | "årsbudget" => kind = Some(ColumnKind::Budget),
            "plan" => kind = Some(ColumnKind::Plan),
            "prel" | "preliminär" | "preliminärt" | "reviderad" | "rev" | "år" | "t.o.m" | "tom" | "per"
            | "helår" | "beslutad" | "fastställd" => {}
            t if is_month_range(t) => part_year = true,
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
        (ColumnKind::Utfall, None) if part_year => Some((ColumnKind::PeriodUtfall, year, None)),
        (kind, _) => Some((kind, year, None)),
    }
}

/// `jan–jun`, `januari-augusti`: the months a period-to-date covers.
fn is_month_range(t: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    let month = |m: &str| m.len() >= 3 && m.is_char_boundary(3) && MONTHS.contains(&&m[..3]);
    t.split_once(['-', '–'])
        .is_some_and(|(a, b)| month(a) && month(b))
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
