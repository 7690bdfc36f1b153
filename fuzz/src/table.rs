//! Valid tables damaged cell by cell: the structure-aware importer target.
//! A seed table (a preset or a fixture) is read into a grid of cells; the
//! fuzzer's bytes choose edits (a cell replaced by another amount, label,
//! header or text; an amount negated, put in parentheses, in tkr, with
//! another unit; rows and columns inserted, dropped, duplicated, swapped)
//! and how the grid is written back (separator, quoting, line ends, BOM,
//! Windows-1252). The result reaches the importer past its header check.

use crate::words::{KINDS, LABELS, UNITS};
use arbitrary::Arbitrary;

/// Minus signs people paste: hyphen, U+2212, en dash, and a trailing one.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Sign {
    Hyphen,
    Minus,
    EnDash,
    Parentheses,
    Trailing,
    Plus,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Grouping {
    None,
    Space,
    Nbsp,
    NarrowNbsp,
    Dot,
    Apostrophe,
    Comma,
}

/// A number written as a person might.
#[derive(Debug, Clone, Arbitrary)]
pub struct Number {
    pub value: i64,
    pub digits: u8,
    pub decimals: u8,
    pub point: bool,
    pub grouping: Grouping,
    pub negative: Option<Sign>,
    pub unit: u8,
}

impl Number {
    pub fn write(&self) -> String {
        // Mostly realistic magnitudes, sometimes anything an i64 holds.
        let digits = u32::from(self.digits % 16);
        let magnitude = if digits >= 15 {
            self.value.unsigned_abs()
        } else {
            self.value.unsigned_abs() % 10u64.pow(digits + 1)
        };
        let whole = group(&magnitude.to_string(), self.grouping);
        let mut s = whole;
        let decimals = self.decimals % 4;
        if decimals > 0 {
            s.push(if self.point { '.' } else { ',' });
            s.push_str(&format!(
                "{:0>width$}",
                magnitude % 10u64.pow(u32::from(decimals)),
                width = decimals as usize
            ));
        }
        if let Some(sign) = self.negative {
            s = signed(&s, sign);
        }
        s.push_str(UNITS[self.unit as usize % UNITS.len()]);
        s
    }
}

fn signed(s: &str, sign: Sign) -> String {
    match sign {
        Sign::Hyphen => format!("-{s}"),
        Sign::Minus => format!("\u{2212}{s}"),
        Sign::EnDash => format!("\u{2013}{s}"),
        Sign::Parentheses => format!("({s})"),
        Sign::Trailing => format!("{s}-"),
        Sign::Plus => format!("+{s}"),
    }
}

