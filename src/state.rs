//! The calculator's one state type and its reducer. Pure Rust: the Yew
//! shell dispatches [`Action`]s and renders [`State`]; everything that
//! happens between the two is here, and tested natively.

use crate::engine::{
    analyse,
    import::{ImportError, ImportErrorKind, Imported},
    matching::Parties,
    model::{KeyBasis, KeyWeight, SplitKey},
    money, presets, run_scenario,
    scenario::{offers_before_changes, visible_findings, CostChange, CostEdit, NewInsats, ScenarioOutcome},
    Analysis, Budget, Change, Finding, Lang, MemberRef, Mode, Options, RowClass, Scenario, ScenarioError,
};
use rust_decimal::Decimal;
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

/// A field a person can type into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The state's utrymme.
    StateOffer,
    Region,
    /// A kommun, by its index in [`Analysis::kommun_names`].
    Kommun(usize),
    /// The all-members step-up, percent a year.
    StepUp,
    /// Expected use of granted insats money, percent.
    Utilisation,
    /// Yearly indexation of costs, percent.
    CostIndex,
    /// Interest on equity, percent a year.
    Interest,
    /// The förbund's equity guideline, percent of member contributions.
    Guideline,
    /// A change to a cost line, by its index in [`Analysis::cost_lines`]:
    /// kronor, or a percentage when it ends with `%`.
    CostLine(usize),
}

impl Field {
    /// Fields typed as a percentage, where an empty field means "none".
    fn is_percent(self) -> bool {
        matches!(
            self,
            Field::StepUp | Field::Utilisation | Field::CostIndex | Field::Interest | Field::Guideline
        )
    }
}

/// Why a typed value was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Amount(money::AmountError),
    Scenario(ScenarioError),
}

impl InputError {
    /// The message to show beside the field, numbers written by `f`.
    pub fn message(&self, lang: Lang, f: &dyn crate::engine::NumberFormat) -> String {
        match self {
            InputError::Amount(e) => e.message(lang),
            InputError::Scenario(e) => e.message(lang, f),
        }
    }
}

/// What a field shows while a person is typing, and what was wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub field: Field,
    pub text: String,
    pub error: Option<InputError>,
    /// The field's value when typing began: `+10 000` is added to it.
    pub anchor: Decimal,
}

/// Where the open budget came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Preset(&'static str),
    /// A budget a person imported, by its id in [`State::imports`].
    Imported(String),
}

