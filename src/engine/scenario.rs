//! Scenarios: "what if Habo pays 10 000 kr more from 2024?", matched as
//! Finsam § 5 says, carried through the multi-year equity chain.

use super::analysis::{
    equity_findings, percent_of, rechain_shifted, sort_findings, Analysis, ColumnFigures, Options,
};
use super::findings::{Code, Detail, Finding, Severity};
use super::matching::{match_change, Matched, Parties};
use super::model::{Budget, RowClass};
use super::money::{round_kr, split_largest_remainder, MAX_AMOUNT};
use super::{Lang, NumberFormat};
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

/// Why a scenario cannot be computed. The last valid scenario stays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    UnknownMember {
        name: String,
        members: Vec<String>,
    },
    AmbiguousMember {
        name: String,
        candidates: Vec<String>,
    },
    StateIsNotAMember,
    FromYearOutside {
        year: i32,
        first: i32,
        last: i32,
    },
    AmountTooLarge {
        what: &'static str,
    },
    PercentOutOfRange {
        what: &'static str,
        min: i64,
        max: i64,
    },
    NegativeStateOffer,
    NegativeOffer {
        member: String,
        year: i32,
        offer: Decimal,
    },
    NoKeyShare {
        member: String,
    },
    NoPlannedYears,
    UnknownCostLine {
        line: String,
    },
    InsatsYears {
        name: String,
    },
}

impl ScenarioError {
    pub fn message(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        let sv = lang == Lang::Sv;
        match self {
            ScenarioError::UnknownMember { name, members } => {
                if sv {
                    format!(
                        "«{name}» är ingen medlem i budgeten. Medlemmar: {}.",
                        members.join(", ")
                    )
                } else {
                    format!(
                        "“{name}” is not a member in this budget. Members: {}.",
                        members.join(", ")
                    )
                }
            }
            ScenarioError::AmbiguousMember { name, candidates } => {
                if sv {
                    format!(
                        "«{name}» passar flera medlemmar: {}. Skriv mer av namnet.",
                        candidates.join(", ")
                    )
                } else {
                    format!(
                        "“{name}” fits several members: {}. Type more of the name.",
                        candidates.join(", ")
                    )
                }
            }
            ScenarioError::StateIsNotAMember => {
                if sv {
                    "Statens bidrag ändras genom statens utrymme (--state-offer), inte som en medlems bidrag."
                        .into()
                } else {
                    "The state's money changes through its allocation (--state-offer), not as a member's contribution.".into()
                }
            }
            ScenarioError::FromYearOutside { year, first, last } => {
                if sv {
                    format!("Startåret {year} finns inte i budgeten; välj ett år från {first} till {last}.")
                } else {
                    format!(
                        "The start year {year} is not in the budget; choose a year from {first} to {last}."
                    )
                }
            }
            ScenarioError::AmountTooLarge { what } => {
                if sv {
                    format!("{what}: beloppet är orimligt stort; gränsen är 1 000 miljarder kr.")
                } else {
                    format!("{what}: the amount is absurdly large; the limit is 1 000 billion kr.")
                }
            }
            ScenarioError::PercentOutOfRange { what, min, max } => {
                if sv {
                    format!("{what}: procentsatsen måste ligga mellan {min} och {max} %.")
                } else {
                    format!("{what}: the percentage must be between {min} and {max} %.")
                }
            }
            ScenarioError::NegativeStateOffer => {
                if sv {
                    "Statens utrymme kan inte vara negativt.".into()
                } else {
                    "The state's allocation cannot be negative.".into()
                }
            }
            ScenarioError::NegativeOffer { member, year, offer } => {
                if sv {
                    format!(
                        "{member} skulle bidra med {} år {year}; ett bidrag kan inte vara negativt.",
                        f.kr(*offer)
                    )
                } else {
                    format!(
                        "{member} would contribute {} in {year}; a contribution cannot be negative.",
                        f.kr(*offer)
                    )
                }
            }
            ScenarioError::NoKeyShare { member } => {
                if sv {
                    format!("{member} har ingen andel i fördelningsnyckeln, så en nyckelbunden ändring går inte att räkna ut. Välj läget «ensam».")
                } else {
                    format!("{member} has no share in the split key, so a key-bound change cannot be computed. Choose the “alone” mode.")
                }
            }
            ScenarioError::UnknownCostLine { line } => {
                if sv {
                    format!("Kostnadsraden «{line}» finns inte i budgeten.")
                } else {
                    format!("The cost line “{line}” is not in the budget.")
                }
            }
            ScenarioError::InsatsYears { name } => {
                if sv {
                    format!("Insatsen «{name}»: slutåret kan inte ligga före startåret, och beloppet kan inte vara negativt.")
                } else {
                    format!("The insats “{name}”: the end year cannot come before the start year, and the amount cannot be negative.")
                }
            }
            ScenarioError::NoPlannedYears => {
                if sv {
                    "Budgeten har inga budget-, prognos- eller planår att ändra från startåret.".into()
                } else {
                    "The budget has no budget, forecast or plan years to change from the start year.".into()
                }
            }
        }
    }
}