fn group(digits: &str, grouping: Grouping) -> String {
    let sep = match grouping {
        Grouping::None => return digits.to_string(),
        Grouping::Space => ' ',
        Grouping::Nbsp => '\u{a0}',
        Grouping::NarrowNbsp => '\u{202f}',
        Grouping::Dot => '.',
        Grouping::Apostrophe => '\'',
        Grouping::Comma => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A column header: a kind, a year near the presets' (or any four digits,
/// or none), perhaps a date and a word beside it.
#[derive(Debug, Clone, Arbitrary)]
pub struct Header {
    pub kind: u8,
    pub year: i16,
    pub date: Option<(u8, u8)>,
    pub extra: u8,
}

impl Header {
    pub fn write(&self) -> String {
        let kind = KINDS[self.kind as usize % KINDS.len()];
        let year = if self.year.unsigned_abs() < 200 {
            2024 + i32::from(self.year % 200) / 2
        } else {
            i32::from(self.year)
        };
        let mut s = format!("{kind} {year}");
        if let Some((m, d)) = self.date {
            s.push_str(&format!("-{:02}-{:02}", m % 14, d % 33));
        }
        s.push_str(["", " prel", " (kr)", " tkr", " t.o.m", " per", "*"][self.extra as usize % 7]);
        s.trim().to_string()
    }
}

#[derive(Debug, Clone, Arbitrary)]
pub enum Cell {
    Empty,
    Number(Number),
    Label(u8),
    Header(Header),
    Text(String),
}

impl Cell {
    pub fn write(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(n) => n.write(),
            Cell::Label(i) => LABELS[*i as usize % LABELS.len()].to_string(),
            Cell::Header(h) => h.write(),
            Cell::Text(t) => t.clone(),
        }
    }
}

/// A change to what a cell already holds.
#[derive(Debug, Clone, Arbitrary)]
pub enum Mangle {
    Negate(Sign),
    /// The figure in thousands, with a decimal comma: "3,15" for 3 150 000.
    Thousands,
    Millions,
    Unit(u8),
    Quote,
    Pad,
    Insert(u8, char),
    Remove(u8),
    Truncate(u8),
    Twice,
    UpperCase,
}

fn mangle(cell: &str, how: &Mangle) -> String {
    let digits: String = cell.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect();
    let scaled = |div: i128| {
        digits.parse::<i128>().map_or_else(
            |_| cell.to_string(),
            |v| {
                let whole = v / div;
                let frac = (v % div).abs() * 100 / div;
                format!("{whole},{frac:02}")
            },
        )
    };
    let chars: Vec<char> = cell.chars().collect();
    let at = |i: u8| i as usize % (chars.len() + 1);
    match how {
        Mangle::Negate(sign) => signed(cell, *sign),
        Mangle::Thousands => scaled(1000),
        Mangle::Millions => scaled(1_000_000),
        Mangle::Unit(u) => format!("{cell}{}", UNITS[*u as usize % UNITS.len()]),
        Mangle::Quote => format!("\"{cell}\""),
        Mangle::Pad => format!("  {cell}\u{a0}"),
        Mangle::Insert(i, c) => {
            let mut chars = chars.clone();
            chars.insert(at(*i), *c);
            chars.into_iter().collect()
        }
        Mangle::Remove(i) => {
            let mut chars = chars.clone();
            if !chars.is_empty() {
                chars.remove(*i as usize % chars.len());
            }
            chars.into_iter().collect()
        }
        Mangle::Truncate(i) => chars[..at(*i)].iter().collect(),
        Mangle::Twice => format!("{cell}{cell}"),
        Mangle::UpperCase => cell.to_uppercase(),
    }
}

#[derive(Debug, Clone, Arbitrary)]
pub enum Op {
    Set {
        row: u8,
        col: u8,
        cell: Cell,
    },
    Mangle {
        row: u8,
        col: u8,
        how: Mangle,
    },
    /// Every amount in a column, or a row, changed the same way.
    MangleColumn {
        col: u8,
        how: Mangle,
    },
    MangleRow {
        row: u8,
        how: Mangle,
    },
    InsertRow {
        at: u8,
        label: Cell,
        values: Vec<Cell>,
    },
    DeleteRow(u8),
    DuplicateRow {
        from: u8,
        to: u8,
    },
    SwapRows(u8, u8),
    InsertColumn {
        at: u8,
        header: Header,
        fill: Option<Cell>,
    },
    DeleteColumn(u8),
    /// A line above the header, such as "Belopp i tkr".
    Preamble(Cell),
}

#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Separator {
    Keep,
    Semicolon,
    Comma,
    Tab,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Quoting {
    Needed,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum LineEnd {
    Lf,
    CrLf,
    Cr,
}

#[derive(Debug, Clone, Arbitrary)]
pub struct Damage {
    pub table: u8,
    pub ops: Vec<Op>,
    pub separator: Separator,
    pub quoting: Quoting,
    pub line_end: LineEnd,
    pub bom: bool,
    pub windows_1252: bool,
    pub trailing_newline: bool,
}

/// A table as a grid of cells, and the separator it was written with.
pub struct Grid {
    pub rows: Vec<Vec<String>>,
    pub separator: u8,
}

/// Reads a seed table. Seeds are the repository's own files, so this can
/// be simple: UTF-8 or Latin-1, the header's separator, CSV quoting.
pub fn read(bytes: &[u8]) -> Grid {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map(str::to_string)
        .unwrap_or_else(|_| bytes.iter().map(|&b| b as char).collect());
    let first = text.lines().next().unwrap_or_default();
    let separator = [b'\t', b';', b',']
        .into_iter()
        .find(|&s| first.as_bytes().contains(&s))
        .unwrap_or(b';');
    let rows = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .filter_map(|r| r.ok())
        .map(|r| r.iter().map(str::to_string).collect())
        .collect();
    Grid { rows, separator }
}

impl Damage {
    /// The damaged table's bytes, as a file or a paste would bring them.
    pub fn apply(&self, seeds: &[(&str, &[u8])]) -> Vec<u8> {
        let Some((_, seed)) = seeds.get(self.table as usize % seeds.len().max(1)) else {
            return Vec::new();
        };
        let mut grid = read(seed);
        for op in self.ops.iter().take(64) {
            apply_op(&mut grid.rows, op);
        }
        self.write(&grid)
    }

    fn write(&self, grid: &Grid) -> Vec<u8> {
        let sep = match self.separator {
            Separator::Keep => grid.separator as char,
            Separator::Semicolon => ';',
            Separator::Comma => ',',
            Separator::Tab => '\t',
        };
        let eol = match self.line_end {
            LineEnd::Lf => "\n",
            LineEnd::CrLf => "\r\n",
            LineEnd::Cr => "\r",
        };
        let mut text = String::new();
        if self.bom {
            text.push('\u{feff}');
        }
        for (i, row) in grid.rows.iter().enumerate() {
            if i > 0 {
                text.push_str(eol);
            }
            let cells: Vec<String> = row
                .iter()
                .map(|c| {
                    let needed = c.contains(sep) || c.contains('"') || c.contains('\n') || c.contains('\r');
                    match self.quoting {
                        Quoting::Always => format!("\"{}\"", c.replace('"', "\"\"")),
                        Quoting::Needed if needed => format!("\"{}\"", c.replace('"', "\"\"")),
                        _ => c.clone(),
                    }
                })
                .collect();
            text.push_str(&cells.join(&sep.to_string()));
        }
        if self.trailing_newline {
            text.push_str(eol);
        }
        if self.windows_1252 {
            text.chars().map(to_windows_1252).collect()
        } else {
            text.into_bytes()
        }
    }
}

fn to_windows_1252(c: char) -> u8 {
    match c {
        '\u{feff}' => b'?',
        '€' => 0x80,
        '–' => 0x96,
        '—' => 0x97,
        c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u32 as u8,
        _ => b'?',
    }
}

fn apply_op(rows: &mut Vec<Vec<String>>, op: &Op) {
    let n = rows.len();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let row_at = |i: u8| (n > 0).then(|| i as usize % n);
    let col_at = |i: u8| (width > 0).then(|| i as usize % width);
    match op {
        Op::Set {
            row,
            col,
            cell: value,
        } => {
            if let (Some(r), Some(c)) = (row_at(*row), col_at(*col)) {
                if let Some(slot) = rows[r].get_mut(c) {
                    *slot = value.write();
                }
            }
        }
        Op::Mangle { row, col, how } => {
            if let (Some(r), Some(c)) = (row_at(*row), col_at(*col)) {
                if let Some(slot) = rows[r].get_mut(c) {
                    *slot = mangle(slot, how);
                }
            }
        }
        Op::MangleColumn { col, how } => {
            if let Some(c) = col_at(*col) {
                for row in rows.iter_mut().skip(1) {
                    if let Some(slot) = row.get_mut(c).filter(|s| s.chars().any(|ch| ch.is_ascii_digit())) {
                        *slot = mangle(slot, how);
                    }
                }
            }
        }
        Op::MangleRow { row, how } => {
            if let Some(r) = row_at(*row) {
                for slot in rows[r]
                    .iter_mut()
                    .skip(1)
                    .filter(|s| s.chars().any(|ch| ch.is_ascii_digit()))
                {
                    *slot = mangle(slot, how);
                }
            }
        }
        Op::InsertRow { at, label, values } => {
            let mut row = vec![label.write()];
            row.extend(values.iter().take(width.max(1)).map(Cell::write));
            rows.insert(*at as usize % (n + 1), row);
        }
        Op::DeleteRow(i) => {
            if let Some(r) = row_at(*i) {
                rows.remove(r);
            }
        }
        Op::DuplicateRow { from, to } => {
            if let Some(r) = row_at(*from) {
                let copy = rows[r].clone();
                rows.insert(*to as usize % (n + 1), copy);
            }
        }
        Op::SwapRows(a, b) => {
            if let (Some(a), Some(b)) = (row_at(*a), row_at(*b)) {
                rows.swap(a, b);
            }
        }
        Op::InsertColumn { at, header, fill } => {
            let c = *at as usize % (width + 1);
            for (r, row) in rows.iter_mut().enumerate() {
                let value = if r == 0 {
                    header.write()
                } else {
                    fill.as_ref().map(Cell::write).unwrap_or_default()
                };
                row.insert(c.min(row.len()), value);
            }
        }
        Op::DeleteColumn(i) => {
            if let Some(c) = col_at(*i) {
                for row in rows.iter_mut().filter(|row| c < row.len()) {
                    row.remove(c);
                }
            }
        }
        Op::Preamble(value) => rows.insert(0, vec![value.write()]),
    }
}
