//! Findings: what the engine has to say about a budget, each with a
//! severity, a stable code, where it is, and a message that cites its rule.
//!
//! A finding carries typed figures, not text, so the browser can word it
//! in Swedish or English and format numbers through `Intl`.

mod import_words;
mod words;

use super::import::units::{Unit, UnitSource};
use super::model::RowClass;
use super::money::AmountError;
use super::{Lang, NumberFormat};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Sv) => "fel",
            (Severity::Warning, Lang::Sv) => "varning",
            (Severity::Info, Lang::Sv) => "info",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        }
    }
}

/// Stable codes: tools and tests may depend on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    SumMismatch,
    SplitMismatch,
    NegativeEquity,
    Deficit,
    OpeningEquityMissing,
    OpeningEquityDiffers,
    Unmatched,
    KeyDeviation,
    EquityHigh,
    UnknownRow,
    AmbiguousRow,
    DuplicateRow,
    BadCell,
    ColumnIgnored,
    HeadingAssumed,
    YearGap,
    UnitRead,
    UnitConflict,
    UnitUnstated,
    CostsNegative,
    BalanceColumn,
    OpeningDerived,
}

impl Code {
    pub const ALL: [Code; 22] = [
        Code::SumMismatch,
        Code::SplitMismatch,
        Code::NegativeEquity,
        Code::Deficit,
        Code::OpeningEquityMissing,
        Code::OpeningEquityDiffers,
        Code::Unmatched,
        Code::KeyDeviation,
        Code::EquityHigh,
        Code::UnknownRow,
        Code::AmbiguousRow,
        Code::DuplicateRow,
        Code::BadCell,
        Code::ColumnIgnored,
        Code::HeadingAssumed,
        Code::YearGap,
        Code::UnitRead,
        Code::UnitConflict,
        Code::UnitUnstated,
        Code::CostsNegative,
        Code::BalanceColumn,
        Code::OpeningDerived,
    ];

    /// The code its stable name names, if any.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The importer's findings about the unit, which a person's own choice
    /// of unit replaces.
    pub fn is_about_the_unit(self) -> bool {
        matches!(self, Code::UnitRead | Code::UnitConflict | Code::UnitUnstated)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Code::SumMismatch => "sum-mismatch",
            Code::SplitMismatch => "split-mismatch",
            Code::NegativeEquity => "negative-equity",
            Code::Deficit => "deficit",
            Code::OpeningEquityMissing => "opening-equity-missing",
            Code::OpeningEquityDiffers => "opening-equity-differs",
            Code::Unmatched => "unmatched",
            Code::KeyDeviation => "key-deviation",
            Code::EquityHigh => "equity-high",
            Code::UnknownRow => "unknown-row",
            Code::AmbiguousRow => "ambiguous-row",
            Code::DuplicateRow => "duplicate-row",
            Code::BadCell => "bad-cell",
            Code::ColumnIgnored => "column-ignored",
            Code::HeadingAssumed => "heading-assumed",
            Code::YearGap => "year-gap",
            Code::UnitRead => "unit-read",
            Code::UnitConflict => "unit-conflict",
            Code::UnitUnstated => "unit-unstated",
            Code::CostsNegative => "costs-negative",
            Code::BalanceColumn => "balance-column",
            Code::OpeningDerived => "opening-derived",
        }
    }
}

/// Which party's offer limits the matched funding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    State,
    Region,
    Kommuner,
}

/// The figures behind a finding.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    SumMismatch {
        label: String,
        declared: Decimal,
        computed: Decimal,
        /// At most 1 kr per line summed: rounding in the source.
        rounding: bool,
        /// The engine took the declared figure instead of the computed one.
        uses_declared: bool,
    },
    RegionVsKommuner {
        region: Decimal,
        kommuner: Decimal,
        period: bool,
    },
    StateVsOthers {
        state: Decimal,
        others: Decimal,
        period: bool,
    },
    NegativeEquity {
        closing: Decimal,
    },
    Deficit {
        result: Decimal,
        opening: Decimal,
        closing: Decimal,
        actual: bool,
    },
    OpeningEquityMissing,
    OpeningEquityDiffers {
        table: Decimal,
        chain: Decimal,
    },
    Unmatched {
        binding: Binding,
        region: Decimal,
        kommuner: Decimal,
        state_offer: Decimal,
        state_needed: Decimal,
    },
    KeyDeviation {
        kommun: String,
        share_pct: Decimal,
        key_pct: Decimal,
    },
    EquityHigh {
        equity: Decimal,
        pct: Decimal,
        guideline_pct: Decimal,
    },
    UnknownRow {
        label: String,
    },
    AmbiguousRow {
        label: String,
        chosen: RowClass,
        other: RowClass,
    },
    DuplicateRow {
        label: String,
    },
    BadCell {
        label: String,
        error: AmountError,
    },
    ColumnIgnored {
        header: String,
    },
    /// A column of note references (`Not`): nothing to read in it.
    NotesColumn {
        header: String,
    },
    HeadingAssumed {
        label: String,
    },
    YearGap {
        from: i32,
        to: i32,
    },
    /// The table's amounts are in tkr or mnkr and were scaled to kronor.
    UnitRead {
        unit: Unit,
        source: UnitSource,
        /// The words that say it, as written.
        written: String,
    },
    /// Two places name different units; the first one read is used.
    UnitConflict {
        used: Unit,
        other: Unit,
        written: String,
    },
    /// No unit is written and every amount is small for a förbund.
    UnitUnstated {
        largest: Decimal,
    },
    /// Costs are written as negative amounts, as in a resultaträkning.
    CostsNegative,
    /// A column with nothing but equity: the balance brought into the
    /// next column, not a year without income.
    BalanceColumn {
        equity: Decimal,
    },
    /// No opening equity is given but the closing is: the opening is the
    /// closing less the computed result.
    OpeningDerived {
        closing: Decimal,
        result: Decimal,
        opening: Decimal,
    },
    /// Already worded, in both languages: an import finding as the import
    /// worker sends it to the page (see `import::ImportReply`).
    Worded {
        sv: String,
        en: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub code: Code,
    /// The column's label, e.g. `Budget 2024`.
    pub column: Option<String>,
    /// The line in the imported table, 1-based.
    pub line: Option<usize>,
    /// The cell's column in the imported table, 1-based (1 is the labels).
    pub cell: Option<usize>,
    pub detail: Detail,
}

