//! The canonical budget model, shared by the importer, the engine, the CLI
//! and the browser. It is what JSON export writes and import reads back.
//!
//! Rows keep the source order: declared subtotals are checked against the
//! rows above them, so order carries meaning.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Bumped whenever a field changes meaning. Readers refuse other versions
/// with a message instead of guessing.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The förbund and document, from the table's first cell.
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// An explicit split key for the kommuner's quarter. Without one, the
    /// key is implied by each year's baseline contributions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<SplitKey>,
}

/// A column is a year and a kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The header as written, e.g. `Prognos 2023`.
    pub label: String,
    pub kind: ColumnKind,
    pub year: i32,
    /// For a period-to-date actual, the last day it covers (`2023-06-30`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ColumnKind {
    Utfall,
    Prognos,
    Budget,
    Plan,
    /// Actual to a date within the year: shown, never chained.
    PeriodUtfall,
}

impl ColumnKind {
    /// Which column a year's chain uses: utfall before prognos before
    /// budget before plan. Period-to-date columns are never chained.
    pub fn chain_rank(self) -> Option<u8> {
        match self {
            ColumnKind::Utfall => Some(0),
            ColumnKind::Prognos => Some(1),
            ColumnKind::Budget => Some(2),
            ColumnKind::Plan => Some(3),
            ColumnKind::PeriodUtfall => None,
        }
    }

    /// Whether a scenario may change this column. Actuals are history.
    pub fn is_planned(self) -> bool {
        matches!(self, ColumnKind::Prognos | ColumnKind::Budget | ColumnKind::Plan)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub label: String,
    pub class: RowClass,
    /// One entry per column. `null` is a blank cell: no figure, not zero.
    pub values: Vec<Option<Decimal>>,
    /// The line in the imported file, 1-based, for messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl Row {
    pub fn value(&self, column: usize) -> Option<Decimal> {
        self.values.get(column).copied().flatten()
    }
}

/// What a row is. The importer guesses it from the label and the section;
/// a person can correct it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RowClass {
    /// Staten via Försäkringskassan: half of the money.
    State,
    /// The region (formerly landstinget): a quarter.
    Region,
    /// One kommun; together the kommuner pay a quarter.
    Kommun,
    /// Interest, other income, rounding.
    OtherIncome,
    /// Equity brought in from earlier years. Tables often list it among
    /// income; it is equity used, not revenue.
    OpeningEquity,
    /// Declared equity at the end of the column: checked, not added.
    ClosingEquity,
    /// Declared total of income: checked, not added.
    TotalIncome,
    /// Declared total of costs: checked, not added.
    TotalCosts,
    /// Declared subtotal of the rows above it since the last heading or
    /// total: checked, not added.
    Subtotal,
    /// Declared result of the year: checked, not added.
    Result,
    /// A cost of operations: insatser, projects, shared development.
    Verksamhet,
    /// A cost of administration: kansli, styrelse, revision, …
    Administration,
    /// A heading with no figures (`Intäkter`, `Administration`).
    Heading,
    /// Not recognised: reported, and left out of every sum until a person
    /// says what it is.
    Unknown,
}

impl RowClass {
    pub const ALL: [RowClass; 14] = [
        RowClass::State,
        RowClass::Region,
        RowClass::Kommun,
        RowClass::OtherIncome,
        RowClass::OpeningEquity,
        RowClass::ClosingEquity,
        RowClass::TotalIncome,
        RowClass::TotalCosts,
        RowClass::Subtotal,
        RowClass::Result,
        RowClass::Verksamhet,
        RowClass::Administration,
        RowClass::Heading,
        RowClass::Unknown,
    ];

    pub fn is_cost(self) -> bool {
        matches!(self, RowClass::Verksamhet | RowClass::Administration)
    }

    pub fn is_member(self) -> bool {
        matches!(self, RowClass::State | RowClass::Region | RowClass::Kommun)
    }

    pub fn is_income(self) -> bool {
        self.is_member() || self == RowClass::OtherIncome
    }

