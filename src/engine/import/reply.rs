//! The import worker's answer to the page: the budget, the unit it was
//! read in, and the importer's findings and errors already worded.

use super::units::UnitRead;
use super::{CostSigns, ImportError, ImportErrorKind, Imported};
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::model::Budget;
use crate::engine::{Lang, NumberFormat};

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
    /// The unit the table was read in (the budget is in kronor), so the
    /// preview can show it and let the person choose another.
    #[serde(default, with = "unit_words")]
    pub unit: UnitRead,
    /// Whether the costs were written as negative amounts, and how they
    /// are read: as words (`turned`, `kept-negative`), the rows left out.
    #[serde(default, with = "cost_words")]
    pub costs: CostSigns,
    /// Why a budget file the worker was asked to fetch did not come, as
    /// `FileError::code` writes it (`404`, `offline`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetch: Option<String>,
    /// A fetched budget file in the canonical JSON, for the page to read:
    /// its JSON reader is the browser's, where the worker's would add
    /// serde_json's parser to the worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WordedFinding {
    pub severity: Severity,
    #[serde(with = "code_name")]
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
    pub fn new(finding: &Finding, f: &dyn NumberFormat) -> WordedFinding {
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
    pub fn new(result: Result<Imported, ImportError>, f: &dyn NumberFormat) -> ImportReply {
        match result {
            Ok(imported) => ImportReply {
                findings: imported
                    .findings
                    .iter()
                    .map(|finding| WordedFinding::new(finding, f))
                    .collect(),
                budget: Some(imported.budget),
                error: None,
                unit: imported.unit,
                costs: imported.costs,
                fetch: None,
                json: None,
            },
            Err(error) => ImportReply {
                budget: None,
                findings: Vec::new(),
                unit: UnitRead::default(),
                costs: CostSigns::AsWritten,
                fetch: None,
                json: None,
                error: Some(Worded {
                    sv: error.message(Lang::Sv),
                    en: error.message(Lang::En),
                }),
            },
        }
    }

    /// The answer when the importer could not answer at all (its worker
    /// did not load, say), worded in both languages.
    pub fn failed(sv: String, en: String) -> ImportReply {
        ImportReply {
            budget: None,
            findings: Vec::new(),
            error: Some(Worded { sv, en }),
            unit: UnitRead::default(),
            costs: CostSigns::AsWritten,
            fetch: None,
            json: None,
        }
    }

    /// The answer for a budget file that did not come (why, as a code),
    /// or that is JSON for the page to read.
    pub fn fetched(fetch: Option<String>, json: Option<String>) -> ImportReply {
        ImportReply {
            budget: None,
            findings: Vec::new(),
            error: None,
            unit: UnitRead::default(),
            costs: CostSigns::AsWritten,
            fetch,
            json,
        }
    }

    /// Back to what the importer returned, with the words in place of the
    /// figures: each finding and error reads exactly as it did there.
    pub fn into_result(self) -> Result<Imported, ImportError> {
        match (self.budget, self.error) {
            (Some(budget), None) => Ok(Imported {
                budget,
                findings: self.findings.into_iter().map(Finding::from).collect(),
                unit: self.unit,
                costs: self.costs,
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

/// The unit as words in the JSON (see [`UnitRead::to_words`]).
mod unit_words {
    use super::UnitRead;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(unit: &UnitRead, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&unit.to_words())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<UnitRead, D::Error> {
        String::deserialize(d).map(|text| UnitRead::from_words(&text))
    }
}

/// The signs of the costs as a word in the JSON, the rows left out: the
/// page only shows whether there is a choice, and the worker reads the
/// table again to change it.
mod cost_words {
    use super::CostSigns;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(costs: &CostSigns, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match costs {
            CostSigns::AsWritten => "",
            CostSigns::Turned(_) => "turned",
            CostSigns::KeptNegative => "kept-negative",
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CostSigns, D::Error> {
        Ok(match String::deserialize(d)?.as_str() {
            "turned" => CostSigns::Turned(Vec::new()),
            "kept-negative" => CostSigns::KeptNegative,
            _ => CostSigns::AsWritten,
        })
    }
}

/// A code as its stable name (`sum-mismatch`), read back through
/// [`Code::as_str`], which the page has anyway, instead of a derived
/// deserializer with a second table of every name.
mod code_name {
    use crate::engine::findings::Code;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(code: &Code, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(code.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let name = String::deserialize(d)?;
        Code::from_name(&name).ok_or_else(|| D::Error::custom("unknown code"))
    }
}
