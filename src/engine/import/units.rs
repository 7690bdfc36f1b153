//! The unit a table's amounts are written in (kr, tkr or mnkr), where the
//! importer read it, and exact scaling between units. A budget is always
//! in kronor once imported; the unit says how the table was read.

use crate::engine::model::Budget;
use crate::engine::money::MAX_AMOUNT;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Kr,
    /// Thousands of kronor: tkr, tusental kronor.
    Tkr,
    /// Millions of kronor: mnkr, Mkr, miljoner kronor.
    Mnkr,
}

impl Unit {
    pub const ALL: [Unit; 3] = [Unit::Kr, Unit::Tkr, Unit::Mnkr];

    /// The power of ten that turns one of this unit into kronor.
    fn exponent(self) -> i32 {
        match self {
            Unit::Kr => 0,
            Unit::Tkr => 3,
            Unit::Mnkr => 6,
        }
    }

    /// Kronor in one of this unit: 1, 1 000 or 1 000 000.
    pub fn in_kronor(self) -> Decimal {
        Decimal::from(10i64.pow(self.exponent().unsigned_abs()))
    }

    /// As Swedish tables write it, in either language.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Unit::Kr => "kr",
            Unit::Tkr => "tkr",
            Unit::Mnkr => "mnkr",
        }
    }
}

/// Where in the table the unit was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitSource {
    /// In the title: the header row's first cell, or a line above it
    /// (`Resultaträkning (tkr)`).
    Title,
    /// In a column header (`Budget 2024 tkr`).
    Header,
    /// A cell holding the unit and nothing else (`Belopp i tkr`).
    FirstCell,
    /// Not read but chosen by the person, in the import preview.
    Chosen,
}

/// The unit the importer read the amounts in, and where it read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UnitRead {
    pub unit: Unit,
    /// None when the table names no unit: kronor, as written.
    pub source: Option<UnitSource>,
}

impl UnitRead {
    /// As the import worker sends it to the page: `kr`, `tkr title`,
    /// `mnkr first-cell`. A string, because the page already reads strings,
    /// where two enums' deserializers would add to every visit.
    pub fn to_words(self) -> String {
        let source = match self.source {
            None => "",
            Some(UnitSource::Title) => " title",
            Some(UnitSource::Header) => " header",
            Some(UnitSource::FirstCell) => " first-cell",
            Some(UnitSource::Chosen) => " chosen",
        };
        format!("{}{source}", self.unit.abbreviation())
    }

    /// Back from [`UnitRead::to_words`]; anything else is kronor, unread.
    pub fn from_words(text: &str) -> UnitRead {
        let (unit, source) = text.split_once(' ').unwrap_or((text, ""));
        let unit = match unit {
            "tkr" => Unit::Tkr,
            "mnkr" => Unit::Mnkr,
            _ => Unit::Kr,
        };
        let source = match source {
            "title" => Some(UnitSource::Title),
            "header" => Some(UnitSource::Header),
            "first-cell" => Some(UnitSource::FirstCell),
            "chosen" => Some(UnitSource::Chosen),
            _ => None,
        };
        UnitRead { unit, source }
    }
}

/// Ways of writing each unit, case folded, longest first where one
/// contains another.
const PHRASES: [(&str, Unit); 19] = [
    ("tusentals kronor", Unit::Tkr),
    ("tusental kronor", Unit::Tkr),
    ("tusen kronor", Unit::Tkr),
    ("miljoner kronor", Unit::Mnkr),
    ("miljoner kr", Unit::Mnkr),
    ("milj. kr", Unit::Mnkr),
    ("milj kr", Unit::Mnkr),
    ("mn kr", Unit::Mnkr),
    ("mnkr", Unit::Mnkr),
    ("msek", Unit::Mnkr),
    ("mkr", Unit::Mnkr),
    ("tkr", Unit::Tkr),
    ("tsek", Unit::Tkr),
    ("ksek", Unit::Tkr),
    ("kkr", Unit::Tkr),
    ("kronor", Unit::Kr),
    ("sek", Unit::Kr),
    ("kr.", Unit::Kr),
    ("kr", Unit::Kr),
];

/// Words that lead up to a unit: `Belopp i tkr`, `i tusental kronor`.
const LEADS: [&str; 5] = [
    "alla belopp i",
    "belopp anges i",
    "belopp angivna i",
    "belopp i",
    "i",
];

/// The unit a text names, and the bytes that name it (with `belopp i`
/// and parentheses around it), if it names one.
pub fn find_unit(text: &str) -> Option<(Unit, Range<usize>)> {
    // Folding keeps every character's length in bytes, so ranges agree.
    let folded = crate::engine::text::fold_case(text);
    let word = crate::engine::text::is_word_char;
    let starts_word = |i: usize| !folded[..i].chars().next_back().is_some_and(word);
    let ends_word = |i: usize| !folded[i..].chars().next().is_some_and(word);
    let (unit, mut range) = PHRASES.iter().find_map(|(phrase, unit)| {
        folded
            .match_indices(phrase)
            .map(|(at, p)| at..at + p.len())
            .find(|r| starts_word(r.start) && ends_word(r.end))
            .map(|r| (*unit, r))
    })?;
    let before = folded[..range.start].trim_end();
    if let Some(lead) = LEADS.iter().find(|l| before.ends_with(*l)) {
        let start = before.len() - lead.len();
        if starts_word(start) {
            range.start = start;
        }
    }
    let before = folded[..range.start].trim_end();
    let after = folded[range.end..].trim_start();
    if before.ends_with('(') && after.starts_with(')') {
        range = before.len() - 1..folded.len() - after.len() + 1;
    }
    Some((unit, range))
}

