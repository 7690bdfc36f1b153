//! The calculator's one state type and its reducer. Pure Rust: the Yew
//! shell dispatches [`Action`]s and renders [`State`]; everything that
//! happens between the two is here, and tested natively.
//!
//! - [`action`]: what can happen, grouped by concern;
//! - `reducer`: [`State::apply`], one function per group;
//! - `edit`: fields, drafts and their errors, and the scenario they change;
//! - [`history`]: undo and redo, kept per budget;
//! - [`preview`]: an import waiting to be checked;
//! - [`notice`]: what the page tells a person about the app itself;
//! - [`persist`]: what a browser keeps, what a link carries, and which of
//!   them the page opens with.

pub mod action;
mod edit;
pub mod history;
pub mod notice;
pub mod persist;
pub mod preview;
mod reducer;

pub use action::{Action, Edit, Import, Library, Travel, View};
pub use edit::{Draft, Field, InputError};
pub use history::History;
pub use notice::{ExportFailure, Notice, WorkerFailure};
pub use preview::{KeyError, Preview, PreviewTable};

use crate::engine::{
    analyse, presets, run_scenario, scenario::visible_findings, scenario::ScenarioOutcome, Analysis, Budget,
    Finding, Lang, Options, Scenario,
};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// How this build turns a preset into its budget (see `engine::presets`):
/// natively the importer reads its table ([`READ_TABLES`]); the page parses
/// the same budget's JSON, so it carries no importer. A test keeps the two
/// identical, so any two readers are equal.
#[derive(Clone, Copy)]
pub struct PresetReader(pub fn(&presets::Preset) -> Option<Budget>);

impl PartialEq for PresetReader {
    fn eq(&self, _: &PresetReader) -> bool {
        true
    }
}

impl std::fmt::Debug for PresetReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PresetReader")
    }
}

/// The importer reads the preset's table: the CLI and the native tests.
pub const READ_TABLES: PresetReader = PresetReader(|p| p.load().ok().map(|i| i.budget));

/// Where the open budget came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Preset(&'static str),
    /// A budget a person imported, by its id in [`State::imports`].
    Imported(String),
    /// The förbund's own budget file the page names, by its name as
    /// written there ([`State::file`]).
    File(String),
}

impl Source {
    pub fn id(&self) -> &str {
        match self {
            Source::Preset(id) => id,
            Source::Imported(id) | Source::File(id) => id,
        }
    }
}

/// A budget a person imported and confirmed: kept in this browser and
/// selectable like a preset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedBudget {
    pub id: String,
    pub name: String,
    pub budget: Budget,
}

/// A scenario saved under a name, with the budget it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedScenario {
    pub name: String,
    pub preset: String,
    pub scenario: Scenario,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub source: Source,
    pub budget: Rc<Budget>,
    /// What the importer said about the open budget's table.
    pub import_findings: Rc<Vec<Finding>>,
    pub options: Options,
    pub base: Rc<Analysis>,
    /// The last valid scenario and its outcome: bad input never replaces them.
    pub scenario: Scenario,
    pub outcome: Rc<ScenarioOutcome>,
    pub drafts: Vec<Draft>,
    /// Show the baseline beside the scenario in the table.
    pub show_baseline: bool,
    /// Show columns that are not chained (Budget 2023 beside Prognos 2023).
    pub show_all_columns: bool,
    /// Undo and redo for the open budget, and each other budget's, kept
    /// aside until it is opened again.
    pub history: History,
    /// Scenarios saved under a name, for every budget.
    pub named: Vec<NamedScenario>,
    /// Indices into `named` to compare against the baseline.
    pub compare: [Option<usize>; 2],
    /// Something to tell the person: a bad link, storage that failed.
    /// Shared, so the page passes it on without copying it.
    pub notice: Option<Rc<Notice>>,
    /// Budgets people imported here.
    pub imports: Vec<ImportedBudget>,
    /// An import being checked before it replaces anything.
    pub preview: Option<Rc<Preview>>,
    /// The förbund's own budget file the page names (`?budget=`), loaded:
    /// its id is the name as written. Never saved; loaded on every visit.
    pub file: Option<Rc<ImportedBudget>>,
    presets: PresetReader,
}

impl State {
    /// The calculator as it opens: the default preset, default scenario.
    pub fn new(lang: Lang, presets: PresetReader) -> State {
        // The default preset is tested to load; the empty state exists so
        // that a broken build still shows a page rather than a panic.
        State::from_preset(presets::DEFAULT_PRESET, lang, presets)
            .unwrap_or_else(|| State::empty(lang, presets))
    }

    /// A state with an empty budget: what carries the browser's own things
    /// (imports, saved scenarios, language) into [`State::open`] when a
    /// saved state or a link is opened, without reading and analysing the
    /// default preset only to throw it away.
    fn empty(lang: Lang, presets: PresetReader) -> State {
        let budget = Budget {
            schema_version: crate::engine::SCHEMA_VERSION,
            title: String::new(),
            columns: Vec::new(),
            rows: Vec::new(),
            key: None,
        };
        State::from_budget(Source::Preset(presets::DEFAULT_PRESET), budget, lang, presets)
    }