/// Finds a member by label, case-insensitively, or by a unique prefix
/// such as `Habo`.
pub fn resolve_member(analysis: &Analysis, name: &str) -> Result<MemberRef, ScenarioError> {
    let wanted = super::classify::normalise(name);
    if wanted.is_empty() {
        return Err(ScenarioError::UnknownMember {
            name: name.into(),
            members: member_names(analysis),
        });
    }
    let state = super::classify::normalise(&analysis.state_name);
    if matches!(wanted.as_str(), "staten" | "state" | "försäkringskassan" | "fk")
        || (!state.is_empty() && state.starts_with(&wanted))
    {
        return Err(ScenarioError::StateIsNotAMember);
    }
    let mut candidates: Vec<(MemberRef, String)> = Vec::new();
    let region = super::classify::normalise(&analysis.region_name);
    if wanted == "region" || (!region.is_empty() && region.starts_with(&wanted)) {
        candidates.push((MemberRef::Region, analysis.region_name.clone()));
    }
    for label in &analysis.kommun_names {
        let norm = super::classify::normalise(label);
        if norm == wanted {
            return Ok(MemberRef::Kommun(label.clone()));
        }
        if norm.starts_with(&wanted) {
            candidates.push((MemberRef::Kommun(label.clone()), label.clone()));
        }
    }
    match candidates.len() {
        1 => Ok(candidates.remove(0).0),
        0 => Err(ScenarioError::UnknownMember {
            name: name.into(),
            members: member_names(analysis),
        }),
        _ => Err(ScenarioError::AmbiguousMember {
            name: name.into(),
            candidates: candidates.into_iter().map(|c| c.1).collect(),
        }),
    }
}

fn member_names(analysis: &Analysis) -> Vec<String> {
    std::iter::once(analysis.region_name.clone())
        .filter(|r| !r.is_empty())
        .chain(analysis.kommun_names.iter().cloned())
        .collect()
}

/// The matching in one column the scenario changes.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMatch {
    pub column: usize,
    pub base: Parties,
    pub offers: Parties,
    pub matched: Matched,
}

/// What a change asks of one member in the start year.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    pub member: String,
    pub role: Role,
    /// The change in what it offers (for the state: in what it must offer).
    pub offer_delta: Decimal,
    /// The change in what it pays after matching.
    pub paid_delta: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    State,
    Region,
    Kommun,
}

