//! Scenarios: "what if Habo pays 10 000 kr more from 2024?", matched as
//! Finsam § 5 says, carried through the multi-year equity chain.
//!
//! The inputs are here; [`run`] computes a scenario against the baseline,
//! [`outcome`] is what it gives, and [`error`] says why one cannot be
//! computed.

mod error;
mod outcome;
mod run;

pub use error::{resolve_member, Quantity, ScenarioError};
pub use outcome::{first_year, visible_findings, Ask, ColumnMatch, Leverage, Role, ScenarioOutcome};
pub use run::{offers_before_changes, run_scenario};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Who changes their contribution. The state is not a member here: its
/// utrymme is [`Scenario::state_offer`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemberRef {
    Region,
    /// A kommun, by its row label.
    Kommun(String),
}

/// A change in kronor or in percent of the member's baseline that year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Kr(Decimal),
    Percent(Decimal),
}

/// How the other members respond to one member's change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// The förbundsordning's key holds: every kommun moves by its key.
    #[default]
    Key,
    /// Only this member changes; the split departs from the key.
    Alone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberChange {
    pub member: MemberRef,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// Changes to members' contributions. In key-bound mode each one moves
    /// the whole kommun side; changes add up.
    pub changes: Vec<MemberChange>,
    /// The first year the scenario applies to; the budget year by default.
    pub from_year: Option<i32>,
    pub mode: Mode,
    /// Whether the region matches the kommuner's change.
    pub region_follows: bool,
    /// The state's utrymme from `from_year` on; the table's state figure
    /// by default.
    pub state_offer: Option<Decimal>,
    /// Every member's contribution stepped up by this percent a year.
    pub step_up_pct: Option<Decimal>,
    /// Changes to cost lines, by label.
    pub cost_changes: Vec<CostChange>,
    /// New insatser with a yearly cost over a span of years.
    pub new_insatser: Vec<NewInsats>,
    /// The share of granted insats money expected to be used, in percent
    /// (the seeds budget 90 %). Applies to verksamhet and new insatser.
    pub utilisation_pct: Option<Decimal>,
    /// Costs indexed up by this percent a year.
    pub cost_index_pct: Option<Decimal>,
    /// Interest on positive opening equity, percent a year.
    pub interest_pct: Option<Decimal>,
}

/// A change to one cost line from the start year on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostChange {
    pub line: String,
    pub edit: CostEdit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CostEdit {
    Kr(Decimal),
    Percent(Decimal),
    Off,
}

/// A new insats: granted `yearly` kronor each year from `start` to `end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewInsats {
    pub name: String,
    pub yearly: Decimal,
    pub start: i32,
    pub end: i32,
}

impl Default for Scenario {
    fn default() -> Scenario {
        Scenario {
            changes: Vec::new(),
            from_year: None,
            mode: Mode::Key,
            region_follows: true,
            state_offer: None,
            step_up_pct: None,
            cost_changes: Vec::new(),
            new_insatser: Vec::new(),
            utilisation_pct: None,
            cost_index_pct: None,
            interest_pct: None,
        }
    }
}

impl Scenario {
    /// The scenario with one member's change set, replacing any earlier
    /// change of that member. In key-bound mode the kommun side moves as
    /// one, so a new change replaces all others.
    pub fn with_change(mut self, member: MemberRef, change: Change) -> Scenario {
        match self.mode {
            Mode::Key => self.changes.clear(),
            Mode::Alone => self.changes.retain(|c| c.member != member),
        }
        self.changes.push(MemberChange { member, change });
        self
    }
}