/// The text without the words that name its unit, and without the commas,
/// dashes and colons left around them: `Resultaträkning, belopp i tkr`
/// gives `Resultaträkning`.
pub fn without_unit(text: &str, range: Range<usize>) -> String {
    fn trim(s: &str) -> &str {
        s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—'))
    }
    let before = trim(&text[..range.start]);
    let after = trim(&text[range.end..]);
    match (before.is_empty(), after.is_empty()) {
        (false, false) => format!("{before} {after}"),
        _ => format!("{before}{after}"),
    }
}

/// An amount in kronor, read as `from`, re-read as `to`: exactly
/// `value × 10^(to − from)`. None when it would leave the engine's range.
pub fn rescale_amount(value: Decimal, from: Unit, to: Unit) -> Option<Decimal> {
    let shift = to.exponent() - from.exponent();
    let scaled = if shift >= 0 {
        value.checked_mul(Decimal::from(10i64.pow(shift.unsigned_abs())))?
    } else {
        // Dividing by a power of ten only moves the decimal point.
        let value = value.normalize();
        let scale = value.scale() + shift.unsigned_abs();
        Decimal::try_from_i128_with_scale(value.mantissa(), scale).ok()?
    };
    (scaled.abs() <= Decimal::from(MAX_AMOUNT)).then(|| scaled.normalize())
}

/// Where a budget cannot be re-read in another unit: the row's position in
/// the budget and the column's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfRange {
    pub row: usize,
    pub column: usize,
}

/// Every amount of a budget re-read from one unit in another, exactly.
/// The split key holds populations or percentages, not money: it stays.
pub fn rescale(budget: &Budget, from: Unit, to: Unit) -> Result<Budget, OutOfRange> {
    let mut out = budget.clone();
    for (r, row) in out.rows.iter_mut().enumerate() {
        for (c, value) in row.values.iter_mut().enumerate() {
            if let Some(v) = value {
                *v = rescale_amount(*v, from, to).ok_or(OutOfRange { row: r, column: c })?;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn units_are_read_wherever_tables_write_them() {
        for (text, unit, rest) in [
            ("Belopp i tkr", Unit::Tkr, ""),
            ("tkr", Unit::Tkr, ""),
            ("Tkr", Unit::Tkr, ""),
            ("(tkr)", Unit::Tkr, ""),
            ("Budget 2024 (tkr)", Unit::Tkr, "Budget 2024"),
            ("Budget 2024 tkr", Unit::Tkr, "Budget 2024"),
            (
                "Resultaträkning, belopp i tusental kronor",
                Unit::Tkr,
                "Resultaträkning",
            ),
            ("Verksamhetsplan 2025 – mnkr", Unit::Mnkr, "Verksamhetsplan 2025"),
            ("Mkr", Unit::Mnkr, ""),
            ("Budget (miljoner kronor) 2025", Unit::Mnkr, "Budget 2025"),
            ("Belopp i kronor", Unit::Kr, ""),
            ("Budget 2024 (kr)", Unit::Kr, "Budget 2024"),
            ("Plan 2025 kr.", Unit::Kr, "Plan 2025"),
        ] {
            let (found, range) = find_unit(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(found, unit, "{text}");
            assert_eq!(without_unit(text, range), rest, "{text}");
        }
        for text in [
            "Södra Vätterbygden",
            "Kransen",
            "Utkrävande",
            "Krami",
            "Budget 2024",
        ] {
            assert_eq!(find_unit(text).map(|f| f.0), None, "{text}");
        }
    }

    #[test]
    fn a_unit_read_goes_to_the_page_as_words_and_back() {
        for unit in Unit::ALL {
            for source in [
                None,
                Some(UnitSource::Title),
                Some(UnitSource::Header),
                Some(UnitSource::FirstCell),
                Some(UnitSource::Chosen),
            ] {
                let read = UnitRead { unit, source };
                assert_eq!(UnitRead::from_words(&read.to_words()), read);
            }
        }
        assert_eq!(UnitRead::from_words("nonsense"), UnitRead::default());
    }

    #[test]
    fn rescaling_is_exact_and_reversible() {
        assert_eq!(
            rescale_amount(d("3.15"), Unit::Kr, Unit::Mnkr),
            Some(d("3150000"))
        );
        assert_eq!(
            rescale_amount(d("1234.5"), Unit::Kr, Unit::Tkr),
            Some(d("1234500"))
        );
        assert_eq!(
            rescale_amount(d("1234500"), Unit::Tkr, Unit::Kr),
            Some(d("1234.5"))
        );
        assert_eq!(rescale_amount(d("1"), Unit::Mnkr, Unit::Kr), Some(d("0.000001")));
        assert_eq!(
            rescale_amount(d("-5500"), Unit::Kr, Unit::Tkr),
            Some(d("-5500000"))
        );
        assert_eq!(rescale_amount(d("2000000"), Unit::Kr, Unit::Mnkr), None);
        for v in ["0", "1", "999999.999", "-0.001", "123456789"] {
            for from in Unit::ALL {
                for to in Unit::ALL {
                    if let Some(there) = rescale_amount(d(v), from, to) {
                        assert_eq!(rescale_amount(there, to, from), Some(d(v)), "{v} {from:?} {to:?}");
                    }
                }
            }
        }
        // Whole kronor stay whole kronor in the JSON: no trailing ".000".
        assert_eq!(
            rescale_amount(d("1.5"), Unit::Kr, Unit::Tkr).unwrap().to_string(),
            "1500"
        );
    }
}