impl Source {
    pub fn id(&self) -> &str {
        match self {
            Source::Preset(id) => id,
            Source::Imported(id) => id,
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

/// An import waiting for a person to check it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The file's name, or none for a paste.
    pub name: Option<String>,
    pub result: Result<PreviewTable, ImportError>,
    /// Population per kommun as typed, for an explicit split key.
    pub key_texts: Vec<String>,
    pub key_error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PreviewTable {
    pub budget: Budget,
    pub import_findings: Vec<Finding>,
    pub analysis: Analysis,
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
    /// Earlier scenarios, for undo; the newest last.
    pub history: Vec<Scenario>,
    /// Undone scenarios, for redo; the newest last.
    pub future: Vec<Scenario>,
    /// The field being typed into: its keystrokes make one undo step.
    typing: Option<Field>,
    /// Scenarios saved under a name, for every budget.
    pub named: Vec<NamedScenario>,
    /// Indices into `named` to compare against the baseline.
    pub compare: [Option<usize>; 2],
    /// Something to tell the person: a bad link, storage that failed.
    pub notice: Option<Notice>,
    /// Budgets people imported here.
    pub imports: Vec<ImportedBudget>,
    /// An import being checked before it replaces anything.
    pub preview: Option<Rc<Preview>>,
    presets: PresetReader,
}

/// A scenario saved under a name, with the budget it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedScenario {
    pub name: String,
    pub preset: String,
    pub scenario: Scenario,
}

/// Messages about the app itself rather than the budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The link could not be read; the preset is shown instead.
    BadLink(String),
    /// What was saved in this browser could not be read.
    BadSaved(String),
    /// This browser will not keep anything (private mode, full, blocked).
    StorageUnavailable,
    /// The link is copied to the clipboard (or shown to copy by hand).
    LinkReady,
    /// An export could not be written.
    ExportFailed(String),
    /// A change the engine refused, with its reason.
    Refused(String),
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

/// What a share link carries in its fragment: the whole scenario, and the
/// budget itself when it is not one of the presets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub v: u32,
    pub preset: String,
    pub lang: Lang,
    pub scenario: Scenario,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<ImportedBudget>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guideline: Option<Decimal>,
}

pub const SAVED_VERSION: u32 = 1;
pub const LINK_VERSION: u32 = 1;
const HISTORY_LIMIT: usize = 100;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetLang(Lang),
    LoadPreset(String),
    /// Text as typed into a field. Taken if valid; otherwise kept as a
    /// draft with its error, and the last valid scenario stays.
    Type(Field, String),
    /// A value from a slider.
    Set(Field, Decimal),
    /// One step up (+1) or down (−1), for the ± buttons.
    Step(Field, i32),
    /// The field lost focus: a valid draft gives way to the formatted value.
    Blur(Field),
    SetFromYear(i32),
    SetMode(Mode),
    SetRegionFollows(bool),
    Reset,
    ToggleBaseline,
    ToggleAllColumns,
    Undo,
    Redo,
    /// Saves the current scenario under a name (replacing one of that name).
    SaveNamed(String),
    LoadNamed(usize),
    RenameNamed(usize, String),
    DeleteNamed(usize),
    /// Picks a saved scenario for comparison slot 0 or 1.
    SetCompare(usize, Option<usize>),
    Notify(Notice),
    DismissNotice,
    /// A table pasted (no name) or a file chosen or dropped, as the
    /// importer read it (in the page, the import worker), or why it could not.
    PreviewImport(Option<String>, Result<Imported, ImportError>),
    /// A budget in the canonical JSON model, as the browser read it, or
    /// why it could not.
    PreviewBudget(Option<String>, Result<Budget, String>),
    /// A person corrects how a previewed row is read.
    SetPreviewClass(usize, RowClass),
    /// Population of the n-th kommun in the preview, as typed.
    SetPreviewKey(usize, String),
    ConfirmImport,
    CancelImport,
    DeleteImport(String),
    /// Switches a cost line off from the start year, or back on.
    SetCostOff(usize, bool),
    AddInsats(NewInsats),
    RemoveInsats(usize),
    /// Replaces the scenario, e.g. with a goal seek's answer.
    ApplyScenario(Scenario),
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
            history: Vec::new(),
            future: Vec::new(),
            typing: None,
            named: Vec::new(),
            compare: [None, None],
            notice: None,
            imports: Vec::new(),
            preview: None,
            presets,
        }
    }

    /// Opens a preset or an imported budget by id, keeping what belongs to
    /// the browser rather than to the budget: imports, saved scenarios,
    /// language and view settings.
    fn open(&self, id: &str) -> Option<State> {
        let mut state = match self.imports.iter().find(|i| i.id == id) {
            Some(import) => State::from_budget(
                Source::Imported(import.id.clone()),
                import.budget.clone(),
                self.lang,
                self.presets,
            ),
            None => State::from_preset(id, self.lang, self.presets)?,
        };
        state.imports = self.imports.clone();
        state.named = self.named.clone();
        state.show_baseline = self.show_baseline;
        state.show_all_columns = self.show_all_columns;
        Some(state)
    }

    /// The budgets a person can pick: the presets, then imports.
    pub fn budgets(&self) -> Vec<(String, String)> {
        presets::PRESETS
            .iter()
            .map(|p| (p.id.to_string(), p.name.to_string()))
            .chain(self.imports.iter().map(|i| (i.id.clone(), i.name.clone())))
            .collect()
    }

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

    /// The share link's payload.
    pub fn link(&self) -> Link {
        let budget = match &self.source {
            Source::Imported(id) => self.imports.iter().find(|i| &i.id == id).cloned(),
            Source::Preset(_) => None,
        };
        Link {
            v: LINK_VERSION,
            preset: self.source.id().to_string(),
            lang: self.lang,
            scenario: self.scenario.clone(),
            budget,
            guideline: self.options.equity_guideline_pct,
        }
    }

    /// The state a browser saved, or why it cannot be used.
    pub fn from_saved(json: &str, presets: PresetReader) -> Result<State, String> {
        let saved: Saved =
            serde_json::from_str(json).map_err(|e| format!("sparade data är skadade ({e})"))?;
        State::from_saved_value(saved, presets)
    }

    /// As [`State::from_saved`], from what the browser already parsed.
    pub fn from_saved_value(saved: Saved, presets: PresetReader) -> Result<State, String> {
        if saved.version != SAVED_VERSION {
            return Err(format!(
                "sparade data har version {}, den här versionen läser {SAVED_VERSION}",
                saved.version
            ));
        }
        // Imports come back as the browser kept them: checked like a
        // link's budget, or a damaged one would reach the engine.
        for import in &saved.imports {
            import.budget.validate()?;
        }
        let holder = State {
            imports: saved.imports,
            named: saved.named,
            ..State::empty(saved.lang, presets)
        };
        holder.with_scenario(&saved.preset, saved.scenario, saved.guideline)
    }

    /// The state a share link describes, or why it cannot be used.
    pub fn from_link(json: &str, presets: PresetReader) -> Result<State, String> {
        let link: Link = serde_json::from_str(json).map_err(|e| format!("länken är skadad ({e})"))?;
        State::from_link_value(link, presets)
    }

    /// As [`State::from_link`], from what the browser already parsed.
    pub fn from_link_value(link: Link, presets: PresetReader) -> Result<State, String> {
        if link.v != LINK_VERSION {
            return Err(format!(
                "länken har version {}, den här versionen läser {LINK_VERSION}",
                link.v
            ));
        }
        let mut holder = State::empty(link.lang, presets);
        if let Some(budget) = link.budget {
            budget.budget.validate()?;
            holder.imports.push(budget);
        }
        holder.with_scenario(&link.preset, link.scenario, link.guideline)
    }

    /// Opens a budget by id with a scenario, or says why it cannot be.
    fn with_scenario(
        &self,
        id: &str,
        scenario: Scenario,
        guideline: Option<Decimal>,
    ) -> Result<State, String> {
        let mut state = self
            .open(id)
            .ok_or_else(|| format!("budgeten «{id}» finns inte här"))?;
        // `open` has run the default scenario, and keeps a budget on which
        // it cannot run (a negative contribution): the app saves that too.
        if scenario != state.scenario {
            let outcome = run_scenario(&state.budget, &state.base, &scenario, &state.options)
                .map_err(|e| e.message(Lang::Sv, &crate::engine::SwedishFormat))?;
            state.scenario = scenario;
            state.outcome = Rc::new(outcome);
        }
        if let Some(g) = guideline {
            // Zero means no guideline and is never saved: only a tampered
            // link or file carries it.
            if g.is_zero() {
                return Err("riktlinjen för eget kapital är 0 %".into());
            }
            // The same check and recalculation as typing it into its field.
            state
                .set_value(Field::Guideline, g)
                .map_err(|e| e.message(Lang::Sv, &crate::engine::SwedishFormat))?;
        }
        Ok(state)
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

    /// The reducer.
    pub fn apply(&self, action: Action) -> State {
        // Keystrokes, or a slider drag, in one field make one undo step.
        let typing = match &action {
            Action::Type(field, _) | Action::Set(field, _) => Some(*field),
            _ => None,
        };
        let undoable = !matches!(action, Action::Undo | Action::Redo | Action::LoadPreset(_));
        let same_session = typing.is_some() && typing == self.typing;
        let mut next = self.step_state(action);
        if undoable && next.scenario != self.scenario {
            if !same_session {
                next.history.push(self.scenario.clone());
                if next.history.len() > HISTORY_LIMIT {
                    next.history.remove(0);
                }
            }
            next.future.clear();
            next.typing = typing;
        } else {
            // `typing` marks a session that already has its undo step.
            next.typing = if same_session { self.typing } else { None };
        }
        next
    }

    fn step_state(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::LoadPreset(id) => {
                if let Some(loaded) = self.open(&id) {
                    next = loaded;
                }
            }
            Action::Type(field, text) => next.take_text(field, text),
            Action::Set(field, value) => {
                next.set_or_keep(field, value);
            }
            Action::Step(field, direction) => {
                let value = self.current_value(field) + self.step(field) * Decimal::from(direction);
                next.set_or_keep(field, value);
            }
            Action::Blur(field) => next.drafts.retain(|d| d.field != field || d.error.is_some()),
            Action::SetFromYear(year) => {
                let scenario = Scenario {
                    from_year: Some(year),
                    ..self.scenario.clone()
                };
                next.try_scenario(scenario);
            }
            Action::SetMode(mode) => {
                let mut scenario = Scenario {
                    mode,
                    ..self.scenario.clone()
                };
                // Key-bound, the kommun side moves as one: keep the last change.
                if mode == Mode::Key && scenario.changes.len() > 1 {
                    scenario.changes.drain(..scenario.changes.len() - 1);
                }
                next.try_scenario(scenario);
            }
            Action::SetRegionFollows(follows) => {
                let scenario = Scenario {
                    region_follows: follows,
                    ..self.scenario.clone()
                };
                next.try_scenario(scenario);
            }
            Action::Reset => {
                next.drafts.clear();
                next.try_scenario(Scenario::default());
            }
            Action::ToggleBaseline => next.show_baseline = !self.show_baseline,
            Action::ToggleAllColumns => next.show_all_columns = !self.show_all_columns,
            Action::Undo => {
                if let Some(previous) = next.history.pop() {
                    next.future.push(self.scenario.clone());
                    next.drafts.clear();
                    next.try_scenario(previous);
                }
            }
            Action::Redo => {
                if let Some(later) = next.future.pop() {
                    next.history.push(self.scenario.clone());
                    next.drafts.clear();
                    next.try_scenario(later);
                }
            }
            Action::SaveNamed(name) => {
                let name = name.trim().to_string();
                if !name.is_empty() {
                    let entry = NamedScenario {
                        name,
                        preset: self.source.id().to_string(),
                        scenario: self.scenario.clone(),
                    };
                    match next
                        .named
                        .iter_mut()
                        .find(|n| n.name == entry.name && n.preset == entry.preset)
                    {
                        Some(existing) => *existing = entry,
                        None => next.named.push(entry),
                    }
                }
            }
            Action::LoadNamed(i) => {
                if let Some(named) = self.named.get(i) {
                    next.drafts.clear();
                    next.try_scenario(named.scenario.clone());
                }
            }
            Action::RenameNamed(i, name) => {
                let name = name.trim().to_string();
                if let (Some(named), false) = (next.named.get_mut(i), name.is_empty()) {
                    named.name = name;
                }
            }
            Action::DeleteNamed(i) => {
                if i < next.named.len() {
                    next.named.remove(i);
                    next.compare = self.compare.map(|slot| match slot {
                        Some(j) if j == i => None,
                        Some(j) if j > i => Some(j - 1),
                        other => other,
                    });
                }
            }
            Action::SetCompare(slot, index) => {
                if let Some(s) = next.compare.get_mut(slot) {
                    *s = index.filter(|&i| i < self.named.len());
                }
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
            Action::PreviewImport(name, result) => next.preview = Some(Rc::new(preview(name, result))),
            Action::PreviewBudget(name, budget) => {
                let result = budget
                    .map(|budget| Imported {
                        budget,
                        findings: Vec::new(),
                    })
                    .map_err(|why| ImportError {
                        line: None,
                        cell: None,
                        kind: ImportErrorKind::Json(why),
                    });
                next.preview = Some(Rc::new(preview(name, result)))
            }
            Action::SetPreviewClass(row, class) => {
                if let Some(p) = &self.preview {
                    let mut p = (**p).clone();
                    if let Ok(table) = &mut p.result {
                        if let Some(r) = table.budget.rows.get_mut(row) {
                            r.class = class;
                            // Rows now counted as kommuner need a key field each.
                            p.key_texts
                                .resize(table.budget.kommun_labels().len(), String::new());
                            table.analysis = analyse(&table.budget, &Options::default());
                        }
                    }
                    next.preview = Some(Rc::new(p));
                }
            }
            Action::SetPreviewKey(k, text) => {
                if let Some(p) = &self.preview {
                    let mut p = (**p).clone();
                    if let Some(t) = p.key_texts.get_mut(k) {
                        *t = text;
                    }
                    p.apply_key();
                    next.preview = Some(Rc::new(p));
                }
            }
            Action::ConfirmImport => {
                let ready = self.preview.as_ref().filter(|p| p.key_error.is_none());
                if let Some(Ok(table)) = ready.map(|p| p.result.clone()) {
                    let id = (1..)
                        .map(|n| format!("import-{n}"))
                        .find(|id| !self.imports.iter().any(|i| &i.id == id))
                        .unwrap_or_default();
                    let name = if table.budget.title.is_empty() {
                        id.clone()
                    } else {
                        table.budget.title.clone()
                    };
                    next.imports.push(ImportedBudget {
                        id: id.clone(),
                        name,
                        budget: table.budget,
                    });
                    next.preview = None;
                    if let Some(mut opened) = next.open(&id) {
                        opened.import_findings = Rc::new(table.import_findings);
                        next = opened;
                    }
                }
            }
            Action::CancelImport => next.preview = None,
            Action::SetCostOff(j, off) => {
                if let Some(line) = self.base.cost_lines.get(j) {
                    let mut scenario = self.scenario.clone();
                    scenario.cost_changes.retain(|c| c.line != line.label);
                    if off {
                        scenario.cost_changes.push(CostChange {
                            line: line.label.clone(),
                            edit: CostEdit::Off,
                        });
                    }
                    next.drafts.retain(|d| d.field != Field::CostLine(j));
                    next.try_scenario(scenario);
                }
            }
            Action::AddInsats(insats) => {
                let mut scenario = self.scenario.clone();
                scenario.new_insatser.push(insats);
                if let Err(e) = next.run(scenario) {
                    next.notice = Some(Notice::Refused(
                        e.message(self.lang, &crate::engine::SwedishFormat),
                    ));
                }
            }
            Action::RemoveInsats(i) => {
                let mut scenario = self.scenario.clone();
                if i < scenario.new_insatser.len() {
                    scenario.new_insatser.remove(i);
                    next.try_scenario(scenario);
                }
            }
            Action::ApplyScenario(scenario) => {
                next.drafts.clear();
                next.try_scenario(scenario);
            }
            Action::DeleteImport(id) => {
                next.imports.retain(|i| i.id != id);
                next.named.retain(|n| n.preset != id);
                next.compare = [None, None];
                if self.source.id() == id {
                    if let Some(opened) = next.open(presets::DEFAULT_PRESET) {
                        next = opened;
                    }
                }
            }
        }
        next
    }

    /// Takes what was typed. An amount with a leading `+` is a raise on
    /// the value the field had when typing began; a leading minus is a
    /// negative amount, which the engine refuses with a message.
    fn take_text(&mut self, field: Field, text: String) {
        let anchor = self
            .draft(field)
            .map(|d| d.anchor)
            .unwrap_or_else(|| self.current_value(field));
        self.drafts.retain(|d| d.field != field);
        if let Field::CostLine(j) = field {
            let error = self.set_cost_text(j, &text).err();
            self.drafts.push(Draft {
                field,
                text,
                error,
                anchor,
            });
            return;
        }
        let parsed = match field {
            f if f.is_percent() && text.trim().is_empty() => Ok(Decimal::ZERO),
            f if f.is_percent() => money::parse_percent(&text),
            _ if text.trim_start().starts_with('+') => money::parse_amount(&text).map(|v| anchor + v),
            _ => money::parse_amount(&text),
        };
        let error = match parsed {
            Ok(value) => self.set_value(field, value).err(),
            Err(e) => Some(InputError::Amount(e)),
        };
        self.drafts.push(Draft {
            field,
            text,
            error,
            anchor,
        });
    }

    /// A slider or a ± button: the value is taken, or shown with its error.
    fn set_or_keep(&mut self, field: Field, value: Decimal) {
        let anchor = self.current_value(field);
        self.drafts.retain(|d| d.field != field);
        if let Err(error) = self.set_value(field, value) {
            let text = money::format_amount(value);
            self.drafts.push(Draft {
                field,
                text,
                error: Some(error),
                anchor,
            });
        }
    }

    /// Sets a field to a value, replacing the scenario only if the engine
    /// accepts the result.
    /// A cost line's change as typed: empty for none, `%` at the end for
    /// a percentage, otherwise kronor (`+50 000`, `−20 000`).
    fn set_cost_text(&mut self, j: usize, text: &str) -> Result<(), InputError> {
        let Some(line) = self.base.cost_lines.get(j) else {
            return Ok(());
        };
        let t = text.trim();
        let edit = if t.is_empty() {
            None
        } else if t.ends_with('%') {
            Some(CostEdit::Percent(
                money::parse_percent(t).map_err(InputError::Amount)?,
            ))
        } else {
            Some(CostEdit::Kr(money::parse_amount(t).map_err(InputError::Amount)?))
        };
        let mut scenario = self.scenario.clone();
        scenario.cost_changes.retain(|c| c.line != line.label);
        scenario.cost_changes.extend(edit.map(|edit| CostChange {
            line: line.label.clone(),
            edit,
        }));
        self.run(scenario).map_err(InputError::Scenario)
    }

    /// Runs a scenario and keeps it if the engine accepts it.
    fn run(&mut self, scenario: Scenario) -> Result<(), ScenarioError> {
        let outcome = run_scenario(&self.budget, &self.base, &scenario, &self.options)?;
        self.scenario = scenario;
        self.outcome = Rc::new(outcome);
        Ok(())
    }

    fn set_value(&mut self, field: Field, value: Decimal) -> Result<(), InputError> {
        let mut scenario = self.scenario.clone();
        let pct = (!value.is_zero()).then_some(value);
        match field {
            Field::StateOffer => scenario.state_offer = Some(value),
            Field::StepUp => scenario.step_up_pct = pct,
            Field::Utilisation => scenario.utilisation_pct = pct,
            Field::CostIndex => scenario.cost_index_pct = pct,
            Field::Interest => scenario.interest_pct = pct,
            Field::CostLine(_) => {}
            Field::Guideline => {
                if value < Decimal::ZERO || value > Decimal::from(1000) {
                    return Err(InputError::Scenario(ScenarioError::PercentOutOfRange {
                        what: "Riktlinjen för eget kapital",
                        min: 0,
                        max: 1000,
                    }));
                }
                self.options.equity_guideline_pct = pct;
                self.base = Rc::new(analyse(&self.budget, &self.options));
            }
            Field::Region | Field::Kommun(_) => {
                let Some(member) = self.member(field) else {
                    return Ok(());
                };
                let change = value - self.reference_offer(field);
                scenario = scenario.with_change(member, Change::Kr(change));
            }
        }
        match run_scenario(&self.budget, &self.base, &scenario, &self.options) {
            Ok(outcome) => {
                self.scenario = scenario;
                self.outcome = Rc::new(outcome);
                Ok(())
            }
            Err(e) => Err(InputError::Scenario(e)),
        }
    }

    fn try_scenario(&mut self, scenario: Scenario) {
        if let Ok(outcome) = run_scenario(&self.budget, &self.base, &scenario, &self.options) {
            self.scenario = scenario;
            self.outcome = Rc::new(outcome);
        }
    }

    pub fn member(&self, field: Field) -> Option<MemberRef> {
        match field {
            Field::Region => Some(MemberRef::Region),
            Field::Kommun(k) => self.base.kommun_names.get(k).cloned().map(MemberRef::Kommun),
            _ => None,
        }
    }

    /// The from-year's chained column, which the controls show and change.
    pub fn start_column(&self) -> Option<usize> {
        self.base.chained_column(self.outcome.from_year)
    }

    /// Baseline amounts of the start year.
    pub fn baseline(&self) -> Parties {
        self.start_column()
            .map(|i| {
                let c = &self.base.columns[i];
                Parties {
                    state: c.state,
                    region: c.region,
                    kommuner: c.kommuner.clone(),
                }
            })
            .unwrap_or_default()
    }

    /// What each party offers in the start year under the scenario.
    pub fn offers(&self) -> Parties {
        self.start_column()
            .and_then(|i| self.outcome.match_for(i))
            .map(|m| m.offers.clone())
            .unwrap_or_else(|| self.baseline())
    }

    pub fn current_value(&self, field: Field) -> Decimal {
        let offers = self.offers();
        match field {
            Field::StateOffer => offers.state,
            Field::Region => offers.region,
            Field::Kommun(k) => offers.kommuner.get(k).copied().unwrap_or_default(),
            Field::StepUp => self.scenario.step_up_pct.unwrap_or_default(),
            Field::Utilisation => self.scenario.utilisation_pct.unwrap_or_default(),
            Field::CostIndex => self.scenario.cost_index_pct.unwrap_or_default(),
            Field::Interest => self.scenario.interest_pct.unwrap_or_default(),
            Field::Guideline => self.options.equity_guideline_pct.unwrap_or_default(),
            Field::CostLine(_) => Decimal::ZERO,
        }
    }

    pub fn baseline_value(&self, field: Field) -> Decimal {
        let base = self.baseline();
        match field {
            Field::StateOffer => base.state,
            Field::Region => base.region,
            Field::Kommun(k) => base.kommuner.get(k).copied().unwrap_or_default(),
            _ => Decimal::ZERO,
        }
    }

    /// The offer a member's own change is measured from. Key-bound, a new
    /// change replaces all others, so it is the offer before any change;
    /// alone, the other members' changes stay, so it is today's offer less
    /// the member's own change.
    fn reference_offer(&self, field: Field) -> Decimal {
        let Some(member) = self.member(field) else {
            return Decimal::ZERO;
        };
        match self.scenario.mode {
            Mode::Key => {
                let before = self
                    .start_column()
                    .map(|i| {
                        offers_before_changes(&self.scenario, &self.base.columns[i], self.outcome.from_year)
                    })
                    .unwrap_or_default();
                match field {
                    Field::Kommun(k) => before.kommuner.get(k).copied().unwrap_or_default(),
                    _ => before.region,
                }
            }
            Mode::Alone => {
                let own = self
                    .scenario
                    .changes
                    .iter()
                    .find(|c| c.member == member)
                    .map(|c| match c.change {
                        Change::Kr(v) => v,
                        Change::Percent(p) => {
                            money::round_kr(self.baseline_value(field) * p / Decimal::ONE_HUNDRED)
                        }
                    })
                    .unwrap_or_default();
                self.current_value(field) - own
            }
        }
    }

    /// The ± step and the slider's granularity: a round figure near a
    /// twentieth of the baseline (Habo 204 600 → 10 000).
    pub fn step(&self, field: Field) -> Decimal {
        match field {
            f if f.is_percent() => Decimal::ONE,
            _ => nice_step(self.baseline_value(field) / Decimal::from(20)),
        }
    }

    /// The slider's lower end: the baseline less whole steps, so that the
    /// slider's grid passes through the baseline (Habo: 4 600, 14 600, …,
    /// 204 600, 214 600).
    pub fn slider_min(&self, field: Field) -> Decimal {
        let step = self.step(field);
        let base = self.baseline_value(field).max(Decimal::ZERO);
        base - (base / step).floor() * step
    }

    /// The slider's upper end: at least twice the baseline, on the grid.
    pub fn slider_max(&self, field: Field) -> Decimal {
        let step = self.step(field);
        let min = self.slider_min(field);
        let top = (self.baseline_value(field) * Decimal::TWO).max(self.current_value(field));
        min + ((top - min) / step).ceil().max(Decimal::from(20)) * step
    }

    pub fn draft(&self, field: Field) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.field == field)
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
}