/// Total funding per krona a member adds, in the start year.
#[derive(Debug, Clone, PartialEq)]
pub struct Leverage {
    pub year: i32,
    pub member: String,
    /// What the member pays more (after matching).
    pub member_delta: Decimal,
    pub kommun_side_delta: Decimal,
    pub total_delta: Decimal,
    /// Total change per krona from the member.
    pub per_krona: Option<Decimal>,
    /// Total change per krona from the kommun side (4 when fully matched).
    pub per_kommun_krona: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioOutcome {
    pub from_year: i32,
    pub columns: Vec<ColumnFigures>,
    pub matches: Vec<ColumnMatch>,
    /// Matching and equity findings of the scenario. Findings about the
    /// source table stay on the baseline [`Analysis`].
    pub findings: Vec<Finding>,
    pub leverage: Option<Leverage>,
    pub asks: Vec<Ask>,
}

impl ScenarioOutcome {
    pub fn match_for(&self, column: usize) -> Option<&ColumnMatch> {
        self.matches.iter().find(|m| m.column == column)
    }

    pub fn last_chained<'a>(&'a self, base: &Analysis) -> Option<&'a ColumnFigures> {
        base.chain.last().map(|&i| &self.columns[i])
    }

    /// The first chained year with a deficit, and with negative equity.
    pub fn first_deficit_year(&self, base: &Analysis) -> Option<i32> {
        first_year(base, &self.columns, |c| c.result < Decimal::ZERO)
    }

    pub fn first_negative_equity_year(&self, base: &Analysis) -> Option<i32> {
        first_year(base, &self.columns, |c| c.closing_equity < Decimal::ZERO)
    }
}

/// The first chained year whose figures satisfy `test`.
pub fn first_year(
    base: &Analysis,
    columns: &[ColumnFigures],
    test: impl Fn(&ColumnFigures) -> bool,
) -> Option<i32> {
    base.chain
        .iter()
        .map(|&i| &columns[i])
        .find(|c| test(c))
        .map(|c| c.year)
}

const STEP_UP_RANGE: (i64, i64) = (-50, 100);
const CHANGE_PCT_RANGE: (i64, i64) = (-100, 1000);

fn validate(scenario: &Scenario, base: &Analysis) -> Result<i32, ScenarioError> {
    let limit = Decimal::from(MAX_AMOUNT);
    for c in &scenario.changes {
        match c.change {
            Change::Kr(v) if v.abs() > limit => {
                return Err(ScenarioError::AmountTooLarge { what: "Ändringen" })
            }
            Change::Percent(p)
                if p < Decimal::from(CHANGE_PCT_RANGE.0) || p > Decimal::from(CHANGE_PCT_RANGE.1) =>
            {
                return Err(ScenarioError::PercentOutOfRange {
                    what: "Ändringen",
                    min: CHANGE_PCT_RANGE.0,
                    max: CHANGE_PCT_RANGE.1,
                })
            }
            _ => {}
        }
    }
    if let Some(offer) = scenario.state_offer {
        if offer < Decimal::ZERO {
            return Err(ScenarioError::NegativeStateOffer);
        }
        if offer > limit {
            return Err(ScenarioError::AmountTooLarge {
                what: "Statens utrymme",
            });
        }
    }
    if let Some(p) = scenario.step_up_pct {
        if p < Decimal::from(STEP_UP_RANGE.0) || p > Decimal::from(STEP_UP_RANGE.1) {
            return Err(ScenarioError::PercentOutOfRange {
                what: "Årlig uppräkning",
                min: STEP_UP_RANGE.0,
                max: STEP_UP_RANGE.1,
            });
        }
    }
    for (what, pct, min, max) in [
        ("Nyttjandegrad", scenario.utilisation_pct, 0, 200),
        ("Indexering av kostnader", scenario.cost_index_pct, -50, 100),
        ("Ränta på eget kapital", scenario.interest_pct, -20, 50),
    ] {
        if let Some(p) = pct {
            if p < Decimal::from(min) || p > Decimal::from(max) {
                return Err(ScenarioError::PercentOutOfRange { what, min, max });
            }
        }
    }
    for c in &scenario.cost_changes {
        if !base.cost_lines.iter().any(|l| l.label == c.line) {
            return Err(ScenarioError::UnknownCostLine { line: c.line.clone() });
        }
        match c.edit {
            CostEdit::Kr(v) if v.abs() > limit => {
                return Err(ScenarioError::AmountTooLarge {
                    what: "Kostnadsändringen",
                })
            }
            CostEdit::Percent(p) if p < Decimal::from(-100) || p > Decimal::from(1000) => {
                return Err(ScenarioError::PercentOutOfRange {
                    what: "Kostnadsändringen",
                    min: -100,
                    max: 1000,
                })
            }
            _ => {}
        }
    }
    for n in &scenario.new_insatser {
        if n.end < n.start || n.yearly < Decimal::ZERO {
            return Err(ScenarioError::InsatsYears { name: n.name.clone() });
        }
        if n.yearly > limit {
            return Err(ScenarioError::AmountTooLarge {
                what: "Insatsens kostnad",
            });
        }
    }
    let years: Vec<i32> = base.chain.iter().map(|&i| base.columns[i].year).collect();
    let (first, last) = (
        years.first().copied().unwrap_or(0),
        years.last().copied().unwrap_or(0),
    );
    let from = scenario.from_year.or(base.budget_year).unwrap_or(first);
    if !base.columns.iter().any(|c| c.year == from) {
        return Err(ScenarioError::FromYearOutside {
            year: from,
            first,
            last,
        });
    }
    if !base.columns.iter().any(|c| c.year >= from && c.kind.is_planned()) {
        return Err(ScenarioError::NoPlannedYears);
    }
    check_compounding(scenario, base, from)?;
    Ok(from)
}