impl Finding {
    pub fn new(severity: Severity, code: Code, detail: Detail) -> Finding {
        Finding {
            severity,
            code,
            column: None,
            line: None,
            cell: None,
            detail,
        }
    }

    pub fn in_column(mut self, label: &str) -> Finding {
        self.column = Some(label.to_string());
        self
    }

    pub fn at(mut self, line: Option<usize>, cell: Option<usize>) -> Finding {
        self.line = line;
        self.cell = cell;
        self
    }

    /// Where, in words: `Rad 5, kolumn 3 (Budget 2024)`.
    pub fn location(&self, lang: Lang) -> String {
        let (row_w, col_w) = match lang {
            Lang::Sv => ("rad", "kolumn"),
            Lang::En => ("row", "column"),
        };
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            parts.push(format!("{row_w} {line}"));
        }
        match (self.cell, &self.column) {
            (Some(cell), Some(label)) => parts.push(format!("{col_w} {cell} ({label})")),
            (Some(cell), None) => parts.push(format!("{col_w} {cell}")),
            (None, Some(label)) => parts.push(label.clone()),
            (None, None) => {}
        }
        super::text::capitalise(&parts.join(", "))
    }

    /// The whole message with its location, as the CLI and JSON give it.
    pub fn message(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        let loc = self.location(lang);
        let body = self.body(lang, f);
        if loc.is_empty() {
            body
        } else {
            format!("{loc}: {body}")
        }
    }

    /// The message without its location, and with the rule it rests on.
    pub fn body(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        words::body(self, lang, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page reads codes back by name: every code must be in `ALL` (the
    /// match names every variant, so a new code must be added here too).
    #[test]
    fn every_code_reads_back_by_its_name() {
        let listed = |code: Code| match code {
            Code::SumMismatch
            | Code::SplitMismatch
            | Code::NegativeEquity
            | Code::Deficit
            | Code::OpeningEquityMissing
            | Code::OpeningEquityDiffers
            | Code::Unmatched
            | Code::KeyDeviation
            | Code::EquityHigh
            | Code::UnknownRow
            | Code::AmbiguousRow
            | Code::DuplicateRow
            | Code::BadCell
            | Code::ColumnIgnored
            | Code::HeadingAssumed
            | Code::YearGap
            | Code::UnitRead
            | Code::UnitConflict
            | Code::UnitUnstated
            | Code::CostsNegative
            | Code::BalanceColumn
            | Code::OpeningDerived => Code::ALL.contains(&code),
        };
        for code in Code::ALL {
            assert!(listed(code));
            assert_eq!(Code::from_name(code.as_str()), Some(code));
            assert_eq!(
                serde_json::to_string(&code).unwrap(),
                format!("\"{}\"", code.as_str())
            );
        }
        assert_eq!(Code::from_name("no-such-code"), None);
    }

    #[test]
    fn a_derived_opening_reads_as_arithmetic() {
        let f = |result: i64| {
            let detail = Detail::OpeningDerived {
                closing: Decimal::from(1_000_000),
                result: Decimal::from(result),
                opening: Decimal::from(1_000_000 - result),
            };
            Finding::new(Severity::Info, Code::OpeningDerived, detail)
                .body(Lang::Sv, &crate::engine::SwedishFormat)
        };
        assert!(f(-150_000)
            .ends_with("1\u{a0}000\u{a0}000\u{a0}kr + 150\u{a0}000\u{a0}kr = 1\u{a0}150\u{a0}000\u{a0}kr."));
        assert!(f(200_000)
            .ends_with("1\u{a0}000\u{a0}000\u{a0}kr − 200\u{a0}000\u{a0}kr = 800\u{a0}000\u{a0}kr."));
    }
}