fn preview(name: Option<String>, result: Result<Imported, ImportError>) -> Preview {
    let result = result.map(|imported| PreviewTable {
        analysis: analyse(&imported.budget, &Options::default()),
        budget: imported.budget,
        import_findings: imported.findings,
    });
    let kommuner = result
        .as_ref()
        .map(|t| t.budget.kommun_labels().len())
        .unwrap_or(0);
    Preview {
        name,
        result,
        key_texts: vec![String::new(); kommuner],
        key_error: None,
    }
}

impl Preview {
    /// An explicit key from the populations typed: all of them, or none.
    fn apply_key(&mut self) {
        let Ok(table) = &mut self.result else { return };
        let labels: Vec<String> = table
            .budget
            .kommun_labels()
            .iter()
            .map(|s| s.to_string())
            .collect();
        self.key_error = None;
        if self.key_texts.iter().all(|t| t.trim().is_empty()) {
            table.budget.key = None;
        } else {
            let mut weights = Vec::new();
            for (label, text) in labels.iter().zip(&self.key_texts) {
                match money::parse_amount(text) {
                    Ok(v) if v >= Decimal::ZERO => weights.push(KeyWeight {
                        kommun: label.clone(),
                        weight: v,
                    }),
                    Ok(_) => {
                        self.key_error = Some(format!("{label}: invånarantalet kan inte vara negativt"));
                        return;
                    }
                    Err(e) => {
                        self.key_error = Some(format!("{label}: {}", e.message(Lang::Sv)));
                        return;
                    }
                }
            }
            table.budget.key = Some(SplitKey {
                basis: KeyBasis::Population,
                weights,
            });
        }
        table.analysis = analyse(&table.budget, &Options::default());
    }
}

/// 1, 2 or 5 × 10ⁿ at or below `x`, and at least 100 kr.
pub fn nice_step(x: Decimal) -> Decimal {
    let mut unit = Decimal::ONE_HUNDRED;
    let mut best = unit;
    while unit <= x {
        for m in [1, 2, 5] {
            let candidate = unit * Decimal::from(m);
            if candidate <= x {
                best = candidate;
            }
        }
        unit *= Decimal::TEN;
    }
    best
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