/// Step-up, indexation and interest compound once a year from `from` to
/// the last planned year. Refused when that would take the budget's
/// largest figure past the engine's limit: over a long plan it would
/// otherwise overflow `Decimal` (a panic) or lose its precision.
fn check_compounding(scenario: &Scenario, base: &Analysis, from: i32) -> Result<(), ScenarioError> {
    let limit = Decimal::from(MAX_AMOUNT);
    let (mut largest, mut years) = (Decimal::ONE, 0);
    for c in &base.columns {
        largest = largest
            .max(c.members_total.abs())
            .max(c.costs.abs())
            .max(c.closing_equity.abs());
        if c.kind.is_planned() {
            years = years.max(c.year - from + 1);
        }
    }
    for (what, pct) in [
        ("Årlig uppräkning", scenario.step_up_pct),
        ("Indexering av kostnader", scenario.cost_index_pct),
        ("Ränta på eget kapital", scenario.interest_pct),
    ] {
        let Some(p) = pct.filter(|p| *p > Decimal::ZERO) else {
            continue;
        };
        let step = Decimal::ONE + p / Decimal::ONE_HUNDRED;
        let mut amount = largest;
        for _ in 0..years {
            // At most the limit (or the largest figure) before, and at
            // most doubled (step-up ≤ 100 %): it cannot overflow.
            amount *= step;
            if amount > limit {
                return Err(ScenarioError::AmountTooLarge { what });
            }
        }
    }
    Ok(())
}

/// The kommuner's split key for one column: explicit, or the column's
/// own baseline contributions.
fn key_weights(budget: &Budget, column: &ColumnFigures) -> Vec<Decimal> {
    match &budget.key {
        Some(key) => super::analysis::explicit_key_shares(budget, key),
        None => column.kommuner.clone(),
    }
}