    pub fn is_declared_total(self) -> bool {
        matches!(
            self,
            RowClass::TotalIncome | RowClass::TotalCosts | RowClass::Subtotal | RowClass::Result
        )
    }

    /// Swedish name, for tables and the import preview.
    pub fn name(self, lang: super::Lang) -> &'static str {
        use super::Lang::*;
        match (self, lang) {
            (RowClass::State, Sv) => "staten",
            (RowClass::State, En) => "state",
            (RowClass::Region, Sv) => "region",
            (RowClass::Region, En) => "region",
            (RowClass::Kommun, Sv) => "kommun",
            (RowClass::Kommun, En) => "municipality",
            (RowClass::OtherIncome, Sv) => "övrig intäkt",
            (RowClass::OtherIncome, En) => "other income",
            (RowClass::OpeningEquity, Sv) => "ingående eget kapital",
            (RowClass::OpeningEquity, En) => "opening equity",
            (RowClass::ClosingEquity, Sv) => "utgående eget kapital",
            (RowClass::ClosingEquity, En) => "closing equity",
            (RowClass::TotalIncome, Sv) => "summa intäkter",
            (RowClass::TotalIncome, En) => "total income",
            (RowClass::TotalCosts, Sv) => "summa kostnader",
            (RowClass::TotalCosts, En) => "total costs",
            (RowClass::Subtotal, Sv) => "delsumma",
            (RowClass::Subtotal, En) => "subtotal",
            (RowClass::Result, Sv) => "årets resultat",
            (RowClass::Result, En) => "result",
            (RowClass::Verksamhet, Sv) => "verksamhet",
            (RowClass::Verksamhet, En) => "operations",
            (RowClass::Administration, Sv) => "administration",
            (RowClass::Administration, En) => "administration",
            (RowClass::Heading, Sv) => "rubrik",
            (RowClass::Heading, En) => "heading",
            (RowClass::Unknown, Sv) => "okänd",
            (RowClass::Unknown, En) => "unknown",
        }
    }
}

/// An explicit key for splitting the kommuner's quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SplitKey {
    pub basis: KeyBasis,
    /// Kommun row label → population or percent.
    pub weights: Vec<KeyWeight>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum KeyBasis {
    Population,
    Percent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyWeight {
    pub kommun: String,
    pub weight: Decimal,
}

/// Why a budget in the canonical model cannot be used. The importer words
/// it inside its own errors, so it is worded here, beside the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BudgetError {
    NotJson,
    /// JSON, but not the budget model.
    NotTheModel,
    NoVersion,
    Version {
        found: u32,
    },
    NoColumns,
    /// A column (1-based) whose year is outside the years a budget can have.
    Year {
        column: usize,
        label: String,
        year: i32,
    },
    /// A row (1-based) with the wrong number of values.
    RowLength {
        row: usize,
        label: String,
        values: usize,
        columns: usize,
    },
    /// A row (1-based) with an amount past any budget.
    TooLarge {
        row: usize,
        label: String,
    },
    BadKey,
}

