//! The calculator's one state type and its reducer. Pure Rust: the Yew
//! shell dispatches [`Action`]s and renders [`State`]; everything that
//! happens between the two is here, and tested natively.

use crate::engine::{
    analyse,
    matching::Parties,
    money, presets, run_scenario,
    scenario::{offers_before_changes, ScenarioOutcome},
    Analysis, Budget, Change, Finding, Lang, MemberRef, Mode, Options, Scenario, ScenarioError,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

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
}

/// Why a typed value was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Amount(money::AmountError),
    Scenario(ScenarioError),
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
}

/// What a browser keeps between visits (localStorage). Versioned: another
/// version is refused with a message, never guessed at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub preset: String,
    pub lang: Lang,
    pub scenario: Scenario,
    #[serde(default)]
    pub named: Vec<NamedScenario>,
}

/// What a share link carries in its fragment: the whole scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub v: u32,
    pub preset: String,
    pub lang: Lang,
    pub scenario: Scenario,
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
}

impl State {
    /// The calculator as it opens: the default preset, default scenario.
    pub fn new(lang: Lang) -> State {
        State::from_preset(presets::DEFAULT_PRESET, lang).unwrap_or_else(|| {
            // The default preset is tested to load; this arm exists so that
            // a broken build still shows a page rather than a panic.
            let budget = Budget {
                schema_version: crate::engine::SCHEMA_VERSION,
                title: String::new(),
                columns: Vec::new(),
                rows: Vec::new(),
                key: None,
            };
            let base = analyse(&budget, &Options::default());
            State {
                lang,
                source: Source::Preset(presets::DEFAULT_PRESET),
                budget: Rc::new(budget),
                import_findings: Rc::default(),
                options: Options::default(),
                outcome: Rc::new(empty_outcome(&base)),
                base: Rc::new(base),
                scenario: Scenario::default(),
                drafts: Vec::new(),
                show_baseline: false,
                show_all_columns: false,
                history: Vec::new(),
                future: Vec::new(),
                typing: None,
                named: Vec::new(),
                compare: [None, None],
                notice: None,
            }
        })
    }

    pub fn from_preset(id: &str, lang: Lang) -> Option<State> {
        let preset = presets::find(id)?;
        let imported = preset.load().ok()?;
        let options = Options::default();
        let base = analyse(&imported.budget, &options);
        let scenario = Scenario::default();
        let outcome = run_scenario(&imported.budget, &base, &scenario, &options)
            .unwrap_or_else(|_| empty_outcome(&base));
        Some(State {
            lang,
            source: Source::Preset(preset.id),
            budget: Rc::new(imported.budget),
            import_findings: Rc::new(imported.findings),
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
        })
    }

    /// What this browser should keep.
    pub fn saved(&self) -> Saved {
        let Source::Preset(preset) = self.source;
        Saved {
            version: SAVED_VERSION,
            preset: preset.to_string(),
            lang: self.lang,
            scenario: self.scenario.clone(),
            named: self.named.clone(),
        }
    }

    /// The share link's payload.
    pub fn link(&self) -> Link {
        let Source::Preset(preset) = self.source;
        Link {
            v: LINK_VERSION,
            preset: preset.to_string(),
            lang: self.lang,
            scenario: self.scenario.clone(),
        }
    }

    /// The state a browser saved, or why it cannot be used.
    pub fn from_saved(json: &str) -> Result<State, String> {
        let saved: Saved =
            serde_json::from_str(json).map_err(|e| format!("sparade data är skadade ({e})"))?;
        if saved.version != SAVED_VERSION {
            return Err(format!(
                "sparade data har version {}, den här versionen läser {SAVED_VERSION}",
                saved.version
            ));
        }
        let mut state = State::with_scenario(&saved.preset, saved.lang, saved.scenario)?;
        state.named = saved.named;
        Ok(state)
    }

    /// The state a share link describes, or why it cannot be used.
    pub fn from_link(json: &str) -> Result<State, String> {
        let link: Link =
            serde_json::from_str(json).map_err(|e| format!("länken är skadad ({e})"))?;
        if link.v != LINK_VERSION {
            return Err(format!(
                "länken har version {}, den här versionen läser {LINK_VERSION}",
                link.v
            ));
        }
        State::with_scenario(&link.preset, link.lang, link.scenario)
    }

    fn with_scenario(preset: &str, lang: Lang, scenario: Scenario) -> Result<State, String> {
        let mut state = State::from_preset(preset, lang)
            .ok_or_else(|| format!("budgeten «{preset}» finns inte här"))?;
        let outcome = run_scenario(&state.budget, &state.base, &scenario, &state.options)
            .map_err(|e| e.message(Lang::Sv, &crate::engine::SwedishFormat))?;
        state.scenario = scenario;
        state.outcome = Rc::new(outcome);
        Ok(state)
    }

    /// Named scenarios that belong to the open budget, with their indices.
    pub fn named_here(&self) -> Vec<(usize, &NamedScenario)> {
        let Source::Preset(preset) = self.source;
        self.named
            .iter()
            .enumerate()
            .filter(|(_, n)| n.preset == preset)
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
                if let Some(mut loaded) = State::from_preset(&id, self.lang) {
                    loaded.show_baseline = self.show_baseline;
                    loaded.show_all_columns = self.show_all_columns;
                    loaded.named = self.named.clone();
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
            Action::Blur(field) => next
                .drafts
                .retain(|d| d.field != field || d.error.is_some()),
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
                    let Source::Preset(preset) = self.source;
                    let entry = NamedScenario {
                        name,
                        preset: preset.to_string(),
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
        let parsed = match field {
            Field::StepUp if text.trim().is_empty() => Ok(Decimal::ZERO),
            Field::StepUp => money::parse_percent(&text),
            _ if text.trim_start().starts_with('+') => {
                money::parse_amount(&text).map(|v| anchor + v)
            }
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
    fn set_value(&mut self, field: Field, value: Decimal) -> Result<(), InputError> {
        let mut scenario = self.scenario.clone();
        match field {
            Field::StateOffer => scenario.state_offer = Some(value),
            Field::StepUp => scenario.step_up_pct = (!value.is_zero()).then_some(value),
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
            Field::Kommun(k) => self
                .base
                .kommun_names
                .get(k)
                .cloned()
                .map(MemberRef::Kommun),
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
        }
    }

    pub fn baseline_value(&self, field: Field) -> Decimal {
        let base = self.baseline();
        match field {
            Field::StateOffer => base.state,
            Field::Region => base.region,
            Field::Kommun(k) => base.kommuner.get(k).copied().unwrap_or_default(),
            Field::StepUp => Decimal::ZERO,
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
                        offers_before_changes(
                            &self.scenario,
                            &self.base.columns[i],
                            self.outcome.from_year,
                        )
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
            Field::StepUp => Decimal::ONE,
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

/// The table's own findings (import and baseline checks), then the
/// scenario's matching and equity findings, which replace the baseline's.
pub fn visible_findings<'a>(
    import: &'a [Finding],
    base: &'a Analysis,
    outcome: &'a ScenarioOutcome,
) -> Vec<&'a Finding> {
    use crate::engine::Code::*;
    import
        .iter()
        .chain(
            base.findings
                .iter()
                .filter(|f| !matches!(f.code, Deficit | NegativeEquity | EquityHigh | Unmatched)),
        )
        .chain(&outcome.findings)
        .collect()
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