/// Runs a scenario against the baseline analysis of the same budget.
pub fn run_scenario(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    options: &Options,
) -> Result<ScenarioOutcome, ScenarioError> {
    let from = validate(scenario, base)?;
    let kommun_index = |label: &str| base.kommun_names.iter().position(|k| k == label);
    for c in &scenario.changes {
        if let MemberRef::Kommun(label) = &c.member {
            if kommun_index(label).is_none() {
                return Err(ScenarioError::UnknownMember {
                    name: label.clone(),
                    members: member_names(base),
                });
            }
        }
    }

    let mut columns = base.columns.clone();
    let mut matches = Vec::new();
    let touches_costs = !scenario.cost_changes.is_empty()
        || !scenario.new_insatser.is_empty()
        || scenario.utilisation_pct.is_some()
        || scenario.cost_index_pct.is_some();
    let cost_classes = base.cost_classes();

    for (i, col) in base.columns.iter().enumerate() {
        if !col.kind.is_planned() {
            continue;
        }
        if col.year < from {
            // Before the start year only new insatser that begin earlier
            // count; everything else in the scenario starts at `from`.
            if scenario
                .new_insatser
                .iter()
                .any(|n| (n.start..=n.end).contains(&col.year))
            {
                let figures = &mut columns[i];
                figures.new_insatser = new_insatser_in(scenario, col.year);
                figures.recompute(&cost_classes);
            }
            continue;
        }
        let base_parties = Parties {
            state: col.state,
            region: col.region,
            kommuner: col.kommuner.clone(),
        };
        let mut offers = offers_before_changes(scenario, col, from);
        let weights = key_weights(budget, col);
        for c in &scenario.changes {
            apply_change(c, scenario, col, &weights, &kommun_index, &mut offers)?;
        }
        offers.state = scenario.state_offer.unwrap_or(col.state);
        // A table can give the state a negative figure; matching it would
        // silently pay zero instead, so it is refused like the others.
        if offers.state < Decimal::ZERO {
            return Err(ScenarioError::NegativeOffer {
                member: base.state_name.clone(),
                year: col.year,
                offer: offers.state,
            });
        }
        if offers.region < Decimal::ZERO {
            return Err(ScenarioError::NegativeOffer {
                member: base.region_name.clone(),
                year: col.year,
                offer: offers.region,
            });
        }
        if let Some(k) = offers.kommuner.iter().position(|o| *o < Decimal::ZERO) {
            return Err(ScenarioError::NegativeOffer {
                member: base.kommun_names[k].clone(),
                year: col.year,
                offer: offers.kommuner[k],
            });
        }
        let matched = match_change(&base_parties, &offers);
        let figures = &mut columns[i];
        figures.state = matched.paid.state;
        figures.region = matched.paid.region;
        figures.kommuner.clone_from(&matched.paid.kommuner);
        if touches_costs {
            apply_costs(scenario, base, figures, from);
            figures.recompute(&cost_classes);
        } else {
            figures.recompute_income();
        }
        matches.push(ColumnMatch {
            column: i,
            base: base_parties,
            offers,
            matched,
        });
    }
    let interest = scenario.interest_pct.map(|rate| (rate, from));
    rechain_shifted(&base.columns, &mut columns, &base.chain, interest);

    let mut findings = Vec::new();
    for m in &matches {
        let col = &columns[m.column];
        if !col.chained {
            continue;
        }
        if let Some(binding) = m.matched.binding {
            findings.push(
                Finding::new(
                    Severity::Warning,
                    Code::Unmatched,
                    Detail::Unmatched {
                        binding,
                        region: m.matched.unmatched_region,
                        kommuner: m.matched.unmatched_kommuner.iter().copied().sum(),
                        state_offer: m.offers.state,
                        state_needed: m.matched.state_needed,
                    },
                )
                .in_column(&col.label),
            );
        }
    }
    if scenario.mode == Mode::Alone {
        key_deviation_findings(budget, base, scenario, &columns, &matches, from, &mut findings);
    }
    findings.extend(equity_findings(&columns, &base.chain, options));
    sort_findings(&mut findings);

    let start = base
        .chained_column(from)
        .and_then(|i| matches.iter().find(|m| m.column == i));
    let leverage = start.and_then(|m| leverage(base, scenario, m));
    let asks = start.map(|m| asks(base, scenario, m)).unwrap_or_default();
    Ok(ScenarioOutcome {
        from_year: from,
        columns,
        matches,
        findings,
        leverage,
        asks,
    })
}