impl BudgetError {
    /// A whole sentence in `lang`. No parser text: it means nothing to the
    /// person who chose the file.
    pub fn message(&self, lang: super::Lang) -> String {
        use super::Lang::{En, Sv};
        use BudgetError::*;
        match (self, lang) {
            (NotJson, Sv) => "Filen är inte giltig JSON.".into(),
            (NotJson, En) => "The file is not valid JSON.".into(),
            (NotTheModel, Sv) => "JSON-filen följer inte budgetschemat.".into(),
            (NotTheModel, En) => "The JSON file does not follow the budget schema.".into(),
            (NoVersion, Sv) => "Fältet schema_version saknas.".into(),
            (NoVersion, En) => "The field schema_version is missing.".into(),
            (Version { found }, Sv) => {
                format!("Schemaversion {found} stöds inte; den här versionen läser version {SCHEMA_VERSION}.")
            }
            (Version { found }, En) => {
                format!(
                    "Schema version {found} is not supported; this version reads version {SCHEMA_VERSION}."
                )
            }
            (NoColumns, Sv) => "Budgeten har inga kolumner.".into(),
            (NoColumns, En) => "The budget has no columns.".into(),
            (Year { column, label, year }, Sv) => {
                format!("Kolumn {column} («{label}») har året {year}; året måste ligga mellan 1990 och 2100.")
            }
            (Year { column, label, year }, En) => {
                format!("Column {column} (“{label}”) has the year {year}; the year must lie between 1990 and 2100.")
            }
            (
                RowLength {
                    row,
                    label,
                    values,
                    columns,
                },
                Sv,
            ) => {
                format!("Rad {row} («{label}») har {values} värden men budgeten har {columns} kolumner.")
            }
            (
                RowLength {
                    row,
                    label,
                    values,
                    columns,
                },
                En,
            ) => {
                format!("Row {row} (“{label}”) has {values} values but the budget has {columns} columns.")
            }
            (TooLarge { row, label }, Sv) => format!("Rad {row} («{label}») har ett orimligt stort belopp."),
            (TooLarge { row, label }, En) => format!("Row {row} (“{label}”) has an absurdly large amount."),
            (BadKey, Sv) => "Fördelningsnyckeln har en negativ eller orimlig vikt.".into(),
            (BadKey, En) => "The split key has a negative or absurd weight.".into(),
        }
    }
}

impl Budget {
    /// Reads the canonical JSON, refusing other schema versions.
    pub fn from_json(text: &str) -> Result<Budget, BudgetError> {
        #[derive(Deserialize)]
        struct Probe {
            schema_version: Option<u32>,
        }
        let probe: Probe = serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => BudgetError::NotTheModel,
            _ => BudgetError::NotJson,
        })?;
        Budget::check_version(probe.schema_version)?;
        let budget: Budget = serde_json::from_str(text).map_err(|_| BudgetError::NotTheModel)?;
        budget.validate()?;
        Ok(budget)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Says why a schema version cannot be read, if it cannot.
    pub fn check_version(version: Option<u32>) -> Result<(), BudgetError> {
        match version {
            Some(SCHEMA_VERSION) => Ok(()),
            Some(found) => Err(BudgetError::Version { found }),
            None => Err(BudgetError::NoVersion),
        }
    }

    /// Checks what serde cannot: shapes agree and amounts are in range.
    pub fn validate(&self) -> Result<(), BudgetError> {
        if self.columns.is_empty() {
            return Err(BudgetError::NoColumns);
        }
        // The years the importer reads. Scenarios loop and compound over
        // the span of years, so a year far outside would freeze or overflow.
        if let Some((i, c)) = self
            .columns
            .iter()
            .enumerate()
            .find(|(_, c)| !(1990..=2100).contains(&c.year))
        {
            return Err(BudgetError::Year {
                column: i + 1,
                label: c.label.clone(),
                year: c.year,
            });
        }
        let limit = Decimal::from(super::money::MAX_AMOUNT);
        for (i, row) in self.rows.iter().enumerate() {
            if row.values.len() != self.columns.len() {
                return Err(BudgetError::RowLength {
                    row: i + 1,
                    label: row.label.clone(),
                    values: row.values.len(),
                    columns: self.columns.len(),
                });
            }
            if row.values.iter().flatten().any(|v| v.abs() > limit) {
                return Err(BudgetError::TooLarge {
                    row: i + 1,
                    label: row.label.clone(),
                });
            }
        }
        if let Some(key) = &self.key {
            if key
                .weights
                .iter()
                .any(|w| w.weight.is_sign_negative() || w.weight.abs() > limit)
            {
                return Err(BudgetError::BadKey);
            }
        }
        Ok(())
    }

    /// The kommun rows' labels, in table order.
    pub fn kommun_labels(&self) -> Vec<&str> {
        self.rows
            .iter()
            .filter(|r| r.class == RowClass::Kommun)
            .map(|r| r.label.as_str())
            .collect()
    }
}

/// The JSON Schema of [`Budget`], for people writing their own tools.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Budget);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
