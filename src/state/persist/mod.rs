//! What outlives the page: the state a browser saves (here), the scenario a
//! share link carries ([`link`]), a förbund's own budget file ([`file`]),
//! and which of them the page opens with ([`start`]). Pure: the browser
//! reads the raw strings (localStorage, the address, the file) and hands
//! them here with its [`Codec`].

pub mod file;
pub mod link;
#[cfg(not(target_arch = "wasm32"))]
mod native;
pub mod start;

#[cfg(not(target_arch = "wasm32"))]
pub use native::NativeCodec;

use super::edit::{Field, InputError};
use super::{ImportedBudget, NamedScenario, PresetReader, State};
use crate::engine::{run_scenario, Budget, BudgetError, Lang, Scenario, ScenarioError};
use rust_decimal::Decimal;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::rc::Rc;

/// JSON and URI components, as this build reads and writes them: natively
/// serde_json ([`NativeCodec`]); in the page the browser's own `JSON` and
/// `encodeURIComponent`, so serde_json's parser stays out of the wasm.
pub trait Codec {
    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, ParseError>;
    fn print<T: Serialize>(&self, value: &T) -> Option<String>;
    /// The whole number in a JSON object's `field`, the rest unread: which
    /// version wrote a text that this one cannot read.
    fn version(&self, text: &str, field: &str) -> Option<u32>;
    /// `decodeURIComponent`: none when the text is not correctly encoded.
    fn decode_component(&self, text: &str) -> Option<String>;
    /// `encodeURIComponent`.
    fn encode_component(&self, text: &str) -> String;
}

/// Why a text could not be parsed, without the parser's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not the shape asked for.
    Shape,
}

/// Why a saved state or a link cannot be opened. Worded by `crate::words`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The link's text is not correctly encoded (cut short in an e-mail).
    Encoding,
    NotJson,
    /// JSON, but not what this calculator writes.
    Damaged,
    /// Written by another version of the calculator.
    Version {
        found: u32,
        reads: u32,
    },
    /// The budget it carries cannot be used.
    Budget(BudgetError),
    /// It names a budget this browser does not have.
    UnknownBudget(String),
    /// Its scenario cannot be computed on its budget.
    Scenario(ScenarioError),
}

/// What a browser keeps between visits (localStorage). Versioned: another
/// version is refused with a message, never guessed at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub preset: String,
    pub lang: Lang,
    pub scenario: Scenario,
    #[serde(default)]
    pub named: Vec<NamedScenario>,
    #[serde(default)]
    pub imports: Vec<ImportedBudget>,
    /// The förbund's equity guideline, percent of member contributions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guideline: Option<Decimal>,
}

pub const SAVED_VERSION: u32 = 1;

/// Parses `text` as a `T` whose version `version_of` reads (the JSON
/// field `field`), refusing other versions. A text of another shape is
/// asked for its version, so a newer format says so rather than "damaged".
pub(super) fn parse_versioned<T: DeserializeOwned, C: Codec>(
    text: &str,
    codec: &C,
    field: &str,
    version_of: impl Fn(&T) -> u32,
    reads: u32,
) -> Result<T, ReadError> {
    let wrong = |found| ReadError::Version { found, reads };
    match codec.parse::<T>(text) {
        Ok(value) if version_of(&value) == reads => Ok(value),
        Ok(value) => Err(wrong(version_of(&value))),
        Err(ParseError::NotJson) => Err(ReadError::NotJson),
        Err(ParseError::Shape) => match codec.version(text, field) {
            Some(found) if found != reads => Err(wrong(found)),
            _ => Err(ReadError::Damaged),
        },
    }
}

/// The state a browser saved, or why it cannot be used.
pub fn read_saved<C: Codec>(text: &str, codec: &C, presets: PresetReader) -> Result<State, ReadError> {
    let saved = parse_saved(text, codec)?;
    let holder = State {
        imports: saved.imports,
        named: saved.named,
        ..State::empty(saved.lang, presets)
    };
    holder.with_scenario(&saved.preset, saved.scenario, saved.guideline)
}

/// What this browser saved, read and checked, but not yet opened.
pub(super) fn parse_saved<C: Codec>(text: &str, codec: &C) -> Result<Saved, ReadError> {
    let saved: Saved = parse_versioned(text, codec, "version", |s: &Saved| s.version, SAVED_VERSION)?;
    // Imports come back as the browser kept them: checked like a link's
    // budget, or a damaged one would reach the engine.
    for import in &saved.imports {
        import.budget.validate().map_err(ReadError::Budget)?;
    }
    Ok(saved)
}

/// A budget in the canonical JSON model, as a file or a preset holds it.
pub fn read_budget<C: Codec>(text: &str, codec: &C) -> Result<Budget, BudgetError> {
    match codec.parse::<Budget>(text) {
        Ok(budget) => {
            Budget::check_version(Some(budget.schema_version))?;
            budget.validate()?;
            Ok(budget)
        }
        Err(ParseError::NotJson) => Err(BudgetError::NotJson),
        Err(ParseError::Shape) => {
            Budget::check_version(codec.version(text, "schema_version"))?;
            Err(BudgetError::NotTheModel)
        }
    }
}

impl State {
    /// What this browser should keep.
    pub fn saved(&self) -> Saved {
        Saved {
            version: SAVED_VERSION,
            preset: self.source.id().to_string(),
            lang: self.lang,
            scenario: self.scenario.clone(),
            named: self.named.clone(),
            imports: self.imports.clone(),
            guideline: self.options.equity_guideline_pct,
        }
    }

    /// Opens a budget by id with a scenario, or says why it cannot be.
    fn with_scenario(
        &self,
        id: &str,
        scenario: Scenario,
        guideline: Option<Decimal>,
    ) -> Result<State, ReadError> {
        let mut state = self
            .open(id)
            .ok_or_else(|| ReadError::UnknownBudget(id.to_string()))?;
        // `open` has run the default scenario, and keeps a budget on which
        // it cannot run (a negative contribution): the app saves that too.
        if scenario != state.scenario {
            let outcome = run_scenario(&state.budget, &state.base, &scenario, &state.options)
                .map_err(ReadError::Scenario)?;
            state.scenario = scenario;
            state.outcome = Rc::new(outcome);
        }
        if let Some(g) = guideline {
            // Zero means no guideline and is never saved: only a tampered
            // link or file carries it.
            if g.is_zero() {
                return Err(ReadError::Damaged);
            }
            // The same check and recalculation as typing it into its field.
            state.set_value(Field::Guideline, g).map_err(|e| match e {
                InputError::Scenario(e) => ReadError::Scenario(e),
                InputError::Amount(_) => ReadError::Damaged,
            })?;
        }
        Ok(state)
    }
}