/// Yearly factor `(1 + p/100)^(year − from + 1)`: the start year already
/// carries one year's change.
fn yearly_factor(pct: Decimal, year: i32, from: i32) -> Decimal {
    let step = Decimal::ONE + pct / Decimal::ONE_HUNDRED;
    let years = u32::try_from(year - from + 1).unwrap_or(0);
    (0..years).fold(Decimal::ONE, |f, _| f * step)
}

/// The cost side of a scenario on one column: indexation, line changes,
/// new insatser, and the share of insats money expected to be used. The
/// granted sums are kept beside the expected ones.
fn apply_costs(scenario: &Scenario, base: &Analysis, figures: &mut ColumnFigures, from: i32) {
    let index = scenario
        .cost_index_pct
        .map(|p| yearly_factor(p, figures.year, from));
    let use_share = scenario.utilisation_pct.map(|p| p / Decimal::ONE_HUNDRED);
    let mut granted = Decimal::ZERO;
    for (j, line) in base.cost_lines.iter().enumerate() {
        let mut amount = figures.cost_lines[j];
        if let Some(f) = index {
            amount = round_kr(amount * f);
        }
        for c in scenario.cost_changes.iter().filter(|c| c.line == line.label) {
            amount = match c.edit {
                CostEdit::Kr(v) => amount + v,
                CostEdit::Percent(p) => round_kr(amount * (Decimal::ONE + p / Decimal::ONE_HUNDRED)),
                CostEdit::Off => Decimal::ZERO,
            };
        }
        if line.class == RowClass::Verksamhet {
            granted += amount;
            if let Some(share) = use_share {
                amount = round_kr(amount * share);
            }
        }
        figures.cost_lines[j] = amount;
    }
    let new = new_insatser_in(scenario, figures.year);
    granted += new;
    figures.new_insatser = match use_share {
        Some(share) => round_kr(new * share),
        None => new,
    };
    figures.granted_verksamhet = Some(granted);
}

/// The new insatser granted in a year.
fn new_insatser_in(scenario: &Scenario, year: i32) -> Decimal {
    scenario
        .new_insatser
        .iter()
        .filter(|n| (n.start..=n.end).contains(&year))
        .map(|n| n.yearly)
        .sum()
}

/// What the parties offer in a column before any member's own change:
/// the baseline, stepped up by the yearly percentage if there is one.
pub fn offers_before_changes(scenario: &Scenario, col: &ColumnFigures, from: i32) -> Parties {
    let mut offers = Parties {
        state: col.state,
        region: col.region,
        kommuner: col.kommuner.clone(),
    };
    if let Some(p) = scenario.step_up_pct {
        let factor = Decimal::ONE + p / Decimal::ONE_HUNDRED;
        let years = u32::try_from(col.year - from + 1).unwrap_or(0);
        let mut f = Decimal::ONE;
        for _ in 0..years {
            f *= factor;
        }
        offers.region = round_kr(offers.region * f);
        for k in &mut offers.kommuner {
            *k = round_kr(*k * f);
        }
    }
    offers
}