    pub fn from_preset(id: &str, lang: Lang, presets: PresetReader) -> Option<State> {
        let preset = presets::find(id)?;
        let budget = (presets.0)(preset)?;
        Some(State::from_budget(
            Source::Preset(preset.id),
            budget,
            lang,
            presets,
        ))
    }

    fn from_budget(source: Source, budget: Budget, lang: Lang, presets: PresetReader) -> State {
        let options = Options::default();
        let base = analyse(&budget, &options);
        let scenario = Scenario::default();
        let outcome =
            run_scenario(&budget, &base, &scenario, &options).unwrap_or_else(|_| empty_outcome(&base));
        State {
            lang,
            source,
            budget: Rc::new(budget),
            import_findings: Rc::new(Vec::new()),
            options,
            base: Rc::new(base),
            scenario,
            outcome: Rc::new(outcome),
            drafts: Vec::new(),
            show_baseline: false,
            show_all_columns: false,
            history: History::default(),
            named: Vec::new(),
            compare: [None, None],
            notice: None,
            imports: Vec::new(),
            preview: None,
            file: None,
            presets,
        }
    }

    /// Opens a preset or an imported budget by id, keeping what belongs to
    /// the browser rather than to the budget: imports, saved scenarios,
    /// history, language and view settings. The reducer moves the history
    /// over to the new budget (see [`State::apply`]).
    fn open(&self, id: &str) -> Option<State> {
        let file = self.file.as_ref().filter(|f| f.id == id);
        let mut state = match (self.imports.iter().find(|i| i.id == id), file) {
            (Some(import), _) => State::from_budget(
                Source::Imported(import.id.clone()),
                import.budget.clone(),
                self.lang,
                self.presets,
            ),
            (None, Some(file)) => State::from_budget(
                Source::File(file.id.clone()),
                file.budget.clone(),
                self.lang,
                self.presets,
            ),
            (None, None) => State::from_preset(id, self.lang, self.presets)?,
        };
        state.imports = self.imports.clone();
        state.file = self.file.clone();
        state.named = self.named.clone();
        state.history = self.history.clone();
        state.show_baseline = self.show_baseline;
        state.show_all_columns = self.show_all_columns;
        Some(state)
    }

    /// Whether a budget with this id can be opened here.
    pub fn has_budget(&self, id: &str) -> bool {
        presets::find(id).is_some()
            || self.imports.iter().any(|i| i.id == id)
            || self.file.as_ref().is_some_and(|f| f.id == id)
    }

    /// The budgets a person can pick: the page's budget file, the presets,
    /// then imports.
    pub fn budgets(&self) -> Vec<(String, String)> {
        let file = self.file.iter().map(|f| (f.id.clone(), f.name.clone()));
        file.chain(
            presets::PRESETS
                .iter()
                .map(|p| (p.id.to_string(), p.name.to_string())),
        )
        .chain(self.imports.iter().map(|i| (i.id.clone(), i.name.clone())))
        .collect()
    }

    /// Named scenarios that belong to the open budget, with their indices.
    pub fn named_here(&self) -> Vec<(usize, &NamedScenario)> {
        let here = self.source.id();
        self.named
            .iter()
            .enumerate()
            .filter(|(_, n)| n.preset == here)
            .collect()
    }

    /// The outcome of a saved scenario on the open budget.
    pub fn outcome_of(&self, index: usize) -> Option<ScenarioOutcome> {
        let named = self.named.get(index)?;
        run_scenario(&self.budget, &self.base, &named.scenario, &self.options).ok()
    }

    /// The from-year's chained column, which the controls show and change.
    pub fn start_column(&self) -> Option<usize> {
        self.base.chained_column(self.outcome.from_year)
    }

    /// Planned years a scenario can start from.
    pub fn from_years(&self) -> Vec<i32> {
        self.base
            .chain
            .iter()
            .map(|&i| &self.base.columns[i])
            .filter(|c| c.kind.is_planned())
            .map(|c| c.year)
            .collect()
    }

    /// Whether anything differs from the baseline.
    pub fn is_changed(&self) -> bool {
        self.scenario != Scenario::default() || !self.drafts.is_empty()
    }

    /// The findings to show: the table's own, then the scenario's.
    pub fn findings(&self) -> Vec<&Finding> {
        visible_findings(&self.import_findings, &self.base, &self.outcome)
    }

    /// The headline of the scenario, worked out by the engine.
    pub fn explanation(&self) -> crate::engine::explain::Explanation {
        crate::engine::explain::explain(&self.base, &self.scenario, &self.outcome)
    }
}

fn empty_outcome(base: &Analysis) -> ScenarioOutcome {
    ScenarioOutcome {
        from_year: base.budget_year.unwrap_or_default(),
        columns: base.columns.clone(),
        matches: Vec::new(),
        findings: Vec::new(),
        leverage: None,
        asks: Vec::new(),
    }
}
