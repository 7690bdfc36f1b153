//! The budget engine: pure Rust, no browser. Everything in DOMAIN.md lives
//! here, and both the CLI and the Yew shell call it.

pub mod analysis;
pub mod classify;
pub mod explain;
pub mod export;
pub mod findings;
pub mod import;
pub mod matching;
pub mod model;
pub mod money;
pub mod planning;
pub mod presets;
pub mod report;
pub mod scenario;
pub mod text;

pub use analysis::{analyse, Analysis, ColumnFigures, OpeningSource, Options};
pub use findings::{Code, Finding, Severity};
pub use import::{import_bytes, import_file, import_table, ImportError, Imported, Unit, UnitRead};
pub use model::{Budget, BudgetError, Column, ColumnKind, Row, RowClass, SplitKey, SCHEMA_VERSION};
pub use scenario::{
    run_scenario, Change, MemberRef, Mode, Quantity, Scenario, ScenarioError, ScenarioOutcome,
};

use serde::{Deserialize, Serialize};

/// The language of messages. Swedish is the default everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

/// How messages write numbers. The browser passes one backed by
/// `Intl.NumberFormat`; the CLI and the build's native prerender of the
/// page use [`SwedishFormat`]. The signed forms
/// follow from the plain ones unless a formatter has its own.
pub trait NumberFormat {
    /// `1 234 567 kr`
    fn kr(&self, value: rust_decimal::Decimal) -> String;
    /// `9,6 %`, from a value in percent units.
    fn percent(&self, value: rust_decimal::Decimal) -> String;
    /// `1 234 567`, `54,60`
    fn plain(&self, value: rust_decimal::Decimal) -> String;
    /// `+40 000 kr`, `−5 000 kr`, `0 kr`
    fn signed_kr(&self, value: rust_decimal::Decimal) -> String {
        plus(self.kr(value))
    }
    /// `+2,5 %`
    fn signed_percent(&self, value: rust_decimal::Decimal) -> String {
        plus(self.percent(value))
    }
}

/// A plus sign before a figure written above zero, as `Intl`'s
/// `signDisplay: "exceptZero"` does: what rounds to zero (`0,0 %` for
/// +0,001 %) gets no sign.
pub fn plus(text: String) -> String {
    if !text.starts_with('\u{2212}') && text.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        format!("+{text}")
    } else {
        text
    }
}

/// The engine's own Swedish number format, identical to `Intl` in sv-SE.
#[derive(Debug, Clone, Copy, Default)]
pub struct SwedishFormat;

impl NumberFormat for SwedishFormat {
    fn kr(&self, value: rust_decimal::Decimal) -> String {
        format!("{}\u{a0}kr", money::format_amount(value))
    }
    fn percent(&self, value: rust_decimal::Decimal) -> String {
        money::format_percent(value)
    }
    fn plain(&self, value: rust_decimal::Decimal) -> String {
        money::format_amount(value)
    }
}

/// A stable insertion sort for the engine's short lists (findings, years,
/// kommuner: tens, at most a few hundred items). In the page's wasm, std's
/// sort is about 3.7 kB per item type, three types in all; this is a tenth
/// of that, and O(n²) on lists this short takes microseconds. Property-tested
/// against std's stable sort.
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