fn apply_change(
    c: &MemberChange,
    scenario: &Scenario,
    col: &ColumnFigures,
    weights: &[Decimal],
    kommun_index: &impl Fn(&str) -> Option<usize>,
    offers: &mut Parties,
) -> Result<(), ScenarioError> {
    let own_base = match &c.member {
        MemberRef::Region => col.region,
        MemberRef::Kommun(label) => kommun_index(label).map(|k| col.kommuner[k]).unwrap_or_default(),
    };
    let delta = match c.change {
        Change::Kr(v) => v,
        Change::Percent(p) => round_kr(own_base * p / Decimal::ONE_HUNDRED),
    };
    if delta.is_zero() {
        return Ok(());
    }
    match (&c.member, scenario.mode) {
        (MemberRef::Region, Mode::Key) => {
            offers.region += delta;
            for (k, part) in split_largest_remainder(delta, weights).into_iter().enumerate() {
                offers.kommuner[k] += part;
            }
        }
        (MemberRef::Region, Mode::Alone) => offers.region += delta,
        (MemberRef::Kommun(label), mode) => {
            let m = kommun_index(label).unwrap_or_default();
            let side = match mode {
                Mode::Alone => delta,
                Mode::Key => {
                    let own = weights.get(m).copied().unwrap_or_default();
                    if own <= Decimal::ZERO {
                        return Err(ScenarioError::NoKeyShare {
                            member: label.clone(),
                        });
                    }
                    let total: Decimal = weights.iter().copied().sum();
                    // A kommun with a tiny share moves the whole side by
                    // its change over that share: refused past the limit.
                    // (Both products stay far inside Decimal: the change
                    // and each weight are at most MAX_AMOUNT.)
                    if (delta * total).abs() > Decimal::from(MAX_AMOUNT) * own {
                        return Err(ScenarioError::AmountTooLarge { what: "Ändringen" });
                    }
                    let side = round_kr(delta * total / own);
                    let mut others = weights.to_vec();
                    others[m] = Decimal::ZERO;
                    if others.iter().any(|w| !w.is_zero()) {
                        for (k, part) in split_largest_remainder(side - delta, &others)
                            .into_iter()
                            .enumerate()
                        {
                            offers.kommuner[k] += part;
                        }
                    }
                    side
                }
            };
            offers.kommuner[m] += delta;
            if scenario.region_follows {
                offers.region += side;
            }
        }
    }
    Ok(())
}

fn changed_member_label(base: &Analysis, scenario: &Scenario) -> Option<(MemberRef, String)> {
    scenario.changes.last().map(|c| {
        let label = match &c.member {
            MemberRef::Region => base.region_name.clone(),
            MemberRef::Kommun(label) => label.clone(),
        };
        (c.member.clone(), label)
    })
}

fn leverage(base: &Analysis, scenario: &Scenario, m: &ColumnMatch) -> Option<Leverage> {
    let (member, label) = changed_member_label(base, scenario)?;
    let paid = &m.matched.paid;
    let member_delta = match &member {
        MemberRef::Region => paid.region - m.base.region,
        MemberRef::Kommun(l) => {
            let k = base.kommun_names.iter().position(|x| x == l)?;
            paid.kommuner[k] - m.base.kommuner[k]
        }
    };
    let kommun_side_delta = paid.kommuner_total() - m.base.kommuner_total();
    let total_delta = paid.total() - m.base.total();
    // Per krona of less than an öre means nothing, and could overflow.
    let per = |d: Decimal| (d.abs() >= Decimal::new(1, 2)).then(|| (total_delta / d).round_dp(2));
    Some(Leverage {
        year: base.columns[m.column].year,
        member: label,
        member_delta,
        kommun_side_delta,
        total_delta,
        per_krona: per(member_delta),
        per_kommun_krona: per(kommun_side_delta),
    })
}

fn asks(base: &Analysis, scenario: &Scenario, m: &ColumnMatch) -> Vec<Ask> {
    let changed = changed_member_label(base, scenario).map(|(r, _)| r);
    let mut asks = Vec::new();
    if changed != Some(MemberRef::Region) {
        asks.push(Ask {
            member: base.region_name.clone(),
            role: Role::Region,
            offer_delta: m.offers.region - m.base.region,
            paid_delta: m.matched.paid.region - m.base.region,
        });
    }
    for (k, name) in base.kommun_names.iter().enumerate() {
        if changed == Some(MemberRef::Kommun(name.clone())) {
            continue;
        }
        asks.push(Ask {
            member: name.clone(),
            role: Role::Kommun,
            offer_delta: m.offers.kommuner[k] - m.base.kommuner[k],
            paid_delta: m.matched.paid.kommuner[k] - m.base.kommuner[k],
        });
    }
    asks.push(Ask {
        member: base.state_name.clone(),
        role: Role::State,
        offer_delta: m.matched.state_needed - m.base.state,
        paid_delta: m.matched.paid.state - m.base.state,
    });
    asks
}

