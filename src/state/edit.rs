//! Fields a person types into, what they show while typing (drafts) and
//! what was wrong, and how each changes the scenario.

use super::State;
use crate::engine::{
    analyse,
    matching::Parties,
    money, run_scenario,
    scenario::{offers_before_changes, CostChange, CostEdit},
    Change, MemberRef, Mode, Quantity, Scenario, ScenarioError,
};
use rust_decimal::Decimal;
use std::rc::Rc;

/// A field a person can type into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The state's utrymme.
    StateOffer,
    Region,
    /// A kommun, by its index in [`crate::engine::Analysis::kommun_names`].
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
    /// A change to a cost line, by its index in
    /// [`crate::engine::Analysis::cost_lines`]: kronor, or a percentage
    /// when it ends with `%`.
    CostLine(usize),
}

impl Field {
    /// Fields typed as a percentage, where an empty field means "none".
    pub fn is_percent(self) -> bool {
        matches!(
            self,
            Field::StepUp | Field::Utilisation | Field::CostIndex | Field::Interest | Field::Guideline
        )
    }
}

/// Why a typed value was not taken. Worded by `crate::words`.
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

impl State {
    /// Takes what was typed. An amount with a leading `+` is a raise on
    /// the value the field had when typing began; a leading minus is a
    /// negative amount, which the engine refuses with a message.
    pub(super) fn take_text(&mut self, field: Field, text: String) {
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
    pub(super) fn set_or_keep(&mut self, field: Field, value: Decimal) {
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
    pub(super) fn run(&mut self, scenario: Scenario) -> Result<(), ScenarioError> {
        let outcome = run_scenario(&self.budget, &self.base, &scenario, &self.options)?;
        self.scenario = scenario;
        self.outcome = Rc::new(outcome);
        Ok(())
    }

    /// Sets a field to a value, replacing the scenario only if the engine
    /// accepts the result.
    pub(super) fn set_value(&mut self, field: Field, value: Decimal) -> Result<(), InputError> {
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
                        what: Quantity::Guideline,
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

    pub(super) fn try_scenario(&mut self, scenario: Scenario) {
        if let Ok(outcome) = run_scenario(&self.budget, &self.base, &scenario, &self.options) {
            self.scenario = scenario;
            self.outcome = Rc::new(outcome);
        }
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

    pub fn member(&self, field: Field) -> Option<MemberRef> {
        match field {
            Field::Region => Some(MemberRef::Region),
            Field::Kommun(k) => self.base.kommun_names.get(k).cloned().map(MemberRef::Kommun),
            _ => None,
        }
    }

    pub fn draft(&self, field: Field) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.field == field)
    }
}
