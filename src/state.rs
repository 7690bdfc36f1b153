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
}

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
        })
    }

    /// The reducer.
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::LoadPreset(id) => {
                if let Some(mut loaded) = State::from_preset(&id, self.lang) {
                    loaded.show_baseline = self.show_baseline;
                    loaded.show_all_columns = self.show_all_columns;
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