fn key_deviation_findings(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    columns: &[ColumnFigures],
    matches: &[ColumnMatch],
    from: i32,
    findings: &mut Vec<Finding>,
) {
    let Some(m) = base
        .chained_column(from)
        .and_then(|i| matches.iter().find(|m| m.column == i))
    else {
        return;
    };
    let col = &columns[m.column];
    let weights = key_weights(budget, &base.columns[m.column]);
    let key_amounts = split_largest_remainder(col.kommuner_total, &weights);
    let total_weight: Decimal = weights.iter().copied().sum();
    for c in &scenario.changes {
        let MemberRef::Kommun(label) = &c.member else {
            continue;
        };
        let Some(k) = base.kommun_names.iter().position(|x| x == label) else {
            continue;
        };
        if (col.kommuner[k] - key_amounts[k]).abs() <= Decimal::ONE {
            continue;
        }
        findings.push(
            Finding::new(
                Severity::Warning,
                Code::KeyDeviation,
                Detail::KeyDeviation {
                    kommun: label.clone(),
                    share_pct: percent_of(col.kommuner[k], col.kommuner_total).unwrap_or_default(),
                    key_pct: percent_of(weights[k], total_weight).unwrap_or_default(),
                },
            )
            .in_column(&col.label),
        );
    }
}

/// One sentence that says what the scenario is, for print-outs and the
/// CLI: "Scenario: Habo kommun +10 000 kr från 2024, ensam, …".
pub fn describe(base: &Analysis, scenario: &Scenario, from: i32, lang: Lang, f: &dyn NumberFormat) -> String {
    let sv = lang == Lang::Sv;
    let signed = |v: Decimal, unit: &str| {
        let sign = if v > Decimal::ZERO { "+" } else { "" };
        format!("{sign}{unit}")
    };
    let parts: Vec<String> = scenario
        .changes
        .iter()
        .map(|c| {
            let who = match &c.member {
                MemberRef::Region => base.region_name.as_str(),
                MemberRef::Kommun(l) => l.as_str(),
            };
            let how = match c.change {
                Change::Kr(v) => signed(v, &f.kr(v)),
                Change::Percent(p) => signed(p, &f.percent(p)),
            };
            format!("{who} {how}")
        })
        .collect();
    let what = match (parts.is_empty(), sv) {
        (true, true) => "inga ändrade bidrag".to_string(),
        (true, false) => "no contribution changed".to_string(),
        (false, _) => parts.join(", "),
    };
    let mut s = if sv {
        format!("Scenario: {what} från {from}")
    } else {
        format!("Scenario: {what} from {from}")
    };
    s.push_str(match (scenario.mode, sv) {
        (Mode::Key, true) => ", nyckelbunden (fördelningsnyckeln håller)",
        (Mode::Alone, true) => ", ensam (övriga kommuner oförändrade)",
        (Mode::Key, false) => ", key-bound (the split key holds)",
        (Mode::Alone, false) => ", alone (other municipalities unchanged)",
    });
    s.push_str(match (scenario.region_follows, sv) {
        (true, true) => ", regionen följer med",
        (false, true) => ", regionen följer inte med",
        (true, false) => ", the region follows",
        (false, false) => ", the region does not follow",
    });
    if let Some(offer) = scenario.state_offer {
        s.push_str(&if sv {
            format!(", statens utrymme {}", f.kr(offer))
        } else {
            format!(", state allocation {}", f.kr(offer))
        });
    }
    if let Some(p) = scenario.step_up_pct {
        s.push_str(&if sv {
            format!(", alla bidrag {} per år", signed(p, &f.percent(p)))
        } else {
            format!(", all contributions {} a year", signed(p, &f.percent(p)))
        });
    }
    s.push('.');
    s
}

/// The table's own findings (import and baseline checks), then the
/// scenario's matching and equity findings, which replace the baseline's.
pub fn visible_findings<'a>(
    import: &'a [Finding],
    base: &'a Analysis,
    outcome: &'a ScenarioOutcome,
) -> Vec<&'a Finding> {
    use super::findings::Code::*;
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
